import type { GroupKind } from './nodes';
import type { ZoneState } from './explorerState';
import { valueOf } from './loadable';
import type { CertificateObject } from '../domain/objectHealth';
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

/** The known object of that group with that id. */
export function knownObject(zone: ZoneState, group: GroupKind, id: string): CertificateObject | undefined {
  if (group !== 'customHostnames') return groupObjects(zone, group).find((item) => item.object.id === id);
  const object = knownHostname(zone, id);
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
