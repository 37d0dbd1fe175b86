import { assess, describeStatus, OBJECT_KIND_LABELS, type Stage, type StatusInfo } from '../domain/status';
import type { Logger } from '../shared/logger';
import { defuseLinks } from '../shared/markdown';
import type { CertificateObject } from '../domain/objectHealth';
import { objectKey, type ObjectRef } from '../domain/objectRef';
import { fieldCatalogKind, vanishedStatus, type ObjectTransition, type Transition } from './statusChanges';

/** The kinds of status change a user can choose to be told about (setting `cloudflareCertificates.notifications`). */
export type NotificationCategory = 'becameActive' | 'timedOut' | 'expired' | 'failed' | 'revoked' | 'deleted';

export type NotificationSettings = Readonly<Record<NotificationCategory, boolean>>;

export const notificationCategories: readonly NotificationCategory[] = ['becameActive', 'timedOut', 'expired', 'failed', 'revoked', 'deleted'];

export const defaultNotificationSettings: NotificationSettings = { becameActive: true, timedOut: true, expired: true, failed: true, revoked: true, deleted: true };

/** `warning` for news that needs someone to act (the catalog says warning or error), `info` otherwise. */
export type NotificationTone = 'info' | 'warning';

export interface Notice {
  readonly tone: NotificationTone;
  readonly message: string;
  /** The object, when the notice is about one (a summary is about several). */
  readonly ref?: ObjectRef;
}

export interface NotificationPlan {
  readonly notices: readonly Notice[];
  /** What to remember as notified, so it is never announced twice. */
  readonly remember: readonly string[];
}

export interface PlanOptions {
  readonly settings: NotificationSettings;
  readonly notified: NotifiedTransitions;
  readonly now: number;
  /** More objects than this in one refresh give one summary instead of a notice each. */
  readonly batchLimit?: number;
}

/** Names in notifications are cut to this many characters: a hostname can be 253. */
export const maxNotifiedNameLength = 80;

const defaultBatchLimit = 3;

const timedOutStages: ReadonlySet<Stage> = new Set<Stage>(['initializingTimedOut', 'validationTimedOut', 'issuanceTimedOut', 'deploymentTimedOut', 'deletionTimedOut', 'timedOut']);
const expiryStages: ReadonlySet<Stage> = new Set<Stage>(['expiring', 'expired']);
/** Stages that are already "active": going from one to Active is no news. */
const liveStages: ReadonlySet<Stage> = new Set<Stage>(['active', 'redeploying']);

/** In a summary, and to pick the one transition of an object that its notice is about. */
const categoryOrder: readonly NotificationCategory[] = ['timedOut', 'failed', 'expired', 'revoked', 'deleted', 'becameActive'];
const summaryPhrases: Readonly<Record<NotificationCategory, string>> = {
  becameActive: 'became active',
  timedOut: 'timed out',
  expired: 'expired or expiring',
  failed: 'need action',
  revoked: 'revoked',
  deleted: 'deleted',
};

/**
 * Which kind of news a transition is, from the status catalog's stages and severities,
 * or undefined when it is not worth a notification (first seen, progress along the way,
 * a step back to pending). Custom hostname `ssl.status` reads the certificate catalog.
 */
export function categorize(kind: ObjectRef['kind'], transition: Transition): NotificationCategory | undefined {
  if (transition.from === undefined) return undefined;
  const before = statusInfo(kind, transition.field, transition.from);
  const after = statusInfo(kind, transition.field, transition.to);
  if (before.stage === after.stage && before.severity === after.severity) return undefined;
  if (after.stage === 'deleted' || transition.to === vanishedStatus) return 'deleted';
  if (timedOutStages.has(after.stage)) return 'timedOut';
  if (expiryStages.has(after.stage)) return 'expired';
  if (after.stage === 'revoked') return 'revoked';
  if (after.severity === 'error' || after.severity === 'warning') return 'failed';
  if (after.stage === 'active' && !liveStages.has(before.stage)) return 'becameActive';
  return undefined;
}

/**
 * What to show for the transitions of one refresh: at most one notice per object (its
 * most pressing change), or one summary when more than `batchLimit` objects changed.
 * Transitions already notified, or of a category turned off, are left out. An object
 * "becomes active" only when the whole of it is fine (a hostname with its certificate).
 */
export function planNotifications(transitions: readonly ObjectTransition[], options: PlanOptions): NotificationPlan {
  const byObject = new Map<string, { ref: ObjectRef; object: CertificateObject; picks: { transition: ObjectTransition; category: NotificationCategory }[] }>();
  const remember = new Set<string>();
  for (const transition of transitions) {
    const category = categorize(transition.ref.kind, transition);
    if (category === undefined || !options.settings[category]) continue;
    const id = notifiedId(transition);
    if (options.notified.has(id, options.now) || remember.has(id)) continue;
    if (category === 'becameActive' && assess(transition.object.kind, transition.object.object).severity !== 'ok') continue;
    remember.add(id);
    const key = objectKey(transition.ref);
    const entry = byObject.get(key) ?? { ref: transition.ref, object: transition.object, picks: [] };
    entry.picks.push({ transition, category });
    byObject.set(key, entry);
  }
  const objects = [...byObject.values()].map((entry) => {
    const pick = [...entry.picks].sort((a, b) => categoryOrder.indexOf(a.category) - categoryOrder.indexOf(b.category))[0];
    return { ...entry, pick };
  });
  const notices: Notice[] = [];
  const batchLimit = options.batchLimit ?? defaultBatchLimit;
  if (objects.length > batchLimit) {
    const counts = new Map<NotificationCategory, number>();
    for (const { pick } of objects) if (pick !== undefined) counts.set(pick.category, (counts.get(pick.category) ?? 0) + 1);
    const parts = categoryOrder.filter((category) => counts.has(category)).map((category) => `${counts.get(category)} ${summaryPhrases[category]}`);
    const tone = objects.some(({ pick }) => pick !== undefined && toneOf(pick.transition) === 'warning') ? 'warning' : 'info';
    notices.push({ tone, message: `${objects.length} certificates changed status: ${parts.join(', ')}.` });
  } else {
    for (const { ref, object, pick } of objects) {
      if (pick !== undefined) notices.push({ tone: toneOf(pick.transition), message: defuseLinks(describeTransition(object, pick.transition)), ref });
    }
  }
  return { notices, remember: [...remember] };
}

/** One line for one transition, e.g. `Custom hostname shop.example.com: certificate Pending Validation → Active.` */
export function describeTransition(object: CertificateObject, transition: Transition): string {
  const kind = object.kind;
  const part = transition.field === 'sslStatus' ? 'certificate ' : '';
  const from = transition.from === undefined ? '' : `${statusLabel(kind, transition.field, transition.from)} → `;
  return `${OBJECT_KIND_LABELS[kind]} ${objectName(object)}: ${part}${from}${statusLabel(kind, transition.field, transition.to)}.`;
}

/** What names an object to a person: its hostname, first host or common name, cut to a readable length. */
export function objectName(item: CertificateObject): string {
  const text = (value: unknown): string | undefined => (typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined);
  let name: string | undefined;
  switch (item.kind) {
    case 'certificatePack':
    case 'customCertificate':
      name = text(item.object.hosts?.[0]);
      break;
    case 'customHostname':
      name = text(item.object.hostname);
      break;
    case 'clientCertificate':
      name = text(item.object.common_name);
      break;
  }
  return shorten(name ?? text(item.object.id) ?? '(unnamed)', maxNotifiedNameLength);
}

/** `text` without control or bidi characters, at most `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
  // eslint-disable-next-line no-control-regex
  const clean = text.replace(/[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g, '\uFFFD');
  const characters = Array.from(clean);
  return characters.length <= max ? clean : `${characters.slice(0, max - 1).join('')}…`;
}

function toneOf(transition: ObjectTransition): NotificationTone {
  const severity = statusInfo(transition.ref.kind, transition.field, transition.to).severity;
  return severity === 'error' || severity === 'warning' ? 'warning' : 'info';
}

function statusInfo(kind: ObjectRef['kind'], field: Transition['field'], value: string): StatusInfo {
  return describeStatus(fieldCatalogKind(kind, field), value);
}

function statusLabel(kind: ObjectRef['kind'], field: Transition['field'], value: string): string {
  const info = statusInfo(kind, field, value);
  // Client certificates have no "deleted" status of their own; a vanished one still reads well.
  return !info.known && value === vanishedStatus ? 'Deleted' : info.label;
}

/** Names one transition of one object, for the memory of what was notified. */
export function notifiedId(transition: ObjectTransition): string {
  return `${objectKey(transition.ref)}|${transition.field}|${transition.from ?? ''}>${transition.to}`;
}

export interface NotifiedLimits {
  /** How long a transition stays announced: a flapping status stays quiet, a renewal months later is news again. */
  readonly forgetAfterMs: number;
  readonly entries: number;
}

export const defaultNotifiedLimits: NotifiedLimits = { forgetAfterMs: 30 * 24 * 60 * 60 * 1000, entries: 5000 };

/** Stored as [id, when notified] pairs, oldest first. */
export type StoredNotified = readonly (readonly [string, number])[];

/**
 * The transitions already announced, with when, so neither a reload nor a status that
 * flaps between refreshes announces one twice. Bounded; the oldest are forgotten first.
 */
export class NotifiedTransitions {
  private readonly entries = new Map<string, number>();

  constructor(private readonly limits: NotifiedLimits = defaultNotifiedLimits) {}

  has(id: string, now: number): boolean {
    const at = this.entries.get(id);
    return at !== undefined && now - at < this.limits.forgetAfterMs;
  }

  remember(ids: readonly string[], now: number): void {
    for (const id of ids) {
      this.entries.delete(id);
      this.entries.set(id, now);
    }
    for (const [id, at] of this.entries) {
      if (this.entries.size <= this.limits.entries && now - at < this.limits.forgetAfterMs) break;
      this.entries.delete(id);
    }
  }

  /**
   * Takes in what another window stored: an id known to either is known, at the later
   * time; then the oldest are forgotten as `remember` does.
   */
  absorb(stored: unknown, logger: Logger, now: number): void {
    const other = NotifiedTransitions.restore(stored, logger, this.limits);
    for (const [id, at] of other.entries) {
      const ours = this.entries.get(id);
      if (ours === undefined || ours < at) this.entries.set(id, at);
    }
    const ordered = [...this.entries].sort(([, a], [, b]) => a - b);
    this.entries.clear();
    for (const [id, at] of ordered) this.entries.set(id, at);
    this.remember([], now);
  }

  toJSON(): StoredNotified {
    return [...this.entries];
  }

  /** Read back from storage; malformed entries are dropped with a warning, never thrown. */
  static restore(stored: unknown, logger: Logger, limits: NotifiedLimits = defaultNotifiedLimits): NotifiedTransitions {
    const notified = new NotifiedTransitions(limits);
    if (stored === undefined) return notified;
    if (!Array.isArray(stored)) {
      logger.warn('Notified transitions: the stored list is not in a known format; dropped.');
      return notified;
    }
    let dropped = 0;
    for (const entry of (stored as unknown[]).slice(-limits.entries)) {
      const [id, at] = Array.isArray(entry) ? (entry as unknown[]) : [];
      if (typeof id === 'string' && id.length <= 1000 && typeof at === 'number' && Number.isFinite(at)) notified.entries.set(id, at);
      else dropped += 1;
    }
    if (dropped > 0) logger.warn(`Notified transitions: ${dropped} malformed entr${dropped === 1 ? 'y' : 'ies'} dropped.`);
    return notified;
  }
}
