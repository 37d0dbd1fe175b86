import * as vscode from 'vscode';
import { CloudflareApiError } from '../cloudflare/errors';
import { outcomeUnknown } from '../cloudflare/settleWrite';
import { restartsByPackPatch } from '../domain/restartable';
import type { ExplorerNode } from '../explorer/nodes';
import type { CommandContext } from './context';

async function confirm(message: string, detail: string, action: string): Promise<boolean> {
  return (await vscode.window.showWarningMessage(message, { modal: true, detail }, action)) === action;
}

/**
 * Restarts a pack's validation: an advanced pack in validation_timed_out is restarted by
 * PATCHing the pack (the only status Cloudflare allows that in); any other pack waiting
 * on validation is rechecked with its own method. Asks first, then refreshes that pack.
 */
export function restartValidation(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    if (node?.type !== 'pack') return;
    const { pack } = node;
    const account = context.model.account(node.account);
    if (account === undefined) return;
    const hosts = pack.hosts?.join(', ') ?? pack.id;
    const method = pack.validation_method ?? 'txt';
    const how = restartsByPackPatch(pack) ? 'Cloudflare restarts validation of this advanced certificate pack.' : `Cloudflare checks the ${method.toUpperCase()} validation records again now.`;
    if (!(await confirm(`Restart validation of ${hosts}?`, how, 'Restart Validation'))) return;
    const client = await context.clients.clientFor(account.profile);
    if (restartsByPackPatch(pack)) {
      await client.restartPackValidation(node.zone, pack.id);
    } else {
      await client.recheckValidation(node.zone, pack.id, method).catch((error: unknown) => {
        // The answer was lost, not refused: the request is never sent twice; the pack read back below shows where it stands.
        if (!CloudflareApiError.is(error) || !outcomeUnknown.has(error.code)) throw error;
        context.logger.warn(`Re-check of pack ${pack.id} answered ${error.code}; reading the pack back instead of asking again`);
        void vscode.window.showWarningMessage(`Cloudflare's answer to the re-check of ${hosts} was lost (${error.code}). The pack is shown as Cloudflare has it now.`);
      });
    }
    context.logger.info(`Restarted validation of pack ${pack.id}`);
    context.model.replaceObject(node.account, node.zone, { pack: await client.getCertificatePack(node.zone, pack.id) });
  };
}

/**
 * Refreshes a custom hostname (PATCH with its own ssl.method and ssl.type, as the
 * dashboard's Refresh does): restarts DCV, clears a timeout, revives a moved hostname.
 */
export function refreshValidation(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    if (node?.type !== 'customHostname') return;
    const { hostname } = node;
    const account = context.model.account(node.account);
    if (account === undefined) return;
    const detail = 'Cloudflare restarts validation with the same method. New validation records may be issued: share them with the hostname owner again.';
    if (!(await confirm(`Refresh ${hostname.hostname}?`, detail, 'Refresh'))) return;
    const client = await context.clients.clientFor(account.profile);
    const updated = await client.refreshCustomHostname(node.zone, hostname);
    context.logger.info(`Refreshed custom hostname ${hostname.id}`);
    context.model.replaceObject(node.account, node.zone, { hostname: updated });
  };
}
