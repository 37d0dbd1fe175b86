import { SEVERITY_COLORS, SEVERITY_ICONS, UNKNOWN_COLOR, UNKNOWN_ICON } from '../domain/status';
import { ContextWords as W, contextValue } from './contextValues';
import type { ExplorerNode } from './nodes';
import type { PresentationContext, TreeItemModel } from './treeItemModel';
import { statusGroupLabels, type StatusGroupKind } from './statusGroups';

const icons: Readonly<Record<StatusGroupKind, { id: string; color: string }>> = {
  needsAction: { id: SEVERITY_ICONS.error, color: SEVERITY_COLORS.error },
  expiringSoon: { id: 'calendar', color: SEVERITY_COLORS.warning },
  unknownStatus: { id: UNKNOWN_ICON, color: UNKNOWN_COLOR },
  // The group's icon stays still: a spinning row heading a list reads as "still loading".
  inProgress: { id: 'sync', color: SEVERITY_COLORS.progress },
  active: { id: SEVERITY_ICONS.ok, color: SEVERITY_COLORS.ok },
  inactive: { id: SEVERITY_ICONS.inactive, color: SEVERITY_COLORS.inactive },
};

const meanings: Readonly<Record<StatusGroupKind, string>> = {
  needsAction: 'Failed, stuck or expired: someone has to act.',
  expiringSoon: 'Fine for now, but the certificate expires soon and is not (yet) being renewed on time.',
  unknownStatus: 'Cloudflare reported a status this extension does not know; check these in the dashboard.',
  inProgress: 'Cloudflare is moving these along; nothing is wrong yet.',
  active: 'Active and healthy.',
  inactive: 'Off the edge on purpose: deleted, inactive or revoked.',
};

/** A status group row: what it holds, how many, and problems open by default. */
export function presentStatusGroup(node: ExplorerNode & { type: 'statusGroup' }, id: string, context: PresentationContext): TreeItemModel {
  const shown = context.accountView(node.account)?.buckets().get(node.status)?.length ?? 0;
  const open = node.status !== 'active' && node.status !== 'inactive';
  return {
    id,
    label: statusGroupLabels[node.status],
    description: String(shown),
    tooltip: `**${statusGroupLabels[node.status]}**: ${meanings[node.status]}`,
    icon: icons[node.status],
    contextValue: contextValue(W.statusGroup),
    collapsible: open ? 'expanded' : 'collapsed',
  };
}
