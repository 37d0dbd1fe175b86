/** The diagnosis engine: checks that join Cloudflare's view of an object with live DNS and HTTP. */
export { allChecks, diagnoseAll, diagnoseSubject, summarize, type Diagnosis } from './engine';
export { isProblemOrUnknown, severityRank, worstSeverity, type CheckName, type Finding, type FindingSeverity, type Fix } from './finding';
export { hostnameSubject, packSubject, type Subject, type ZoneFacts } from './subject';
export { type Check, type CheckContext, type Unavailable, isUnavailable } from './checks/context';
export { caaAllows, caDomains } from './checks/caa';
export { delegationTarget } from './checks/dcvDelegation';
export { createDnsClient, type DnsClientOptions, type DnsStats } from './dns/dnsClient';
export { resolveChain, type Resolution } from './dns/resolveChain';
export type { DnsClient, DnsRecord, DnsResponse, DnsServer, QuestionType } from './dns/dnsTypes';
export { createHttpFetcher, type FetchOutcome, type HttpFetcher } from './httpFetch';
export { matchConnectRule, parseConnectRule, ConnectRuleError, type ConnectRule } from './connectRules';
export { rangeMatcher, type IpRanges } from './ipRanges';
export { canonicalName } from './names';
export { createCheckContext, type DiagnosisApi, type DiagnosisSettings } from './checkContext';
export { notActiveHostname, notActivePack, selectSubjects, zoneFacts, type Selection, type Selected } from './selectSubjects';
export { clientDiagnosisApi, defaultDiagnoseTimeoutMs } from './clientApi';
