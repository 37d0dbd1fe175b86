/**
 * The simulator's data model: a scenario is the JSON a demo, test or benchmark starts
 * from. Objects are written in Cloudflare's own response shapes (so a scenario reads
 * like recorded API output), plus one `sim` key that the API never returns: it tells the
 * lifecycle engine and the TLS edge what to do with the object.
 */

/** A JSON object as Cloudflare returns it; only the fields the simulator reads are typed. */
export interface ApiObject {
  id: string;
  [field: string]: unknown;
}

/** How an object moves on the clock. Everything is optional; the defaults are Cloudflare's usual path. */
export interface SimDirectives {
  /**
   * `advance` (default): in-progress statuses move to the next stage after `stepSeconds`.
   * `hold`: nothing moves on its own (a stuck object). `timeout`: the current stage ends in
   * its `*_timed_out` twin (for hostnames: pending → moved).
   */
  path?: 'advance' | 'hold' | 'timeout';
  /** Clock seconds per lifecycle stage (default 60). */
  stepSeconds?: number;
  /** What happens when an active certificate enters its 30-day renewal window. */
  renewal?: 'succeed' | 'fail';
  /** Scheduled transitions (deactivation, deletion, zone activation…), after a delay from start. */
  events?: SimEvent[];
  /** A pack or custom certificate deployed to the staging environment (`deploy=staging`). */
  deploy?: 'staging' | 'production';
}

export interface SimEvent {
  /** A duration from the simulator's start: "90s", "5m", "2h", "1d". */
  after: string;
  status: string;
  /** For custom hostnames: which status the event sets (default `status`). */
  field?: 'status' | 'ssl.status';
}

export interface SimObject extends ApiObject {
  sim?: SimDirectives;
}

export type TokenStatus = 'active' | 'disabled' | 'expired';

/** Dashboard permission names, as the token page shows them. */
export const permissionNames = [
  'Zone: Read',
  'Zone Settings: Read',
  'SSL and Certificates: Read',
  'SSL and Certificates: Write',
  'Account Settings: Read',
] as const;
export type Permission = (typeof permissionNames)[number];

export interface ScenarioToken {
  id: string;
  /** The secret a client sends as `Authorization: Bearer …`; `cfat_…` marks an account-owned token. */
  value: string;
  status: TokenStatus;
  permissions: Permission[];
  /** For account-owned (`cfat_`) tokens: the account that owns it. */
  accountId?: string;
  /** Zone names or ids the token may reach; omitted = every zone of its accounts. */
  zones?: string[];
  not_before?: string;
  expires_on?: string;
  label?: string;
}

/** The legacy Global API Key: every permission, sent as X-Auth-Email + X-Auth-Key. */
export interface ScenarioGlobalKey {
  email: string;
  key: string;
}

export interface ScenarioAccount {
  id: string;
  name: string;
  type?: string;
  created_on?: string;
}

export interface ScenarioZone {
  id: string;
  name: string;
  accountId: string;
  status: 'initializing' | 'pending' | 'active' | 'moved';
  type?: 'full' | 'partial' | 'secondary' | 'internal';
  plan?: string;
  created_on?: string;
  activated_on?: string | null;
  /** SSL/TLS encryption mode (`/settings/ssl`). */
  sslMode?: 'off' | 'flexible' | 'full' | 'strict';
  universalSsl?: boolean;
  /** Advanced Certificate Manager quota; `used` is counted from the packs. */
  advancedQuota?: number;
  /** Cloudflare for SaaS is on (custom hostnames, fallback origin). */
  saas?: boolean;
  /** What `GET /zones/{zone_id}/dcv_delegation/uuid` answers; default: derived from the zone id. */
  dcvDelegationUuid?: string;
  sim?: SimDirectives;
  certificatePacks?: SimObject[];
  customCertificates?: SimObject[];
  customHostnames?: SimObject[];
  clientCertificates?: SimObject[];
  fallbackOrigin?: Omit<SimObject, 'id'> & { id?: string };
}

/** A DNS record the simulator's authoritative server answers. Addresses are loopback only. */
export type ScenarioDnsRecord =
  | { name: string; type: 'A' | 'AAAA' | 'CNAME'; value: string; ttl?: number }
  /** One TXT record: a string, or several character-strings (each at most 255 bytes). */
  | { name: string; type: 'TXT'; value: string | string[]; ttl?: number }
  | { name: string; type: 'CAA'; value: { flags?: number; tag: string; value: string }; ttl?: number };

export const dnsRecordTypes = ['A', 'AAAA', 'CNAME', 'TXT', 'CAA'] as const;

/** How the DNS server misbehaves for a name: SERVFAIL, REFUSED, no answer at all, or bytes that are no DNS message. */
export const dnsFaultKinds = ['servfail', 'refused', 'timeout', 'garbage'] as const;
export interface ScenarioDnsFault {
  name: string;
  fault: (typeof dnsFaultKinds)[number];
}

export interface ScenarioDns {
  records: ScenarioDnsRecord[];
  faults?: ScenarioDnsFault[];
}

/** What the simulator's plain-HTTP server answers for one Host and path (validation and ownership files). */
export interface ScenarioHttpAnswer {
  host: string;
  path: string;
  /** Default 200. */
  status?: number;
  body?: string;
  /** Sent as `Location` (for redirects). */
  location?: string;
  /** Drop the connection without an answer, as a firewall on port 80 does. */
  reset?: boolean;
}

/** `GET /ips`: Cloudflare's ranges as the scenario defines them (loopback only, so nothing real is ever reached). */
export interface ScenarioIps {
  ipv4_cidrs: string[];
  ipv6_cidrs: string[];
}

export interface Scenario {
  name: string;
  description?: string;
  /** Where the scenario had to choose something the facts do not record, and why. */
  notes?: string[];
  /** The token `cfcerts simulate` prints; must be one of `tokens`. */
  demoToken?: string;
  tokens: ScenarioToken[];
  globalKeys?: ScenarioGlobalKey[];
  accounts: ScenarioAccount[];
  zones: ScenarioZone[];
  /** The authoritative DNS server's data (see `startSimulator`'s `dns`). */
  dns?: ScenarioDns;
  /** The plain-HTTP validation server's answers. */
  http?: ScenarioHttpAnswer[];
  ips?: ScenarioIps;
}

/** The 21 certificate-pack (and custom-hostname `ssl.status`) statuses. */
export const packStatuses = [
  'initializing', 'pending_validation', 'deleted', 'pending_issuance', 'pending_deployment',
  'pending_deletion', 'pending_expiration', 'expired', 'active', 'initializing_timed_out',
  'validation_timed_out', 'issuance_timed_out', 'deployment_timed_out', 'deletion_timed_out',
  'pending_cleanup', 'staging_deployment', 'staging_active', 'deactivating', 'inactive',
  'backup_issued', 'holding_deployment',
] as const;

/** The 16 custom hostname (ownership) statuses. */
export const hostnameStatuses = [
  'active', 'pending', 'active_redeploying', 'moved', 'pending_deletion', 'deleted',
  'pending_blocked', 'pending_migration', 'pending_provisioned', 'test_pending', 'test_active',
  'test_active_apex', 'test_blocked', 'test_failed', 'provisioned', 'blocked',
] as const;

export const customCertificateStatuses = ['active', 'expired', 'deleted', 'pending', 'initializing'] as const;
export const clientCertificateStatuses = ['active', 'pending_reactivation', 'pending_revocation', 'revoked'] as const;
export const fallbackOriginStatuses = ['initializing', 'pending_deployment', 'pending_deletion', 'active', 'deployment_timed_out', 'deletion_timed_out'] as const;
export const zoneStatuses = ['initializing', 'pending', 'active', 'moved'] as const;
export const tokenStatuses = ['active', 'disabled', 'expired'] as const;

/** A field read as text: the string itself, else `fallback` (API objects are loosely typed). */
export function textOf(value: unknown, fallback = ''): string {
  return typeof value === 'string' ? value : fallback;
}
