import * as vscode from 'vscode';
import { objectKey, parseObjectKey, type ObjectRef } from '../domain/objectRef';
import type { ExplorerNode } from '../explorer/nodes';
import { diagnosisTooltip, hasErrorFinding } from '../probing/diagnosisPresentation';
import type { DiagnosisResults } from '../probing/diagnosisResults';

/** The scheme of the URIs that name certificate objects to VS Code's decorations; nothing opens them. */
export const objectUriScheme = 'cloudflare-certificates-object';

export function objectUri(ref: ObjectRef): vscode.Uri {
  return vscode.Uri.from({ scheme: objectUriScheme, path: `/${objectKey(ref)}` });
}

/** The object a pack or custom hostname row stands for: the rows Diagnose marks. */
function diagnosedRef(node: ExplorerNode): ObjectRef | undefined {
  if (node.type === 'pack') return { account: node.account, zone: node.zone, kind: 'certificatePack', id: node.pack.id };
  if (node.type === 'customHostname') return { account: node.account, zone: node.zone, kind: 'customHostname', id: node.hostname.id };
  return undefined;
}

/**
 * What the last diagnoses add to the tree, kept apart from the explorer's presentation:
 * the rows of packs and custom hostnames carry a resource URI, and this provider badges
 * and colours those whose diagnosis found a problem; their tooltips gain the headline
 * finding. Redrawn when a diagnosis is recorded.
 */
export class DiagnosisDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri[]>();
  readonly onDidChangeFileDecorations = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly results: DiagnosisResults) {
    this.subscriptions = [
      vscode.window.registerFileDecorationProvider(this),
      results.onDidChange((keys) => {
        const uris = keys.flatMap((key) => {
          const ref = parseObjectKey(key);
          return ref === undefined ? [] : [objectUri(ref)];
        });
        if (uris.length > 0) this.changed.fire(uris);
      }),
    ];
  }

  /** The URI a tree row gets, so decorations find it; undefined for rows Diagnose never marks. */
  resourceUri(node: ExplorerNode): vscode.Uri | undefined {
    const ref = diagnosedRef(node);
    return ref === undefined ? undefined : objectUri(ref);
  }

  /** The tooltip lines a row gains from its object's last diagnosis. */
  tooltip(node: ExplorerNode): string | undefined {
    const ref = diagnosedRef(node);
    return ref === undefined ? undefined : diagnosisTooltip(this.results.get(objectKey(ref)), (ms) => new Date(ms).toLocaleString());
  }

  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== objectUriScheme) return undefined;
    const record = this.results.get(uri.path.slice(1));
    if (!hasErrorFinding(record)) return undefined;
    return new vscode.FileDecoration('!', 'Diagnose found a problem', new vscode.ThemeColor('list.errorForeground'));
  }

  dispose(): void {
    for (const subscription of this.subscriptions) subscription.dispose();
    this.changed.dispose();
  }
}
