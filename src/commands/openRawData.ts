import * as vscode from 'vscode';
import { OBJECT_KIND_LABELS } from '../domain/status';
import { objectKey, type ObjectRef } from '../domain/objectRef';
import type { ExplorerNode } from '../explorer/nodes';
import { objectTitle } from '../panels/objectTitle';
import { CommandIds } from '../platform/commandIds';
import { AppError } from '../shared/appError';
import type { CommandContext } from './context';
import { objectTarget } from './objectTarget';

/**
 * "Open API Object": the object as parsed from Cloudflare's answer, as JSON in a read-only
 * editor. Takes a tree node or an ObjectRef (from a lifecycle panel or another extension).
 */
export function openApiObject(context: CommandContext): (target?: ExplorerNode | ObjectRef) => Promise<void> {
  return async (target) => {
    const ref = objectTarget(target);
    if (ref === undefined) {
      void vscode.window.showInformationMessage('Choose a certificate in the Cloudflare Certificates view, then "Open API Object" from its context menu.');
      return;
    }
    const item = context.rawData.sources.object(ref);
    if (item === undefined) throw new AppError('not_loaded', 'That object is not loaded (any more): refresh the Cloudflare Certificates view and try again.');
    const zoneName = context.model.zone(ref.account, ref.zone)?.zone.name;
    await context.rawData.open({ kind: 'apiObject', ref }, `${objectTitle(item, zoneName)} (${OBJECT_KIND_LABELS[ref.kind]})`);
  };
}

/**
 * "Open Served Chain": the certificates a probe was served, as PEM in a read-only editor.
 * Takes the key of a run (the results panel's button), a tree node or an ObjectRef (its
 * latest probes), or nothing (the run the results panel shows).
 */
export function openServedChain(context: CommandContext): (target?: string | ExplorerNode | ObjectRef) => Promise<void> {
  return async (target) => {
    if (target === undefined || typeof target === 'string') {
      const key = target ?? context.prober.shownRunKey;
      const run = key === undefined ? undefined : context.prober.runOf(key);
      if (key === undefined || run === undefined) {
        void vscode.window.showInformationMessage('Nothing probed in this window yet: probe a hostname first ("Cloudflare: Probe Hostname…").');
        return;
      }
      await context.rawData.open({ kind: 'servedChain', probe: { kind: 'run', id: key } }, `${run.plan.title} chain`);
      return;
    }
    const ref = objectTarget(target);
    if (ref === undefined) return;
    const results = context.probes.latestFor(objectKey(ref));
    if (results.length === 0) {
      const probeNow = 'Probe';
      const choice = await vscode.window.showInformationMessage('This certificate has not been probed in this window yet.', probeNow);
      if (choice === probeNow) await vscode.commands.executeCommand(CommandIds.probe, ref);
      return;
    }
    const names = results.map((result) => result.servername);
    await context.rawData.open({ kind: 'servedChain', probe: { kind: 'object', ref } }, `${names.length === 1 ? names[0] ?? '' : `${names.length} names`} chain`);
  };
}
