import * as vscode from 'vscode';
import type { PacedProgress } from '../cloudflare';
import { describeLoadAllProgress } from '../explorer/loadAllPacing';
import type { ExplorerNode } from '../explorer/nodes';
import type { CommandContext } from './context';

type ZoneNode = { readonly account: string; readonly zone: string };

function zoneOf(node: ExplorerNode | undefined): ZoneNode | undefined {
  return node !== undefined && 'zone' in node ? node : undefined;
}

export function loadMoreHostnames(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    const zone = zoneOf(node);
    if (zone !== undefined) await context.model.loadHostnames(zone.account, zone.zone);
  };
}

/**
 * Loads every remaining page, with progress and cancellation; what arrived stays shown.
 * Paced by the rate budget: "1,080 of 2,000 pages · the rest from 14:05".
 */
export function loadAllHostnames(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    const zone = zoneOf(node);
    if (zone === undefined) return;
    await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'Loading every custom hostname', cancellable: true }, async (progress, token) => {
      const controller = new AbortController();
      token.onCancellationRequested(() => controller.abort());
      const onProgress = (step: PacedProgress): void => progress.report({ message: describeLoadAllProgress(step) });
      await context.model.loadHostnames(zone.account, zone.zone, { all: true, signal: controller.signal, onProgress });
    });
  };
}

/**
 * Finds a hostname with the API's own `hostname` filter, which searches all of the zone's
 * hostnames, not just the loaded pages. The documented filter matches the whole name; the
 * view's text filter matches parts of names among what is loaded.
 */
export function searchHostnames(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    const zone = zoneOf(node);
    if (zone === undefined) return;
    const current = context.model.zone(zone.account, zone.zone)?.hostnames;
    const previous = current?.status === 'ready' ? current.value.filter : undefined;
    const filter = await vscode.window.showInputBox({
      title: 'Find a custom hostname',
      prompt: 'The full hostname, e.g. app.customer.com: Cloudflare searches every hostname of the zone. (The view’s Filter matches parts of names among those loaded.)',
      value: previous ?? '',
      validateInput: (value) => (/\s/.test(value.trim()) ? 'A hostname has no spaces.' : value.trim().length > 255 ? 'Too long for a hostname.' : undefined),
    });
    if (filter === undefined) return;
    await context.model.loadHostnames(zone.account, zone.zone, filter.trim() === '' ? { filter: null } : { filter: filter.trim().toLowerCase() });
  };
}

export function clearHostnameSearch(context: CommandContext): (node?: ExplorerNode) => Promise<void> {
  return async (node) => {
    const zone = zoneOf(node);
    if (zone !== undefined) await context.model.loadHostnames(zone.account, zone.zone, { filter: null });
  };
}
