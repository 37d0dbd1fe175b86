import type * as vscode from 'vscode';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { TransitionHistory } from '../explorer/transitionHistory';
import type { Logger } from '../shared/logger';
import type { ProbeResults } from '../probing/probeResults';
import type { AccountStore } from '../platform/accountStore';
import type { ApiOriginConsent } from '../platform/apiOriginConsent';
import type { ClientPool } from '../platform/clients';
import type { ProbeMemory } from '../platform/probeMemory';
import type { Settings } from '../platform/settings';
import type { LifecyclePanels } from '../views/webviewPanels/lifecyclePanels';
import type { ViewOptionsStore } from '../platform/viewOptionsStore';
import type { ProbeController } from '../views/probeController';
import type { DiagnoseController } from '../views/diagnoseController';
import type { DiagnosisResults } from '../probing/diagnosisResults';
import type { RawDataDocuments } from '../views/rawDataDocuments';

/** What command handlers may use; handed to each handler factory. */
export interface CommandContext {
  readonly logger: Logger;
  readonly channel: vscode.LogOutputChannel;
  readonly accounts: AccountStore;
  readonly clients: ClientPool;
  /** The user's answers on sending credentials to API servers other than Cloudflare's. */
  readonly consent: ApiOriginConsent;
  readonly model: ExplorerModel;
  readonly settings: () => Settings;
  /** The explorer's filter and grouping. */
  readonly viewOptions: ViewOptionsStore;
  /** Status transitions seen per object key; survives reloads. */
  readonly history: TransitionHistory;
  /** The last probe results per object, for the lifecycle panel. */
  readonly probes: ProbeResults;
  /** Runs probes and shows them in the results panel. */
  readonly prober: ProbeController;
  /** Recent probes and CNAME targets typed; survives reloads. */
  readonly probeMemory: ProbeMemory;
  /** Runs diagnoses (DNS and HTTP) and records them in `diagnoses`. */
  readonly diagnoser: DiagnoseController;
  /** The last diagnosis per object, for the lifecycle panel and the tree. */
  readonly diagnoses: DiagnosisResults;
  /** The lifecycle panels, one per object. */
  readonly lifecyclePanels: LifecyclePanels;
  /** The read-only raw data documents: API objects as JSON, served chains as PEM. */
  readonly rawData: RawDataDocuments;
  /** This extension's id, `publisher.name`. */
  readonly extensionId: string;
}
