import type { ExplorerModel } from './explorerModel';
import type { ExplorerNode, GroupKind } from './nodes';
import type { CertificateKind, CertificateObject } from './objectHealth';
import { groupObjects } from './zoneObjects';

/**
 * Names one certificate object across refreshes: the tree rebuilds its nodes from fresh
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

/** The object a tree node stands for, if it stands for one. */
export function objectRefOf(node: ExplorerNode): ObjectRef | undefined {
  switch (node.type) {
    case 'pack':
    case 'packCertificate':
      return { account: node.account, zone: node.zone, kind: 'certificatePack', id: node.pack.id };
    case 'customCertificate':
      return { account: node.account, zone: node.zone, kind: 'customCertificate', id: node.certificate.id };
    case 'customHostname':
      return { account: node.account, zone: node.zone, kind: 'customHostname', id: node.hostname.id };
    case 'clientCertificate':
      return { account: node.account, zone: node.zone, kind: 'clientCertificate', id: node.certificate.id };
    default:
      return undefined;
  }
}

/** The freshest loaded copy of an object, or undefined when it is not loaded (or gone). */
export function findObject(model: ExplorerModel, ref: ObjectRef): CertificateObject | undefined {
  const zone = model.zone(ref.account, ref.zone);
  if (zone === undefined) return undefined;
  const group = groupOf[ref.kind];
  return groupObjects(zone, group).find((item) => item.object.id === ref.id);
}

const groupOf = {
  certificatePack: 'edgeCertificates',
  customCertificate: 'customCertificates',
  customHostname: 'customHostnames',
  clientCertificate: 'clientCertificates',
} as const satisfies Record<CertificateKind, GroupKind>;
