import * as vscode from 'vscode';
import { AppError } from '../shared/appError';
import type { ExplorerNode } from '../explorer/nodes';
import type { ProbeSource } from '../probing/probePlan';
import { summarizeVerdicts } from '../probing/verdictPresentation';
import { zoneCatalog } from '../probing/zoneCatalog';
import type { CommandContext } from './context';
import { objectTarget } from './objectTarget';
import { pickConnectTarget } from './probeInputs';

function isHostRow(target: unknown): target is Extract<ExplorerNode, { type: 'host' }> {
  return typeof target === 'object' && target !== null && (target as { type?: unknown }).type === 'host';
}

/** The object (and for a host row, the one name) a tree item or a panel's ObjectRef names. */
function objectSource(context: CommandContext, target: unknown): Extract<ProbeSource, { kind: 'object' }> | undefined {
  if (isHostRow(target)) {
    // A host row belongs to a pack or a custom certificate: its owner's id says which.
    const owner = zoneCatalog(context.model, target.account, target.zone)?.entries.find((entry) => entry.ref.id === target.owner);
    return owner === undefined ? undefined : { kind: 'object', ref: owner.ref, host: target.host };
  }
  // Every other row, and a panel's ObjectRef, the one way (objectTarget.ts).
  const ref = objectTarget(target);
  return ref === undefined ? undefined : { kind: 'object', ref };
}

/** For a custom hostname, asks where to connect; other objects connect to each name's own DNS. */
async function withConnectTarget(context: CommandContext, source: Extract<ProbeSource, { kind: 'object' }>): Promise<Extract<ProbeSource, { kind: 'object' }>> {
  if (source.ref.kind !== 'customHostname') return source;
  const catalog = zoneCatalog(context.model, source.ref.account, source.ref.zone);
  const entry = catalog?.entries.find((candidate) => candidate.ref.kind === 'customHostname' && candidate.ref.id === source.ref.id);
  if (catalog === undefined || entry?.item.kind !== 'customHostname') throw new AppError('not_loaded', 'That custom hostname is not loaded (any more): refresh the Cloudflare Certificates view and try again.');
  // A wildcard custom hostname names no host to ask for: say so before asking where to connect.
  if (entry.item.object.hostname.startsWith('*')) throw new AppError('nothing_to_probe', `${entry.item.object.hostname} names no single host: use "Probe Hostname…" with a name under it.`);
  const zoneKey = `${catalog.account}/${catalog.zone}`;
  const choice = await pickConnectTarget(entry.item.object.hostname, catalog.fallbackOrigin, context.probeMemory.cnameTarget(zoneKey));
  if (choice.typed !== undefined) await context.probeMemory.setCnameTarget(zoneKey, choice.typed);
  return { ...source, ...(choice.connect === undefined ? {} : { connect: choice.connect }), ...(choice.connectLabel === undefined ? {} : { connectLabel: choice.connectLabel }) };
}

/**
 * "Probe" on a custom hostname, pack, custom certificate or one of their hosts, or from a
 * lifecycle panel with an ObjectRef: what the edge serves for each name, judged against
 * what the API says, in the results panel.
 */
export function probe(context: CommandContext): (target?: unknown) => Promise<void> {
  return async (target) => {
    if (target === undefined) return;
    const source = objectSource(context, target);
    if (source === undefined) throw new AppError('not_probeable', 'Choose "Probe" on a custom hostname, certificate pack or custom certificate.');
    const run = await context.prober.run(await withConnectTarget(context, source));
    if (run !== undefined) context.prober.showResults(run);
  };
}

/** "Probe All in Zone": every loaded name of the zone at once, then a summary with the way to the results. */
export function probeZone(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    if (node?.type !== 'zone') return;
    const run = await context.prober.run({ kind: 'zone', account: node.account, zone: node.zone });
    if (run === undefined) return;
    const summary = summarizeVerdicts(run.outcomes.map((outcome) => outcome.result.verdict));
    const message = run.cancelled === undefined ? summary : `Cancelled after ${run.cancelled.done} of ${run.cancelled.total}. ${summary}`;
    const showResults = 'Show Results';
    const allOk = run.cancelled === undefined && run.outcomes.every((outcome) => outcome.result.verdict === 'ok');
    const choice = allOk ? await vscode.window.showInformationMessage(message, showResults) : await vscode.window.showWarningMessage(message, showResults);
    if (choice === showResults) context.prober.showResults(run);
  };
}
