import assert from 'node:assert/strict';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import type { Subject } from '../../../src/diagnose';
import { cloudflareAddress, dcvUuid, diagnoseScenario, fallbackOrigin, originAddress } from '../../support/diagnose/diagnoseScenario';
import { codesOf, diagnoseIn, hostname, pack, partialFacts, saasFacts, setWorld, type World } from '../../support/diagnose/diagnoseWorld';

interface Row {
  readonly title: string;
  readonly subject: () => Subject;
  readonly world: World;
  readonly check: string;
  readonly expect: readonly string[];
  readonly uuidFails?: boolean;
  readonly ipsFail?: boolean;
}

const pendingTxt = (host: string, value = 'token-1'): Subject => hostname({ hostname: host, status: 'active', txt: { name: `_acme-challenge.${host}`, value } });
const viaFallback = (host: string): World['records'] => [{ name: host, type: 'CNAME', value: fallbackOrigin }, { name: fallbackOrigin, type: 'A', value: cloudflareAddress }];

/** Every check, each outcome, against the simulator's DNS and HTTP servers. */
const rows: readonly Row[] = [
  // dns
  { title: 'dns: a name that resolves', check: 'dns', subject: () => pendingTxt('a.customer.test'), world: { records: viaFallback('a.customer.test') }, expect: ['dns-ok'] },
  { title: 'dns: a name that does not exist', check: 'dns', subject: () => pendingTxt('gone.customer.test'), world: { records: [{ name: 'other.customer.test', type: 'A', value: originAddress }] }, expect: ['dns-not-found'] },
  { title: 'dns: a CNAME loop', check: 'dns', subject: () => pendingTxt('loop.customer.test'), world: { records: [{ name: 'loop.customer.test', type: 'CNAME', value: 'loop2.customer.test' }, { name: 'loop2.customer.test', type: 'CNAME', value: 'loop.customer.test' }] }, expect: ['dns-cname-loop'] },
  { title: 'dns: SERVFAIL is unknown', check: 'dns', subject: () => pendingTxt('sf.customer.test'), world: { faults: [{ name: 'sf.customer.test', fault: 'servfail' }] }, expect: ['dns-unknown'] },
  { title: 'dns: REFUSED is unknown', check: 'dns', subject: () => pendingTxt('rf.customer.test'), world: { faults: [{ name: 'rf.customer.test', fault: 'refused' }] }, expect: ['dns-unknown'] },
  { title: 'dns: an unreadable answer is unknown', check: 'dns', subject: () => pendingTxt('gb.customer.test'), world: { faults: [{ name: 'gb.customer.test', fault: 'garbage' }] }, expect: ['dns-unknown'] },
  // txt
  { title: 'txt: the token is there', check: 'txt', subject: () => hostname({ hostname: 't.customer.test', txt: { name: '_acme-challenge.t.customer.test', value: 'tok' } }), world: { records: [{ name: '_acme-challenge.t.customer.test', type: 'TXT', value: 'tok' }] }, expect: ['txt-ok'] },
  { title: 'txt: nothing at the name', check: 'txt', subject: () => hostname({ hostname: 't.customer.test', txt: { name: '_acme-challenge.t.customer.test', value: 'tok' } }), world: { records: [{ name: 't.customer.test', type: 'A', value: originAddress }] }, expect: ['txt-missing'] },
  { title: 'txt: only an old value', check: 'txt', subject: () => hostname({ hostname: 't.customer.test', txt: { name: '_acme-challenge.t.customer.test', value: 'tok' } }), world: { records: [{ name: '_acme-challenge.t.customer.test', type: 'TXT', value: 'old-tok' }] }, expect: ['txt-mismatch'] },
  { title: 'txt: a token reached through a CNAME counts', check: 'txt', subject: () => hostname({ hostname: 't.customer.test', txt: { name: '_acme-challenge.t.customer.test', value: 'tok' } }), world: { records: [{ name: '_acme-challenge.t.customer.test', type: 'CNAME', value: 'tokens.dns.test' }, { name: 'tokens.dns.test', type: 'TXT', value: 'tok' }] }, expect: ['txt-ok'] },
  { title: 'txt: timeout is unknown', check: 'txt', subject: () => hostname({ hostname: 't.customer.test', txt: { name: '_acme-challenge.t.customer.test', value: 'tok' } }), world: { faults: [{ name: '_acme-challenge.t.customer.test', fault: 'timeout' }] }, expect: ['txt-unknown'] },
  // caa
  { title: 'caa: no CAA anywhere', check: 'caa', subject: () => pack({ hosts: ['shop.partial.test'] }), world: { records: [] }, expect: ['caa-ok'] },
  { title: 'caa: the apex allows the CA', check: 'caa', subject: () => pack({ hosts: ['shop.partial.test'] }), world: { records: [{ name: 'partial.test', type: 'CAA', value: { tag: 'issue', value: 'letsencrypt.org' } }] }, expect: ['caa-ok'] },
  { title: 'caa: a parent record forbids the CA (inherited)', check: 'caa', subject: () => pack({ hosts: ['a.b.partial.test'] }), world: { records: [{ name: 'partial.test', type: 'CAA', value: { tag: 'issue', value: 'pki.goog' } }] }, expect: ['caa-blocks-ca'] },
  { title: 'caa: the closest set wins over the parent', check: 'caa', subject: () => pack({ hosts: ['b.partial.test'] }), world: { records: [{ name: 'partial.test', type: 'CAA', value: { tag: 'issue', value: 'pki.goog' } }, { name: 'b.partial.test', type: 'CAA', value: { tag: 'issue', value: 'letsencrypt.org; validationmethods=dns-01' } }] }, expect: ['caa-ok'] },
  { title: 'caa: issuewild governs wildcard names', check: 'caa', subject: () => pack({ hosts: ['*.partial.test'] }), world: { records: [{ name: 'partial.test', type: 'CAA', value: { tag: 'issue', value: 'letsencrypt.org' } }, { name: 'partial.test', type: 'CAA', value: { tag: 'issuewild', value: ';' } }] }, expect: ['caa-blocks-ca'] },
  { title: 'caa: an unknown critical tag forbids every CA', check: 'caa', subject: () => pack({ hosts: ['partial.test'] }), world: { records: [{ name: 'partial.test', type: 'CAA', value: { flags: 128, tag: 'tbs', value: 'x' } }] }, expect: ['caa-blocks-ca'] },
  { title: 'caa: the default CA passes when one Cloudflare CA is allowed', check: 'caa', subject: () => pack({ hosts: ['partial.test'], ca: '' }), world: { records: [{ name: 'partial.test', type: 'CAA', value: { tag: 'issue', value: 'pki.goog' } }] }, expect: ['caa-ok'] },
  { title: 'caa: SERVFAIL on an ancestor is unknown', check: 'caa', subject: () => pack({ hosts: ['x.partial.test'] }), world: { faults: [{ name: 'partial.test', fault: 'servfail' }] }, expect: ['caa-unknown'] },
  // dcv-delegation
  { title: 'dcv-delegation: delegated to the right target', check: 'dcv-delegation', subject: () => pack({ hosts: ['app.partial.test'] }), world: { records: [{ name: '_acme-challenge.app.partial.test', type: 'CNAME', value: `app.partial.test.${dcvUuid}.dcv.cloudflare.com` }] }, expect: ['dcv-delegation-ok'] },
  { title: 'dcv-delegation: no CNAME', check: 'dcv-delegation', subject: () => pack({ hosts: ['app.partial.test'] }), world: { records: [] }, expect: ['dcv-delegation-missing'] },
  { title: 'dcv-delegation: a CNAME elsewhere', check: 'dcv-delegation', subject: () => pack({ hosts: ['app.partial.test'] }), world: { records: [{ name: '_acme-challenge.app.partial.test', type: 'CNAME', value: 'acme.other.test' }] }, expect: ['dcv-delegation-missing'] },
  { title: 'dcv-delegation: a TXT shadows the CNAME', check: 'dcv-delegation', subject: () => pack({ hosts: ['app.partial.test'] }), world: { records: [{ name: '_acme-challenge.app.partial.test', type: 'TXT', value: 'manual-token' }] }, expect: ['dcv-delegation-shadowed'] },
  { title: 'dcv-delegation: the UUID call failed and no record names a target', check: 'dcv-delegation', subject: () => pack({ hosts: ['app.partial.test'] }), world: { records: [] }, uuidFails: true, expect: ['dcv-delegation-unknown'] },
  { title: 'dcv-delegation: records on a custom hostname', check: 'dcv-delegation', subject: () => hostname({ hostname: 'd.customer.test', dcv: { cname: '_acme-challenge.d.customer.test', target: `d.customer.test.${dcvUuid}.dcv.cloudflare.com` } }), world: { records: [{ name: '_acme-challenge.d.customer.test', type: 'CNAME', value: `d.customer.test.${dcvUuid}.dcv.cloudflare.com` }] }, expect: ['dcv-delegation-ok'] },
  // cname
  { title: 'cname: through the fallback origin', check: 'cname', subject: () => hostname({ hostname: 'c.customer.test' }), world: { records: viaFallback('c.customer.test') }, expect: ['cname-ok'] },
  { title: 'cname: to another name under the SaaS zone', check: 'cname', subject: () => hostname({ hostname: 'c.customer.test' }), world: { records: [{ name: 'c.customer.test', type: 'CNAME', value: 'edge.tenantly.test' }, { name: 'edge.tenantly.test', type: 'A', value: cloudflareAddress }] }, expect: ['cname-ok'] },
  { title: 'cname: pointing at an origin', check: 'cname', subject: () => hostname({ hostname: 'c.customer.test' }), world: { records: [{ name: 'c.customer.test', type: 'CNAME', value: 'origin.customer.test' }, { name: 'origin.customer.test', type: 'A', value: originAddress }] }, expect: ['cname-not-pointing'] },
  { title: 'cname: a --cname-target is accepted', check: 'cname', subject: () => hostname({ hostname: 'c.customer.test' }, { ...saasFacts, cnameTargets: ['custom-edge.vendor.test'] }), world: { records: [{ name: 'c.customer.test', type: 'CNAME', value: 'custom-edge.vendor.test' }, { name: 'custom-edge.vendor.test', type: 'A', value: originAddress }] }, expect: ['cname-ok'] },
  { title: 'cname: SERVFAIL is unknown', check: 'cname', subject: () => hostname({ hostname: 'c.customer.test' }), world: { faults: [{ name: 'c.customer.test', fault: 'servfail' }] }, expect: ['cname-unknown'] },
  // proxied
  { title: 'proxied: the ranges could not be had from the API', check: 'proxied', subject: () => pendingTxt('p.customer.test'), world: { records: viaFallback('p.customer.test') }, ipsFail: true, expect: ['proxied-unknown'] },
  { title: 'proxied: into Cloudflare through this zone', check: 'proxied', subject: () => pendingTxt('p.customer.test'), world: { records: viaFallback('p.customer.test') }, expect: ['proxied-ok'] },
  { title: 'proxied: outside Cloudflare', check: 'proxied', subject: () => pendingTxt('p.customer.test'), world: { records: [{ name: 'p.customer.test', type: 'A', value: originAddress }] }, expect: ['proxied-ok'] },
  { title: 'proxied: another Cloudflare zone, and it wins over cname-not-pointing', check: '', subject: () => hostname({ hostname: 'p.customer.test', txt: { name: '_acme-challenge.p.customer.test', value: 'tok' } }), world: { records: [{ name: 'p.customer.test', type: 'A', value: cloudflareAddress }, { name: '_acme-challenge.p.customer.test', type: 'TXT', value: 'tok' }] }, expect: ['caa-ok', 'dns-ok', 'ownership-unknown', 'proxied-elsewhere', 'txt-ok'] },
  // ownership
  { title: 'ownership: the TXT is there', check: 'ownership', subject: () => hostname({ hostname: 'o.customer.test', ownership: { name: '_cf-custom-hostname.o.customer.test', value: 'own' } }), world: { records: [{ name: '_cf-custom-hostname.o.customer.test', type: 'TXT', value: 'own' }] }, expect: ['ownership-ok'] },
  { title: 'ownership: the HTTP body suffices', check: 'ownership', subject: () => hostname({ hostname: 'o.web.test', ownership: { name: '_cf-custom-hostname.o.web.test', value: 'own' }, ownershipHttp: { url: 'http://o.web.test/.well-known/cf-custom-hostname-challenge/1', body: 'own-http' } }), world: { records: [{ name: 'o.web.test', type: 'A', value: originAddress }], http: [{ host: 'o.web.test', path: '/.well-known/cf-custom-hostname-challenge/1', body: 'own-http\n' }] }, expect: ['ownership-ok'] },
  { title: 'ownership: neither proof', check: 'ownership', subject: () => hostname({ hostname: 'o.web.test', ownership: { name: '_cf-custom-hostname.o.web.test', value: 'own' }, ownershipHttp: { url: 'http://o.web.test/.well-known/cf-custom-hostname-challenge/1', body: 'own-http' } }), world: { records: [{ name: 'o.web.test', type: 'A', value: originAddress }] }, expect: ['ownership-txt-missing'] },
  // http
  { title: 'http: the token is served', check: 'http', subject: () => hostname({ hostname: 'h.web.test', method: 'http', http: { url: 'http://h.web.test/.well-known/pki-validation/ca.txt', body: 'http-token' } }), world: { http: [{ host: 'h.web.test', path: '/.well-known/pki-validation/ca.txt', body: 'http-token' }] }, expect: ['http-ok'] },
  { title: 'http: a redirect to HTTPS', check: 'http', subject: () => hostname({ hostname: 'h.web.test', method: 'http', http: { url: 'http://h.web.test/.well-known/pki-validation/ca.txt', body: 'http-token' } }), world: { http: [{ host: 'h.web.test', path: '/.well-known/pki-validation/ca.txt', status: 301, location: 'https://h.web.test/.well-known/pki-validation/ca.txt', body: 'http-token' }] }, expect: ['http-redirect'] },
  { title: 'http: the wrong body', check: 'http', subject: () => hostname({ hostname: 'h.web.test', method: 'http', http: { url: 'http://h.web.test/.well-known/pki-validation/ca.txt', body: 'http-token' } }), world: { http: [{ host: 'h.web.test', path: '/.well-known/pki-validation/ca.txt', body: '<html>login</html>' }] }, expect: ['http-token-mismatch'] },
  { title: 'http: DNS for the URL fails, so the fetch is unknown', check: 'http', subject: () => hostname({ hostname: 'h.sf.test', method: 'http', http: { url: 'http://h.sf.test/.well-known/pki-validation/ca.txt', body: 'http-token' } }), world: { faults: [{ name: 'h.sf.test', fault: 'servfail' }] }, expect: ['http-unknown'] },
  { title: 'http: nothing listens', check: 'http', subject: () => hostname({ hostname: 'h.down.test', method: 'http', http: { url: 'http://127.0.0.1:9/.well-known/pki-validation/ca.txt', body: 'http-token' } }), world: {}, expect: ['http-unreachable'] },
];

describe('diagnose checks against the simulator', function () {
  let sim: RunningSimulator;
  before(async () => {
    sim = await startSimulator({ scenario: diagnoseScenario(), lifecycle: false });
  });
  after(async () => {
    await sim?.close();
  });

  for (const row of rows) {
    it(row.title, async () => {
      setWorld(sim, row.world);
      const timeoutMs = row.world.faults?.some((fault) => fault.fault === 'timeout') === true ? 300 : 3000;
      const diagnosis = await diagnoseIn(sim, row.subject(), { timeoutMs, ...(row.uuidFails === undefined ? {} : { uuidFails: row.uuidFails }), ...(row.ipsFail === undefined ? {} : { ipsFail: row.ipsFail }) });
      assert.deepEqual(codesOf(diagnosis, row.check === '' ? undefined : row.check), [...row.expect].sort(), JSON.stringify(diagnosis.findings, null, 1));
    });
  }

  it('gives the record to add with each DNS problem', async () => {
    setWorld(sim, { records: [{ name: 'partial.test', type: 'CAA', value: { tag: 'issue', value: 'pki.goog' } }] });
    const diagnosis = await diagnoseIn(sim, pack({ hosts: ['shop.partial.test'], txt: [{ name: '_acme-challenge.shop.partial.test', value: 'tok' }] }, partialFacts));
    const caa = diagnosis.findings.find((finding) => finding.code === 'caa-blocks-ca');
    assert.deepEqual(caa?.fix, { action: 'add', type: 'CAA', name: 'partial.test', value: '0 issue "letsencrypt.org"', text: 'Add CAA partial.test 0 issue "letsencrypt.org" beside the existing CAA records.' });
    const txt = diagnosis.findings.find((finding) => finding.code === 'txt-missing');
    assert.equal(txt?.fix?.name, '_acme-challenge.shop.partial.test');
    assert.equal(txt?.fix?.value, 'tok');
    assert.equal(txt?.actor, 'domainOwner');
    assert.equal(txt?.checkedAt, '2026-01-01T00:00:00.000Z');
  });

  it('lists the values found when the TXT token does not match', async () => {
    setWorld(sim, { records: [{ name: '_acme-challenge.t.customer.test', type: 'TXT', value: 'old-1' }, { name: '_acme-challenge.t.customer.test', type: 'TXT', value: 'old-2' }] });
    const diagnosis = await diagnoseIn(sim, hostname({ hostname: 't.customer.test', txt: { name: '_acme-challenge.t.customer.test', value: 'tok' } }));
    const finding = diagnosis.findings.find((candidate) => candidate.code === 'txt-mismatch');
    assert.match(finding?.message ?? '', /"old-1"/);
    assert.match(finding?.message ?? '', /"old-2"/);
  });

  it('shows the CNAME chain when a hostname points elsewhere', async () => {
    setWorld(sim, { records: [{ name: 'c.customer.test', type: 'CNAME', value: 'lb.customer.test' }, { name: 'lb.customer.test', type: 'CNAME', value: 'origin.customer.test' }, { name: 'origin.customer.test', type: 'A', value: originAddress }] });
    const diagnosis = await diagnoseIn(sim, hostname({ hostname: 'c.customer.test' }));
    const finding = diagnosis.findings.find((candidate) => candidate.code === 'cname-not-pointing');
    assert.match(finding?.message ?? '', /c\.customer\.test → lb\.customer\.test → origin\.customer\.test/);
    assert.equal(finding?.fix?.value, fallbackOrigin);
  });

  it('runs only the checks that apply, and every one says something', async () => {
    setWorld(sim, { records: viaFallback('active.customer.test') });
    const active = await diagnoseIn(sim, hostname({ hostname: 'active.customer.test', status: 'active', sslStatus: 'active' }));
    assert.deepEqual(codesOf(active), ['dns-ok', 'proxied-ok']);
    const timedOut = await diagnoseIn(sim, pack({ hosts: ['partial.test', '*.partial.test'], status: 'validation_timed_out', type: 'universal' }));
    assert.deepEqual([...new Set(timedOut.findings.map((finding) => finding.check))].sort(), ['caa', 'dns', 'txt']);
  });
});
