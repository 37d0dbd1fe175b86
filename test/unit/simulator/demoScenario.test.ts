import assert from 'node:assert/strict';
import { loadScenario, type Scenario } from '../../../src/simulator';
import { nextStatus } from '../../../src/simulator/lifecycle/transitions';
import type { SimObjectKind, SimObject } from '../../../src/simulator';
import demo from '../../../src/simulator/scenarios/demo.json';
import { demoMovers, demoStatuses } from '../../support/simulator/demoStatuses';

const expected = demoStatuses;

function sorted(values: Iterable<unknown>): string[] {
  return [...new Set([...values].map(String))].sort();
}

/** Whether the lifecycle engine would change the object's status by itself (a step, an event or a renewal). */
function movesBySelf(kind: SimObjectKind, object: SimObject): boolean {
  const path = object.sim?.path ?? 'advance';
  if (path === 'hold') return false;
  const ssl = object['ssl'] as { status?: string } | undefined;
  const steps = nextStatus(kind, 'status', path, String(object['status'])) !== undefined || (kind === 'customHostname' && nextStatus(kind, 'ssl.status', path, String(ssl?.status)) !== undefined);
  return steps || (object.sim?.events ?? []).length > 0 || object.sim?.renewal !== undefined;
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

  it('holds every in-progress example; only the named movers move by themselves', () => {
    const named = (kind: SimObjectKind, object: SimObject): string => {
      switch (kind) {
        case 'pack':
          return `pack ${(object['hosts'] as string[]).join(',')}`;
        case 'customCertificate':
          return `customCertificate ${(object['hosts'] as string[])[0] ?? ''}`;
        case 'customHostname':
          return `customHostname ${String(object['hostname'])}`;
        case 'clientCertificate':
          return `clientCertificate ${String(object['common_name'])}`;
        case 'fallbackOrigin':
          return `fallbackOrigin ${String(object['origin'])}`;
        case 'zone':
          return `zone ${String(object['name'])}`;
      }
    };
    const objects: [SimObjectKind, SimObject][] = zones.flatMap((zone) => [
      ['zone', zone as unknown as SimObject] as [SimObjectKind, SimObject],
      ...(zone.certificatePacks ?? []).map((object): [SimObjectKind, SimObject] => ['pack', object]),
      ...(zone.customCertificates ?? []).map((object): [SimObjectKind, SimObject] => ['customCertificate', object]),
      ...(zone.customHostnames ?? []).map((object): [SimObjectKind, SimObject] => ['customHostname', object]),
      ...(zone.clientCertificates ?? []).map((object): [SimObjectKind, SimObject] => ['clientCertificate', object]),
      ...(zone.fallbackOrigin === undefined ? [] : [['fallbackOrigin', zone.fallbackOrigin] as [SimObjectKind, SimObject]]),
    ]);
    const movers = objects.filter(([kind, object]) => movesBySelf(kind, object)).map(([kind, object]) => named(kind, object));
    assert.deepEqual(sorted(movers), sorted(demoMovers));
  });

  it('offers an obviously fake demo token, a cfat_ account token and a global key', () => {
    assert.match(scenario.demoToken ?? '', /SIMULATOR.*not-a-real/);
    assert.ok(scenario.tokens.some((token) => token.value.startsWith('cfat_') && token.accountId !== undefined));
    assert.equal(scenario.globalKeys?.length, 1);
    assert.ok((scenario.notes ?? []).length > 0, 'the scenario says where it had to choose');
  });
});
