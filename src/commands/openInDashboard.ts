import * as vscode from 'vscode';
import { dashboardUrl, type DashboardPage } from '../domain/dashboardUrl';
import type { ExplorerNode } from '../explorer/nodes';
import type { ObjectRef } from '../domain/objectRef';
import type { CommandContext } from './context';

function pageOf(node: ExplorerNode): DashboardPage {
  switch (node.type) {
    case 'customHostname':
    case 'fallbackOrigin':
      return 'customHostnames';
    case 'clientCertificate':
      return 'clientCertificates';
    case 'zone':
      return 'overview';
    default:
      return 'edgeCertificates';
  }
}

/** The page for an object named by reference (from a notification or a panel, not the tree). */
function pageOfRef(ref: ObjectRef): DashboardPage {
  switch (ref.kind) {
    case 'customHostname':
      return 'customHostnames';
    case 'clientCertificate':
      return 'clientCertificates';
    default:
      return 'edgeCertificates';
  }
}

/** Opens the dashboard page of a zone or certificate object in the browser: a tree node, or an ObjectRef. */
export function openInDashboard(context: CommandContext): (target?: ExplorerNode | ObjectRef) => Promise<void> {
  return async (target) => {
    if (target === undefined || !('zone' in target)) return;
    const zone = context.model.zone(target.account, target.zone)?.zone;
    if (zone === undefined) return;
    const page = 'type' in target ? pageOf(target) : pageOfRef(target);
    await vscode.env.openExternal(vscode.Uri.parse(dashboardUrl(zone.account?.id, zone.name, page)));
  };
}
