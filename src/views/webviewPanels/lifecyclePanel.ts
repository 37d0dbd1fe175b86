import * as vscode from 'vscode';
import type { CloudflareClient } from '../../cloudflare';
import { CloudflareApiError } from '../../cloudflare/errors';
import type { AccountProfile } from '../../domain/accounts';
import type { Clock } from '../../shared/clock';
import type { ExpiryThresholds } from '../../domain/expiry';
import type { ExplorerModel } from '../../explorer/explorerModel';
import { isStale, loadedAt, valueOf, type Loadable } from '../../explorer/loadable';
import type { CertificateObject } from '../../domain/objectHealth';
import { type ObjectRef } from '../../domain/objectRef';
import type { ExplorerSnapshot } from '../../explorer/snapshot';
import type { TransitionHistory } from '../../explorer/transitionHistory';
import type { Logger } from '../../shared/logger';
import { isLifecycleActionId, LifecycleActionIds, type LifecycleActionId } from '../../panels/lifecycleActions';
import type { Freshness } from '../../panels';
import { loadPanels } from '../../panels/load';
import { resolveSource, shouldFetch, type SourceState } from '../../panels/panelSource';
import type { ProbeResults } from '../../probing/probeResults';
import { diagnosisBasis, type DiagnosisRecord, type DiagnosisResults } from '../../probing/diagnosisResults';
import { CommandIds } from '../../platform/commandIds';
import { runCommand } from '../../platform/runCommand';
import { userMessage } from '../../platform/userMessage';
import type { PanelDocument } from '../../panels/document';
import type { DocumentPanel } from './documentPanel';

export interface LifecyclePanelDependencies {
  readonly logger: Logger;
  readonly model: ExplorerModel;
  /** The model's latest snapshot, as the tree draws it: what the panel shows of the object. */
  readonly snapshot: () => ExplorerSnapshot;
  readonly clientFor: (profile: AccountProfile) => Promise<CloudflareClient>;
  readonly history: TransitionHistory;
  readonly probes: ProbeResults;
  readonly diagnoses: DiagnosisResults;
  /** Diagnoses the object again, quietly: its data changed since its last diagnosis. */
  readonly rediagnose: (ref: ObjectRef) => void;
  readonly thresholds: () => ExpiryThresholds;
  readonly clock: Clock;
}

/** Local date and time, as the user reads them everywhere else in VS Code. */
const localTime = (ms: number): string => new Date(ms).toLocaleString();

/**
 * One lifecycle panel: which object it shows, where its data comes from (the explorer's
 * model, or a copy fetched by id), and its toolbar actions. Rebuilds its document whenever
 * asked; the webview only redraws when the document actually changed.
 */
export class LifecyclePanel {
  private fetched: SourceState['fetched'];
  private failure: SourceState['failure'];
  private remembered: SourceState['remembered'];
  private fetching: Promise<void> | undefined;
  /** The zone's name when the model has not loaded the zone (a panel restored after a reload). */
  private zoneName: string | undefined;
  private shown = '';
  /** The object's diagnosisBasis the panel last asked to diagnose again for: at most once per change. */
  private rediagnosedFor: string | undefined;

  constructor(
    readonly ref: ObjectRef,
    readonly key: string,
    readonly view: DocumentPanel,
    private readonly deps: LifecyclePanelDependencies,
  ) {}

  get document(): PanelDocument | undefined {
    return this.view.document;
  }

  /** Draws the panel from what is known now, fetching the object first if nothing is. */
  render(): void {
    const state = this.sourceState();
    if (shouldFetch(state)) {
      void this.refresh();
      return;
    }
    this.showDocument(this.build(state));
  }

  /** Resolves when a fetch under way has finished (at once when none is). */
  async settled(): Promise<void> {
    await this.fetching;
  }

  /** Reads the object from the API by id, updates the tree's copy too, and redraws. */
  refresh(): Promise<void> {
    if (this.fetching !== undefined) return this.fetching;
    const done = this.fetch().finally(() => {
      this.fetching = undefined;
      this.showDocument(this.build(this.sourceState()));
    });
    this.fetching = done;
    this.showDocument(this.build(this.sourceState()));
    return done;
  }

  private async fetch(): Promise<void> {
    const account = this.deps.model.account(this.ref.account);
    if (account === undefined) {
      this.failure = { at: this.deps.clock.now(), gone: true, message: 'The account of this object is no longer in the Cloudflare Certificates view.' };
      return;
    }
    try {
      const client = await this.deps.clientFor(account.profile);
      if (this.deps.model.zone(this.ref.account, this.ref.zone) === undefined && this.zoneName === undefined) {
        this.zoneName = await client.getZone(this.ref.zone).then(
          (zone) => zone.name,
          () => undefined,
        );
      }
      // The model reads it and puts it in place (when it has the zone loaded), so the tree shows the fresher copy too.
      const item = await this.deps.model.refreshObject(this.ref);
      this.fetched = { item, at: this.deps.clock.now() };
      this.failure = undefined;
    } catch (error) {
      const gone = CloudflareApiError.is(error) && error.code === 'not_found';
      if (!gone) this.deps.logger.warn(`Loading ${this.key} for its lifecycle panel failed`, error);
      this.failure = { at: this.deps.clock.now(), gone, message: gone ? 'Cloudflare has no such object: it was deleted, or this account cannot see it.' : userMessage(error) };
    }
  }

  /** Runs a toolbar action through the one command runner (errors become messages there); the webview can only ask for the ones the document offers. */
  runAction(id: string): Promise<void> {
    return runCommand('lifecyclePanel.action', this.deps.logger, async (): Promise<void> => {
      if (isLifecycleActionId(id)) await this.run(id);
    })();
  }

  private async run(id: LifecycleActionId): Promise<void> {
    switch (id) {
      case LifecycleActionIds.refresh:
        return this.refresh();
      case LifecycleActionIds.restartValidation:
      case LifecycleActionIds.refreshValidation: {
        // The commands ask for confirmation (modal); the model writes and puts the object read back in place, which redraws this panel.
        await vscode.commands.executeCommand(id === LifecycleActionIds.restartValidation ? CommandIds.restartValidation : CommandIds.refreshValidation, this.ref);
        // A panel whose zone the model has not loaded shows its own copy: read it again.
        if (this.deps.snapshot().find(this.ref) === undefined) await this.refresh();
        return;
      }
      case LifecycleActionIds.diagnose:
        // The command takes the ObjectRef as it takes a tree node; the Diagnosis section follows the results.
        await vscode.commands.executeCommand(CommandIds.diagnose, this.ref);
        return;
      case LifecycleActionIds.probe:
        await vscode.commands.executeCommand(CommandIds.probe, this.ref);
        return;
      case LifecycleActionIds.openInDashboard:
        // The command finds the zone's name and account in the model: load the zone list if a restored panel came first.
        if (this.deps.model.zone(this.ref.account, this.ref.zone) === undefined) await this.deps.model.loadZones(this.ref.account);
        await vscode.commands.executeCommand(CommandIds.openInDashboard, this.ref);
        return;
      case LifecycleActionIds.openApiObject:
        await vscode.commands.executeCommand(CommandIds.openApiObject, this.ref);
        return;
    }
  }

  /** The copy of the object the panel shows (the model's, one fetched by id, or the last known), if any. */
  shownObject(): CertificateObject | undefined {
    const resolution = resolveSource(this.sourceState());
    return resolution.kind === 'show' ? resolution.item : undefined;
  }

  private sourceState(): SourceState {
    const snapshot = this.deps.snapshot();
    const zone = snapshot.zone(this.ref.account, this.ref.zone);
    const loadable: Loadable<unknown> | undefined = zone === undefined ? undefined : this.ref.kind === 'customHostname' ? zone.hostnames : zone.details;
    const item = snapshot.find(this.ref);
    const at = loadable !== undefined && valueOf(loadable) !== undefined ? loadedAt(loadable) : undefined;
    const staleReason = loadable !== undefined && isStale(loadable) && loadable.status === 'failed' ? loadable.error.message : undefined;
    if (item !== undefined) this.remembered = { item, ...(at === undefined ? {} : { at }) };
    return {
      model: { ...(item === undefined ? {} : { item }), ...(at === undefined ? {} : { at }), ...(staleReason === undefined ? {} : { staleReason }) },
      ...(this.fetched === undefined ? {} : { fetched: this.fetched }),
      ...(this.failure === undefined ? {} : { failure: this.failure }),
      ...(this.remembered === undefined ? {} : { remembered: this.remembered }),
      fetching: this.fetching !== undefined,
    };
  }

  private build(state: SourceState): PanelDocument {
    const resolution = resolveSource(state);
    switch (resolution.kind) {
      case 'loading':
        return loadPanels().loadingDocument(this.ref);
      case 'unavailable':
        return loadPanels().unavailableDocument(this.ref, resolution.reason, resolution.gone);
      case 'show':
        return this.lifecycle(resolution.item, resolution.freshness);
    }
  }

  private lifecycle(item: CertificateObject, freshness: Freshness): PanelDocument {
    const snapshot = this.deps.snapshot();
    const zoneName = snapshot.zone(this.ref.account, this.ref.zone)?.zone.name ?? this.zoneName;
    const accountLabel = snapshot.account(this.ref.account)?.profile.label;
    return loadPanels().lifecycleDocument({
      item,
      ...(zoneName === undefined ? {} : { zoneName }),
      ...(accountLabel === undefined ? {} : { accountLabel }),
      history: this.deps.history.of(this.key),
      probes: this.deps.probes.latestFor(this.key),
      ...(item.kind === 'certificatePack' || item.kind === 'customHostname' ? { diagnosis: this.diagnosis(item) } : {}),
      now: this.deps.clock.now(),
      thresholds: this.deps.thresholds(),
      freshness,
      format: localTime,
    });
  }

  /**
   * The Diagnosis section's input. When a refresh brought a copy whose statuses or records
   * differ from the diagnosed one, the section updates itself: the object is diagnosed again.
   */
  private diagnosis(item: CertificateObject): { record?: DiagnosisRecord; running: boolean; basis: string } {
    const record = this.deps.diagnoses.get(this.key);
    const running = this.deps.diagnoses.isRunning(this.key);
    const basis = diagnosisBasis(item);
    if (record !== undefined && !running && record.basis !== basis && this.rediagnosedFor !== basis) {
      this.rediagnosedFor = basis;
      this.deps.rediagnose(this.ref);
    }
    return { ...(record === undefined ? {} : { record }), running, basis };
  }

  /** Posts only a changed document: the model reports many changes while a refresh runs. */
  private showDocument(document: PanelDocument): void {
    const text = JSON.stringify(document);
    if (text === this.shown) return;
    this.shown = text;
    this.view.show(document);
  }
}
