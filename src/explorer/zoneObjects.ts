import type { GroupKind } from './nodes';
import type { ZoneState } from './explorerState';
import { valueOf } from './loadable';
import type { CertificateObject } from '../domain/objectHealth';

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
