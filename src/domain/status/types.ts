/**
 * The vocabulary of the status catalog: which object a status belongs to, how bad it is,
 * where in the lifecycle it sits and who has to move next.
 *
 * Icons and colours are plain strings (a codicon id and a theme colour id) because
 * the pure folders never import vscode; src/views turns them into ThemeIcon / ThemeColor.
 */

/** Every Cloudflare object whose `status` the catalog knows. */
export type ObjectKind =
  | 'certificatePack' // /zones/{id}/ssl/certificate_packs `status` (21 values)
  | 'customHostnameSsl' // custom hostname `ssl.status` (the same 21 values)
  | 'customHostname' // custom hostname `status` (16 values: hostname ownership/activation)
  | 'customCertificate' // /zones/{id}/custom_certificates `status` (5 values)
  | 'clientCertificate' // /zones/{id}/client_certificates `status` (4 values)
  | 'fallbackOrigin' // /zones/{id}/custom_hostnames/fallback_origin `status` (6 values)
  | 'zone' // zone `status` (4 values)
  | 'sslVerification' // /zones/{id}/ssl/verification `certificate_status` (7 values)
  | 'validationRecord'; // validation_records[].status (a free string; `pending` is documented)

export const OBJECT_KINDS: readonly ObjectKind[] = [
  'certificatePack',
  'customHostnameSsl',
  'customHostname',
  'customCertificate',
  'clientCertificate',
  'fallbackOrigin',
  'zone',
  'sslVerification',
  'validationRecord',
];

/** What an object kind is called in the UI. */
export const OBJECT_KIND_LABELS: Readonly<Record<ObjectKind, string>> = {
  certificatePack: 'Edge certificate',
  customHostnameSsl: 'Custom hostname certificate',
  customHostname: 'Custom hostname',
  customCertificate: 'Custom certificate',
  clientCertificate: 'Client certificate',
  fallbackOrigin: 'Fallback origin',
  zone: 'Zone',
  sslVerification: 'SSL verification',
  validationRecord: 'Validation record',
};

/**
 * How a status looks and how it sorts.
 * - `ok`: steady and healthy (Active).
 * - `progress`: Cloudflare (or someone) is moving it along; nothing is wrong yet.
 * - `warning`: needs attention soon, or is stuck on something outside Cloudflare.
 * - `error`: failed or stuck; someone must act.
 * - `inactive`: off the edge on purpose (deleted, inactive, revoked) or undocumented and
 *   neutral. Nothing is wrong, nothing is served.
 */
export type Severity = 'ok' | 'progress' | 'warning' | 'error' | 'inactive';

export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'progress', 'ok', 'inactive'];

/**
 * Where in the lifecycle a status sits. Several statuses of different object kinds share
 * a stage (a pack's `pending_validation` and a verification's `authorizing` are both
 * `pendingValidation`), which is what lets the webview mark the current step on one graph.
 */
export type Stage =
  // the main path of a managed certificate
  | 'initializing'
  | 'pendingValidation'
  | 'pendingIssuance'
  | 'pendingDeployment'
  | 'active'
  // waiting on a precondition outside the certificate (hostname ownership, zone activation)
  | 'pending'
  // active, with a change being deployed (custom hostname `active_redeploying`)
  | 'redeploying'
  // each stage's timeout; `timedOut` when the source does not say which stage (verification `timing_out`)
  | 'initializingTimedOut'
  | 'validationTimedOut'
  | 'issuanceTimedOut'
  | 'deploymentTimedOut'
  | 'deletionTimedOut'
  | 'timedOut'
  // deactivation and deletion
  | 'deactivating'
  | 'inactive'
  | 'deleting'
  | 'deleted'
  | 'cleanup'
  // end of life
  | 'expiring'
  | 'expired'
  // staging environment and uploads waiting for their zone
  | 'stagingDeployment'
  | 'stagingActive'
  | 'holdingDeployment'
  | 'backup'
  // client certificates
  | 'pendingRevocation'
  | 'revoked'
  | 'pendingReactivation'
  // custom hostname and zone specifics
  | 'moved'
  | 'blocked'
  | 'migrating'
  | 'provisioning'
  | 'provisioned'
  | 'test'
  // a value the catalog does not know, or no value at all
  | 'unknown';

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  initializing: 'Initializing',
  pendingValidation: 'Pending Validation',
  pendingIssuance: 'Pending Issuance',
  pendingDeployment: 'Pending Deployment',
  active: 'Active',
  pending: 'Pending',
  redeploying: 'Re-deploying',
  initializingTimedOut: 'Timed Out (Initializing)',
  validationTimedOut: 'Timed Out (Validation)',
  issuanceTimedOut: 'Timed Out (Issuance)',
  deploymentTimedOut: 'Timed Out (Deployment)',
  deletionTimedOut: 'Timed Out (Deletion)',
  timedOut: 'Timed Out',
  deactivating: 'Deactivating',
  inactive: 'Inactive',
  deleting: 'Deleting',
  deleted: 'Deleted',
  cleanup: 'Cleanup',
  expiring: 'Expiring',
  expired: 'Expired',
  stagingDeployment: 'Staging Deployment',
  stagingActive: 'Staging Active',
  holdingDeployment: 'Holding Deployment',
  backup: 'Backup',
  pendingRevocation: 'Pending Revocation',
  revoked: 'Revoked',
  pendingReactivation: 'Pending Reactivation',
  moved: 'Moved',
  blocked: 'Blocked',
  migrating: 'Migrating',
  provisioning: 'Provisioning',
  provisioned: 'Provisioned',
  test: 'Test',
  unknown: 'Unknown',
};

/**
 * Who has to move next.
 * - `none`: nobody; the object is where it should be.
 * - `cloudflare`: Cloudflare is working on it; wait.
 * - `user`: you, the holder of the Cloudflare account (restart, refresh, upload, delete).
 * - `domainOwner`: whoever controls the hostname's DNS (for Cloudflare for SaaS, usually
 *   your customer): place tokens, fix CNAME/CAA records, change nameservers, lift a hold.
 * - `support`: Cloudflare Support or the certificate authority.
 * - `unknown`: the status is not in the catalog.
 */
export type Actor = 'none' | 'cloudflare' | 'user' | 'domainOwner' | 'support' | 'unknown';

export const ACTOR_LABELS: Readonly<Record<Actor, string>> = {
  none: 'Nobody',
  cloudflare: 'Cloudflare',
  user: 'You',
  domainOwner: 'Domain owner',
  support: 'Cloudflare Support',
  unknown: 'Unknown',
};

/** Everything the UI needs to show one status value of one object kind. */
export interface StatusInfo {
  readonly kind: ObjectKind;
  /** The raw API value as given (trimmed and shortened if it was absurdly long). */
  readonly value: string;
  /** False for values the catalog does not list, and for a missing status. */
  readonly known: boolean;
  /** The dashboard label as Cloudflare's docs name it, or our suggestion (see `labelSource`). */
  readonly label: string;
  readonly stage: Stage;
  readonly severity: Severity;
  /**
   * True when the object stays in this status until someone acts (steady states such as
   * Active, soft-terminal states such as a timeout or Inactive, and final ones such as
   * Deleted). False while Cloudflare is still moving it along: poll faster.
   */
  readonly terminal: boolean;
  readonly actor: Actor;
  /** One sentence: what to do next. */
  readonly nextStep: string;
  /** A codicon id, possibly with a modifier (`sync~spin`). */
  readonly icon: string;
  /** A theme colour id (`testing.iconPassed`, `charts.yellow`, …). */
  readonly color: string;
  /** One sentence: what the status means. */
  readonly meaning: string;
  /**
   * `dashboard` when the label is Cloudflare's own wording, `suggested` when it is ours,
   * `raw` when the value is not in the catalog and the label is the value itself.
   */
  readonly labelSource: 'dashboard' | 'suggested' | 'raw';
  /** False when Cloudflare's docs do not describe the value (it is only in the API enum). */
  readonly documented: boolean;
}

/** The visual defaults per severity; a catalog entry may pick a more specific icon. */
export const SEVERITY_ICONS: Readonly<Record<Severity, string>> = {
  ok: 'pass-filled',
  progress: 'sync~spin',
  warning: 'warning',
  error: 'error',
  inactive: 'circle-slash',
};

export const SEVERITY_COLORS: Readonly<Record<Severity, string>> = {
  ok: 'testing.iconPassed',
  progress: 'charts.blue',
  warning: 'charts.yellow',
  error: 'errorForeground',
  inactive: 'disabledForeground',
};

/** How values the catalog does not know are drawn: neutral, never alarming, never hidden. */
export const UNKNOWN_ICON = 'question';
export const UNKNOWN_COLOR = 'descriptionForeground';
