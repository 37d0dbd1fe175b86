import * as vscode from 'vscode';
import type { CloudflareClient } from '../cloudflare';
import type { AccountProfile } from '../domain/accounts';
import { objectKey, type ObjectRef } from '../domain/objectRef';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ZoneState } from '../explorer/explorerState';
import { fetchObject } from '../explorer/fetchObject';
import { valueOf } from '../explorer/loadable';
import { findObject } from '../explorer/objectLookup';
import type { Clock } from '../shared/clock';
import { AppError } from '../shared/appError';
import type { Logger } from '../shared/logger';
import type { DiagnosisRecord, DiagnosisResults } from '../probing/diagnosisResults';
// The extension's one way into the diagnosis engine: keep it the only import of it (lazy loading).
import { loadDiagnose } from '../diagnose/load';
import { objectTarget, runDiagnoses, zoneTargets, type DiagnosisTarget } from '../probing/diagnosisRun';
import type { Settings } from '../platform/settings';

export interface DiagnoseControllerDependencies {
  readonly logger: Logger;
  readonly settings: () => Settings;
  readonly model: ExplorerModel;
  readonly clientFor: (profile: AccountProfile) => Promise<CloudflareClient>;
  readonly results: DiagnosisResults;
  readonly clock: Clock;
}

/** What "Diagnose Zone" came to. */
export interface ZoneDiagnosis {
  readonly zoneName: string;
  readonly records: readonly { readonly ref: ObjectRef; readonly record: DiagnosisRecord }[];
  readonly total: number;
  readonly cancelled?: { readonly done: number; readonly total: number };
  /** Custom hostnames the zone has that are not loaded (pages not fetched): not diagnosed. */
  readonly hostnamesNotLoaded: number;
}

const notLoaded = (): AppError => new AppError('not_loaded', 'That zone is not loaded (any more): refresh the Cloudflare Certificates view and try again.');

/**
 * Runs diagnoses from VS Code: the objects come from the explorer's data, DNS and HTTP
 * from the settings, API facts through the account's client (so they count in its rate
 * budget), progress and Cancel in a notification; every result goes to DiagnosisResults,
 * which the lifecycle panel and the tree read.
 */
export class DiagnoseController {
  constructor(private readonly deps: DiagnoseControllerDependencies) {}

  /**
   * Diagnoses one pack or custom hostname. `quiet`: in the status bar, not a notification
   * (the panel diagnosing again after its object changed). Undefined when cancelled.
   */
  async diagnoseObject(ref: ObjectRef, options: { readonly quiet?: boolean } = {}): Promise<DiagnosisRecord | undefined> {
    if (ref.kind !== 'certificatePack' && ref.kind !== 'customHostname') throw new AppError('not_diagnosable', 'Choose "Diagnose" on a certificate pack or a custom hostname: only they are validated through DNS and HTTP.');
    const { client, state } = await this.zone(ref.account, ref.zone, ref.kind === 'customHostname');
    const item = findObject(this.deps.model, ref) ?? (await fetchObject(client, ref));
    const target = objectTarget(ref.account, state, item, this.deps.settings().cnameTargets);
    if (target === undefined) throw new AppError('not_diagnosable', 'Only certificate packs and custom hostnames can be diagnosed.');
    const name = target.subject.hosts.find((host) => host !== state.zone.name) ?? target.subject.hosts[0] ?? ref.id;
    const location = options.quiet === true ? vscode.ProgressLocation.Window : vscode.ProgressLocation.Notification;
    let result: DiagnosisRecord | undefined;
    await vscode.window.withProgress({ location, title: `Diagnosing ${name}…`, cancellable: options.quiet !== true }, async (_progress, token) => {
      await this.run([target], client, token, (record) => {
        result = record;
      });
    });
    return result;
  }

  /** Diagnoses every loaded pack and custom hostname of the zone that is not active, with progress and Cancel. */
  async diagnoseZone(account: string, zone: string): Promise<ZoneDiagnosis> {
    const { client, state } = await this.zone(account, zone, true);
    const targets = zoneTargets(account, state, this.deps.settings().cnameTargets);
    const hostnames = valueOf(state.hostnames);
    const hostnamesNotLoaded = hostnames === undefined ? 0 : Math.max(0, hostnames.total - hostnames.items.length);
    if (targets.length === 0) return { zoneName: state.zone.name, records: [], total: 0, hostnamesNotLoaded };
    const records: { ref: ObjectRef; record: DiagnosisRecord }[] = [];
    const byKey = new Map(targets.map((target) => [objectKey(target.ref), target.ref]));
    const outcome = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: `Diagnosing ${targets.length} objects of ${state.zone.name}…`, cancellable: true },
      (progress, token) => this.run(targets, client, token, (record, key, done, total) => {
        const ref = byKey.get(key);
        if (ref !== undefined) records.push({ ref, record });
        progress.report({ increment: 100 / total, message: `${done} of ${total}` });
      }),
    );
    return { zoneName: state.zone.name, records, total: targets.length, ...(outcome.cancelled === undefined ? {} : { cancelled: outcome.cancelled }), hostnamesNotLoaded };
  }

  private async run(
    targets: readonly DiagnosisTarget[],
    client: CloudflareClient,
    token: vscode.CancellationToken,
    onRecord: (record: DiagnosisRecord, key: string, done: number, total: number) => void,
  ): Promise<{ cancelled?: { done: number; total: number } }> {
    const settings = this.deps.settings();
    if (settings.dnsServers.length === 0) throw new AppError('no_dns_servers', 'No DNS server is configured on this machine: name one in the setting cloudflareCertificates.dns.servers.');
    const controller = new AbortController();
    const cancel = token.onCancellationRequested(() => controller.abort());
    if (token.isCancellationRequested) controller.abort();
    const end = this.deps.results.start(targets.map((target) => objectKey(target.ref)));
    try {
      const outcome = await runDiagnoses(targets, {
        client,
        servers: settings.dnsServers,
        rules: settings.probeResolve,
        concurrency: settings.concurrency,
        timeoutMs: loadDiagnose().defaultDiagnoseTimeoutMs,
        signal: controller.signal,
        now: () => this.deps.clock.now(),
        onRecord: (key, record, done, total) => {
          this.deps.results.record(key, record);
          onRecord(record, key, done, total);
        },
      });
      this.deps.logger.info(`Diagnosed ${outcome.records} of ${targets.length} object(s)${outcome.cancelled === undefined ? '' : ' (cancelled)'}`);
      return outcome;
    } finally {
      cancel.dispose();
      end();
    }
  }

  /** The zone's state with what a diagnosis reads loaded (the fallback origin is in its details), and the account's client. */
  private async zone(account: string, zone: string, needDetails: boolean): Promise<{ client: CloudflareClient; state: ZoneState }> {
    const { model } = this.deps;
    const profile = model.account(account)?.profile;
    if (profile === undefined) throw new AppError('not_loaded', 'The account of this object is no longer in the Cloudflare Certificates view.');
    if (model.zone(account, zone) === undefined) await model.loadZones(account);
    const state = model.zone(account, zone);
    if (state === undefined) throw notLoaded();
    if (needDetails && state.details.status === 'idle') await model.loadZone(account, zone);
    return { client: await this.deps.clientFor(profile), state: model.zone(account, zone) ?? state };
  }
}
