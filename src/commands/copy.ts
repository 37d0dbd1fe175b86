import * as vscode from 'vscode';
import type { ExplorerNode } from '../explorer/nodes';
import type { CommandContext } from './context';

/** The object ID of a node, where it has one. */
export function idOf(node: ExplorerNode, context: CommandContext): string | undefined {
  switch (node.type) {
    case 'zone':
      return node.zone;
    case 'pack':
      return node.pack.id;
    case 'packCertificate':
      return node.certificate.id?.toString();
    case 'customCertificate':
    case 'clientCertificate':
      return node.certificate.id;
    case 'customHostname':
      return node.hostname.id;
    case 'account':
      return context.accounts.list().find((profile) => profile.key === node.account)?.accountId;
    default:
      return undefined;
  }
}

/** The hostname, record name (TXT name, HTTP URL, CNAME) or zone name of a node. */
export function nameOf(node: ExplorerNode, context: CommandContext): string | undefined {
  switch (node.type) {
    case 'zone':
      return context.model.zone(node.account, node.zone)?.zone.name;
    case 'pack':
      return node.pack.hosts?.join(', ');
    case 'host':
      return node.host;
    case 'record':
      return node.record.name;
    case 'customHostname':
      return node.hostname.hostname;
    case 'customCertificate':
      return node.certificate.hosts?.join(', ');
    case 'clientCertificate':
      return node.certificate.common_name ?? undefined;
    case 'fallbackOrigin':
      return node.origin.origin ?? undefined;
    default:
      return undefined;
  }
}

function copier(what: string, pick: (node: ExplorerNode, context: CommandContext) => string | undefined, context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    const value = node === undefined ? undefined : pick(node, context);
    if (value === undefined || value === '') {
      void vscode.window.showWarningMessage(`This item has no ${what} to copy.`);
      return;
    }
    await vscode.env.clipboard.writeText(value);
    vscode.window.setStatusBarMessage(`Copied ${what}`, 2500);
  };
}

export const copyId = (context: CommandContext): ((node?: ExplorerNode) => Promise<void>) => copier('ID', idOf, context);
export const copyName = (context: CommandContext): ((node?: ExplorerNode) => Promise<void>) => copier('name', nameOf, context);
export const copyValue = (context: CommandContext): ((node?: ExplorerNode) => Promise<void>) =>
  copier('value', (node) => (node.type === 'record' ? node.record.value : undefined), context);
