import type { CertificateKind } from './objectHealth';

/**
 * Names one certificate object across refreshes: the explorer rebuilds its nodes from fresh
 * API data every time, so panels, transition history and notifications hold this instead
 * of the object itself.
 */
export interface ObjectRef {
  readonly account: string;
  readonly zone: string;
  readonly kind: CertificateKind;
  readonly id: string;
}

/** One string per object, for maps and for state that outlives the window. */
export function objectKey(ref: ObjectRef): string {
  return `${ref.kind}/${ref.account}/${ref.zone}/${ref.id}`;
}

const objectKinds: readonly CertificateKind[] = ['certificatePack', 'customCertificate', 'customHostname', 'clientCertificate'];

/** The reference an object key was made from, or undefined for anything else (e.g. corrupt state). */
export function parseObjectKey(key: string): ObjectRef | undefined {
  const parts = key.split('/');
  const [kind, account, zone, id] = parts;
  if (parts.length !== 4 || kind === undefined || account === undefined || zone === undefined || id === undefined) return undefined;
  if (!(objectKinds as readonly string[]).includes(kind) || account === '' || zone === '' || id === '') return undefined;
  return { kind: kind as CertificateKind, account, zone, id };
}
