import * as assert from 'node:assert/strict';
import type { CustomHostname } from '../../../src/cloudflare';
import type { HostnameList, ZoneDetails } from '../../../src/explorer/explorerState';
import { objectKey } from '../../../src/domain/objectRef';
import { detectTransitions, vanishedStatus, type ObjectTransition } from '../../../src/explorer/statusChanges';

const at = 1_700_000_000_000;

function details(parts: Partial<ZoneDetails>): ZoneDetails {
  return { errors: [], ...parts };
}

function hostnames(items: CustomHostname[], more: Partial<HostnameList> = {}): HostnameList {
  return { items, total: items.length, pagesLoaded: 1, totalPages: 1, ...more };
}

function hostname(id: string, status: string, sslStatus?: string): CustomHostname {
  return { id, hostname: `${id}.example.com`, status, ...(sslStatus === undefined ? {} : { ssl: { status: sslStatus } }) };
}

/** Transitions as `key field from>to`, sorted, for compact comparisons. */
function summary(transitions: readonly ObjectTransition[]): string[] {
  return transitions.map((transition) => `${objectKey(transition.ref)} ${transition.field} ${transition.from ?? '∅'}>${transition.to}`).sort();
}

describe('Transition detection', () => {
  it('reports a status change of every kind of zone detail, with the time given', () => {
    const before = details({
      certificatePacks: [{ id: 'p1', status: 'pending_validation' }],
      customCertificates: [{ id: 'c1', status: 'active' }],
      clientCertificates: [{ id: 'm1', status: 'active' }],
    });
    const after = details({
      certificatePacks: [{ id: 'p1', status: 'active' }],
      customCertificates: [{ id: 'c1', status: 'expired' }],
      clientCertificates: [{ id: 'm1', status: 'revoked' }],
    });
    const transitions = detectTransitions({ account: 'a', zone: 'z', part: 'details', before, after }, at);
    assert.deepEqual(summary(transitions), [
      'certificatePack/a/z/p1 status pending_validation>active',
      'clientCertificate/a/z/m1 status active>revoked',
      'customCertificate/a/z/c1 status active>expired',
    ]);
    assert.ok(transitions.every((transition) => transition.at === at));
    assert.equal(transitions.find((transition) => transition.ref.kind === 'certificatePack')?.object.kind, 'certificatePack');
  });

  it('reports nothing for objects whose status stayed the same', () => {
    const same = details({ certificatePacks: [{ id: 'p1', status: 'active' }], clientCertificates: [{ id: 'm1', status: 'revoked' }] });
    assert.deepEqual(detectTransitions({ account: 'a', zone: 'z', part: 'details', before: same, after: same }, at), []);
  });

  it('tracks both the status and the certificate status of a custom hostname', () => {
    const before = hostnames([hostname('h1', 'pending', 'pending_validation'), hostname('h2', 'active', 'active')]);
    const after = hostnames([hostname('h1', 'active', 'validation_timed_out'), hostname('h2', 'active', 'pending_deployment')]);
    assert.deepEqual(summary(detectTransitions({ account: 'a', zone: 'z', part: 'hostnames', before, after }, at)), [
      'customHostname/a/z/h1 sslStatus pending_validation>validation_timed_out',
      'customHostname/a/z/h1 status pending>active',
      'customHostname/a/z/h2 sslStatus active>pending_deployment',
    ]);
  });

  it('gives an object seen for the first time a transition without `from`', () => {
    const before = details({ certificatePacks: [{ id: 'p1', status: 'active' }] });
    const after = details({ certificatePacks: [{ id: 'p1', status: 'active' }, { id: 'p2', status: 'initializing' }] });
    assert.deepEqual(summary(detectTransitions({ account: 'a', zone: 'z', part: 'details', before, after }, at)), ['certificatePack/a/z/p2 status ∅>initializing']);
    const first = detectTransitions({ account: 'a', zone: 'z', part: 'hostnames', after: hostnames([hostname('h1', 'pending', 'initializing')]) }, at);
    assert.deepEqual(summary(first), ['customHostname/a/z/h1 sslStatus ∅>initializing', 'customHostname/a/z/h1 status ∅>pending']);
  });

  it('treats a collection that failed to load before as seen for the first time, and one that failed now as not compared', () => {
    const packs = details({ certificatePacks: [{ id: 'p1', status: 'active' }] });
    const none = details({});
    assert.deepEqual(summary(detectTransitions({ account: 'a', zone: 'z', part: 'details', before: none, after: packs }, at)), ['certificatePack/a/z/p1 status ∅>active']);
    assert.deepEqual(detectTransitions({ account: 'a', zone: 'z', part: 'details', before: packs, after: none }, at), []);
  });

  it('reports an object missing from a collection loaded in full both times as deleted', () => {
    const before = details({ certificatePacks: [{ id: 'p1', status: 'active' }, { id: 'p2', status: vanishedStatus }] });
    const after = details({ certificatePacks: [] });
    assert.deepEqual(summary(detectTransitions({ account: 'a', zone: 'z', part: 'details', before, after }, at)), [`certificatePack/a/z/p1 status active>${vanishedStatus}`]);
    const allHostnames = detectTransitions({ account: 'a', zone: 'z', part: 'hostnames', before: hostnames([hostname('h1', 'moved')]), after: hostnames([]) }, at);
    assert.deepEqual(summary(allHostnames), ['customHostname/a/z/h1 status moved>deleted']);
  });

  it('never takes a hostname missing from a partial page load or a search as deleted', () => {
    const firstPage = hostnames([hostname('h1', 'active', 'active'), hostname('h2', 'active', 'active')], { pagesLoaded: 1, totalPages: 3, total: 150 });
    const shorterPage = hostnames([hostname('h1', 'active', 'active')], { pagesLoaded: 1, totalPages: 3, total: 150 });
    assert.deepEqual(detectTransitions({ account: 'a', zone: 'z', part: 'hostnames', before: firstPage, after: shorterPage }, at), []);
    const everything = hostnames([hostname('h1', 'active', 'active'), hostname('h2', 'active', 'active')]);
    const search = hostnames([hostname('h1', 'active', 'active')], { filter: 'h1' });
    assert.deepEqual(detectTransitions({ account: 'a', zone: 'z', part: 'hostnames', before: everything, after: search }, at), []);
    const cleared = detectTransitions({ account: 'a', zone: 'z', part: 'hostnames', before: search, after: everything }, at);
    assert.deepEqual(summary(cleared), ['customHostname/a/z/h2 sslStatus ∅>active', 'customHostname/a/z/h2 status ∅>active'], 'clearing the search shows the rest as first seen');
  });

  it('still reports status changes of the hostnames a partial load did see', () => {
    const before = hostnames([hostname('h1', 'pending', 'pending_validation')], { totalPages: 2 });
    const after = hostnames([hostname('h1', 'active', 'pending_validation')], { totalPages: 2 });
    assert.deepEqual(summary(detectTransitions({ account: 'a', zone: 'z', part: 'hostnames', before, after }, at)), ['customHostname/a/z/h1 status pending>active']);
  });

  it('skips objects whose id or status cannot be trusted, and cuts absurd statuses', () => {
    const after = details({
      certificatePacks: [
        { id: 'bad/id', status: 'active' },
        { id: '', status: 'active' },
        { id: 42 as unknown as string, status: 'active' },
        { id: 'nostatus' },
        { id: 'objectstatus', status: { toString: () => 'active' } as unknown as string },
        { id: 'long', status: 'x'.repeat(1000) },
        { id: 'twice', status: 'active' },
        { id: 'twice', status: 'expired' },
      ],
    });
    const transitions = detectTransitions({ account: 'a', zone: 'z', part: 'details', after }, at);
    assert.deepEqual(transitions.map((transition) => transition.ref.id).sort(), ['long', 'twice']);
    assert.equal(transitions.find((transition) => transition.ref.id === 'long')?.to.length, 120);
    assert.equal(transitions.find((transition) => transition.ref.id === 'twice')?.to, 'active', 'the first copy of a repeated id wins');
  });
});
