import type { CertificatePack, ClientCertificate, CustomCertificate, CustomHostname, FallbackOrigin, Zone } from '../../cloudflare';
import type { AccountProfile } from '../accounts';
import type { Loadable, LoadError } from './loadable';

/** The parts of a zone the explorer loads when the zone is expanded. */
export type ZoneCollection = 'sslMode' | 'certificatePacks' | 'customCertificates' | 'customHostnames' | 'clientCertificates' | 'fallbackOrigin';

export interface CollectionError {
  readonly collection: ZoneCollection;
  readonly error: LoadError;
}

/** Everything of a zone but its custom hostnames, which page on their own. */
export interface ZoneDetails {
  readonly sslMode?: string;
  readonly certificatePacks?: readonly CertificatePack[];
  readonly customCertificates?: readonly CustomCertificate[];
  readonly clientCertificates?: readonly ClientCertificate[];
  /** null: Cloudflare for SaaS has no fallback origin set on this zone. */
  readonly fallbackOrigin?: FallbackOrigin | null;
  /** Collections that failed; the others are complete. */
  readonly errors: readonly CollectionError[];
}

/** The custom hostnames loaded so far, page by page (a SaaS zone can hold tens of thousands). */
export interface HostnameList {
  readonly items: readonly CustomHostname[];
  readonly total: number;
  readonly pagesLoaded: number;
  readonly totalPages: number;
  /** The API's hostname filter in force, when searching. */
  readonly filter?: string;
}

export interface ZoneState {
  readonly zone: Zone;
  details: Loadable<ZoneDetails>;
  hostnames: Loadable<HostnameList>;
}

export interface AccountState {
  /** Updated in place when the account is renamed; the state object itself lives on. */
  profile: AccountProfile;
  zones: Loadable<readonly Zone[]>;
  readonly zoneStates: Map<string, ZoneState>;
}
