import type { CertificateObject } from '../domain/objectHealth';
import type { ObjectRef } from '../domain/objectRef';
import type { ExplorerModel } from './explorerModel';
import type { ExplorerNode } from './nodes';
import { knownObject } from './zoneObjects';

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
  return knownObject(zone, ref);
}
