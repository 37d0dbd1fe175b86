import * as vscode from 'vscode';
// Activation loads only what shows the tree. Everything else is imported here as types
// and reached through a load*() function when first used (src/shared/lazy.ts): a value
// import of a heavy module at the top of this file, or of a file it imports, would put
// it back into every activation, and esbuild.js fails the build when that happens.
import type { ExpiryThresholds } from './domain/expiry';
import type { CommandContext } from './commands/context';
import { registerCommands } from './commands/commandRegistry';
import { systemClock } from './shared/clock';
import { ExplorerModel } from './explorer/explorerModel';
import { maskUrl } from './shared/maskUrl';
import { PendingPoller } from './explorer/pendingPoller';
import type { Transition } from './explorer/transitionHistory';
import type { ViewOptions } from './explorer/viewOptions';
import { walkTree, type WalkedItem } from './explorer/walkTree';
import type { ExplorerNode } from './explorer/nodes';
import { findObject } from './explorer/objectLookup';
import { parseObjectKey, type ObjectRef } from './domain/objectRef';
import { ProbeResults } from './probing/probeResults';
import { DiagnosisResults, type DiagnosisRecord } from './probing/diagnosisResults';
import { DiagnosisDecorations } from './views/diagnosisDecorations';
import type { ProbeResult } from './probe';
import { AccountStore } from './platform/accountStore';
import { ApiOriginConsent } from './platform/apiOriginConsent';
import { ClientPool } from './platform/clients';
import { IgnoredWorkspaceSettings } from './platform/ignoredWorkspaceSettings';
import { loggerFromChannel } from './platform/outputLogger';
import { ProbeMemory } from './platform/probeMemory';
import { readSettings, settingsSection, type Settings } from './platform/settings';
import { SerialMemento } from './platform/serialMemento';
import { TransitionStore } from './platform/transitionStore';
import { ViewOptionsStore } from './platform/viewOptionsStore';
import { apiServerDescription } from './views/apiServerDescription';
import { AutoRefresh } from './views/autoRefresh';
import { ExpandedZones } from './views/expandedZones';
import { ExplorerProvider, explorerViewId } from './views/explorerProvider';
import { ExplorerSignals } from './views/explorerSignals';
import { LifecyclePanels } from './views/webviewPanels/lifecyclePanels';
import type { ProbeController } from './views/probeController';
import type { DiagnoseController } from './views/diagnoseController';
import { loadViews } from './views/load';
import { RawDataDocuments } from './views/rawDataDocuments';
import { ProblemsStatusBar } from './views/statusBar';
import { TransitionNotifier } from './views/transitionNotifier';
import type { PanelDocument } from './panels/document';

/**
 * The test hooks the extension exports to its integration tests, and only to them: they
 * exist when VS Code runs the extension in `ExtensionMode.Test` (a test run from the
 * development folder), never in an installed extension. Not an API for other extensions.
 */
export interface CloudflareCertificatesApi {
  /** The whole tree, expanded and loaded, as data. */
  snapshotTree(): Promise<WalkedItem[]>;
  /** The settings in force, once the last change has been applied (clients and tree reset). */
  settingsApplied(): Promise<Settings>;
  refresh(): Promise<void>;
  /** The filter and grouping (in force and as stored for the next window) and the signals shown now. */
  viewState(): ViewState;
  /** Test hook: the waits between polls of pending objects (ms); undefined restores the default. */
  setPendingPollSchedule(schedule: readonly number[] | undefined): void;
  /** The status transitions seen of one object, by its object key (see objectKey). */
  transitionsOf(key: string): readonly Transition[];
  /** The last probe result per name of one object, by its object key, most recent first. */
  probeResultsOf(key: string): readonly ProbeResult[];
  /** The last diagnosis of one object, by its object key. */
  diagnosisOf(key: string): DiagnosisRecord | undefined;
  /** What the tree shows of an object's last diagnosis: its tooltip lines and whether its row is badged. */
  diagnosisRowOf(key: string): { tooltip: string | undefined; badge: string | undefined };
  /** What the probe results panel shows, when it is open. */
  probePanelDocument(): PanelDocument | undefined;
  /** Test hook: runs a probe results panel action as its toolbar button does. */
  runProbePanelAction(id: string): Promise<void>;
  /** The open lifecycle panels: each one's object key and the document it shows. */
  lifecyclePanels(): { key: string; document: PanelDocument | undefined }[];
  /** Test hook: delivers a message to a lifecycle panel as its webview would; resolves when an action it starts is done. */
  sendToLifecyclePanel(key: string, message: unknown): Promise<void>;
  /** Test hook: what the panel serializer does with a panel VS Code restores after a reload. */
  restoreLifecyclePanel(panel: vscode.WebviewPanel, state: unknown): Promise<void>;
}

export interface ViewState {
  readonly options: ViewOptions;
  readonly stored: ViewOptions;
  readonly badge: { readonly value: number; readonly tooltip: string } | undefined;
  readonly message: string | undefined;
  /** The header's description: names the API server when it is not Cloudflare's. */
  readonly description: string | undefined;
  readonly statusBar: { readonly text: string; readonly tooltip: string } | undefined;
}

/** Wires the extension together; every disposable goes into the context. */
export function activate(context: vscode.ExtensionContext): CloudflareCertificatesApi | undefined {
  const channel = vscode.window.createOutputChannel('Cloudflare Certificates', { log: true });
  const logger = loggerFromChannel(channel);
  // Read once and again only when they change: tree items are drawn by the thousand.
  const read = (): Settings => readSettings((problem) => logger.warn(problem));
  let current = read();
  /** The work a settings change starts (resetting clients and the tree), chained so changes apply in order. */
  let settingsChange: Promise<void> = Promise.resolve();
  const settings = (): Settings => current;
  const thresholds = (): ExpiryThresholds => ({ warningDays: current.expiryWarningDays, criticalDays: current.expiryCriticalDays });
  const globalState = new SerialMemento(context.globalState);
  const accounts = new AccountStore(globalState, context.secrets);
  const consent = new ApiOriginConsent(globalState, logger);
  const clients = new ClientPool(accounts, settings, logger, context.globalStorageUri.fsPath, consent);
  const ignoredWorkspaceSettings = new IgnoredWorkspaceSettings(settingsSection, logger);
  const transitions = new TransitionStore(context.globalStorageUri.fsPath, logger);
  const viewOptions = new ViewOptionsStore(globalState);
  const model = new ExplorerModel({
    listProfiles: () => accounts.list(),
    clientFor: (profile) => clients.clientFor(profile),
    clock: systemClock,
    logger,
    // The provider is created just below; the model only calls back after loads start.
    onDidChange: (change) => {
      provider.modelChanged(change);
      poller.modelChanged();
      lifecyclePanels.modelChanged(change.account);
      rawData.changed();
    },
    onObjectsLoaded: (change) => notifier.observe(change),
  });
  const notifier = new TransitionNotifier({ store: transitions, notificationSettings: () => current.notifications, whenIdle: () => model.whenIdle(), clock: systemClock, logger });
  const diagnoses = new DiagnosisResults();
  const decorations = new DiagnosisDecorations(diagnoses);
  model.setProblemsOnly(viewOptions.get().problemsOnly);
  const provider = new ExplorerProvider(model, thresholds, logger, () => viewOptions.get(), decorations);
  const view = vscode.window.createTreeView(explorerViewId, { treeDataProvider: provider, showCollapseAll: true });
  view.description = apiServerDescription(current.apiBaseUrl);
  const statusBar = new ProblemsStatusBar();
  const signals = new ExplorerSignals(view, () => provider.snapshot(), statusBar, provider.onDidRedraw, () => apiServerDescription(current.apiBaseUrl));
  const autoRefresh = new AutoRefresh(view, () => settings().autoRefreshMinutes, () => model.refresh(undefined, clients.requestBudget()), logger, systemClock);
  const expandedZones = new ExpandedZones(view, (zones) => model.setOnScreen(zones));
  const poller = new PendingPoller({ model, clock: systemClock, logger });
  poller.setVisible(view.visible);
  const probes = new ProbeResults();
  const probeMemory = new ProbeMemory(globalState);
  /** Made with the first probe or probe-panel action: its code loads then (dist/views.js). */
  let probeController: ProbeController | undefined;
  const prober = (): ProbeController => (probeController ??= new (loadViews().ProbeController)({ extensionUri: context.extensionUri, logger, settings, model, probes, memory: probeMemory }));
  /** Made with the first diagnosis: its code loads then (dist/views.js, which loads dist/diagnose.js). */
  let diagnoseController: DiagnoseController | undefined;
  const diagnoser = (): DiagnoseController =>
    (diagnoseController ??= new (loadViews().DiagnoseController)({ logger, settings, model, clientFor: (profile) => clients.clientFor(profile), results: diagnoses, clock: systemClock }));
  const lifecyclePanels = new LifecyclePanels({
    extensionUri: context.extensionUri,
    logger,
    model,
    snapshot: () => provider.snapshot(),
    clientFor: (profile) => clients.clientFor(profile),
    history: transitions.history,
    probes,
    diagnoses,
    rediagnose: (ref) => {
      diagnoser().diagnoseObject(ref, { quiet: true }).catch((error: unknown) => logger.warn(`Diagnosing ${ref.id} again after it changed failed`, error));
    },
    thresholds,
    clock: systemClock,
  });
  const rawData = new RawDataDocuments({
    object: (ref) => findObject(model, ref) ?? lifecyclePanels.shownObject(ref),
    run: (key) => probeController?.runOf(key),
    probesOf: (key) => probes.latestFor(key),
  });
  const commandContext: CommandContext = {
    logger,
    channel,
    accounts,
    clients,
    consent,
    model,
    settings,
    history: transitions.history,
    viewOptions,
    probes,
    get prober() {
      return prober();
    },
    probeMemory,
    lifecyclePanels,
    rawData,
    extensionId: context.extension.id,
    get diagnoser() {
      return diagnoser();
    },
    diagnoses,
  };
  context.subscriptions.push(
    channel,
    accounts,
    clients,
    ignoredWorkspaceSettings,
    provider,
    view,
    autoRefresh,
    expandedZones,
    poller,
    view.onDidChangeVisibility((event) => poller.setVisible(event.visible)),
    { dispose: () => model.dispose() },
    notifier,
    transitions,
    accounts.onDidChange(() => provider.redraw()),
    viewOptions,
    viewOptions.onDidChange((options) => {
      model.setProblemsOnly(options.problemsOnly);
      provider.redraw();
    }),
    statusBar,
    signals,
    { dispose: () => probeController?.dispose() },
    decorations,
    lifecyclePanels,
    rawData,
    probes.onDidChange(() => rawData.changed()),
    vscode.workspace.onDidChangeConfiguration((event) => applySettings((section) => event.affectsConfiguration(section))),
    // Trust lets the workspace's values of the restricted settings apply: read them all again.
    vscode.workspace.onDidGrantWorkspaceTrust(() => applySettings(() => true)),
    ...registerCommands(commandContext),
  );
  /** Reads the settings again and applies what changed, after the changes before it. */
  function applySettings(affects: (section: string) => boolean): void {
    if (affects(settingsSection)) {
      current = read();
      view.description = apiServerDescription(current.apiBaseUrl);
      signals.update();
    }
    const previous = settingsChange;
    settingsChange = (async () => {
      await previous;
      if (affects(`${settingsSection}.apiBaseUrl`) || affects(`${settingsSection}.concurrency`) || affects('http.proxy')) {
        await clients.reset();
        model.reset();
      } else if (affects(settingsSection)) {
        provider.redraw();
      }
      autoRefresh.reschedule();
    })().catch((error: unknown) => logger.error('Applying changed settings failed', error));
  }
  /** The tree row of a pack or custom hostname, for the test API's view of its decorations. */
  function rowOf(ref: ObjectRef): ExplorerNode | undefined {
    const item = findObject(model, ref);
    if (item?.kind === 'certificatePack') return { type: 'pack', account: ref.account, zone: ref.zone, pack: item.object };
    if (item?.kind === 'customHostname') return { type: 'customHostname', account: ref.account, zone: ref.zone, hostname: item.object };
    return undefined;
  }
  logger.info(`Cloudflare Certificates ${(context.extension.packageJSON as { version?: string }).version ?? 'dev'} activated; API ${maskUrl(settings().apiBaseUrl)}`);
  // The hooks reach past the commands into the model and the panels: tests only.
  if (context.extensionMode !== vscode.ExtensionMode.Test) return undefined;
  return {
    snapshotTree: () => walkTree(model, () => provider.inputs()),
    settingsApplied: async () => {
      await settingsChange;
      return current;
    },
    refresh: () => model.refresh(undefined, clients.requestBudget()),
    viewState: () => {
      signals.update();
      return { options: viewOptions.get(), stored: viewOptions.stored(), badge: view.badge, message: view.message, description: view.description, statusBar: statusBar.state() };
    },
    setPendingPollSchedule: (schedule) => poller.setSchedule(schedule),
    transitionsOf: (key) => transitions.history.of(key),
    probeResultsOf: (key) => probes.latestFor(key),
    diagnosisOf: (key) => diagnoses.get(key),
    diagnosisRowOf: (key) => {
      const ref = parseObjectKey(key);
      const node: ExplorerNode | undefined = ref === undefined ? undefined : rowOf(ref);
      const uri = node === undefined ? undefined : decorations.resourceUri(node);
      return { tooltip: node === undefined ? undefined : decorations.tooltip(node), badge: uri === undefined ? undefined : decorations.provideFileDecoration(uri)?.badge };
    },
    probePanelDocument: () => probeController?.document,
    runProbePanelAction: (id) => prober().performPanelAction(id),
    lifecyclePanels: () => lifecyclePanels.openPanels(),
    sendToLifecyclePanel: (key, message) => lifecyclePanels.deliver(key, message),
    restoreLifecyclePanel: (panel, state) => lifecyclePanels.restore(panel, state),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
