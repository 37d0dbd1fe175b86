import * as vscode from 'vscode';
import { restartsByPackPatch } from '../domain/restartable';
import type { ObjectRef } from '../domain/objectRef';
import type { CommandContext } from './context';

async function confirm(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}

/**
 * Restarts a pack's validation (the model decides how: a PATCH for a timed-out advanced
 * pack, a re-check with its own method otherwise). Asks first; the model writes and reads
 * the pack back, so the tree and its panel show where it stands.
 */
export function restartValidation(context: CommandContext): (ref?: ObjectRef) => Promise<void> {
  return async (ref) => {
    if (ref?.kind !== 'certificatePack') return;
    const item = await context.model.object(ref);
    if (item?.kind !== 'certificatePack') return;
    const pack = item.object;
    const hosts = pack.hosts?.join(', ') ?? pack.id;
    const method = pack.validation_method ?? 'txt';
    const how = restartsByPackPatch(pack) ? 'Cloudflare restarts validation of this advanced certificate pack.' : `Cloudflare checks the ${method.toUpperCase()} validation records again now.`;
    if (!(await confirm(`Restart validation of ${hosts}?`, how, 'Restart Validation'))) return;
    const outcome = await context.model.restartValidation(ref);
    if (outcome.answerLost !== undefined) {
      void vscode.window.showWarningMessage(`Cloudflare's answer to the re-check of ${hosts} was lost (${outcome.answerLost}). The pack is shown as Cloudflare has it now.`);
    }
  };
}

/**
 * Refreshes a custom hostname (PATCH with its own ssl.method and ssl.type, as the
 * dashboard's Refresh does): restarts DCV, clears a timeout, revives a moved hostname.
 */
export function refreshValidation(context: CommandContext): (ref?: ObjectRef) => Promise<void> {
  return async (ref) => {
    if (ref?.kind !== 'customHostname') return;
    const item = await context.model.object(ref);
    if (item?.kind !== 'customHostname') return;
    const detail = 'Cloudflare restarts validation with the same method. New validation records may be issued: share them with the hostname owner again.';
    if (!(await confirm(`Refresh ${item.object.hostname}?`, detail, 'Refresh'))) return;
    await context.model.refreshCustomHostname(ref);
  };
}
