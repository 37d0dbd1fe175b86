/**
 * The lifecycle graphs of docs/cloudflare-cert-lifecycle.md §2, as data for the lifecycle
 * webview to draw: per object kind, every status as a node (the main path in lane `main`,
 * every other status in lane `branch`) and the documented transitions as edges.
 *
 * Every status of the kind's enum is a node, even when no transition is documented for it
 * (the undocumented `pending_cleanup`, `backup_issued`, the `test_*` hostname values…), so
 * the webview can always mark where an object is. Edges marked `inferred` are our
 * expectation where the docs are silent (for example that a restarted timeout goes back to
 * Pending Validation); edges marked `fromAny` are one "(any status) → …" arrow of the docs
 * spelled out per node, which the webview may draw as a single arrow.
 */
import { allStatuses, describeStatus } from './status/describeStatus';
import { type ObjectKind, type Severity } from './status/types';

export type LifecycleLane = 'main' | 'branch';

export interface LifecycleNode {
  /** The API status value. */
  readonly status: string;
  readonly label: string;
  readonly lane: LifecycleLane;
  readonly severity: Severity;
}

export interface LifecycleEdge {
  readonly from: string;
  readonly to: string;
  /** What makes the transition happen, in a few words. */
  readonly trigger: string;
  /** Part of an "(any status) → to" transition. */
  readonly fromAny?: true;
  /** Not stated in the docs: what we expect. */
  readonly inferred?: true;
}

export interface LifecycleGraph {
  readonly kind: ObjectKind;
  /** The main path first, in order, then the branches in the API's enum order. */
  readonly nodes: readonly LifecycleNode[];
  readonly edges: readonly LifecycleEdge[];
  /** The statuses a new object starts in. */
  readonly entry: readonly string[];
}

interface GraphSpec {
  readonly main: readonly string[];
  readonly entry: readonly string[];
  readonly edges: readonly LifecycleEdge[];
}

function edge(from: string, to: string, trigger: string, flags: { inferred?: true } = {}): LifecycleEdge {
  return { from, to, trigger, ...flags };
}

/** "(any of `from`) → to", spelled out. */
function fromAny(from: readonly string[], to: string, trigger: string): LifecycleEdge[] {
  return from.filter((status) => status !== to).map((status) => ({ from: status, to, trigger, fromAny: true as const }));
}

const MANAGED_CERTIFICATE_STATUSES = allStatuses('certificatePack').map((info) => info.value);

/** §2.1–§2.7: issuing, timeouts, renewal, deactivation, deletion, staging and holding deployment. */
const managedCertificateGraph: GraphSpec = {
  main: ['initializing', 'pending_validation', 'pending_issuance', 'pending_deployment', 'active'],
  entry: ['initializing', 'holding_deployment', 'staging_deployment'],
  edges: [
    // §2.1 issuing
    edge('initializing', 'pending_validation', 'Order sent to the certificate authority'),
    edge('pending_validation', 'pending_issuance', 'Validation passed'),
    edge('pending_validation', 'pending_deployment', 'Validated and issued at once'),
    edge('pending_issuance', 'pending_deployment', 'Certificate issued'),
    edge('pending_deployment', 'active', 'Deployed to the edge'),
    // §2.2 timeouts and restarts
    edge('initializing', 'initializing_timed_out', 'Timed out'),
    edge('pending_validation', 'validation_timed_out', 'DCV retry schedule ran out'),
    edge('pending_issuance', 'issuance_timed_out', 'Timed out'),
    edge('pending_deployment', 'deployment_timed_out', 'Timed out'),
    edge('pending_deletion', 'deletion_timed_out', 'Timed out'),
    edge('initializing_timed_out', 'pending_validation', 'Restart (new tokens)', { inferred: true }),
    edge('validation_timed_out', 'pending_validation', 'Restart validation (new tokens)', { inferred: true }),
    edge('issuance_timed_out', 'pending_validation', 'Restart (new tokens)', { inferred: true }),
    edge('deployment_timed_out', 'pending_validation', 'Restart (new tokens)', { inferred: true }),
    edge('deletion_timed_out', 'pending_deletion', 'Delete again'),
    // §2.3 renewal
    edge('active', 'pending_deployment', 'Renewal succeeded'),
    edge('active', 'pending_issuance', 'Renewal failed (e.g. a CAA error)'),
    edge('active', 'pending_expiration', 'Close to expiry, not renewed', { inferred: true }),
    edge('pending_expiration', 'expired', 'Expiry date passed'),
    edge('active', 'expired', 'Expiry date passed without renewal'),
    // §2.4 deactivation, §2.7 staging
    edge('active', 'deactivating', 'Deactivate'),
    edge('staging_active', 'deactivating', 'Deactivate'),
    edge('deactivating', 'inactive', 'Deactivated'),
    edge('inactive', 'staging_deployment', 'Push to staging'),
    edge('inactive', 'pending_deployment', 'Push to production'),
    edge('staging_deployment', 'staging_active', 'Deployed to the staging IPs'),
    edge('staging_active', 'active', 'Push to Production'),
    // §2.6 an upload on a zone that is not active yet
    edge('holding_deployment', 'active', 'Zone became active'),
    // §2.5 deletion
    ...fromAny(
      MANAGED_CERTIFICATE_STATUSES.filter((status) => !['pending_deletion', 'deleted', 'deletion_timed_out'].includes(status)),
      'pending_deletion',
      'Delete',
    ),
    edge('pending_deletion', 'deleted', 'Deleted'),
  ],
};

const DOCUMENTED_HOSTNAME_STATES = ['pending', 'active', 'active_redeploying', 'moved'];

/** §2.9: hostname ownership and activation. */
const customHostnameGraph: GraphSpec = {
  main: ['pending', 'active'],
  entry: ['pending'],
  edges: [
    edge('pending', 'active', 'CNAME, A record, or TXT/HTTP ownership token seen'),
    edge('pending', 'moved', 'Validation schedule ran out (about 7 days)'),
    edge('pending', 'deleted', 'Validation schedule ran out (per the backoff-schedule page)'),
    edge('active', 'moved', 'CNAME moved away, or another zone validated the hostname'),
    edge('active', 'active_redeploying', 'Settings changed'),
    edge('active_redeploying', 'active', 'Change deployed'),
    edge('moved', 'deleted', '7 days in Moved'),
    edge('moved', 'pending', 'Refresh (PATCH with the same ssl)'),
    edge('deleted', 'pending', 'Refresh'),
    ...fromAny(DOCUMENTED_HOSTNAME_STATES, 'blocked', 'Zone Hold on the parent domain, or abuse flag'),
    edge('blocked', 'pending', 'Refresh after the hold is lifted'),
    ...fromAny([...DOCUMENTED_HOSTNAME_STATES, 'blocked'], 'pending_deletion', 'Delete'),
    edge('pending_deletion', 'deleted', 'Deleted'),
  ],
};

/** §2.6: uploaded certificates (their own, smaller enum; Holding Deployment shows as `pending`). */
const customCertificateGraph: GraphSpec = {
  main: ['initializing', 'active'],
  entry: ['initializing'],
  edges: [
    edge('initializing', 'active', 'Upload processed (zone active)'),
    edge('initializing', 'pending', 'Zone Pending or Moved: deployment held'),
    edge('pending', 'active', 'Zone became active'),
    edge('active', 'expired', 'Not After passed without a replacement'),
    edge('active', 'deleted', 'Deleted, or replaced (removed in its last 24 hours)'),
    edge('pending', 'deleted', 'Deleted'),
    edge('expired', 'deleted', 'Removed'),
  ],
};

/** §2.8: revocation and reactivation. */
const clientCertificateGraph: GraphSpec = {
  // Revocation is the one road a client certificate travels; reactivation branches back.
  main: ['active', 'pending_revocation', 'revoked'],
  entry: ['active'],
  edges: [
    edge('active', 'pending_revocation', 'Revoke (DELETE)'),
    edge('pending_revocation', 'revoked', 'Revoked'),
    edge('revoked', 'pending_reactivation', 'Reactivate (PATCH)'),
    edge('pending_reactivation', 'active', 'Reactivated'),
  ],
};

/** §2.10. */
const fallbackOriginGraph: GraphSpec = {
  main: ['initializing', 'pending_deployment', 'active'],
  entry: ['initializing'],
  edges: [
    edge('initializing', 'pending_deployment', 'Deploying'),
    edge('pending_deployment', 'active', 'Deployed'),
    edge('pending_deployment', 'deployment_timed_out', 'Timed out'),
    edge('deployment_timed_out', 'initializing', 'Set again', { inferred: true }),
    edge('active', 'pending_deletion', 'Remove'),
    edge('deployment_timed_out', 'pending_deletion', 'Remove'),
    edge('pending_deletion', 'deletion_timed_out', 'Timed out'),
    edge('deletion_timed_out', 'pending_deletion', 'Remove again'),
  ],
};

/** Not a §2 graph: the usual zone onboarding, for the zone node's status. */
const zoneGraph: GraphSpec = {
  main: ['initializing', 'pending', 'active'],
  entry: ['initializing'],
  edges: [
    edge('initializing', 'pending', 'Waiting for the nameserver change', { inferred: true }),
    edge('pending', 'active', 'Nameservers point at Cloudflare', { inferred: true }),
    edge('active', 'moved', 'Nameservers moved away', { inferred: true }),
  ],
};

/** §1.7: the verification vocabulary mapped onto the managed-certificate path. */
const sslVerificationGraph: GraphSpec = {
  main: ['initializing', 'authorizing', 'issuing', 'pending_deployment', 'active'],
  entry: ['initializing'],
  edges: [
    edge('initializing', 'authorizing', 'Order sent to the certificate authority', { inferred: true }),
    edge('authorizing', 'issuing', 'Validation passed', { inferred: true }),
    edge('issuing', 'pending_deployment', 'Certificate issued', { inferred: true }),
    edge('pending_deployment', 'active', 'Deployed to the edge', { inferred: true }),
    edge('initializing', 'timing_out', 'Timed out', { inferred: true }),
    edge('authorizing', 'timing_out', 'DCV retry schedule ran out', { inferred: true }),
    edge('issuing', 'timing_out', 'Timed out', { inferred: true }),
    edge('pending_deployment', 'timing_out', 'Timed out', { inferred: true }),
    edge('timing_out', 'authorizing', 'Restart validation (new tokens)', { inferred: true }),
    edge('active', 'expired', 'Expiry date passed without renewal', { inferred: true }),
  ],
};

/** §1.8: a validation record has one documented status and no documented transitions. */
const validationRecordGraph: GraphSpec = { main: ['pending'], entry: ['pending'], edges: [] };

const SPECS: ReadonlyMap<ObjectKind, GraphSpec> = new Map<ObjectKind, GraphSpec>([
  ['certificatePack', managedCertificateGraph],
  ['customHostnameSsl', managedCertificateGraph],
  ['customHostname', customHostnameGraph],
  ['customCertificate', customCertificateGraph],
  ['clientCertificate', clientCertificateGraph],
  ['fallbackOrigin', fallbackOriginGraph],
  ['zone', zoneGraph],
  ['sslVerification', sslVerificationGraph],
  ['validationRecord', validationRecordGraph],
]);

const cache = new Map<ObjectKind, LifecycleGraph>();

/** The lifecycle graph of one object kind (built once, frozen). */
export function lifecycleGraph(kind: ObjectKind): LifecycleGraph {
  const cached = cache.get(kind);
  if (cached !== undefined) {
    return cached;
  }
  const spec = SPECS.get(kind) ?? { main: [], entry: [], edges: [] };
  const values = allStatuses(kind).map((info) => info.value);
  const ordered = [...spec.main, ...values.filter((value) => !spec.main.includes(value))];
  const nodes = ordered.map((status) => {
    const info = describeStatus(kind, status);
    return Object.freeze({
      status,
      label: info.label,
      lane: spec.main.includes(status) ? ('main' as const) : ('branch' as const),
      severity: info.severity,
    });
  });
  const graph: LifecycleGraph = Object.freeze({
    kind,
    nodes: Object.freeze(nodes),
    edges: Object.freeze(spec.edges.map((item) => Object.freeze({ ...item }))),
    entry: Object.freeze([...spec.entry]),
  });
  cache.set(kind, graph);
  return graph;
}
