import assert from 'node:assert/strict';
import { lastProbeBlocks } from '../../../src/panels/probeBlocks';
import { buildProbeDocument, ProbeActions } from '../../../src/panels/probeDocument';
import { judgeAgainstApi } from '../../../src/probing/apiComparison';
import type { ProbeOutcome } from '../../../src/probing/probeRun';
import { VERDICT_ORDER, type ProbeResult, type Verdict } from '../../../src/probe';
import type { Block, CalloutBlock, PanelDocument, TableBlock } from '../../../src/panels/document';
import { isPanelDocument } from '../../../src/webview/documentGuards';
import { renderDocument } from '../../../src/webview/render/renderDocument';
import { hostileStrings } from '../../support/hostile/hostileStrings';
import { scanTags, strayAngles } from '../../support/webview/markupScanner';
import { expectedShop, leaf, outcome, planned, probeResult, run } from '../../support/probe/probeResults';

function judged(result: ProbeResult, expected = expectedShop): ProbeOutcome {
  const judgement = judgeAgainstApi(result, [expected], { warningDays: 30 });
  return outcome(judgement.result, { comparison: judgement.rows, ...(judgement.expected === undefined ? {} : { expected: judgement.expected }) });
}

function table(document: PanelDocument, title: RegExp): TableBlock {
  const found = document.blocks.find((block): block is TableBlock => block.kind === 'table' && title.test(block.title));
  assert.ok(found, `a table titled ${String(title)}`);
  return found;
}

function firstCallout(document: PanelDocument): CalloutBlock {
  const first: Block | undefined = document.blocks[0];
  assert.ok(first?.kind === 'callout', 'the verdict comes first');
  return first;
}

const failures: Readonly<Record<Verdict, Partial<ProbeResult>>> = {
  'dns-failed': { error: { code: 'dns', message: 'shop.example.com does not resolve: ENOTFOUND', stage: 'dns' } },
  unreachable: { error: { code: 'refused', message: 'connect ECONNREFUSED 192.0.2.10:443', stage: 'connect' } },
  timeout: { error: { code: 'timeout', message: 'No answer within 10000 ms (connecting).', stage: 'timeout' } },
  'handshake-failed': { error: { code: 'tls-handshake', message: 'sslv3 alert handshake failure', stage: 'tls' } },
  expired: { chain: [leaf({ validTo: '2026-05-01T00:00:00.000Z', daysLeft: -31 })], trust: { authorized: false, error: 'CERT_HAS_EXPIRED', store: 'default', extraRootsLabel: null } },
  'not-yet-valid': { chain: [leaf({ validFrom: '2026-07-01T00:00:00.000Z' })] },
  untrusted: { trust: { authorized: false, error: 'UNABLE_TO_VERIFY_LEAF_SIGNATURE', store: 'bundled+extra', extraRootsLabel: 'simulator-ca.pem' } },
  'hostname-mismatch': { hostnameMatch: false, hostnameError: "Host: shop.example.com. is not in the cert's altnames: DNS:saas.example", chain: [leaf({ subjectAltNames: ['saas.example'] })] },
  'unexpected-certificate': { chain: [leaf({ serialNumber: 'FFEE' })] },
  expiring: { chain: [leaf({ validTo: '2026-06-10T00:00:00.000Z', daysLeft: 9 })] },
  ok: {},
};

function failed(verdict: Verdict): ProbeResult {
  const overrides = failures[verdict];
  const noHandshake = overrides.error !== undefined;
  return probeResult({ ...(noHandshake ? { chain: [], tls: null, trust: null, hostnameMatch: null, timings: { dnsMs: 1, connectMs: null, tlsMs: null, totalMs: 5 } } : {}), ...overrides });
}

describe('the probe results document', () => {
  for (const verdict of VERDICT_ORDER) {
    it(`puts the verdict first for ${verdict}, with its reasons`, () => {
      const document = buildProbeDocument(run([judged(failed(verdict))]));
      assert.ok(isPanelDocument(document), 'passes the protocol guard');
      const callout = firstCallout(document);
      assert.equal(document.status?.tone, verdict === 'ok' ? 'ok' : verdict === 'expiring' || verdict === 'unexpected-certificate' ? 'warning' : 'error');
      assert.equal(callout.tone, document.status?.tone);
      assert.ok(callout.lines.length > 0, 'reasons');
      if (verdict !== 'ok') assert.notEqual(document.status?.label, 'OK');
    });
  }

  it('compares field by field with the API and tones only the mismatches as errors', () => {
    const document = buildProbeDocument(run([judged(probeResult({ chain: [leaf({ serialNumber: 'FFEE' })] }))]));
    const comparison = table(document, /^Compared with the API/);
    assert.deepEqual(comparison.columns, ['Field', 'API says', 'Served']);
    const tones = Object.fromEntries(comparison.rows.map((row): [string, string | undefined] => [row[0]?.text ?? '', row[2]?.tone]));
    assert.deepEqual(tones, { Names: 'ok', 'Serial number': 'error', Issuer: 'ok', Expires: 'ok' });
    assert.equal(document.status?.label, 'Unexpected certificate');
  });

  it('says why nothing is compared for a name no object covers', () => {
    const result = probeResult();
    const document = buildProbeDocument(run([{ planned: planned({ expected: [] }), result, comparison: [] }], { ref: undefined }));
    assert.match(table(document, /^Compared with the API/).empty ?? '', /no certificate object loaded .* covers this name/);
    assert.equal(firstCallout(document).title, 'A trusted certificate covering the name is served', 'not "the expected one": nothing was compared');
    assert.ok(!document.actions.some((action) => action.id === ProbeActions.showDetails), 'no object, no Show Details');
  });

  it('shows the chain, timings, TLS and DNS of one name, and explains an object not yet active', () => {
    const result = probeResult({ hostnameMatch: false, chain: [leaf({ subjectAltNames: ['tenantly.app', '*.tenantly.app'] })] });
    const judgement = judgeAgainstApi(result, [{ ...expectedShop, status: 'pending_validation', statusLabel: 'Pending Validation' }], { warningDays: 30 });
    const document = buildProbeDocument(run([outcome(judgement.result, { comparison: judgement.rows, ...(judgement.expected ? { expected: judgement.expected } : {}) })]));
    assert.match(firstCallout(document).lines.join(' '), /status Pending Validation, not Active/);
    assert.deepEqual(table(document, /^Chain as served$/).columns, ['Subject', 'Issuer', 'Serial', 'Key', 'Valid', 'Days left']);
    assert.equal(table(document, /^Chain as served$/).rows.length, result.chain.length);
    const titles = document.blocks.map((block) => ('title' in block ? block.title : ''));
    for (const title of ['Timings', 'TLS', 'DNS', 'Raw result (JSON)']) assert.ok(titles.includes(title), `${title} in ${titles.join(', ')}`);
    assert.deepEqual(document.actions.map((action) => action.id), ['probeAgain', 'copyJson', 'copyOpenssl', 'openServedChain', 'showDetails']);
  });

  it('shows a zone or pack as a matrix of names, worst first, with the differences from the API', () => {
    const names = ['a.example.com', 'b.example.com', 'c.example.com'];
    const pack = { ...expectedShop, hosts: names };
    const outcomes = [
      judged(probeResult({ servername: names[0], servernameUnicode: names[0] as string, chain: [leaf({ subjectAltNames: names })] }), pack),
      judged(failed('timeout'), pack),
      judged(probeResult({ servername: names[2], servernameUnicode: names[2] as string, chain: [leaf({ serialNumber: 'FFEE', subjectAltNames: names })] }), pack),
    ];
    const document = buildProbeDocument(run(outcomes, { title: 'Probe all in example.com', source: { kind: 'zone', account: 'acc', zone: 'z1' }, ref: undefined, skipped: ['*.example.com'] }));
    const callout = firstCallout(document);
    assert.equal(callout.title, '3 probed: 1 timeout, 1 unexpected certificate, 1 OK');
    assert.match(callout.lines.join('\n'), /\*\.example\.com/);
    const matrix = table(document, /^Names$/);
    assert.deepEqual(matrix.columns.slice(0, 4), ['Name', 'Verdict', 'Served serial', 'Days left']);
    assert.deepEqual(matrix.rows.map((row) => row[1]?.text), ['Timeout', 'Unexpected certificate', 'OK']);
    assert.deepEqual(matrix.rows.map((row) => row[2]?.text), ['timeout', 'FFEE', '0A1B2C']);
    assert.deepEqual(matrix.rows.map((row) => row[4]?.text), ['Custom hostname, Active', 'Custom hostname, Active', 'Custom hostname, Active'], 'the object judged against, with its API status');
    const differences = table(document, /^Differences from the API$/);
    assert.deepEqual(differences.rows.map((row) => [row[0]?.text, row[1]?.text]), [['c.example.com', 'Serial number']]);
    assert.equal(document.status?.label, 'Timeout');
  });

  it('says a run was cancelled and how far it got', () => {
    const cancelled = { ...run([judged(probeResult())], { source: { kind: 'zone', account: 'acc', zone: 'z1' } }), cancelled: { done: 1, total: 40 } };
    const document = buildProbeDocument(cancelled);
    assert.match(document.note ?? '', /cancelled after 1 of 40/);
    assert.match(firstCallout(document).lines[0] ?? '', /Cancelled after 1 of 40 names/);
  });

  it('keeps hostile strings from certificates and DNS as text, and caps them', () => {
    for (const hostile of hostileStrings) {
      const result = probeResult({
        reasons: [hostile],
        hostnameError: hostile,
        chain: [leaf({ subject: `CN=${hostile}`, issuer: hostile, subjectAltNames: [hostile], serialNumber: hostile })],
        dns: { connect: { name: hostile, cnameChain: [hostile], a: [hostile], aaaa: [], error: { code: hostile, message: hostile }, ms: 1 }, servername: null },
      });
      const document = buildProbeDocument(run([judged(result)]));
      const markup = renderDocument(document);
      assert.equal(strayAngles(markup), 0);
      const tags = new Set(scanTags(markup).map((tag) => tag.name));
      assert.ok(!tags.has('script') && !tags.has('img') && !tags.has('a'), [...tags].join(','));
      assert.ok(!scanTags(markup).some((tag) => tag.attributes.some((attribute) => attribute.startsWith('on'))));
      assert.ok(JSON.stringify(document).length < 200_000, 'long strings are capped');
    }
  });

  it('gives the lifecycle panel a compact table of the last probe per name', () => {
    const [block] = lastProbeBlocks([probeResult(), judged(failed('timeout')).result], { format: () => 'at noon' });
    assert.ok(block?.kind === 'table');
    assert.deepEqual(block.columns, ['Name', 'Verdict', 'Served serial', 'Days left', 'Probed']);
    assert.deepEqual(block.rows.map((row) => row.map((cell) => cell.text)), [
      ['shop.example.com', 'OK', '0A1B2C', '90', 'at noon'],
      ['shop.example.com', 'Timeout', 'timeout', '—', 'at noon'],
    ]);
    const [empty] = lastProbeBlocks([]);
    assert.ok(empty?.kind === 'table' && empty.rows.length === 0 && (empty.empty ?? '').length > 0);
  });
});
