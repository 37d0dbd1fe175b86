import type { CertificatePack, ClientCertificate, CustomCertificate, CustomHostname, FallbackOrigin, Zone, ZoneCollection } from '../cloudflare';
import type { AccountProfile } from '../domain/accounts';
import type { Loadable, LoadError } from './loadable';

/**
 * Why one collection is incomplete or old. The collection keeps what it has beside it:
 * with `stale`, the previous load's data (this load of it failed); with a `bad_item`
 * error, the items that passed the checks.
 */
export interface CollectionError {
  readonly collection: ZoneCollection;
  readonly error: LoadError;
  readonly stale?: boolean;
}

/** Everything of a zone but its custom hostnames, which page on their own. */
export interface ZoneDetails {
  readonly sslMode?: string;
  readonly certificatePacks?: readonly CertificatePack[];
  readonly customCertificates?: readonly CustomCertificate[];
  readonly clientCertificates?: readonly ClientCertificate[];
  /** null: Cloudflare for SaaS has no fallback origin set on this zone. */
  readonly fallbackOrigin?: FallbackOrigin | null;
  /** Collections that failed or are incomplete; the others are complete and fresh. */
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
  /** Hostnames left out of the loaded pages because they failed the run-time checks, and why the first was. */
  readonly rejected?: { readonly count: number; readonly reason?: string };
}

/**
 * The zone's problem hostnames, listed by status across all of its pages (the client's
 * `listProblemHostnames`): what "Show Only Problems" adds to the loaded pages while they
 * are partial. Kept beside the paged list, never merged into it: the pages' accounting
 * and repeated-page detection stay about the pages alone.
 */
export interface ProblemHostnameList {
  /** Every hostname whose hostname or certificate status is not active, each once. */
  readonly items: readonly CustomHostname[];
  /** Requests the listing made. */
  readonly requests: number;
  /** Hostnames left out for failing the run-time checks, and why the first was. */
  readonly rejected?: { readonly count: number; readonly reason?: string };
}

/** One zone as the model holds it: replaced whole on every change, never changed in place (snapshots keep the old one). */
export interface ZoneState {
  readonly zone: Zone;
  readonly details: Loadable<ZoneDetails>;
  readonly hostnames: Loadable<HostnameList>;
  /** Asked for by "Show Only Problems" while `hostnames` is partial; absent: never asked for. */
  readonly problemHostnames?: Loadable<ProblemHostnameList>;
}

export interface AccountState {
  /** Updated in place when the account is renamed; the state object itself lives on. */
  profile: AccountProfile;
  zones: Loadable<readonly Zone[]>;
  /** Zones of the last listing left out because they failed the run-time checks, and why the first was. */
  rejectedZones?: { readonly count: number; readonly reason?: string };
  readonly zoneStates: Map<string, ZoneState>;
}
