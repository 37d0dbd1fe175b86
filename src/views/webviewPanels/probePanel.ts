import type * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import type { PanelDocument } from '../../panels/document';
import { DocumentPanel } from './documentPanel';

export const probePanelViewType = 'cloudflareCertificates.probe';

export interface ProbePanelOptions {
  readonly extensionUri: vscode.Uri;
  readonly logger: Logger;
  /** Runs a toolbar action; wrapped in runCommand by the caller, so failures are reported. */
  readonly onAction: (id: string) => Promise<void>;
}

/**
 * The one probe results panel: created on first use, then updated and revealed for each
 * run. Not restored after a reload: a probe is a snapshot of a moment, and the results
 * (kept in memory only) are gone by then.
 */
export class ProbePanel implements vscode.Disposable {
  private panel: DocumentPanel | undefined;

  constructor(private readonly options: ProbePanelOptions) {}

  /** Shows a document: in a new panel, or in the open one (brought to the front when `reveal`). */
  show(document: PanelDocument, reveal: boolean): void {
    if (this.panel === undefined) {
      const panel = DocumentPanel.open(probePanelViewType, document.title, { extensionUri: this.options.extensionUri, logger: this.options.logger, state: { key: 'probe' }, onAction: (id) => this.perform(id) });
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
      });
      this.panel = panel;
    } else if (reveal) {
      this.panel.reveal();
    }
    this.panel.show(document);
  }

  /** Updates the panel only if it is open, without bringing it forward. */
  update(document: PanelDocument): void {
    this.panel?.show(document);
  }

  get document(): PanelDocument | undefined {
    return this.panel?.document;
  }

  /** A toolbar button's action; only those the shown document offers run. */
  async perform(id: string): Promise<void> {
    if (this.document?.actions.some((action) => action.id === id) !== true) {
      this.options.logger.warn(`The probe panel does not offer the action ${id.slice(0, 40)}; ignored.`);
      return;
    }
    await this.options.onAction(id);
  }

  dispose(): void {
    this.panel?.dispose();
    this.panel = undefined;
  }
}
