import assert from 'node:assert/strict';
import type { CertificatePack, CustomCertificate, CustomHostname } from '../../../src/cloudflare';
import { AppError } from '../../../src/shared/appError';
import type { CertificateObject } from '../../../src/domain/objectHealth';
import { planHostname, planObject, planZone } from '../../../src/probing/probePlan';
import type { ZoneCatalog } from '../../../src/probing/zoneCatalog';

const universal: CertificatePack = { id: 'u', type: 'universal', status: 'active', hosts: ['example.com', '*.example.com'], certificates: [{ issuer: 'GoogleTrustServices', signature: 'ECDSAWithSHA256' }] };
const advanced: CertificatePack = { id: 'a', type: 'advanced', status: 'active', hosts: ['example.com', 'www.example.com'], certificates: [{ issuer: 'LetsEncrypt', signature: 'ECDSAWithSHA256' }] };
const pending: CertificatePack = { id: 'p', type: 'advanced', status: 'pending_validation', hosts: ['example.com', 'shop.example.com'], certificates: [] };
const custom: CustomCertificate = { id: 'c', status: 'active', hosts: ['checkout.example.com'], issuer: 'DigiCert Inc', signature: 'SHA256WithRSA' };
const hostname: CustomHostname = { id: 'h', hostname: 'shop.customer.org', status: 'active', ssl: { status: 'active', certificate_authority: 'google' } };

function catalog(items: readonly CertificateObject[]): ZoneCatalog {
  return { account: 'acc', zone: 'z1', zoneName: 'example.com', fallbackOrigin: 'fallback.example.com', entries: items.map((item) => ({ ref: { account: 'acc', zone: 'z1', kind: item.kind, id: item.object.id }, item })) };
}

const zone = catalog([
  { kind: 'certificatePack', object: universal },
  { kind: 'certificatePack', object: advanced },
  { kind: 'certificatePack', object: pending },
  { kind: 'customCertificate', object: custom },
  { kind: 'customHostname', object: hostname },
]);

describe('probe plans', () => {
  it("probes each of a pack's names, leaving wildcards out, judged against that pack", () => {
    const plan = planObject(zone, { kind: 'object', ref: { account: 'acc', zone: 'z1', kind: 'certificatePack', id: 'u' } });
    assert.equal(plan.title, 'Probe universal pack example.com +1');
    assert.deepEqual(plan.probes.map((probe) => probe.servername), ['example.com']);
    assert.deepEqual(plan.skipped, ['*.example.com']);
    assert.deepEqual(plan.probes[0]?.expected[0]?.hosts, ['example.com', '*.example.com']);
    assert.equal(plan.ref?.id, 'u');
  });

  it('probes one host row, and a custom hostname through the connect target chosen', () => {
    const host = planObject(zone, { kind: 'object', ref: { account: 'acc', zone: 'z1', kind: 'certificatePack', id: 'a' }, host: 'www.example.com' });
    assert.deepEqual([host.title, host.probes.length], ['Probe www.example.com', 1]);
    const viaOrigin = planObject(zone, { kind: 'object', ref: { account: 'acc', zone: 'z1', kind: 'customHostname', id: 'h' }, connect: 'fallback.example.com', connectLabel: 'the fallback origin' });
    assert.deepEqual(viaOrigin.probes[0], {
      servername: 'shop.customer.org',
      connect: 'fallback.example.com',
      connectLabel: 'the fallback origin',
      ref: { account: 'acc', zone: 'z1', kind: 'customHostname', id: 'h' },
      objectLabel: 'Custom hostname',
      expected: [{ label: 'Managed certificate of the custom hostname', hosts: ['shop.customer.org'], issuer: 'google', status: 'active', statusLabel: 'Active' }],
    });
  });

  it('refuses what cannot be probed, with a reason', () => {
    const client = catalog([{ kind: 'clientCertificate', object: { id: 'cc' } }]);
    assert.throws(() => planObject(client, { kind: 'object', ref: { account: 'acc', zone: 'z1', kind: 'clientCertificate', id: 'cc' } }), (error: unknown) => AppError.is(error) && error.code === 'not_served');
    assert.throws(() => planObject(zone, { kind: 'object', ref: { account: 'acc', zone: 'z1', kind: 'certificatePack', id: 'gone' } }), (error: unknown) => AppError.is(error) && error.code === 'not_loaded');
    const wildcardOnly = catalog([{ kind: 'certificatePack', object: { id: 'w', hosts: ['*.example.com'] } }]);
    assert.throws(() => planObject(wildcardOnly, { kind: 'object', ref: { account: 'acc', zone: 'z1', kind: 'certificatePack', id: 'w' } }), /Probe Hostname/);
  });

  it('probes every name of a zone once, each against the object the edge should serve (§6.3)', () => {
    const plan = planZone(zone, { kind: 'zone', account: 'acc', zone: 'z1' });
    assert.equal(plan.title, 'Probe all in example.com');
    const judgedBy = Object.fromEntries(plan.probes.map((probe) => [probe.servername, probe.ref?.id]));
    assert.deepEqual(judgedBy, {
      'example.com': 'a', // advanced before universal; the pending pack is not served
      'www.example.com': 'a', // exact before the universal wildcard
      'shop.example.com': 'u', // only the pending pack names it: the universal wildcard serves it
      'checkout.example.com': 'c', // a custom certificate first
      'shop.customer.org': 'h',
    });
    assert.deepEqual(plan.skipped, ['*.example.com']);
    assert.equal(plan.ref, undefined);
  });

  it('judges a name typed by hand against the loaded object that covers it', () => {
    const plan = planHostname([zone], { kind: 'hostname', servername: 'API.example.com', connect: '192.0.2.1' });
    assert.equal(plan.ref?.id, 'u', 'the universal wildcard covers it');
    assert.deepEqual([plan.probes[0]?.servername, plan.probes[0]?.connect], ['API.example.com', '192.0.2.1']);
    const unknown = planHostname([zone], { kind: 'hostname', servername: 'other.org' });
    assert.deepEqual([unknown.ref, unknown.probes[0]?.expected], [undefined, []]);
  });
});
