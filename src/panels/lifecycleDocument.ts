/**
 * The lifecycle panel of one certificate object, as a PanelDocument: where the object
 * stands, what happens next and who must act, its lifecycle drawn with the current stage
 * marked, what it needs validated, its certificates, the last probe, its history and the
 * raw API object. Pure: the panel manager (src/views/webviewPanels/lifecyclePanels.ts) gathers
 * the input and sends the result to the webview, which escapes every string.
 */
import type { ProbeResult } from '../probe';
import type { Block, PanelDocument } from './document';
import type { ExpiryThresholds } from '../domain/expiry';
import { objectHealth, type CertificateObject, type ObjectHealth } from '../domain/objectHealth';
import type { ObjectRef } from '../domain/objectRef';
import type { Transition } from '../explorer/statusChanges';
import { describeStatus, OBJECT_KIND_LABELS, PART_LABELS, type StatusInfo } from '../domain/status';
import { clientCertificateBlocks, customCertificateBlocks, hostnameCertificateBlocks, packCertificateBlocks, type CertificateContext } from './certificateBlocks';
import { fact, facts, idFact, type FactRow } from './facts';
import { historyTimeline, seenStatuses } from './historyTimeline';
import { lastProbeBlocks } from './probeBlocks';
import { diagnosisBlocks, type DiagnosisInput } from './diagnosisBlocks';
import { lifecycleActions, LifecycleActionIds } from './lifecycleActions';
import { lifecycleDiagram } from './lifecycleDiagram';
import { nextStepCallout } from './nextSteps';
import { objectSubtitle, objectTitle } from './objectTitle';
import { cap, MAX_JSON, toneOf, utcTime, type TimeFormat } from './text';
import { hostnameValidationBlocks, packValidationBlocks } from './validationBlocks';
import { LifecycleHeadings } from './headings';

// Tests and the e2e screenshots find blocks by these headings.
export { LifecycleHeadings };

/** How current the shown data is; `at` is when it was loaded. */
export type Freshness =
  | { readonly state: 'fresh'; readonly at?: number }
  /** A newer copy is being fetched. */
  | { readonly state: 'refreshing'; readonly at?: number }
  /** The last load failed; the data shown is older. */
  | { readonly state: 'stale'; readonly at?: number; readonly reason?: string }
  /** Cloudflare answered "not found": the data shown is the last known. */
  | { readonly state: 'gone'; readonly at?: number };

export interface LifecycleInput {
  readonly item: CertificateObject;
  readonly zoneName?: string;
  readonly accountLabel?: string;
  /** The object's transitions, oldest first (TransitionHistory.of). */
  readonly history: readonly Transition[];
  /** The last probe per name (ProbeResults.latestFor). */
  readonly probes: readonly ProbeResult[];
  /** The last diagnosis (DiagnosisResults); packs and custom hostnames only. */
  readonly diagnosis?: DiagnosisInput;
  readonly now: number;
  readonly thresholds: ExpiryThresholds;
  readonly freshness: Freshness;
  readonly format?: TimeFormat;
}

export function lifecycleDocument(input: LifecycleInput): PanelDocument {
  const format = input.format ?? utcTime;
  const { item } = input;
  const health = objectHealth(item, { now: input.now, thresholds: input.thresholds });
  const certificateContext: CertificateContext = { now: input.now, thresholds: input.thresholds, format };
  const gone = input.freshness.state === 'gone';
  // A diagnosis run (or running) is what the user asked for: it comes first; otherwise a line beside the records says what it would do.
  const diagnosis = input.diagnosis === undefined ? [] : diagnosisBlocks(input.diagnosis, format);
  const diagnosed = input.diagnosis !== undefined && (input.diagnosis.record !== undefined || input.diagnosis.running);
  const blocks: Block[] = [
    ...(gone ? [goneCallout(input.freshness.at, format)] : []),
    nextStepCallout(item, health),
    ...(diagnosed ? diagnosis : []),
    facts(LifecycleHeadings.overview, overviewRows(input, health)),
    ...diagrams(item, input.history),
    ...validationBlocks(item),
    ...(diagnosed ? [] : diagnosis),
    ...certificateBlocks(item, health, certificateContext),
    // Probes check what the edge serves for hostnames; a client certificate has none.
    ...(item.kind === 'clientCertificate' ? [] : lastProbeBlocks(input.probes, { warningDays: input.thresholds.warningDays, format })),
    historyTimeline(item.kind, input.history, format),
    { kind: 'code', title: LifecycleHeadings.raw, text: rawJson(item.object), copyLabel: 'API object as JSON' },
  ];
  return {
    title: objectTitle(item, input.zoneName),
    subtitle: objectSubtitle(item, input.zoneName),
    status: { label: statusLabel(item, health), tone: toneOf(health.severity) },
    note: freshnessNote(input.freshness, format),
    actions: lifecycleActions(item, { exists: !gone, diagnosed: input.diagnosis?.record !== undefined }),
    blocks,
  };
}

/** What the panel shows before the object's data has arrived. */
export function loadingDocument(ref: ObjectRef): PanelDocument {
  return { title: OBJECT_KIND_LABELS[ref.kind], subtitle: cap(ref.id), note: 'Loading…', actions: [], blocks: [] };
}

/** What the panel shows when the object cannot be shown at all (never loaded, and the fetch failed or found nothing). */
export function unavailableDocument(ref: ObjectRef, reason: string, gone: boolean): PanelDocument {
  return {
    title: OBJECT_KIND_LABELS[ref.kind],
    subtitle: cap(ref.id),
    status: { label: gone ? 'Not found' : 'Unavailable', tone: gone ? 'inactive' : 'warning' },
    note: cap(reason, 600),
    actions: gone ? [] : [{ id: LifecycleActionIds.refresh, label: 'Try Again', icon: 'refresh', primary: true }],
    blocks: [{ kind: 'callout', tone: gone ? 'inactive' : 'warning', title: gone ? 'Not found' : 'Could not load this object', lines: [cap(reason, 600)] }],
  };
}

/** A custom hostname's badge names both of its statuses; other objects have one. */
function statusLabel(item: CertificateObject, health: ObjectHealth): string {
  if (item.kind !== 'customHostname' || item.object.ssl === null || item.object.ssl === undefined) return health.status.label;
  const [hostname, certificate] = health.status.parts;
  if (hostname === undefined || certificate === undefined) return health.status.label;
  return `${PART_LABELS.hostname}: ${hostname.label} · ${PART_LABELS.certificate}: ${certificate.label}`;
}

function statusRows(label: string, info: StatusInfo): FactRow[] {
  return [...fact(label, info.label, { tone: toneOf(info.severity) }), ...fact(`${label}: what it means`, info.meaning)];
}

function overviewRows(input: LifecycleInput, health: ObjectHealth): FactRow[] {
  const { item } = input;
  const status =
    item.kind === 'customHostname'
      ? [...statusRows('Hostname status', describeStatus('customHostname', item.object.status)), ...(item.object.ssl ? statusRows('Certificate status', describeStatus('customHostnameSsl', item.object.ssl.status)) : [])]
      : statusRows('Status', describeStatus(item.kind, item.object.status));
  return [
    ...status,
    ...(health.expiry === undefined ? [] : fact('Expiry', health.expiry.shortLabel, { tone: toneOf(health.expiry.severity) })),
    ...fact('Zone', input.zoneName),
    ...fact('Account', input.accountLabel),
    ...idFact('ID', item.object.id),
  ];
}

function diagrams(item: CertificateObject, history: readonly Transition[]): Block[] {
  if (item.kind !== 'customHostname') {
    return [lifecycleDiagram({ kind: item.kind, title: LifecycleHeadings.lifecycle, status: item.object.status, seen: seenStatuses(history, 'status') })];
  }
  return [
    lifecycleDiagram({ kind: 'customHostname', title: LifecycleHeadings.hostnameLifecycle, status: item.object.status, seen: seenStatuses(history, 'status') }),
    lifecycleDiagram({ kind: 'customHostnameSsl', title: LifecycleHeadings.certificateLifecycle, status: item.object.ssl?.status, seen: seenStatuses(history, 'sslStatus') }),
  ];
}

function validationBlocks(item: CertificateObject): Block[] {
  switch (item.kind) {
    case 'certificatePack':
      return packValidationBlocks(item.object);
    case 'customHostname':
      return hostnameValidationBlocks(item.object);
    case 'customCertificate':
    case 'clientCertificate':
      // Validated by their own CA (uploads) or issued by Cloudflare's client CA: no DCV here.
      return [];
  }
}

function certificateBlocks(item: CertificateObject, health: ObjectHealth, context: CertificateContext): Block[] {
  switch (item.kind) {
    case 'certificatePack':
      return packCertificateBlocks(item.object, context);
    case 'customCertificate':
      return customCertificateBlocks(item.object, health.expiry, context);
    case 'customHostname':
      return hostnameCertificateBlocks(item.object, health.expiry, context);
    case 'clientCertificate':
      return clientCertificateBlocks(item.object, health.expiry, context);
  }
}

function freshnessNote(freshness: Freshness, format: TimeFormat): string {
  const from = freshness.at === undefined ? '' : ` from ${format(freshness.at)}`;
  switch (freshness.state) {
    case 'fresh':
      return freshness.at === undefined ? 'Up to date' : `Updated ${format(freshness.at)}`;
    case 'refreshing':
      return `Refreshing… (showing data${from})`;
    case 'stale':
      return `Stale: ${cap(freshness.reason ?? 'the last refresh failed', 200)}. Showing data${from}.`;
    case 'gone':
      return `Gone: Cloudflare no longer has this object. Showing the last data known${from}.`;
  }
}

function goneCallout(at: number | undefined, format: TimeFormat): Block {
  return {
    kind: 'callout',
    tone: 'inactive',
    title: LifecycleHeadings.gone,
    lines: [`Cloudflare answered “not found” for this object: it was deleted, or moved out of reach of this account. What follows is the last data known${at === undefined ? '' : `, from ${format(at)}`}.`],
  };
}

/** The API object as Cloudflare sent it, indented; cut (and said so) if absurdly long. */
function rawJson(object: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(object, null, 2) ?? 'null';
  } catch {
    return '(This object cannot be shown as JSON.)';
  }
  return text.length <= MAX_JSON ? text : `${text.slice(0, MAX_JSON)}\n… (cut: ${text.length - MAX_JSON} more characters)`;
}
