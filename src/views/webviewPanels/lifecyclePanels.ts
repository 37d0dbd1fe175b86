import * as vscode from 'vscode';
import type { CertificateObject } from '../../domain/objectHealth';
import { objectKey, parseObjectKey, type ObjectRef } from '../../domain/objectRef';
import { findObject } from '../../explorer/objectLookup';
import { objectTitle } from '../../panels/objectTitle';
import type { PanelDocument } from '../../panels/document';
import { isPanelState } from '../../webview/protocol';
import type { DocumentPanel, DocumentPanelOptions } from './documentPanel';
import type { LifecyclePanel, LifecyclePanelDependencies } from './lifecyclePanel';
import { loadViews } from '../load';

export const lifecycleViewType = 'cloudflareCertificates.lifecycle';

export interface LifecyclePanelsOptions extends LifecyclePanelDependencies {
  readonly extensionUri: vscode.Uri;
}

/**
 * The lifecycle panels: one per object key, revealed again when asked twice, redrawn when
 * the explorer's data, the transition history or the probe results change, and restored
 * after a window reload by the serializer (from the object key the webview kept).
 */
export class LifecyclePanels implements vscode.Disposable {
  private readonly panels = new Map<string, LifecyclePanel>();
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly options: LifecyclePanelsOptions) {
    this.subscriptions.push(
      vscode.window.registerWebviewPanelSerializer(lifecycleViewType, { deserializeWebviewPanel: (panel, state: unknown) => this.restore(panel, state) }),
      options.history.onDidChange((keys) => keys.forEach((key) => this.panels.get(key)?.render())),
      options.probes.onDidChange((key) => (key === undefined ? undefined : this.panels.get(key)?.render())),
      options.diagnoses.onDidChange((keys) => keys.forEach((key) => this.panels.get(key)?.render())),
    );
  }

  /** Opens the object's panel, or reveals it if open; resolves once it shows the object (or why it cannot). */
  async show(ref: ObjectRef): Promise<void> {
    const key = objectKey(ref);
    const existing = this.panels.get(key);
    if (existing !== undefined) {
      existing.view.reveal();
      return;
    }
    const title = this.initialTitle(ref);
    const panel = this.track(ref, key, (options) => loadViews().DocumentPanel.open(lifecycleViewType, title, options));
    panel.render();
    await panel.settled();
  }

  /** The explorer's data changed (for one account, or all): redraw the panels it concerns. */
  modelChanged(accountKey?: string): void {
    for (const panel of this.panels.values()) {
      if (accountKey === undefined || panel.ref.account === accountKey) panel.render();
    }
  }

  /** The copy of an object its open panel shows, if one is open: a restored panel may have it when the tree does not. */
  shownObject(ref: ObjectRef): CertificateObject | undefined {
    return this.panels.get(objectKey(ref))?.shownObject();
  }

  /** The open panels and what each shows; for the extension's API (integration tests). */
  openPanels(): { key: string; document: PanelDocument | undefined }[] {
    return [...this.panels.values()].map((panel) => ({ key: panel.key, document: panel.document }));
  }

  /** Delivers a message to a panel as if its webview sent it; resolves once an action it starts is done. */
  async deliver(key: string, message: unknown): Promise<void> {
    const panel = this.panels.get(key);
    if (panel === undefined) return;
    await panel.view.handleMessage(message);
    await panel.settled();
  }

  /**
   * The serializer: a panel VS Code kept across a reload, with the state its webview saved.
   * Anything but a valid object key (corrupt or tampered state) closes the panel.
   */
  async restore(webviewPanel: vscode.WebviewPanel, state: unknown): Promise<void> {
    const key = isPanelState(state) ? state.key : undefined;
    const ref = key === undefined ? undefined : parseObjectKey(key);
    if (key === undefined || ref === undefined || objectKey(ref) !== key) {
      this.options.logger.warn('A restored lifecycle panel did not name a certificate object; closed it.');
      webviewPanel.dispose();
      return;
    }
    const existing = this.panels.get(key);
    if (existing !== undefined) {
      webviewPanel.dispose();
      existing.view.reveal();
      return;
    }
    const panel = this.track(ref, key, (options) => loadViews().DocumentPanel.adopt(webviewPanel, options));
    panel.render();
    await panel.settled();
  }

  private track(ref: ObjectRef, key: string, create: (options: DocumentPanelOptions) => DocumentPanel): LifecyclePanel {
    const view = create({
      extensionUri: this.options.extensionUri,
      logger: this.options.logger,
      state: { key },
      onAction: (id) => this.panels.get(key)?.runAction(id) ?? Promise.resolve(),
    });
    const panel = new (loadViews().LifecyclePanel)(ref, key, view, this.options);
    this.panels.set(key, panel);
    view.onDidDispose(() => {
      if (this.panels.get(key)?.view === view) this.panels.delete(key);
    });
    return panel;
  }

  /** The tab's title before the document arrives: the object's name if the explorer has it. */
  private initialTitle(ref: ObjectRef): string {
    const item = findObject(this.options.model, ref);
    return item === undefined ? 'Certificate Details' : objectTitle(item, this.options.model.zone(ref.account, ref.zone)?.zone.name);
  }

  dispose(): void {
    for (const panel of [...this.panels.values()]) panel.view.dispose();
    this.panels.clear();
    for (const subscription of this.subscriptions) subscription.dispose();
  }
}
