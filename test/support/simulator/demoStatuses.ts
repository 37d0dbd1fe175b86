/**
 * What the demo scenario (src/simulator/scenarios/demo.json) must show. The lists are written
 * out here, not imported from the model, so a change in the model cannot quietly shrink what
 * the demo shows. Source: docs/cloudflare-api-facts.md §4.
 */
export const demoStatuses = {
  pack: ['initializing', 'pending_validation', 'deleted', 'pending_issuance', 'pending_deployment', 'pending_deletion', 'pending_expiration', 'expired', 'active', 'initializing_timed_out', 'validation_timed_out', 'issuance_timed_out', 'deployment_timed_out', 'deletion_timed_out', 'pending_cleanup', 'staging_deployment', 'staging_active', 'deactivating', 'inactive', 'backup_issued', 'holding_deployment'],
  hostname: ['active', 'pending', 'active_redeploying', 'moved', 'pending_deletion', 'deleted', 'pending_blocked', 'pending_migration', 'pending_provisioned', 'test_pending', 'test_active', 'test_active_apex', 'test_blocked', 'test_failed', 'provisioned', 'blocked'],
  customCertificate: ['active', 'expired', 'deleted', 'pending', 'initializing'],
  clientCertificate: ['active', 'pending_reactivation', 'pending_revocation', 'revoked'],
  fallbackOrigin: ['initializing', 'pending_deployment', 'pending_deletion', 'active', 'deployment_timed_out', 'deletion_timed_out'],
  zone: ['initializing', 'pending', 'active', 'moved'],
  token: ['active', 'disabled', 'expired'],
} as const;

/** The thirteen statuses the project's seed page names, as the tree labels them. */
export const seedStatusLabels = [
  'Initializing', 'Pending Validation', 'Pending Issuance', 'Pending Deployment', 'Active', 'Deactivating', 'Inactive',
  'Holding Deployment', 'Staging Deployment', 'Staging Active', 'Revoked', 'Pending Reactivation', 'Pending Revocation',
] as const;

/**
 * The demo objects that move through their lifecycle by themselves, so notifications and
 * history have something to show; every other in-progress example is held (`sim.path: hold`).
 * Packs are named by their hosts, uploads by their first host, client certificates by their
 * common name, everything else by its name.
 */
export const demoMovers = [
  'pack acme.com,docs.acme.com', // Initializing → … → Active, 45 s a stage
  'pack acme.com,status.acme.com', // HTTP validation → … → Active, 90 s a stage
  'pack acme.com,trial.acme.com', // Pending Validation → Timed Out (Validation) after 2 min
  'pack acme.com,partners.acme.com', // Active → Deactivating at 20 min → Inactive
  'pack acme.com,www.acme.com,api.acme.com', // renews: Pending Deployment → Active
  'pack acme-shop.com,*.acme-shop.com', // a renewal that fails on CAA (then held in Pending Issuance)
  'customCertificate newsite.acme.com', // Initializing → Active after 30 s
  'customHostname app.northwind-traders.com', // Pending → Active, 120 s a stage
  'customHostname checkout.dunder-mifflin.com', // Pending → Active
  'customHostname docs.initech.com', // Moved → Deleted after 7 days, as Cloudflare does
  'clientCertificate kiosk-lobby-7', // Pending Revocation → Revoked after 10 min
  'clientCertificate iot-gateway-apac', // Pending Reactivation → Active after 15 min
] as const;
