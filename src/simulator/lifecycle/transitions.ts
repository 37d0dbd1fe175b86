import type { SimObjectKind, StatusField } from '../state/simulatorState';

type Table = Readonly<Record<string, string>>;

/** Where the usual path goes next, per status (cloudflare-cert-lifecycle.md §2). */
const certificateAdvance: Table = {
  initializing: 'pending_validation',
  pending_validation: 'pending_issuance',
  pending_issuance: 'pending_deployment',
  pending_deployment: 'active',
  pending_deletion: 'deleted',
  deactivating: 'inactive',
  staging_deployment: 'staging_active',
};

/** §2.2: each stage has a timed-out twin when its retry schedule runs out. */
const certificateTimeout: Table = {
  ...certificateAdvance,
  initializing: 'initializing_timed_out',
  pending_validation: 'validation_timed_out',
  pending_issuance: 'issuance_timed_out',
  pending_deployment: 'deployment_timed_out',
  pending_deletion: 'deletion_timed_out',
};

/** §2.9: hostname ownership. Moved hostnames are deleted after 7 days (see `slowSteps`). */
const hostnameAdvance: Table = {
  pending: 'active',
  active_redeploying: 'active',
  pending_deletion: 'deleted',
  moved: 'deleted',
  test_pending: 'test_active',
};
const hostnameTimeout: Table = { ...hostnameAdvance, pending: 'moved' };

/** §2.10 fallback origin. */
const fallbackAdvance: Table = { initializing: 'pending_deployment', pending_deployment: 'active' };
const fallbackTimeout: Table = { ...fallbackAdvance, pending_deployment: 'deployment_timed_out', pending_deletion: 'deletion_timed_out' };

/** §2.8 client certificates: revocation and reactivation are asynchronous. */
const clientAdvance: Table = { pending_revocation: 'revoked', pending_reactivation: 'active' };

/** §1.4: an upload is processed, then waits (`pending`) while its zone is not active. */
const customCertificateAdvance: Table = { initializing: 'active' };

/** Zones leave `initializing` by themselves; `pending` needs the nameserver change (a scenario event). */
const zoneAdvance: Table = { initializing: 'pending' };

/** The next status for an object on its path, or undefined when it stays put. */
export function nextStatus(kind: SimObjectKind, field: StatusField, path: 'advance' | 'timeout', status: string): string | undefined {
  const timeout = path === 'timeout';
  switch (kind) {
    case 'pack':
      return (timeout ? certificateTimeout : certificateAdvance)[status];
    case 'customHostname':
      if (field === 'ssl.status') {
        return (timeout ? certificateTimeout : certificateAdvance)[status];
      }
      return (timeout ? hostnameTimeout : hostnameAdvance)[status];
    case 'fallbackOrigin':
      return (timeout ? fallbackTimeout : fallbackAdvance)[status];
    case 'clientCertificate':
      return clientAdvance[status];
    case 'customCertificate':
      return customCertificateAdvance[status];
    case 'zone':
      return zoneAdvance[status];
  }
}

/** Steps that take Cloudflare days rather than minutes, whatever the scenario's step. */
export function stepOverrideMs(kind: SimObjectKind, field: StatusField, status: string): number | undefined {
  return kind === 'customHostname' && field === 'status' && status === 'moved' ? 7 * 86_400_000 : undefined;
}
