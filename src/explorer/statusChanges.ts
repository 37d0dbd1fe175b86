import type { ObjectKind } from '../domain/status';
import type { HostnameList, ZoneDetails } from './explorerState';
import type { CertificateKind, CertificateObject } from '../domain/objectHealth';
import { objectKey, parseObjectKey, type ObjectRef } from '../domain/objectRef';

/** Which status of an object changed: a custom hostname has two (`status` and `ssl.status`). */
export type TransitionField = 'status' | 'sslStatus';

/** The status catalog that reads one field of one object kind: a custom hostname's `ssl.status` has its own. */
export function fieldCatalogKind(kind: CertificateKind, field: TransitionField): ObjectKind {
  return kind === 'customHostname' && field === 'sslStatus' ? 'customHostnameSsl' : kind;
}

/** One status change of one object, with when it was seen; what history keeps. */
export interface Transition {
  readonly at: number;
  readonly field: TransitionField;
  /** Undefined when the object was seen for the first time. */
  readonly from?: string;
  readonly to: string;
}

/** A transition and the object it happened to, as one load of the explorer saw it. */
export interface ObjectTransition extends Transition {
  readonly ref: ObjectRef;
  /** The object as loaded now (as last loaded, when it vanished): notifications name it. */
  readonly object: CertificateObject;
}

/**
 * A fresher copy of part of a zone's objects, as the explorer model reports it. The two
 * parts load separately (hostnames page on their own), so each report carries one part.
 */
export type ObjectsLoaded =
  | { readonly account: string; readonly zone: string; readonly part: 'details'; readonly before?: ZoneDetails; readonly after: ZoneDetails }
  | { readonly account: string; readonly zone: string; readonly part: 'hostnames'; readonly before?: HostnameList; readonly after: HostnameList };

/**
 * The status recorded for an object that disappeared from a collection loaded in full both
 * times. Cloudflare drops deleted objects from its lists rather than listing them as deleted.
 */
export const vanishedStatus = 'deleted';

/** Longer status values are cut: they come from the API and end up in stored history. */
const maxStatusLength = 120;

/** One collection of a zone, loaded in full or (custom hostnames) a page or a search at a time. */
interface Collection {
  readonly objects: readonly CertificateObject[];
  /** True when every object of the collection is here, so one that is missing is gone. */
  readonly complete: boolean;
}

/**
 * The status changes between two loads of the same part of a zone. Only collections that
 * were loaded both times are compared; an object seen for the first time gives a
 * transition without `from`, and one missing from a complete collection goes to
 * `vanishedStatus`. Custom hostnames report `status` and `ssl.status` separately.
 */
export function detectTransitions(change: ObjectsLoaded, at: number): ObjectTransition[] {
  const transitions: ObjectTransition[] = [];
  for (const [kind, before, after] of collectionPairs(change)) {
    if (after === undefined) continue;
    transitions.push(...compareCollection(change.account, change.zone, kind, before, after, at));
  }
  return transitions;
}

function collectionPairs(change: ObjectsLoaded): [CertificateKind, Collection | undefined, Collection | undefined][] {
  if (change.part === 'hostnames') {
    return [['customHostname', hostnameCollection(change.before), hostnameCollection(change.after)]];
  }
  const { before, after } = change;
  return [
    ['certificatePack', whole(before?.certificatePacks, (object) => ({ kind: 'certificatePack', object })), whole(after.certificatePacks, (object) => ({ kind: 'certificatePack', object }))],
    ['customCertificate', whole(before?.customCertificates, (object) => ({ kind: 'customCertificate', object })), whole(after.customCertificates, (object) => ({ kind: 'customCertificate', object }))],
    ['clientCertificate', whole(before?.clientCertificates, (object) => ({ kind: 'clientCertificate', object })), whole(after.clientCertificates, (object) => ({ kind: 'clientCertificate', object }))],
  ];
}

/** A zone detail collection: absent when its request failed, otherwise complete. */
function whole<T>(list: readonly T[] | undefined, tag: (object: T) => CertificateObject): Collection | undefined {
  return list === undefined ? undefined : { objects: list.map(tag), complete: true };
}

function hostnameCollection(list: HostnameList | undefined): Collection | undefined {
  if (list === undefined) return undefined;
  // A search shows only what matches, and unloaded pages hide the rest: neither proves a deletion.
  const complete = list.filter === undefined && list.pagesLoaded >= list.totalPages;
  return { objects: list.items.map((object) => ({ kind: 'customHostname', object })), complete };
}

function compareCollection(account: string, zone: string, kind: CertificateKind, before: Collection | undefined, after: Collection, at: number): ObjectTransition[] {
  const previous = new Map<string, CertificateObject>();
  for (const item of before?.objects ?? []) {
    const id = idOf(item);
    if (id !== undefined && !previous.has(id)) previous.set(id, item);
  }
  const transitions: ObjectTransition[] = [];
  const seen = new Set<string>();
  for (const item of after.objects) {
    const id = idOf(item);
    if (id === undefined || seen.has(id)) continue;
    seen.add(id);
    const ref = refOf(account, zone, kind, id);
    if (ref === undefined) continue;
    const earlier = previous.get(id);
    for (const field of fieldsOf(kind)) {
      const to = statusOf(item, field);
      if (to === undefined) continue;
      if (earlier === undefined) {
        transitions.push({ ref, object: item, at, field, to });
        continue;
      }
      const from = statusOf(earlier, field);
      if (from !== to) transitions.push({ ref, object: item, at, field, to, ...(from === undefined ? {} : { from }) });
    }
  }
  if (before?.complete === true && after.complete) {
    for (const [id, item] of previous) {
      if (seen.has(id)) continue;
      const ref = refOf(account, zone, kind, id);
      const from = statusOf(item, 'status');
      if (ref !== undefined && from !== vanishedStatus) transitions.push({ ref, object: item, at, field: 'status', to: vanishedStatus, ...(from === undefined ? {} : { from }) });
    }
  }
  return transitions;
}

function fieldsOf(kind: CertificateKind): readonly TransitionField[] {
  return kind === 'customHostname' ? ['status', 'sslStatus'] : ['status'];
}

/** The object's id, if it is one an object key can carry (API data is not trusted to be). */
function idOf(item: CertificateObject): string | undefined {
  const id: unknown = item.object.id;
  return typeof id === 'string' && id !== '' && id.length <= 200 ? id : undefined;
}

/** The reference, if its key reads back as the same object (no `/` hidden in an id). */
function refOf(account: string, zone: string, kind: CertificateKind, id: string): ObjectRef | undefined {
  const ref: ObjectRef = { account, zone, kind, id };
  const parsed = parseObjectKey(objectKey(ref));
  return parsed?.id === id && parsed.account === account && parsed.zone === zone ? ref : undefined;
}

/** A status as text, or undefined when the object carries none readable. */
export function statusOf(item: CertificateObject, field: TransitionField): string | undefined {
  const value: unknown = field === 'sslStatus' ? (item.kind === 'customHostname' ? item.object.ssl?.status : undefined) : item.object.status;
  if (typeof value !== 'string' || value === '') return undefined;
  return value.length > maxStatusLength ? value.slice(0, maxStatusLength) : value;
}
