import * as vscode from 'vscode';
import { objectKey, type ObjectRef } from '../domain/objectRef';
import type { ExplorerNode } from '../explorer/nodes';
import { CommandIds } from '../platform/commandIds';
import { AppError } from '../shared/appError';
import { defuseLinks } from '../shared/markdown';
import type { CommandContext } from './context';

/**
 * "Diagnose" on a certificate pack or custom hostname (tree or lifecycle panel): opens the
 * object's lifecycle panel, whose Diagnosis section shows the checks as they finish.
 */
export async function diagnoseRef(context: CommandContext, ref: ObjectRef): Promise<void> {
  if (ref.kind !== 'certificatePack' && ref.kind !== 'customHostname') throw new AppError('not_diagnosable', 'Choose "Diagnose" on a certificate pack or a custom hostname.');
  await context.lifecyclePanels.show(ref);
  await context.diagnoser.diagnoseObject(ref);
}

/** Registered through onObject (registerCommands.ts): a tree row or a panel's ObjectRef arrives as an ObjectRef. */
export function diagnose(context: CommandContext): (ref?: ObjectRef) => Promise<void> {
  return async (ref) => {
    if (ref === undefined) throw new AppError('not_diagnosable', 'Choose "Diagnose" on a certificate pack or a custom hostname.');
    await diagnoseRef(context, ref);
  };
}

const severityWords = { error: 'with a problem', warning: 'with a warning', unknown: 'where a check could not tell' } as const;

/**
 * "Diagnose Zone": every loaded pack and custom hostname of the zone that is not active,
 * with progress and Cancel; then a summary, and the way to the worst object's panel.
 */
export function diagnoseZone(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    if (node?.type !== 'zone') return;
    const run = await context.diagnoser.diagnoseZone(node.account, node.zone);
    if (run.total === 0) {
      void vscode.window.showInformationMessage(defuseLinks(`Every loaded certificate pack and custom hostname of ${run.zoneName} is active: nothing to diagnose.`));
      return;
    }
    const counts = (['error', 'warning', 'unknown'] as const).map((severity) => ({ severity, count: run.records.filter(({ record }) => record.worst === severity).length }));
    const parts = counts.filter(({ count }) => count > 0).map(({ severity, count }) => `${count} ${severityWords[severity]}`);
    const done = run.cancelled === undefined ? `Diagnosed ${run.records.length} object(s) of ${run.zoneName}` : `Cancelled after ${run.cancelled.done} of ${run.cancelled.total} object(s) of ${run.zoneName}`;
    const unloaded = run.hostnamesNotLoaded > 0 ? ` ${run.hostnamesNotLoaded} custom hostname(s) not loaded were left out.` : '';
    const message = defuseLinks(`${done}: ${parts.length === 0 ? 'DNS and HTTP are right for every one' : parts.join(', ')}.${unloaded}`);
    // Worst first: the engine's order (error, unknown, warning) decides which panel to offer.
    const rank = { error: 0, unknown: 1, warning: 2, info: 3, ok: 4 } as const;
    const worst = [...run.records].sort((a, b) => rank[a.record.worst] - rank[b.record.worst])[0];
    const show = 'Show Worst';
    const offer = worst !== undefined && rank[worst.record.worst] < rank.info;
    const choice = offer ? await vscode.window.showWarningMessage(message, show) : await vscode.window.showInformationMessage(message);
    if (choice === show && worst !== undefined) await vscode.commands.executeCommand(CommandIds.showDetails, worst.ref);
    context.logger.info(`Diagnose Zone ${run.zoneName}: ${run.records.map(({ ref, record }) => `${objectKey(ref)} ${record.worst}`).join(', ')}`);
  };
}
