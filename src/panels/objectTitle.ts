import { hostsLabel, packTypeLabel } from '../domain/labels';
import type { CertificateObject } from '../domain/objectHealth';
import { OBJECT_KIND_LABELS } from '../domain/status';
import { cap } from './text';

/** What the panel's title names: the hostname, or the hosts a certificate covers, as the tree does. */
export function objectTitle(item: CertificateObject, zoneName: string | undefined): string {
  switch (item.kind) {
    case 'certificatePack':
    case 'customCertificate':
      return cap(hostsLabel(item.object.hosts ?? [], zoneName) ?? item.object.id);
    case 'customHostname':
      return cap(item.object.hostname || item.object.id);
    case 'clientCertificate':
      return cap(item.object.common_name || item.object.id);
  }
}

/** What kind of object it is, and where: "Advanced certificate pack · acme.com". */
export function objectSubtitle(item: CertificateObject, zoneName: string | undefined): string {
  const kind = item.kind === 'certificatePack' ? `${packTypeLabel(item.object.type)} certificate pack` : OBJECT_KIND_LABELS[item.kind];
  return zoneName === undefined ? cap(kind) : `${cap(kind)} · ${cap(zoneName)}`;
}
