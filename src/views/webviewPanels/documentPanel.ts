import { nodeCrypto } from '../../shared/nodeModules';
import * as vscode from 'vscode';
import type { Logger } from '../../shared/logger';
import { offersCopy } from '../../webview/copyable';
import type { PanelDocument } from '../../panels/document';
import { isWebviewMessage, type HostMessage, type PanelState } from '../../webview/protocol';
import { shellHtml } from '../../webview/shell';

export interface DocumentPanelOptions {
  readonly extensionUri: vscode.Uri;
  readonly logger: Logger;
  /** Kept by the webview for the serializer: what to show again after a reload. */
  readonly state: PanelState;
  /** Runs a toolbar action; failures are the handler's to report (runCommand does). */
  readonly onAction: (id: string) => Promise<void>;
}

/**
 * One webview panel showing a PanelDocument: the shell page with its CSP, the `ready`
 * handshake, run-time checks on every message, copy to the clipboard, and actions limited
 * to those the current document offers. Knows nothing of what the document is about.
 */
export class DocumentPanel implements vscode.Disposable {
  private ready = false;
  private current: PanelDocument | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;
  private readonly disposeEmitter = new vscode.EventEmitter<void>();
  readonly onDidDispose = this.disposeEmitter.event;

  /** Opens a new panel beside the editor. */
  static open(viewType: string, title: string, options: DocumentPanelOptions): DocumentPanel {
    const panel = vscode.window.createWebviewPanel(viewType, title, { viewColumn: vscode.ViewColumn.Active, preserveFocus: false }, webviewOptions(options.extensionUri));
    return new DocumentPanel(panel, options);
  }

  /** Adopts a panel VS Code restored after a reload (the serializer hands it over). */
  static adopt(panel: vscode.WebviewPanel, options: DocumentPanelOptions): DocumentPanel {
    panel.webview.options = webviewOptions(options.extensionUri);
    return new DocumentPanel(panel, options);
  }

  private constructor(
    readonly panel: vscode.WebviewPanel,
    private readonly options: DocumentPanelOptions,
  ) {
    const { webview } = panel;
    const asset = (...segments: string[]): string => webview.asWebviewUri(vscode.Uri.joinPath(options.extensionUri, ...segments)).toString();
    webview.html = shellHtml({
      cspSource: webview.cspSource,
      nonce: nodeCrypto().randomBytes(18).toString('base64'),
      scriptUri: asset('dist', 'webview.js'),
      styleUris: [asset('dist', 'codicons', 'codicon.css'), asset('media', 'webview.css')],
      title: panel.title,
    });
    this.subscriptions.push(
      webview.onDidReceiveMessage((message: unknown) => void this.handleMessage(message)),
      panel.onDidDispose(() => this.dispose()),
    );
  }

  /** Shows a document now, or as soon as the webview is ready. */
  show(document: PanelDocument): void {
    // A load that finishes after the user closed the panel has nowhere to go.
    if (this.disposed) return;
    this.current = document;
    this.panel.title = document.title;
    this.post({ type: 'render', document, state: this.options.state });
  }

  get document(): PanelDocument | undefined {
    return this.current;
  }

  reveal(): void {
    this.panel.reveal(undefined, false);
  }

  /**
   * Every message from the webview comes through here; integration tests call it too.
   * Resolves once an action it started has finished.
   */
  async handleMessage(message: unknown): Promise<void> {
    if (!isWebviewMessage(message)) {
      this.options.logger.warn('A webview sent a malformed message; ignored.');
      return;
    }
    switch (message.type) {
      case 'ready':
        // Also after the webview was hidden and re-created: it starts blank every time.
        this.ready = true;
        if (this.current !== undefined) this.show(this.current);
        return;
      case 'copy':
        if (!offersCopy(this.current, message.text, message.label)) {
          this.options.logger.warn('A webview asked to copy a value its document does not show; ignored.');
          return;
        }
        try {
          await vscode.env.clipboard.writeText(message.text);
          vscode.window.setStatusBarMessage(`$(check) Copied ${message.label}`, 3000);
        } catch (error) {
          this.options.logger.warn('Copying to the clipboard failed', error);
        }
        return;
      case 'action':
        await this.runAction(message.id);
        return;
    }
  }

  private async runAction(id: string): Promise<void> {
    if (this.current?.actions.some((action) => action.id === id) !== true) {
      this.options.logger.warn(`A webview asked for an action it does not offer (${id.slice(0, 40)}); ignored.`);
      return;
    }
    this.post({ type: 'busy', busy: true });
    try {
      await this.options.onAction(id);
    } catch (error) {
      // The handler reports its own failures; this only keeps a slip from going unhandled.
      this.options.logger.error(`Panel action ${id} failed`, error);
    } finally {
      this.post({ type: 'busy', busy: false });
    }
  }

  private post(message: HostMessage): void {
    if (!this.ready || this.disposed) return;
    void this.panel.webview.postMessage(message);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.panel.dispose();
    for (const subscription of this.subscriptions) subscription.dispose();
    this.disposeEmitter.fire();
    this.disposeEmitter.dispose();
  }
}

function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return {
    enableScripts: true,
    enableCommandUris: false,
    enableFindWidget: true,
    localResourceRoots: [vscode.Uri.joinPath(extensionUri, 'dist'), vscode.Uri.joinPath(extensionUri, 'media')],
  };
}
