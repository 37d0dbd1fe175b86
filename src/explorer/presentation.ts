import type { CertificatePack, ClientCertificate, CustomCertificate, CustomHostname } from '../cloudflare';
import type { ExpiryAssessment } from '../domain/expiry';
import { escapeMarkdown, markdownCode } from '../shared/markdown';
import { ACTOR_LABELS, describeStatus, SEVERITY_COLORS, SEVERITY_ICONS, worstSeverity, type Assessment, type Severity } from '../domain/status';
import { ContextWords as W, contextValue } from './contextValues';
import type { AccountState } from './explorerState';
import { isStale, loadedAt, valueOf, type Loadable } from './loadable';
import { needsProblemListing, problemListingOf } from './problemListing';
import { certificateAuthorityLabel, hostsLabel, keyTypeFromSignature, packTypeLabel, sslModeLabel, validationMethodLabel } from '../domain/labels';
import { nodeId, type ExplorerNode, type GroupKind } from './nodes';
import { canRefreshCustomHostname, canRestartPackValidation } from '../domain/restartable';
import { hostnameRecords } from './validationRecords';
import { groupIsStale, zoneIsStale } from './staleness';
import { certificateExpiry, needsAction, objectHealth, type JudgedObject, type ObjectHealth } from '../domain/objectHealth';
import { presentStatusGroup } from './statusGroupItem';
import { isFiltering } from './viewOptions';
import type { PresentationContext, TreeItemModel } from './treeItemModel';
import type { Judge } from './snapshot';

const groupLabels: Readonly<Record<GroupKind, { label: string; icon: string }>> = {
  edgeCertificates: { label: 'Edge certificates', icon: 'workspace-trusted' },
  customCertificates: { label: 'Custom certificates', icon: 'lock' },
  customHostnames: { label: 'Custom hostnames', icon: 'globe' },
  clientCertificates: { label: 'Client certificates', icon: 'key' },
};

export function present(node: ExplorerNode, context: PresentationContext): TreeItemModel {
  const item = presentNode(node, context);
  // Under a status group, objects of every zone mix: the description names the zone. They
  // start collapsed, so the group reads as a list (the group already says what is wrong).
  const placedByStatus = 'byStatus' in node && node.byStatus === true && ['pack', 'customCertificate', 'customHostname', 'clientCertificate'].includes(node.type);
  if (!placedByStatus) return item;
  return { ...item, description: joinParts(context.zone(node.account, node.zone)?.zone.name, item.description), collapsible: item.collapsible === 'none' ? 'none' : 'collapsed' };
}

function presentNode(node: ExplorerNode, context: PresentationContext): TreeItemModel {
  const id = nodeId(node);
  // Objects are judged once per snapshot, by their zone's view.
  const judge = (item: JudgedObject): ObjectHealth => ('zone' in node ? context.health(node.account, node.zone, item) : objectHealth(item, context));
  switch (node.type) {
    case 'account':
      return presentAccount(node, id, context);
    case 'zone':
      return presentZone(node, id, context);
    case 'group':
      return presentGroup(node, id, context);
    case 'statusGroup':
      return presentStatusGroup(node, id, context);
    case 'pack':
      return presentPack(node.pack, id, judge, context.zone(node.account, node.zone)?.zone.name);
    case 'packCertificate': {
      const { certificate, pack } = node;
      const status = describeStatus('certificatePack', certificate.status);
      const expiry = certificateExpiry(certificate.expires_on, true, context, pack.validity_days ?? undefined);
      const severity = worstSeverity([status.severity, ...(expiry ? [expiry.severity] : [])]);
      const keyType = keyTypeFromSignature(certificate.signature) ?? 'Certificate';
      const issuer = certificate.issuer ?? certificateAuthorityLabel(pack.certificate_authority) ?? 'unknown issuer';
      return {
        id,
        label: `${keyType} · ${issuer}`,
        description: joinParts(status.label, expiry?.shortLabel),
        tooltip: lines(`**${escapeMarkdown(keyType)} certificate** issued by ${escapeMarkdown(issuer)}`, statusLine(status.label, status.meaning), expiry && expiryLine(expiry), field('Hosts', certificate.hosts?.join(', ')), field('Signature', certificate.signature), field('ID', certificate.id?.toString())),
        icon: severityIcon(severity),
        contextValue: contextValue(W.packCertificate),
        collapsible: 'none',
        severity,
      };
    }
    case 'host':
      return { id, label: node.host, icon: { id: 'globe' }, contextValue: contextValue(W.host), collapsible: 'none', tooltip: lines(`**${escapeMarkdown(node.host)}**`, 'A hostname this certificate covers.') };
    case 'record': {
      const { record } = node;
      const method = validationMethodLabel(record.method) ?? record.method;
      const purpose = record.purpose === 'ownership' ? 'Hostname ownership' : 'Certificate validation';
      return {
        id,
        label: `${method} ${record.name}`,
        description: joinParts(record.status, record.method === 'email' ? undefined : record.value),
        tooltip: lines(`**${purpose}** (${escapeMarkdown(method)})`, field(record.method === 'http' ? 'URL' : record.method === 'email' ? 'Approvers' : 'Name', record.name), record.method === 'email' ? undefined : field(record.method === 'http' ? 'Body' : record.method === 'cname' ? 'Target' : 'Value', record.value), field('Status', record.status)),
        icon: { id: record.method === 'http' ? 'link' : record.method === 'email' ? 'mail' : record.method === 'cname' ? 'arrow-right' : 'symbol-string' },
        contextValue: contextValue(W.record, record.method),
        collapsible: 'none',
      };
    }
    case 'customCertificate':
      return presentCustomCertificate(node.certificate, id, judge);
    case 'customHostname':
      return presentCustomHostname(node.hostname, id, judge);
    case 'clientCertificate':
      return presentClientCertificate(node.certificate, id, judge);
    case 'fallbackOrigin': {
      const status = describeStatus('fallbackOrigin', node.origin.status);
      return {
        id,
        label: `Fallback origin: ${node.origin.origin ?? '(none)'}`,
        description: status.label,
        tooltip: lines('**Fallback origin** for custom hostnames', statusLine(status.label, status.meaning), nextStepLine(status.nextStep, ACTOR_LABELS[status.actor]), ...(node.origin.errors ?? []).map((error) => `- ${escapeMarkdown(error)}`)),
        icon: { id: status.icon, color: status.color },
        contextValue: contextValue(W.fallbackOrigin),
        collapsible: 'none',
        severity: status.severity,
      };
    }
    case 'loadMore':
      return { id, label: 'Load more…', description: `${node.loaded} of ${node.total}`, icon: { id: 'more' }, contextValue: contextValue(W.loadMore), collapsible: 'none', command: { id: 'loadMore', title: 'Load More' }, tooltip: 'Load the next 50 hostnames. Use **Load All** from the context menu for every one.' };
    case 'message': {
      const icons = { loading: 'loading~spin', error: 'error', permission: 'lock', empty: 'info', info: 'filter' } as const;
      return {
        id,
        label: node.text,
        ...(node.retry === undefined ? {} : { description: 'Retry' }),
        ...(node.clearsFilter === true ? { description: 'Clear filter' } : {}),
        tooltip: lines(escapeMarkdown(node.text), node.detail && escapeMarkdown(node.detail), node.error && field('Code', node.error.code), node.retry && 'Click to try again.'),
        icon: node.kind === 'error' ? { id: icons.error, color: SEVERITY_COLORS.error } : node.kind === 'permission' ? { id: icons.permission, color: SEVERITY_COLORS.warning } : { id: icons[node.kind] },
        contextValue: contextValue(W.message, node.retry !== undefined && W.retryable),
        collapsible: 'none',
        ...(node.retry === undefined ? {} : { command: { id: 'retry', title: 'Retry' } }),
        ...(node.clearsFilter === true ? { command: { id: 'clearFilter', title: 'Clear Filter' } } : {}),
      };
    }
  }
}

function presentAccount(node: ExplorerNode & { type: 'account' }, id: string, context: PresentationContext): TreeItemModel {
  const account = context.account(node.account);
  const profile = account?.profile;
  const zones = account === undefined ? undefined : valueOf(account.zones);
  const stale = account !== undefined && isStale(account.zones);
  const failed = account?.zones.status === 'failed';
  const at = account === undefined ? undefined : loadedAt(account.zones);
  const source = profile?.origin === 'environment' ? 'from the environment (CLOUDFLARE_API_TOKEN / CLOUDFLARE_API_KEY)' : 'stored in VS Code SecretStorage';
  return {
    id,
    label: profile?.label ?? node.account,
    description: joinParts(account === undefined || zones === undefined ? undefined : zoneCount(account, zones.length, context), stale ? 'stale' : undefined),
    tooltip: lines(
      `**${escapeMarkdown(profile?.label ?? node.account)}**`,
      `${profile?.authKind === 'globalKey' ? 'Global API key' : 'API token'}, ${source}`,
      field('E-mail', profile?.email),
      field('Account ID', profile?.accountId),
      profile?.origin === 'environment' ? 'To change its token, change the variable and restart VS Code.' : undefined,
      at === undefined ? undefined : `Last refreshed ${new Date(at).toLocaleString()}`,
      failed && account.zones.status === 'failed' ? `$(warning) ${escapeMarkdown(account.zones.error.message)}` : undefined,
    ),
    icon: failed ? { id: 'warning', color: SEVERITY_COLORS.warning } : { id: 'cloud' },
    contextValue: contextValue(W.account, profile?.origin === 'stored' && W.storedAccount),
    collapsible: 'expanded',
  };
}

function presentZone(node: ExplorerNode & { type: 'zone' }, id: string, context: PresentationContext): TreeItemModel {
  const zoneView = context.zoneView(node.account, node.zone);
  const zoneState = zoneView?.state;
  const zone = zoneState?.zone;
  const status = describeStatus('zone', zone?.status);
  const details = zoneState === undefined ? undefined : valueOf(zoneState.details);
  const rollup = zoneView?.rollup;
  const worst = rollup === undefined ? status.severity : worstSeverity([status.severity, rollup.severity]);
  const needAction = rollup?.needAction ?? 0;
  const stale = zoneState !== undefined && zoneIsStale(zoneState);
  const mode = sslModeLabel(details?.sslMode);
  return {
    id,
    label: zone?.name ?? node.zone,
    description: joinParts(status.label, mode === undefined ? undefined : `SSL ${mode}`, needAction > 0 ? `${needAction} need${needAction === 1 ? 's' : ''} action` : undefined, stale ? 'stale' : undefined),
    tooltip: lines(`**${escapeMarkdown(zone?.name ?? node.zone)}**`, statusLine(status.label, status.meaning), mode && field('SSL/TLS mode', mode), field('Plan', zone?.plan?.name), field('Zone ID', zone?.id), needAction > 0 ? `$(warning) ${needAction} item${needAction === 1 ? '' : 's'} need action` : undefined),
    icon: zoneState?.details.status === 'loading' && details === undefined ? { id: 'loading~spin' } : severityIcon(worst),
    contextValue: contextValue(W.zone, W.dashboard),
    collapsible: 'collapsed',
    severity: worst,
  };
}

/** "11 zones", or while a filter hides some (grouped by zone), "3 of 11 zones". */
function zoneCount(account: AccountState, total: number, context: PresentationContext): string {
  const { view } = context;
  const noun = `zone${total === 1 ? '' : 's'}`;
  if (!isFiltering(view) || view.groupBy !== 'zone') return `${total} ${noun}`;
  const zones = context.accountView(account.profile.key)?.zones;
  const shown = [...account.zoneStates.keys()].filter((id) => zones?.get(id)?.shows ?? true).length;
  return shown < total ? `${shown} of ${total} ${noun}` : `${total} ${noun}`;
}

function presentGroup(node: ExplorerNode & { type: 'group' }, id: string, context: PresentationContext): TreeItemModel {
  const zoneView = context.zoneView(node.account, node.zone);
  const zoneState = zoneView?.state;
  const { label, icon } = groupLabels[node.group];
  const all = zoneView?.objects[node.group] ?? [];
  let count = String(all.length);
  const list = zoneState === undefined || node.group !== 'customHostnames' ? undefined : valueOf(zoneState.hostnames);
  if (node.group === 'customHostnames') {
    count = list === undefined ? '' : list.items.length < list.total ? `${list.items.length} of ${list.total}` : String(list.total);
  }
  // Filtered: the counts are of what is shown, "3 of 33".
  const objects = zoneView?.kept[node.group] ?? [];
  const total = list?.total ?? all.length;
  if (objects.length < all.length) count = `${objects.length} of ${total}`;
  // Problems only over partial pages: every problem hostname of the zone, once the listing is in.
  const listing = zoneState !== undefined && node.group === 'customHostnames' && needsProblemListing(zoneState, context.view);
  if (listing) count = problemCount(objects.length, problemListingOf(zoneState).status);
  // Unfiltered, "need action" counts every object known, the problem listing's too: as the zone's row does.
  const counted = isFiltering(context.view) ? objects : all;
  const problems = zoneView === undefined ? 0 : counted.filter((object) => needsAction(zoneView.judge(object).severity)).length;
  const stale = zoneState !== undefined && groupIsStale(zoneState, node.group);
  return {
    id,
    label,
    description: joinParts(count, problems > 0 ? `${problems} need${problems === 1 ? 's' : ''} action` : undefined, stale ? 'stale' : undefined),
    icon: { id: icon },
    contextValue: contextValue(W.group, node.group === 'customHostnames' && W.hostnamesGroup),
    collapsible: node.group === 'edgeCertificates' || problems > 0 || listing ? 'expanded' : 'collapsed',
  };
}

/** "12,033 problem hostnames" once the listing is in; "3 problem hostnames so far" before. */
function problemCount(n: number, listing: Loadable<unknown>['status']): string {
  const counted = `${n.toLocaleString('en-US')} problem hostname${n === 1 ? '' : 's'}`;
  return listing === 'ready' ? counted : listing === 'failed' ? `${counted} found` : `${counted} so far`;
}

function presentPack(pack: CertificatePack, id: string, judge: Judge, zoneName: string | undefined): TreeItemModel {
  const status = describeStatus('certificatePack', pack.status);
  const health = judge({ kind: 'certificatePack', object: pack });
  const { expiry, severity } = health;
  const method = status.stage === 'pendingValidation' ? validationMethodLabel(pack.validation_method) : undefined;
  const hosts = pack.hosts ?? [];
  return {
    id,
    label: `${packTypeLabel(pack.type)} · ${hostsLabel(hosts, zoneName) ?? pack.id}`,
    description: joinParts(status.label, method, status.severity === 'ok' ? expiry?.shortLabel : undefined),
    tooltip: lines(
      `**${escapeMarkdown(packTypeLabel(pack.type))} certificate pack**`,
      statusLine(status.label, status.meaning),
      nextStepLine(status.nextStep, ACTOR_LABELS[status.actor]),
      expiry && expiryLine(expiry),
      field('Hosts', hosts.join(', ')),
      field('Certificate authority', certificateAuthorityLabel(pack.certificate_authority)),
      field('Validation', validationMethodLabel(pack.validation_method)),
      field('Pack ID', pack.id),
    ),
    icon: healthIcon(health),
    contextValue: contextValue(W.pack, canRestartPackValidation(pack) && W.restartable, W.dashboard),
    collapsible: status.severity === 'ok' ? 'collapsed' : 'expanded',
    severity,
  };
}

function presentCustomHostname(hostname: CustomHostname, id: string, judge: Judge): TreeItemModel {
  const health = judge({ kind: 'customHostname', object: hostname });
  const { status: assessment, expiry, severity } = health;
  const ssl = describeStatus('customHostnameSsl', hostname.ssl?.status);
  const hostStatus = describeStatus('customHostname', hostname.status);
  const method = ssl.stage === 'pendingValidation' ? validationMethodLabel(hostname.ssl?.method) : undefined;
  return {
    id,
    label: hostname.hostname,
    description: joinParts(assessmentLabel(assessment, hostStatus.label, ssl.label), method, expiry?.shortLabel),
    tooltip: lines(
      `**${escapeMarkdown(hostname.hostname)}**`,
      field('Hostname status', hostStatus.label),
      field('Certificate status', ssl.label),
      nextStepLine(assessment.problem === 'hostname' ? hostStatus.nextStep : ssl.nextStep, ACTOR_LABELS[assessment.problem === 'hostname' ? hostStatus.actor : ssl.actor]),
      expiry && expiryLine(expiry),
      field('Validation', validationMethodLabel(hostname.ssl?.method)),
      field('Custom origin', hostname.custom_origin_server),
      field('ID', hostname.id),
    ),
    icon: healthIcon(health),
    contextValue: contextValue(W.customHostname, canRefreshCustomHostname(hostname) && W.restartable, W.dashboard),
    collapsible: hasHostnameChildren(hostname) ? (severity === 'ok' ? 'collapsed' : 'expanded') : 'none',
    severity,
  };
}

function hasHostnameChildren(hostname: CustomHostname): boolean {
  return (
    hostnameRecords(hostname).length > 0 ||
    (hostname.ssl?.validation_errors?.length ?? 0) > 0 ||
    (hostname.verification_errors?.length ?? 0) > 0
  );
}

/** "Active" when both parts agree; otherwise the part that is the problem. */
function assessmentLabel(assessment: Assessment, hostLabel: string, sslLabel: string): string {
  if (assessment.problem === undefined) return hostLabel === sslLabel ? hostLabel : `${hostLabel} · SSL ${sslLabel}`;
  return assessment.label;
}

function presentCustomCertificate(certificate: CustomCertificate, id: string, judge: Judge): TreeItemModel {
  const status = describeStatus('customCertificate', certificate.status);
  const health = judge({ kind: 'customCertificate', object: certificate });
  const { expiry, severity } = health;
  const hosts = certificate.hosts ?? [];
  return {
    id,
    label: hostsLabel(hosts, undefined) ?? certificate.id,
    description: joinParts(status.label, keyTypeFromSignature(certificate.signature), expiry?.shortLabel),
    tooltip: lines('**Custom certificate**', statusLine(status.label, status.meaning), nextStepLine(status.nextStep, ACTOR_LABELS[status.actor]), expiry && expiryLine(expiry), field('Hosts', hosts.join(', ')), field('Issuer', certificate.issuer), field('Bundle method', certificate.bundle_method), field('ID', certificate.id)),
    icon: healthIcon(health),
    contextValue: contextValue(W.customCertificate, W.dashboard),
    collapsible: 'none',
    severity,
  };
}

function presentClientCertificate(certificate: ClientCertificate, id: string, judge: Judge): TreeItemModel {
  const status = describeStatus('clientCertificate', certificate.status);
  const health = judge({ kind: 'clientCertificate', object: certificate });
  const { expiry, severity } = health;
  return {
    id,
    label: certificate.common_name ?? certificate.id,
    description: joinParts(status.label, expiry?.shortLabel),
    tooltip: lines('**Client certificate**', statusLine(status.label, status.meaning), nextStepLine(status.nextStep, ACTOR_LABELS[status.actor]), expiry && expiryLine(expiry), field('CA', certificate.certificate_authority?.name), field('Serial', certificate.serial_number), field('SHA-256', certificate.fingerprint_sha256), field('ID', certificate.id)),
    icon: healthIcon(health),
    contextValue: contextValue(W.clientCertificate, W.dashboard),
    collapsible: 'none',
    severity,
  };
}

function severityIcon(severity: Severity): { id: string; color: string } {
  return { id: SEVERITY_ICONS[severity], color: SEVERITY_COLORS[severity] };
}

/** The status's own icon, unless expiry made it worse than the status says. */
function healthIcon(health: ObjectHealth): { id: string; color: string } {
  return health.severity === health.status.severity ? { id: health.status.icon, color: health.status.color } : severityIcon(health.severity);
}

function joinParts(...parts: (string | null | undefined)[]): string | undefined {
  const present = parts.filter((part): part is string => typeof part === 'string' && part.length > 0);
  return present.length === 0 ? undefined : present.join(' · ');
}

function lines(...parts: (string | false | null | undefined)[]): string {
  return parts.filter((part): part is string => typeof part === 'string' && part.length > 0).join('\n\n');
}

function field(name: string, value: string | null | undefined): string | undefined {
  return value ? `${name}: ${markdownCode(value)}` : undefined;
}

function statusLine(label: string, meaning: string): string {
  return `**${escapeMarkdown(label)}**: ${escapeMarkdown(meaning)}`;
}

function nextStepLine(nextStep: string, actor: string): string {
  return `*Next (${escapeMarkdown(actor)})*: ${escapeMarkdown(nextStep)}`;
}

function expiryLine(expiry: ExpiryAssessment): string {
  return `${expiry.expired ? '$(error)' : expiry.severity === 'ok' ? '$(calendar)' : '$(warning)'} ${escapeMarkdown(expiry.reason)}`;
}
