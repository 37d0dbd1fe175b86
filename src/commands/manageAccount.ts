import * as vscode from 'vscode';
import { AppError } from '../shared/appError';
import type { ExplorerNode } from '../explorer/nodes';
import type { CommandContext } from './context';

function storedProfile(context: CommandContext, node: ExplorerNode | undefined): { key: string; label: string } {
  const profile = context.accounts.list().find((candidate) => node?.type === 'account' && candidate.key === node.account);
  if (profile === undefined || profile.origin !== 'stored') {
    throw new AppError('not_stored', 'Only accounts added in VS Code can be changed here; unset CLOUDFLARE_API_TOKEN to remove the one from the environment.');
  }
  return profile;
}

/** Removes a stored account and its secret, after asking. */
export function removeAccount(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    const profile = storedProfile(context, node);
    const remove = 'Remove';
    const choice = await vscode.window.showWarningMessage(`Remove the Cloudflare account "${profile.label}"?`, { modal: true, detail: 'Its credentials are deleted from VS Code. Nothing changes at Cloudflare.' }, remove);
    if (choice !== remove) return;
    await context.accounts.remove(profile.key);
    await context.clients.forget(profile.key);
    context.logger.info(`Removed account "${profile.label}"`);
  };
}

export function renameAccount(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    const profile = storedProfile(context, node);
    const label = await vscode.window.showInputBox({ title: 'Rename account', value: profile.label, validateInput: (value) => (value.trim() === '' ? 'Enter a name.' : undefined) });
    if (label === undefined) return;
    await context.accounts.rename(profile.key, label.trim());
  };
}
