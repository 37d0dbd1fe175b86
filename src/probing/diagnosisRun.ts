/**
 * The extension's one way into the diagnosis engine (src/diagnose): which objects to
 * diagnose and running the checks, by the same rules and helpers as `cfcerts diagnose`.
 * Everything else in the extension imports only types from the engine, so this module
 * (and the engine behind it) can be loaded lazily.
 */
import type { CloudflareClient } from '../cloudflare';
import type { ConnectRule, DnsServer, Subject } from '../diagnose';
import { loadDiagnose } from '../diagnose/load';
import type { ObjectRef } from '../domain/objectRef';
import { objectKey } from '../domain/objectRef';
import type { ZoneState } from '../explorer/explorerState';
import { valueOf } from '../explorer/loadable';
import { groupObjects } from '../explorer/zoneObjects';
import type { CertificateObject } from '../domain/objectHealth';
import { diagnosisBasis, type DiagnosisRecord } from './diagnosisResults';

/** One object to diagnose: where its result goes, and the facts the checks read. */
export interface DiagnosisTarget {
  readonly ref: ObjectRef;
  readonly subject: Subject;
  readonly basis: string;
}

/** Only certificate packs and custom hostnames are validated by DNS and HTTP: the others have nothing to diagnose. */
export function isDiagnosable(item: CertificateObject): item is Extract<CertificateObject, { kind: 'certificatePack' | 'customHostname' }> {
  return item.kind === 'certificatePack' || item.kind === 'customHostname';
}

function targetOf(account: string, state: ZoneState, item: CertificateObject, cnameTargets: ReadonlyMap<string, readonly string[]>): DiagnosisTarget | undefined {
  if (!isDiagnosable(item)) return undefined;
  const facts = loadDiagnose().zoneFacts(state.zone, valueOf(state.details)?.fallbackOrigin, cnameTargets);
  const subject = item.kind === 'customHostname' ? loadDiagnose().hostnameSubject(item.object, facts) : loadDiagnose().packSubject(item.object, facts);
  return { ref: { account, zone: state.zone.id, kind: item.kind, id: item.object.id }, subject, basis: diagnosisBasis(item) };
}

/** The one object, from the copy the caller holds (the freshest known). */
export function objectTarget(account: string, state: ZoneState, item: CertificateObject, cnameTargets: ReadonlyMap<string, readonly string[]>): DiagnosisTarget | undefined {
  return targetOf(account, state, item, cnameTargets);
}

/** "Diagnose Zone": every loaded pack and custom hostname of the zone that is not active, as `cfcerts diagnose --zone` picks them. */
export function zoneTargets(account: string, state: ZoneState, cnameTargets: ReadonlyMap<string, readonly string[]>): DiagnosisTarget[] {
  const items = [...groupObjects(state, 'edgeCertificates'), ...groupObjects(state, 'customHostnames')].filter((item) =>
    item.kind === 'certificatePack' ? loadDiagnose().notActivePack(item.object) : item.kind === 'customHostname' && loadDiagnose().notActiveHostname(item.object));
  return items.flatMap((item) => targetOf(account, state, item, cnameTargets) ?? []);
}

export interface RunOptions {
  readonly client: CloudflareClient;
  readonly servers: readonly DnsServer[];
  readonly rules: readonly ConnectRule[];
  readonly concurrency: number;
  readonly timeoutMs: number;
  readonly signal: AbortSignal;
  readonly now: () => number;
  /** Each object's record as it is ready; never called for an object still running when cancelled. */
  readonly onRecord: (key: string, record: DiagnosisRecord, done: number, total: number) => void;
}

export interface RunOutcome {
  readonly records: number;
  readonly cancelled?: { readonly done: number; readonly total: number };
}

/** Diagnoses the targets together (one DNS cache, each API fact asked once), reporting each as it finishes. */
export async function runDiagnoses(targets: readonly DiagnosisTarget[], options: RunOptions): Promise<RunOutcome> {
  const apiErrors: string[] = [];
  const context = loadDiagnose().createCheckContext({
    servers: options.servers,
    timeoutMs: options.timeoutMs,
    concurrency: options.concurrency,
    rules: options.rules,
    signal: options.signal,
    now: () => new Date(options.now()),
    api: loadDiagnose().clientDiagnosisApi(options.client, options.signal),
    onApiError: (what, error) => apiErrors.push(`${what === 'ips' ? "Cloudflare's address ranges" : 'The DCV delegation UUID'}: ${error instanceof Error ? error.message : String(error)}`),
  });
  const servers = options.servers.map((server) => (server.address.includes(':') ? `[${server.address}]:${server.port}` : `${server.address}:${server.port}`));
  let done = 0;
  await Promise.all(targets.map(async (target) => {
    const diagnosis = await loadDiagnose().diagnoseSubject(target.subject, context);
    // An answer that arrives after Cancel holds "cancelled" unknowns: not a diagnosis.
    if (options.signal.aborted) return;
    done += 1;
    options.onRecord(objectKey(target.ref), {
      diagnosis, summary: loadDiagnose().summarize(diagnosis), worst: loadDiagnose().worstSeverity(diagnosis.findings), checkedAt: options.now(), servers, basis: target.basis, apiErrors: [...apiErrors],
    }, done, targets.length);
  }));
  return { records: done, ...(options.signal.aborted ? { cancelled: { done, total: targets.length } } : {}) };
}
