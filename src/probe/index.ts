/** The probe's public surface: the CLI, the extension and the benchmark import from here only. */
export { probe, DEFAULT_TIMEOUT_MS, type ProbeOptions } from './probe';
export { probeMany, type ProbeManyOptions } from './probeMany';
export { probeMatrix, worstVerdict, VERDICT_ORDER, type MatrixOptions, type MatrixResult, type MatrixCell, type MatrixDifference } from './matrix';
export { judgeProbe, expectationMismatches, certificateCovers, normalizeSerial, DEFAULT_WARNING_DAYS, type VerdictInput, type VerdictOptions, type VerdictReport } from './verdict';
export { toProbeJson, type ProbeJson, type ProbeJsonCertificate } from './probeJson';
export { normalizeHost, normalizePort, type ParsedHost } from './normalizeTarget';
export { resolveProbeTarget, type ProbeTarget, type TargetInput } from './probeTarget';
export { systemResolver, reportDns, type DnsResolver, type LookupAddress } from './dnsLookup';
export { summarizePeerCertificate, summarizeX509 } from './certificateSummary';
export { ProbeError, type ProbeErrorCode } from './errors';
export type { TrustRoots } from './offers';
export type * from './types';
export { formatProbeText, formatMatrixText, clean } from './textReport';
