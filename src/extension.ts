import * as vscode from 'vscode';
import type { ExpiryThresholds } from './domain/expiry';
import type { CommandContext } from './commands/context';
import { registerCommands } from './commands/registerCommands';
import { systemClock } from './shared/clock';
import { ExplorerModel } from './explorer/explorerModel';
import { maskUrl } from './shared/maskUrl';
import { PendingPoller } from './explorer/pendingPoller';
import type { Transition } from './explorer/transitionHistory';
import type { ViewOptions } from './explorer/viewOptions';
import { walkTree, type WalkedItem } from './explorer/walkTree';
import { ProbeResults } from './probing/probeResults';
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
import { ProbeController } from './views/probeController';
import { ProblemsStatusBar } from './views/statusBar';
import { TransitionNotifier } from './views/transitionNotifier';
import type { PanelDocument } from './panels/document';

/** What the extension exports: used by its integration tests, stable enough for others. */
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
export function activate(context: vscode.ExtensionContext): CloudflareCertificatesApi {
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
    },
    onObjectsLoaded: (change) => notifier.observe(change),
  });
  const notifier = new TransitionNotifier({ store: transitions, notificationSettings: () => current.notifications, whenIdle: () => model.whenIdle(), clock: systemClock, logger });
  const provider = new ExplorerProvider(model, thresholds, logger, () => viewOptions.get());
  const view = vscode.window.createTreeView(explorerViewId, { treeDataProvider: provider, showCollapseAll: true });
  view.description = apiServerDescription(current.apiBaseUrl);
  const statusBar = new ProblemsStatusBar();
  const signals = new ExplorerSignals(view, () => provider.snapshot(), statusBar, provider.onDidRedraw, () => apiServerDescription(current.apiBaseUrl));
  const autoRefresh = new AutoRefresh(view, () => settings().autoRefreshMinutes, () => model.refresh(undefined, clients.requestBudget()), logger);
  const expandedZones = new ExpandedZones(view, (zones) => model.setOnScreen(zones));
  const poller = new PendingPoller({ model, clock: systemClock, logger });
  poller.setVisible(view.visible);
  const probes = new ProbeResults();
  const probeMemory = new ProbeMemory(globalState);
  const prober = new ProbeController({ extensionUri: context.extensionUri, logger, settings, model, probes, memory: probeMemory });
  const lifecyclePanels = new LifecyclePanels({
    extensionUri: context.extensionUri,
    logger,
    model,
    snapshot: () => provider.snapshot(),
    clientFor: (profile) => clients.clientFor(profile),
    history: transitions.history,
    probes,
    thresholds,
    clock: systemClock,
  });
  const commandContext: CommandContext = { logger, channel, accounts, clients, consent, model, settings, history: transitions.history, viewOptions, probes, prober, probeMemory, lifecyclePanels };
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
    viewOptions.onDidChange(() => provider.redraw()),
    statusBar,
    signals,
    prober,
    lifecyclePanels,
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
  logger.info(`Cloudflare Certificates ${(context.extension.packageJSON as { version?: string }).version ?? 'dev'} activated; API ${maskUrl(settings().apiBaseUrl)}`);
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
    probePanelDocument: () => prober.document,
    runProbePanelAction: (id) => prober.performPanelAction(id),
    lifecyclePanels: () => lifecyclePanels.openPanels(),
    sendToLifecyclePanel: (key, message) => lifecyclePanels.deliver(key, message),
    restoreLifecyclePanel: (panel, state) => lifecyclePanels.restore(panel, state),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
