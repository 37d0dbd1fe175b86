/**
 * Custom hostname `status`: hostname ownership and activation, separate from the
 * certificate's `ssl.status` (docs/cloudflare-cert-lifecycle.md §1.2). Eight of the sixteen
 * values are undocumented; they get labels of our own and the severity their names
 * suggest, as the lifecycle doc recommends.
 */
import { buildCatalog, type CatalogSpec } from './catalogEntry';
import { CUSTOM_HOSTNAME_STATUSES, type CustomHostnameStatus } from './statusValues';
import { type StatusInfo, UNKNOWN_COLOR, UNKNOWN_ICON } from './types';

const UNDOCUMENTED = 'Not described in the docs';

const hostnameSpec: CatalogSpec<CustomHostnameStatus> = {
  active: {
    label: 'Active',
    stage: 'active',
    severity: 'ok',
    terminal: true,
    actor: 'none',
    meaning: 'Ownership is confirmed and traffic for the hostname is proxied.',
    nextStep: 'Nothing to do: the domain owner may now remove the ownership TXT or HTTP token.',
  },
  pending: {
    label: 'Pending',
    stage: 'pending',
    severity: 'progress',
    terminal: false,
    actor: 'domainOwner',
    icon: 'clock',
    meaning:
      'Waiting for hostname validation: a CNAME to your SaaS target, the _cf-custom-hostname TXT record or the HTTP ownership token (retried 75 times over about 7 days).',
    nextStep:
      'The domain owner adds the CNAME to your SaaS target, or pre-validates with the TXT or HTTP ownership token; a no-change PATCH checks again now.',
  },
  active_redeploying: {
    label: 'Active re-deploying',
    stage: 'redeploying',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: 'Active, and a change to it is being deployed.',
    nextStep: 'Wait: the change is being deployed and the hostname stays live meanwhile.',
  },
  moved: {
    label: 'Moved',
    stage: 'moved',
    severity: 'warning',
    terminal: true,
    actor: 'domainOwner',
    meaning:
      'Not active when the validation schedule ran out, or no longer pointing at your SaaS target (or another zone validated it later); deleted after 7 days.',
    nextStep:
      'If the customer still wants service, they point the hostname back at your SaaS target and you Refresh it; otherwise it is deleted after 7 days.',
  },
  pending_deletion: {
    label: 'Pending Deletion',
    labelSource: 'suggested',
    stage: 'deleting',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    icon: 'trash',
    meaning: 'A delete is in progress; it also deletes the hostname certificates.',
    nextStep: 'Wait: Cloudflare is removing it.',
  },
  deleted: {
    label: 'Deleted',
    stage: 'deleted',
    severity: 'inactive',
    terminal: true,
    actor: 'none',
    icon: 'trash',
    meaning: 'Removed, for example after 7 days in Moved.',
    nextStep: 'Nothing to do if it is no longer wanted; otherwise Refresh it (back to Pending) or create it again.',
  },
  pending_blocked: {
    label: 'Pending (blocked)',
    labelSource: 'suggested',
    documented: false,
    stage: 'blocked',
    severity: 'error',
    terminal: false,
    actor: 'domainOwner',
    icon: 'stop-circle',
    meaning: `${UNDOCUMENTED}; by its name, on its way to Blocked.`,
    nextStep:
      'Treat it like Blocked: check for a Zone Hold on the parent domain or an abuse flag, and have it lifted before a Refresh.',
  },
  pending_migration: {
    label: 'Pending migration',
    labelSource: 'suggested',
    documented: false,
    stage: 'migrating',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: `${UNDOCUMENTED}; by its name, being migrated.`,
    nextStep: 'Wait: Cloudflare does not document this status, so treat it as in progress.',
  },
  pending_provisioned: {
    label: 'Pending provisioned',
    labelSource: 'suggested',
    documented: false,
    stage: 'provisioning',
    severity: 'progress',
    terminal: false,
    actor: 'cloudflare',
    meaning: `${UNDOCUMENTED}; by its name, being provisioned.`,
    nextStep: 'Wait: Cloudflare does not document this status, so treat it as in progress.',
  },
  test_pending: {
    label: 'Test: Pending',
    labelSource: 'suggested',
    documented: false,
    stage: 'test',
    severity: 'progress',
    terminal: false,
    actor: 'domainOwner',
    icon: 'clock',
    meaning: `${UNDOCUMENTED}; by its name, the test twin of Pending.`,
    nextStep: 'Treat it like Pending: the hostname waits for its CNAME or ownership token.',
  },
  test_active: {
    label: 'Test: Active',
    labelSource: 'suggested',
    documented: false,
    stage: 'test',
    severity: 'ok',
    terminal: true,
    actor: 'none',
    meaning: `${UNDOCUMENTED}; by its name, the test twin of Active.`,
    nextStep: 'Nothing to do.',
  },
  test_active_apex: {
    label: 'Test: Active (apex)',
    labelSource: 'suggested',
    documented: false,
    stage: 'test',
    severity: 'ok',
    terminal: true,
    actor: 'none',
    meaning: `${UNDOCUMENTED}; by its name, the test twin of Active with apex proxying.`,
    nextStep: 'Nothing to do.',
  },
  test_blocked: {
    label: 'Test: Blocked',
    labelSource: 'suggested',
    documented: false,
    stage: 'test',
    severity: 'error',
    terminal: true,
    actor: 'domainOwner',
    icon: 'stop-circle',
    meaning: `${UNDOCUMENTED}; by its name, the test twin of Blocked.`,
    nextStep: 'Treat it like Blocked: check for a Zone Hold on the parent domain or an abuse flag.',
  },
  test_failed: {
    label: 'Test: Failed',
    labelSource: 'suggested',
    documented: false,
    stage: 'test',
    severity: 'error',
    terminal: true,
    actor: 'user',
    meaning: `${UNDOCUMENTED}; by its name, a failed test.`,
    nextStep: 'Check the verification errors, then Refresh the hostname.',
  },
  provisioned: {
    label: 'Provisioned',
    labelSource: 'suggested',
    documented: false,
    stage: 'provisioned',
    severity: 'inactive',
    terminal: true,
    actor: 'unknown',
    icon: UNKNOWN_ICON,
    color: UNKNOWN_COLOR,
    meaning: `${UNDOCUMENTED}.`,
    nextStep: 'Check the hostname in the Cloudflare dashboard: Cloudflare does not document this status.',
  },
  blocked: {
    label: 'Blocked',
    stage: 'blocked',
    severity: 'error',
    terminal: true,
    actor: 'domainOwner',
    icon: 'stop-circle',
    meaning:
      'Cannot be added: the hostname is flagged for abuse, or its parent zone is under a Zone Hold that also covers subdomains. It never retries by itself.',
    nextStep:
      'For a Zone Hold the domain owner releases the hold and you Refresh the hostname; for an abuse flag contact Cloudflare (your CSM, or abusereply@cloudflare.com).',
  },
};

export const CUSTOM_HOSTNAME_CATALOG: readonly StatusInfo[] = buildCatalog(
  'customHostname',
  CUSTOM_HOSTNAME_STATUSES,
  hostnameSpec,
);
