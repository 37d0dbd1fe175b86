import type { GroupKind } from './nodes';
import type { ZoneState } from './explorerState';
import { valueOf } from './loadable';
import type { CertificateKind, CertificateObject } from '../domain/objectHealth';
import { knownHostname, knownHostnames } from './problemListing';

/** The loaded objects of one group of a zone, tagged with their kind. */
export function groupObjects(zone: ZoneState, group: GroupKind): CertificateObject[] {
  const details = valueOf(zone.details);
  switch (group) {
    case 'edgeCertificates':
      return (details?.certificatePacks ?? []).map((object) => ({ kind: 'certificatePack', object }));
    case 'customCertificates':
      return (details?.customCertificates ?? []).map((object) => ({ kind: 'customCertificate', object }));
    case 'clientCertificates':
      return (details?.clientCertificates ?? []).map((object) => ({ kind: 'clientCertificate', object }));
    case 'customHostnames':
      return (valueOf(zone.hostnames)?.items ?? []).map((object) => ({ kind: 'customHostname', object }));
  }
}

/**
 * Every object of one group the model knows of: for custom hostnames, the loaded pages and
 * the problem listing together (`knownHostnames`); what counts, status groups and lookups
 * by id read. The rows of a zone's paged list, the poller and Probe All read `groupObjects`.
 */
export function knownObjects(zone: ZoneState, group: GroupKind): CertificateObject[] {
  if (group !== 'customHostnames') return groupObjects(zone, group);
  return knownHostnames(zone).map((object) => ({ kind: 'customHostname', object }));
}

/** The group each kind of object is listed in. */
const groupOfKind = {
  certificatePack: 'edgeCertificates',
  customCertificate: 'customCertificates',
  customHostname: 'customHostnames',
  clientCertificate: 'clientCertificates',
} as const satisfies Record<CertificateKind, GroupKind>;

/** The known object of that kind with that id (for a custom hostname, by the rule of `knownHostname`). */
export function knownObject(zone: ZoneState, ref: { readonly kind: CertificateKind; readonly id: string }): CertificateObject | undefined {
  const group = groupOfKind[ref.kind];
  if (group !== 'customHostnames') return groupObjects(zone, group).find((item) => item.object.id === ref.id);
  const object = knownHostname(zone, ref.id);
  return object === undefined ? undefined : { kind: 'customHostname', object };
}

export const allGroups: readonly GroupKind[] = ['edgeCertificates', 'customCertificates', 'customHostnames', 'clientCertificates'];

/** The names an object's certificate is for (a client certificate is for no host name). */
export function hostsOf(item: CertificateObject): readonly string[] {
  switch (item.kind) {
    case 'certificatePack':
    case 'customCertificate':
      return item.object.hosts ?? [];
    case 'customHostname':
      return [item.object.hostname];
    case 'clientCertificate':
      return [];
  }
}
