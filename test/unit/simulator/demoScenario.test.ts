import assert from 'node:assert/strict';
import { loadScenario, type Scenario } from '../../../src/simulator';
import demo from '../../../src/simulator/scenarios/demo.json';

// The expected lists are written out here (not imported) so a change in the model cannot
// quietly shrink what the demo must show. Source: docs/cloudflare-api-facts.md §4.
const expected = {
  pack: ['initializing', 'pending_validation', 'deleted', 'pending_issuance', 'pending_deployment', 'pending_deletion', 'pending_expiration', 'expired', 'active', 'initializing_timed_out', 'validation_timed_out', 'issuance_timed_out', 'deployment_timed_out', 'deletion_timed_out', 'pending_cleanup', 'staging_deployment', 'staging_active', 'deactivating', 'inactive', 'backup_issued', 'holding_deployment'],
  hostname: ['active', 'pending', 'active_redeploying', 'moved', 'pending_deletion', 'deleted', 'pending_blocked', 'pending_migration', 'pending_provisioned', 'test_pending', 'test_active', 'test_active_apex', 'test_blocked', 'test_failed', 'provisioned', 'blocked'],
  customCertificate: ['active', 'expired', 'deleted', 'pending', 'initializing'],
  clientCertificate: ['active', 'pending_reactivation', 'pending_revocation', 'revoked'],
  fallbackOrigin: ['initializing', 'pending_deployment', 'pending_deletion', 'active', 'deployment_timed_out', 'deletion_timed_out'],
  zone: ['initializing', 'pending', 'active', 'moved'],
  token: ['active', 'disabled', 'expired'],
};

function sorted(values: Iterable<unknown>): string[] {
  return [...new Set([...values].map(String))].sort();
}

describe('demo scenario', () => {
  const scenario: Scenario = loadScenario(demo);
  const zones = scenario.zones;
  const packs = zones.flatMap((zone) => zone.certificatePacks ?? []);
  const hostnames = zones.flatMap((zone) => zone.customHostnames ?? []);

  it('has every certificate pack status', () => {
    assert.deepEqual(sorted(packs.map((pack) => pack['status'])), sorted(expected.pack));
  });

  it('has every custom hostname status, and every SSL status on custom hostnames', () => {
    assert.deepEqual(sorted(hostnames.map((hostname) => hostname['status'])), sorted(expected.hostname));
    assert.deepEqual(sorted(hostnames.map((hostname) => (hostname['ssl'] as { status: string }).status)), sorted(expected.pack));
  });

  it('has every custom certificate, client certificate, fallback origin, zone and token status', () => {
    assert.deepEqual(sorted(zones.flatMap((zone) => zone.customCertificates ?? []).map((item) => item['status'])), sorted(expected.customCertificate));
    assert.deepEqual(sorted(zones.flatMap((zone) => zone.clientCertificates ?? []).map((item) => item['status'])), sorted(expected.clientCertificate));
    assert.deepEqual(sorted(zones.flatMap((zone) => (zone.fallbackOrigin === undefined ? [] : [zone.fallbackOrigin['status']]))), sorted(expected.fallbackOrigin));
    assert.deepEqual(sorted(zones.map((zone) => zone.status)), sorted(expected.zone));
    assert.deepEqual(sorted(scenario.tokens.map((token) => token.status)), sorted(expected.token));
  });

  it('shows TXT and HTTP validation records, validation errors, RSA + ECDSA packs and staging packs', () => {
    const records = packs.flatMap((pack) => (pack['validation_records'] as Record<string, unknown>[] | undefined) ?? []);
    assert.ok(records.some((record) => typeof record['txt_name'] === 'string' && typeof record['txt_value'] === 'string'));
    assert.ok(records.some((record) => typeof record['http_url'] === 'string' && typeof record['http_body'] === 'string'));
    assert.ok(packs.some((pack) => ((pack['validation_errors'] as unknown[] | undefined) ?? []).length > 0));
    assert.ok(hostnames.some((hostname) => ((hostname['verification_errors'] as unknown[] | undefined) ?? []).length > 0));
    const signatures = (pack: Record<string, unknown>): string[] => ((pack['certificates'] as { signature: string }[] | undefined) ?? []).map((certificate) => certificate.signature);
    assert.ok(packs.some((pack) => signatures(pack).includes('ECDSAWithSHA256') && signatures(pack).includes('SHA256WithRSA')));
    assert.ok(packs.some((pack) => pack.sim?.deploy === 'staging'));
  });

  it('holds a custom certificate on a pending zone and has a SaaS zone with an active fallback origin', () => {
    const pending = zones.find((zone) => zone.status === 'pending');
    assert.ok(pending?.certificatePacks?.some((pack) => pack['status'] === 'holding_deployment'));
    assert.ok(pending?.customCertificates?.some((certificate) => certificate['status'] === 'pending'));
    assert.ok(zones.some((zone) => zone.saas === true && zone.fallbackOrigin?.['status'] === 'active' && (zone.customHostnames ?? []).length > 10));
  });

  it('offers an obviously fake demo token, a cfat_ account token and a global key', () => {
    assert.match(scenario.demoToken ?? '', /SIMULATOR.*not-a-real/);
    assert.ok(scenario.tokens.some((token) => token.value.startsWith('cfat_') && token.accountId !== undefined));
    assert.equal(scenario.globalKeys?.length, 1);
    assert.ok((scenario.notes ?? []).length > 0, 'the scenario says where it had to choose');
  });
});
