import { severityRank } from '../domain/status';
import type { CertificateObject } from '../domain/objectHealth';
import { fallbackOriginShows, groupShows, noMatchText, showsWholeZone } from './filter';
import { isFiltering, type ViewOptions } from './viewOptions';
import { allGroups } from './zoneObjects';
import { zonesWithoutObjects } from './zonesWithoutObjects';
import { statusGroupOrder } from './statusGroups';
import type { AccountState, CollectionError } from './explorerState';
import { rejectedHostnames, rejectedZones } from './loadError';
import { isStale, showsLoading, valueOf, type Loadable } from './loadable';
import { needsProblemListing, problemListingOf, wantsProblemListing } from './problemListing';
import type { AccountSnapshot, ExplorerSnapshot, ZoneView } from './snapshot';
import { nodeId, type ExplorerNode, type GroupKind, type MessageKind } from './nodes';
import { hostnameRecords, packRecords } from './validationRecords';

/** What a parent needs that is not loaded yet; the caller starts the load (`ExplorerModel.startLoad`) and redraws. */
export type PendingLoad =
  | { readonly what: 'zones'; readonly account: string }
  | { readonly what: 'zone'; readonly account: string; readonly zone: string }
  /** "Show Only Problems" over zones whose hostname pages are partial: their problem listings. */
  | { readonly what: 'problemHostnames'; readonly account: string; readonly zones: readonly string[] };

export interface Children {
  readonly nodes: ExplorerNode[];
  readonly load?: PendingLoad;
}

/** The children of a node (or the roots), from one snapshot of the model. Pure. */
export function childrenOf(snapshot: ExplorerSnapshot, node: ExplorerNode | undefined): Children {
  const { view } = snapshot;
  if (node === undefined) return rootChildren(snapshot, view);
  // Rows below an object shown under a status group carry that placement, for their ids.
  const placement = 'byStatus' in node && node.byStatus === true ? { byStatus: true as const } : {};
  switch (node.type) {
    case 'account': {
      const account = snapshot.accountView(node.account);
      if (account === undefined) return { nodes: [] };
      return view.groupBy === 'status' ? statusAccountChildren(account, node, view) : accountChildren(account, node, view);
    }
    case 'zone': {
      const zone = snapshot.zoneView(node.account, node.zone);
      return zone === undefined ? { nodes: [] } : zoneChildren(zone, node, view);
    }
    case 'group': {
      const zone = snapshot.zoneView(node.account, node.zone);
      if (zone === undefined) return { nodes: [] };
      // The hostnames group asks for the problem listing too: it may be open while its zone row is not drawn again.
      const wanted = node.group === 'customHostnames' && wantsProblemListing(zone.state, view);
      return { nodes: groupChildren(zone, node, view), ...(wanted ? { load: { what: 'problemHostnames', account: node.account, zones: [node.zone] } } : {}) };
    }
    case 'statusGroup': {
      const account = snapshot.accountView(node.account);
      return { nodes: account === undefined ? [] : statusGroupChildren(account, node) };
    }
    case 'pack': {
      const { account, zone, pack } = node;
      const certificates = (pack.certificates ?? []).map((certificate, index): ExplorerNode => ({ type: 'packCertificate', account, zone, pack, certificate, index, ...placement }));
      const hosts = (pack.hosts ?? []).map((host): ExplorerNode => ({ type: 'host', account, zone, owner: pack.id, host, ...placement }));
      const records = packRecords(pack).map((record, index): ExplorerNode => ({ type: 'record', account, zone, owner: pack.id, record, index, ...placement }));
      return { nodes: [...certificates, ...hosts, ...records, ...errorMessages(nodeId(node), pack.validation_errors)] };
    }
    case 'customHostname': {
      const { account, zone, hostname } = node;
      const records = hostnameRecords(hostname).map((record, index): ExplorerNode => ({ type: 'record', account, zone, owner: hostname.id, record, index, ...placement }));
      const verification = (hostname.verification_errors ?? []).map((message) => ({ message }));
      return { nodes: [...records, ...errorMessages(nodeId(node), [...verification, ...(hostname.ssl?.validation_errors ?? [])])] };
    }
    default:
      return { nodes: [] };
  }
}

/**
 * The accounts; but when a filter hides everything in every account, one row that says so
 * (and clears the filter on click) instead of a column of accounts each saying it.
 */
function rootChildren(snapshot: ExplorerSnapshot, view: ViewOptions): Children {
  const accounts = snapshot.accounts().map((state): ExplorerNode => ({ type: 'account', account: state.profile.key }));
  if (!isFiltering(view) || accounts.length === 0) return { nodes: accounts };
  const nothingShown = accounts.every((node) => {
    const children = childrenOf(snapshot, node);
    return children.load === undefined && children.nodes.length === 1 && children.nodes[0]?.type === 'message' && children.nodes[0].clearsFilter === true;
  });
  return { nodes: nothingShown ? [noMatch('root', view)] : accounts };
}

/** What an account shows while its zones are not listed, or when it has none; undefined once they are. */
function zoneListChildren(account: AccountState, node: ExplorerNode & { type: 'account' }): Children | undefined {
  const id = nodeId(node);
  const zones = valueOf(account.zones);
  if (account.zones.status === 'idle') {
    return { nodes: [message(id, 'loading', 'Checking the token and listing zones…')], load: { what: 'zones', account: node.account } };
  }
  if (zones === undefined) {
    return { nodes: [account.zones.status === 'failed' ? failure(id, account.zones, node) : message(id, 'loading', 'Checking the token and listing zones…')] };
  }
  if (zones.length === 0) {
    return { nodes: [message(id, 'empty', 'No zones', 'This token can see no zones. Give it "Zone: Read" on the zones to monitor.')] };
  }
  return undefined;
}

/** The row that says how many zones the last listing left out, and why; none when it left none. */
function rejectedZoneRows(account: AccountState, node: ExplorerNode & { type: 'account' }): ExplorerNode[] {
  const error = rejectedZones(account);
  return error === undefined ? [] : [errorMessage(`${nodeId(node)}/rejected`, error, node)];
}

function accountChildren(snapshot: AccountSnapshot, node: ExplorerNode & { type: 'account' }, view: ViewOptions): Children {
  const account = snapshot.state;
  const pending = zoneListChildren(account, node);
  if (pending !== undefined) return withRejectedZones(pending, account, node);
  const zones = (valueOf(account.zones) ?? []).filter((zone) => snapshot.zones.get(zone.id)?.shows ?? true);
  if (zones.length === 0) return { nodes: [...rejectedZoneRows(account, node), noMatch(nodeId(node), view, snapshot)] };
  return { nodes: [...rejectedZoneRows(account, node), ...zones.map((zone): ExplorerNode => ({ type: 'zone', account: node.account, zone: zone.id }))] };
}

function withRejectedZones(children: Children, account: AccountState, node: ExplorerNode & { type: 'account' }): Children {
  const rows = rejectedZoneRows(account, node);
  return rows.length === 0 ? children : { ...children, nodes: [...rows, ...children.nodes] };
}

/**
 * Grouped by status: the status groups that have something, then a row for zones whose
 * objects are not loaded (they are in no group yet) and one per zone that failed to load.
 */
function statusAccountChildren(snapshot: AccountSnapshot, node: ExplorerNode & { type: 'account' }, view: ViewOptions): Children {
  const account = snapshot.state;
  const pending = zoneListChildren(account, node);
  if (pending !== undefined) return withRejectedZones(pending, account, node);
  const id = nodeId(node);
  const buckets = snapshot.buckets();
  const nodes: ExplorerNode[] = [...rejectedZoneRows(account, node)];
  nodes.push(...statusGroupOrder.filter((status) => (buckets.get(status)?.length ?? 0) > 0).map((status): ExplorerNode => ({ type: 'statusGroup', account: node.account, status })));
  const { notLoaded, loading, failed } = zonesWithoutObjects(account);
  if (loading.length > 0) nodes.push(message(`${id}/zones`, 'loading', `Loading ${count(loading.length, 'zone')}…`));
  if (notLoaded.length > 0) {
    nodes.push(message(`${id}/zones`, 'info', `${count(notLoaded.length, 'zone')} not loaded yet`, 'Large accounts load a zone when it is expanded: group by zone and expand it to see its certificates here.'));
  }
  for (const zone of failed) {
    if (zone.details.status === 'failed') nodes.push(errorMessage(`${id}/zone/${zone.zone.id}`, { ...zone.details.error, message: `${zone.zone.name}: ${zone.details.error.message}` }, { type: 'zone', account: node.account, zone: zone.zone.id }));
  }
  const listings = problemListingRows(snapshot, node, view);
  nodes.push(...listings.nodes);
  const load = listings.load;
  if (nodes.length > 0) return { nodes, ...(load === undefined ? {} : { load }) };
  return { nodes: [isFiltering(view) ? noMatch(id, view, snapshot) : message(id, 'empty', 'No certificates')] };
}

/**
 * Grouped by status with problems only: the problem listings of zones whose hostname
 * pages are partial, asked for here, as zones grouped by zone ask for theirs when
 * expanded; a row while some are under way, and one per listing that failed.
 */
function problemListingRows(snapshot: AccountSnapshot, node: ExplorerNode & { type: 'account' }, view: ViewOptions): Children {
  const id = nodeId(node);
  const zones = [...snapshot.zones.values()].map((zone) => zone.state).filter((zone) => needsProblemListing(zone, view));
  const finding = zones.filter((zone) => problemListingOf(zone).status === 'idle' || problemListingOf(zone).status === 'loading');
  const nodes: ExplorerNode[] = [];
  if (finding.length > 0) nodes.push(message(`${id}/problems`, 'loading', `Finding problem hostnames in ${finding.length === 1 ? (finding[0]?.zone.name ?? '1 zone') : count(finding.length, 'zone')}…`, findingDetail));
  for (const zone of zones) {
    const listing = problemListingOf(zone);
    if (listing.status === 'failed') nodes.push(errorMessage(`${id}/problems/${zone.zone.id}`, { ...listing.error, message: `${zone.zone.name}: ${listing.error.message}` }, hostnamesGroup(node.account, zone.zone.id)));
  }
  const wanting = zones.filter((zone) => wantsProblemListing(zone, view)).map((zone) => zone.zone.id);
  return { nodes, ...(wanting.length === 0 ? {} : { load: { what: 'problemHostnames', account: node.account, zones: wanting } }) };
}

/** What the row of a listing under way says in its tooltip. */
const findingDetail = 'Listing every hostname whose status is not active, across all pages; the problems of the loaded pages show meanwhile.';

function hostnamesGroup(account: string, zone: string): ExplorerNode {
  return { type: 'group', account, zone, group: 'customHostnames' };
}

/** One status group's objects across the account's zones, worst first, then by name and zone. */
function statusGroupChildren(account: AccountSnapshot, node: ExplorerNode & { type: 'statusGroup' }): ExplorerNode[] {
  const placed = account.buckets().get(node.status) ?? [];
  return placed
    .map((entry) => ({ entry, rank: severityRank(entry.health.severity), name: objectName(entry.item) }))
    .sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name) || a.entry.zone.zone.name.localeCompare(b.entry.zone.zone.name))
    .map(({ entry }) => ({ ...objectNode(entry.item, node.account, entry.zone.zone.id), byStatus: true }));
}

function zoneChildren(view: ZoneView, node: ExplorerNode & { type: 'zone' }, options: ViewOptions): Children {
  const zone = view.state;
  const id = nodeId(node);
  const details = valueOf(zone.details);
  if (zone.details.status === 'idle') {
    return { nodes: [message(id, 'loading', 'Loading certificates…')], load: { what: 'zone', account: node.account, zone: node.zone } };
  }
  if (details === undefined) {
    return { nodes: [zone.details.status === 'failed' ? failure(id, zone.details, node) : message(id, 'loading', 'Loading certificates…')] };
  }
  const { account, zone: zoneId } = node;
  const failed = new Set(details.errors.map((error) => error.collection));
  const hostnames = valueOf(zone.hostnames);
  if (!showsWholeZone(options, zone.zone.name)) {
    // Filtered: only the groups with something the filter keeps.
    const nodes: ExplorerNode[] = allGroups.filter((group) => groupShows(zone, group, view.kept[group], options)).map((group) => ({ type: 'group', account, zone: zoneId, group }));
    if (details.fallbackOrigin && fallbackOriginShows(zone, options, view.judge)) nodes.push({ type: 'fallbackOrigin', account, zone: zoneId, origin: details.fallbackOrigin });
    // Problems only, over partial pages: the rest of the zone's problems are listed by status.
    return { nodes, ...(wantsProblemListing(zone, options) ? { load: { what: 'problemHostnames', account, zones: [zoneId] } } : {}) };
  }
  const groups: GroupKind[] = ['edgeCertificates'];
  if ((details.customCertificates?.length ?? 0) > 0 || failed.has('customCertificates')) groups.push('customCertificates');
  if ((hostnames?.total ?? 0) > 0 || hostnames?.filter !== undefined || zone.hostnames.status === 'failed') groups.push('customHostnames');
  if ((details.clientCertificates?.length ?? 0) > 0 || failed.has('clientCertificates')) groups.push('clientCertificates');
  const nodes: ExplorerNode[] = groups.map((group) => ({ type: 'group', account, zone: zoneId, group }));
  if (details.fallbackOrigin) nodes.push({ type: 'fallbackOrigin', account, zone: zoneId, origin: details.fallbackOrigin });
  return { nodes };
}

function groupChildren(view: ZoneView, node: ExplorerNode & { type: 'group' }, options: ViewOptions): ExplorerNode[] {
  const zone = view.state;
  const id = nodeId(node);
  const { account, zone: zoneId } = node;
  const details = valueOf(zone.details);
  const collectionError = (collection: string): ExplorerNode[] => {
    const found = details?.errors.find((error) => error.collection === collection);
    return found === undefined ? [] : [collectionMessage(id, found, { type: 'zone', account, zone: zoneId })];
  };
  const sorted = (): ExplorerNode[] => worstFirst(view.kept[node.group], view).map((object) => objectNode(object, account, zoneId));
  switch (node.group) {
    case 'edgeCertificates': {
      const nodes = sorted();
      const errors = collectionError('certificatePacks');
      return nodes.length === 0 && errors.length === 0 ? [message(id, 'empty', 'No edge certificates')] : [...errors, ...nodes];
    }
    case 'customCertificates':
      return [...collectionError('customCertificates'), ...sorted()];
    case 'clientCertificates':
      return [...collectionError('clientCertificates'), ...sorted()];
    case 'customHostnames':
      return hostnameChildren(view, node, options);
  }
}

function hostnameChildren(view: ZoneView, node: ExplorerNode & { type: 'group' }, options: ViewOptions): ExplorerNode[] {
  const zone = view.state;
  const id = nodeId(node);
  const { account, zone: zoneId } = node;
  const list = valueOf(zone.hostnames);
  const nodes: ExplorerNode[] = [];
  if (list?.filter !== undefined) nodes.push(message(id, 'info', `Search: hostname "${list.filter}"`, 'Clear the search to see every hostname.'));
  if (zone.hostnames.status === 'failed') nodes.push(errorMessage(id, zone.hostnames.error, { type: 'group', account, zone: zoneId, group: 'customHostnames' }));
  if (needsProblemListing(zone, options)) nodes.push(...problemListingRow(`${id}/problems`, zone, hostnamesGroup(account, zoneId)));
  const rejected = list === undefined ? undefined : rejectedHostnames(list);
  if (rejected !== undefined) nodes.push(errorMessage(`${id}/rejected`, rejected, { type: 'group', account, zone: zoneId, group: 'customHostnames' }));
  // Hostnames stay in the API's order (by name) so paging appends rather than reshuffles.
  nodes.push(...view.kept.customHostnames.flatMap((item): ExplorerNode[] => (item.kind === 'customHostname' ? [{ type: 'customHostname', account, zone: zoneId, hostname: item.object }] : [])));
  if (list !== undefined && list.items.length === 0 && zone.hostnames.status !== 'failed') nodes.push(message(id, 'empty', list.filter === undefined ? 'No custom hostnames' : 'No hostname matches'));
  // Not for a list read again: a row that came and went would move every row below it.
  if (showsLoading(zone.hostnames)) nodes.push(message(id, 'loading', 'Loading hostnames…'));
  else if (list !== undefined && list.pagesLoaded < list.totalPages) nodes.push({ type: 'loadMore', account, zone: zoneId, loaded: list.items.length, total: list.total });
  return nodes;
}

/** Worst first (status and expiry together), then by name: what needs someone comes to the top. */
function worstFirst(objects: readonly CertificateObject[], view: ZoneView): CertificateObject[] {
  return objects
    .map((object) => ({ object, rank: severityRank(view.judge(object).severity), name: objectName(object) }))
    .sort((a, b) => b.rank - a.rank || a.name.localeCompare(b.name))
    .map((entry) => entry.object);
}

function objectName(item: CertificateObject): string {
  switch (item.kind) {
    case 'certificatePack':
    case 'customCertificate':
      return item.object.hosts?.[0] ?? item.object.id;
    case 'clientCertificate':
      return item.object.common_name ?? item.object.id;
    case 'customHostname':
      return item.object.hostname;
  }
}

function objectNode(item: CertificateObject, account: string, zone: string): ExplorerNode {
  switch (item.kind) {
    case 'certificatePack':
      return { type: 'pack', account, zone, pack: item.object };
    case 'customCertificate':
      return { type: 'customCertificate', account, zone, certificate: item.object };
    case 'clientCertificate':
      return { type: 'clientCertificate', account, zone, certificate: item.object };
    case 'customHostname':
      return { type: 'customHostname', account, zone, hostname: item.object };
  }
}

/** Where a zone's problem listing stands, above the hostnames it found: finding, failed (with what it found kept), or nothing once it is in. */
function problemListingRow(parentId: string, zone: ZoneView['state'], retry: ExplorerNode): ExplorerNode[] {
  const listing = problemListingOf(zone);
  if (listing.status === 'idle' || listing.status === 'loading') return [message(parentId, 'loading', 'Finding problem hostnames…', findingDetail)];
  if (listing.status !== 'failed') return [];
  const row = errorMessage(parentId, listing.error, retry);
  if (row.type !== 'message' || !isStale(listing)) return [row];
  return [{ ...row, text: `${row.text} · showing what was found`, detail: joinDetail(row.detail, 'The problem hostnames found before the listing stopped are shown; some may be missing.') }];
}

function noMatch(parentId: string, view: ViewOptions, snapshot?: AccountSnapshot): ExplorerNode {
  // Problems only, over zones whose problem listings are in: the answer is about every hostname, not just the loaded pages.
  const listed = view.problemsOnly && snapshot !== undefined && [...snapshot.zones.values()].some((zone) => needsProblemListing(zone.state, view));
  return { type: 'message', parentId, kind: 'info', text: noMatchText(view), detail: `The filter applies to the certificates loaded so far${listed ? ' and to the status of every custom hostname' : ''}. Click to clear it.`, clearsFilter: true };
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function message(parentId: string, kind: MessageKind, text: string, detail?: string): ExplorerNode {
  return { type: 'message', parentId, kind, text, ...(detail === undefined ? {} : { detail }) };
}

function failure(parentId: string, loadable: Loadable<unknown> & { status: 'failed' }, retry: ExplorerNode): ExplorerNode {
  return errorMessage(parentId, loadable.error, retry);
}

/**
 * A collection's error, shown above what the collection still holds: items that were left
 * out (`bad_item`: how many and why), or a failed reload whose last data is still shown.
 */
function collectionMessage(parentId: string, found: CollectionError, retry: ExplorerNode): ExplorerNode {
  if (found.stale !== true) return errorMessage(parentId, found.error, retry);
  const node = errorMessage(parentId, found.error, retry);
  if (node.type !== 'message') return node;
  return { ...node, text: `${node.text} · showing the last data loaded`, detail: joinDetail(node.detail, 'Refreshing this list failed: what is shown below is from the last load that worked, and may be out of date.') };
}

function joinDetail(first: string | undefined, second: string): string {
  return first === undefined ? second : `${first}\n\n${second}`;
}

function errorMessage(parentId: string, error: { code: string; message: string; permission?: string }, retry: ExplorerNode): ExplorerNode {
  if (error.permission !== undefined) {
    return { type: 'message', parentId, kind: 'permission', text: `Missing permission: ${error.permission}`, detail: error.message, error, retry };
  }
  return { type: 'message', parentId, kind: 'error', text: error.message, error, retry };
}

function errorMessages(parentId: string, errors: readonly { message?: string | null }[] | null | undefined): ExplorerNode[] {
  return (errors ?? [])
    .map((error) => error.message)
    .filter((text): text is string => typeof text === 'string' && text.length > 0)
    .map((text, index) => ({ type: 'message', parentId: `${parentId}/${index}`, kind: 'error', text }));
}
