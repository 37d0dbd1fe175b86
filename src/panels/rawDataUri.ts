import { objectKey, parseObjectKey, type ObjectRef } from '../domain/objectRef';

/**
 * Where the read-only raw data documents live: `cfcerts-raw:/<kind>/<label>.<ext>?<key>`.
 * The URI names what to show (an object reference or a probe key) and never carries the
 * data: the document is read from the explorer's model or the probe results each time.
 * The label is only the tab's title (and gives the language by its extension).
 */
export const rawDataScheme = 'cfcerts-raw';

/** Which probes a served-chain document shows: one run of the results panel, or an object's latest. */
export type ProbeKey = { readonly kind: 'run'; readonly id: string } | { readonly kind: 'object'; readonly ref: ObjectRef };

export type RawDataTarget = { readonly kind: 'apiObject'; readonly ref: ObjectRef } | { readonly kind: 'servedChain'; readonly probe: ProbeKey };

export interface RawDataLocation {
  readonly path: string;
  readonly query: string;
}

const folders = { apiObject: 'api-object', servedChain: 'served-chain' } as const;
const MAX_LABEL = 80;

/** The path and query of a target's document; `label` names the tab (a hostname, say). */
export function rawDataLocation(target: RawDataTarget, label: string): RawDataLocation {
  const extension = target.kind === 'apiObject' ? 'json' : 'pem';
  const query = target.kind === 'apiObject' ? `object:${objectKey(target.ref)}` : target.probe.kind === 'run' ? `run:${target.probe.id}` : `object:${objectKey(target.probe.ref)}`;
  return { path: `/${folders[target.kind]}/${safeLabel(label)}.${extension}`, query };
}

/** What a document URI names, or undefined for anything this extension did not make. */
export function parseRawDataLocation(location: RawDataLocation): RawDataTarget | undefined {
  const folder = location.path.split('/')[1];
  const colon = location.query.indexOf(':');
  if (colon < 0) return undefined;
  const kind = location.query.slice(0, colon);
  const value = location.query.slice(colon + 1);
  const ref = kind === 'object' ? parseObjectKey(value) : undefined;
  if (folder === folders.apiObject) return ref === undefined ? undefined : { kind: 'apiObject', ref };
  if (folder !== folders.servedChain) return undefined;
  if (ref !== undefined) return { kind: 'servedChain', probe: { kind: 'object', ref } };
  return kind === 'run' && /^[A-Za-z0-9-]{1,64}$/.test(value) ? { kind: 'servedChain', probe: { kind: 'run', id: value } } : undefined;
}

/**
 * A file name made of the label: ASCII letters, digits and `. _ - + * ( )` and spaces, at
 * most 80 characters; anything else (a slash, a control, a bidi mark) becomes `_`.
 */
export function safeLabel(label: string): string {
  const safe = label.replace(/[^A-Za-z0-9._+*() -]/g, '_').slice(0, MAX_LABEL).trim();
  return safe === '' || /^\.+$/.test(safe) ? 'object' : safe;
}
