import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { CommandIds } from '../platform/commandIds';
import { runCommand } from '../platform/runCommand';
import { AppError } from '../shared/appError';
import type { ExplorerModel } from '../explorer/explorerModel';
import { objectKey } from '../domain/objectRef';
import type { Logger } from '../shared/logger';
import { loadPanels } from '../panels/load';
import { ProbeActions } from '../panels/probeActions';
import type { ProbeResults } from '../probing/probeResults';
import { probeRunCommands, probeRunJson } from '../probing/probeCopies';
import { planHostname, planObject, planZone, type ProbePlan, type ProbeSource } from '../probing/probePlan';
import type { ProbeRun } from '../probing/probeRun';
import { ProbeRunLog } from '../probing/probeRunLog';
import { runProbePlan } from '../probing/runProbePlan';
import { readTrustRoots } from '../probing/trustRoots';
import { verdictLabel } from '../probing/verdictPresentation';
import { loadedCatalogs, zoneCatalog } from '../probing/zoneCatalog';
import type { ProbeMemory } from '../platform/probeMemory';
import type { Settings } from '../platform/settings';
import type { PanelDocument } from '../panels/document';
import { ProbePanel } from './webviewPanels/probePanel';

export interface ProbeControllerDependencies {
  readonly extensionUri: vscode.Uri;
  readonly logger: Logger;
  readonly settings: () => Settings;
  readonly model: ExplorerModel;
  readonly probes: ProbeResults;
  readonly memory: ProbeMemory;
}

/**
 * Runs probes from VS Code: plans from the loaded API data, probes with progress and
 * cancellation in a notification, records each result for the lifecycle panel, and shows
 * runs in the one results panel, whose toolbar acts on the run it shows.
 */
export class ProbeController implements vscode.Disposable {
  private readonly panel: ProbePanel;
  private shown: ProbeRun | undefined;
  /** The runs shown lately, by key, for their "served chain" documents. */
  private readonly runs = new ProbeRunLog(randomBytes(4).toString('hex'));

  constructor(private readonly deps: ProbeControllerDependencies) {
    this.panel = new ProbePanel({ extensionUri: deps.extensionUri, logger: deps.logger, onAction: (id) => runCommand(`probe panel ${id}`, deps.logger, () => this.act(id))() });
  }

  /** Probes what `source` names. Undefined when cancelled before any name was probed. */
  async run(source: ProbeSource): Promise<ProbeRun | undefined> {
    const plan = await this.plan(source);
    const settings = this.deps.settings();
    const roots = await readTrustRoots(settings.probeCaFile);
    const total = plan.probes.length;
    const title = total === 1 ? `Probing ${plan.probes[0]?.servername ?? ''}…` : `Probing ${total} names…`;
    const run = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title, cancellable: true }, (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      return runProbePlan(plan, {
        rules: settings.probeResolve,
        ...(roots === undefined ? {} : { roots }),
        concurrency: settings.concurrency,
        warningDays: settings.expiryWarningDays,
        signal: controller.signal,
        onOutcome: (outcome, done) => progress.report({ increment: 100 / total, message: `${done} of ${total}: ${outcome.result.servername} ${verdictLabel(outcome.result.verdict)}` }),
      });
    });
    for (const outcome of run.outcomes) {
      this.deps.probes.record(outcome.planned.ref === undefined ? undefined : objectKey(outcome.planned.ref), outcome.result);
    }
    this.deps.logger.info(`${plan.title}: ${run.outcomes.map((outcome) => `${outcome.result.servername} ${outcome.result.verdict}`).join(', ') || 'nothing probed'}${run.cancelled === undefined ? '' : ' (cancelled)'}`);
    if (source.kind === 'hostname') await this.rememberHostname(source, run);
    return run.outcomes.length === 0 && run.cancelled !== undefined ? undefined : run;
  }

  /** Shows a run in the results panel and brings it forward. */
  showResults(run: ProbeRun): void {
    this.shown = run;
    this.runs.keep(run);
    this.panel.show(loadPanels().buildProbeDocument(run, { warningDays: this.deps.settings().expiryWarningDays, format: (ms) => new Date(ms).toLocaleString() }), true);
  }

  /** The key of the run the results panel shows (or showed last), for its served chain document. */
  get shownRunKey(): string | undefined {
    return this.shown === undefined ? undefined : this.runs.keep(this.shown);
  }

  /** A run shown lately, by its key; undefined once it is let go (or from another window). */
  runOf(key: string): ProbeRun | undefined {
    return this.runs.get(key);
  }

  /** What the results panel shows, if it is open. */
  get document(): PanelDocument | undefined {
    return this.panel.document;
  }

  /** Runs a results panel action as its button does (only those offered). */
  performPanelAction(id: string): Promise<void> {
    return this.panel.perform(id);
  }

  private async plan(source: ProbeSource): Promise<ProbePlan> {
    const { model } = this.deps;
    switch (source.kind) {
      case 'hostname':
        return planHostname(loadedCatalogs(model), source);
      case 'object': {
        const catalog = zoneCatalog(model, source.ref.account, source.ref.zone);
        if (catalog === undefined) throw new AppError('not_loaded', 'That zone is not loaded (any more): refresh the Cloudflare Certificates view and try again.');
        return planObject(catalog, source);
      }
      case 'zone': {
        const state = model.zone(source.account, source.zone);
        if (state === undefined) throw new AppError('not_loaded', 'That zone is not loaded (any more): refresh the Cloudflare Certificates view and try again.');
        if (state.details.status === 'idle') await model.loadZone(source.account, source.zone);
        const catalog = zoneCatalog(model, source.account, source.zone);
        const plan = catalog === undefined ? undefined : planZone(catalog, source);
        if (plan === undefined || plan.probes.length === 0) throw new AppError('nothing_to_probe', `No loaded certificate of ${state.zone.name} names a host to probe.`);
        return plan;
      }
    }
  }

  private async rememberHostname(source: Extract<ProbeSource, { kind: 'hostname' }>, run: ProbeRun): Promise<void> {
    const verdict = run.outcomes[0]?.result.verdict;
    await this.deps.memory.remember({ servername: source.servername, ...(source.connect === undefined ? {} : { connect: source.connect }), ...(verdict === undefined ? {} : { verdict }), at: run.finishedAt });
  }

  private async act(id: string): Promise<void> {
    const run = this.shown;
    if (run === undefined) return;
    switch (id) {
      case ProbeActions.probeAgain: {
        const again = await this.run(run.plan.source);
        if (again !== undefined) this.showResults(again);
        return;
      }
      case ProbeActions.copyJson:
        await vscode.env.clipboard.writeText(probeRunJson(run));
        vscode.window.setStatusBarMessage('$(check) Copied the probe results as JSON', 3000);
        return;
      case ProbeActions.copyOpenssl:
        await vscode.env.clipboard.writeText(probeRunCommands(run));
        vscode.window.setStatusBarMessage('$(check) Copied the openssl command', 3000);
        return;
      case ProbeActions.openServedChain:
        await vscode.commands.executeCommand(CommandIds.openServedChain, this.runs.keep(run));
        return;
      case ProbeActions.showDetails:
        if (run.plan.ref !== undefined) await vscode.commands.executeCommand(CommandIds.showDetails, run.plan.ref);
        return;
    }
  }

  dispose(): void {
    this.panel.dispose();
  }
}
