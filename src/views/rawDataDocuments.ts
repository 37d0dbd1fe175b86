import * as vscode from 'vscode';
import type { CertificateObject } from '../domain/objectHealth';
import { objectKey, type ObjectRef } from '../domain/objectRef';
import type { ProbeResult } from '../probe';
import { apiObjectText } from '../panels/apiObjectText';
import { parseRawDataLocation, rawDataLocation, rawDataScheme, type RawDataTarget } from '../panels/rawDataUri';
import { servedChainText } from '../panels/servedChainText';
import type { ProbeRun } from '../probing/probeRun';

export interface RawDataSources {
  /** The freshest copy of an object: the explorer's, or the one its lifecycle panel shows. */
  readonly object: (ref: ObjectRef) => CertificateObject | undefined;
  /** A probe run shown lately, by its key. */
  readonly run: (key: string) => ProbeRun | undefined;
  /** The latest probe result per name of an object, by its object key. */
  readonly probesOf: (key: string) => readonly ProbeResult[];
}

/**
 * The read-only raw data documents (`cfcerts-raw:`): an object as Cloudflare sent it, and
 * the chain a probe was served, as PEM. VS Code's editor gives search, folding and copy.
 * Content is read from the model and the probe results each time VS Code asks; when the
 * source is gone (a refresh dropped the object, an old run was let go), the document keeps
 * what it showed last rather than going blank.
 */
export class RawDataDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changes = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changes.event;
  /** What each open document showed last, by URI. */
  private readonly lastShown = new Map<string, string>();
  private readonly subscriptions: vscode.Disposable[];

  constructor(readonly sources: RawDataSources) {
    this.subscriptions = [
      vscode.workspace.registerTextDocumentContentProvider(rawDataScheme, this),
      vscode.workspace.onDidCloseTextDocument((document) => this.lastShown.delete(document.uri.toString())),
      this.changes,
    ];
  }

  /** The URI of a target's document; `label` names the tab. */
  uriFor(target: RawDataTarget, label: string): vscode.Uri {
    return vscode.Uri.from({ scheme: rawDataScheme, ...rawDataLocation(target, label) });
  }

  /** Opens a target's document in an editor (read-only: VS Code never writes to a content provider). */
  async open(target: RawDataTarget, label: string): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(this.uriFor(target, label));
    return vscode.window.showTextDocument(document, { preview: false });
  }

  /** The model or the probe results changed: open documents are read again (VS Code asks only for those). */
  changed(): void {
    for (const document of vscode.workspace.textDocuments) {
      if (document.uri.scheme === rawDataScheme) this.changes.fire(document.uri);
    }
  }

  provideTextDocumentContent(uri: vscode.Uri): string {
    const key = uri.toString();
    const target = parseRawDataLocation({ path: uri.path, query: uri.query });
    const fresh = target === undefined ? undefined : this.read(target);
    if (fresh !== undefined) {
      this.lastShown.set(key, fresh);
      return fresh;
    }
    return this.lastShown.get(key) ?? missing(target);
  }

  private read(target: RawDataTarget): string | undefined {
    if (target.kind === 'apiObject') {
      const item = this.sources.object(target.ref);
      return item === undefined ? undefined : apiObjectText(item.object);
    }
    const results = target.probe.kind === 'run' ? this.sources.run(target.probe.id)?.outcomes.map((outcome) => outcome.result) : this.sources.probesOf(objectKey(target.probe.ref));
    return results === undefined || results.length === 0 ? undefined : servedChainText(results, (ms) => new Date(ms).toLocaleString());
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.lastShown.clear();
  }
}

/** What a document says when there is nothing to show (yet, or any more). */
function missing(target: RawDataTarget | undefined): string {
  if (target === undefined) return '// This is not a document Cloudflare Certificates made.\n';
  if (target.kind === 'apiObject') return '// This object is not loaded: expand its zone in the Cloudflare Certificates view, and this document fills in.\n';
  return target.probe.kind === 'run' ? '# This probe is no longer kept (probes live in memory, for this window only). Probe again.\n' : '# Not probed in this window yet. Probe it, and this document fills in.\n';
}
