import type { CloudflareClient } from '../cloudflare';
import type { CertificateObject } from '../domain/objectHealth';
import type { ObjectRef } from '../domain/objectRef';

/** The client calls fetchObject needs; tests may pass less than a whole client. */
export type ObjectReader = Pick<CloudflareClient, 'getCertificatePack' | 'getCustomCertificate' | 'getCustomHostname' | 'getClientCertificate'>;

/**
 * One object read straight from the API by its id: for a panel whose object the explorer
 * has not loaded (restored after a reload, or a hostname on a page not loaded), to
 * refresh that one object without reloading its zone, and to poll a pending one.
 */
export async function fetchObject(client: ObjectReader, ref: ObjectRef, signal?: AbortSignal): Promise<CertificateObject> {
  switch (ref.kind) {
    case 'certificatePack':
      return { kind: ref.kind, object: await client.getCertificatePack(ref.zone, ref.id, signal) };
    case 'customCertificate':
      return { kind: ref.kind, object: await client.getCustomCertificate(ref.zone, ref.id, signal) };
    case 'customHostname':
      return { kind: ref.kind, object: await client.getCustomHostname(ref.zone, ref.id, signal) };
    case 'clientCertificate':
      return { kind: ref.kind, object: await client.getClientCertificate(ref.zone, ref.id, signal) };
  }
}
