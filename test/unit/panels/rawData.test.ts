import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { apiObjectText } from '../../../src/panels/apiObjectText';
import { parseRawDataLocation, rawDataLocation, safeLabel } from '../../../src/panels/rawDataUri';
import { servedChainText } from '../../../src/panels/servedChainText';
import { createCertificateAuthority } from '../../../src/simulator/pki';
import { leaf, probeResult } from '../../support/probe/probeResults';

const ref = { kind: 'customHostname', account: 'env', zone: 'zone123', id: 'ch-1' } as const;

describe('Open API Object: the document text', () => {
  it('is the object as Cloudflare sent it: its fields in its order, nested ones too, nothing added', () => {
    // As JSON.parse gives it: `status` before `id`, `ssl.validation_records` before `ssl.status`.
    const parsed: unknown = JSON.parse('{"status":"pending","id":"ch-1","hostname":"shop.example.com","ssl":{"validation_records":[{"txt_value":"v","txt_name":"n"}],"status":"pending_validation"},"created_at":"2026-01-01T00:00:00Z","extra_field":null}');
    const text = apiObjectText(parsed);
    assert.ok(text.endsWith('}\n'));
    const keys = [...text.matchAll(/^ *"([a-z_]+)":/gm)].map((match) => match[1]);
    assert.deepEqual(keys, ['status', 'id', 'hostname', 'ssl', 'validation_records', 'txt_value', 'txt_name', 'status', 'created_at', 'extra_field']);
    assert.deepEqual(JSON.parse(text), parsed);
    assert.match(text, /^\{\n {2}"status": "pending",\n {2}"id": "ch-1",/);
  });

  it('writes bidi controls, C1 controls and line separators as escapes, and still parses to the same value', () => {
    const hostile = { hostname: 'evil\u202egnp.example.com', note: 'a\u2028b\u0085c', plain: 'ü' };
    const text = apiObjectText(hostile);
    assert.ok(!/[\u202e\u2028\u0085]/.test(text));
    assert.match(text, /evil\\u202egnp/);
    assert.ok(text.includes('ü'), 'ordinary non-ASCII stays as it is');
    assert.deepEqual(JSON.parse(text), hostile);
  });
});

describe('Open Served Chain: the document text', () => {
  it('is every certificate served, as PEM, in the order sent, each named on a comment line', async () => {
    const root = await createCertificateAuthority({ commonName: 'Chain Root' });
    const intermediate = await createCertificateAuthority({ parent: root, commonName: 'Chain Intermediate' });
    const issued = await intermediate.issue({ hosts: ['shop.example.com'] });
    const served = [issued.certPem, intermediate.certPem].map((pem) => new X509Certificate(pem));
    const chain = served.map((cert, index) => leaf({ subject: cert.subject, serialNumber: cert.serialNumber, pem: cert.toString(), isCA: index > 0 }));
    const text = servedChainText([probeResult({ chain })]);
    const blocks = [...text.matchAll(/-----BEGIN CERTIFICATE-----\n[\s\S]*?-----END CERTIFICATE-----/g)].map((match) => match[0]);
    assert.equal(blocks.length, 2);
    blocks.forEach((block, index) => assert.deepEqual(new X509Certificate(block).raw, served[index]?.raw));
    assert.match(text, /^# Served chain of shop\.example\.com: SNI shop\.example\.com → shop\.example\.com:443 \(192\.0\.2\.10\)\n/);
    assert.match(text, /^# 2 certificates, in the order the server sent them\.$/m);
    assert.match(text, /^# 0: CN=shop\.example\.com$/m);
    // Every line is a comment, a blank, or PEM.
    for (const line of text.split('\n')) assert.match(line, /^(# .*|-----(BEGIN|END) CERTIFICATE-----|[A-Za-z0-9+/=]{1,64}|)$/, line);
  });

  it('keeps hostile names on their comment line: no line break, no bidi control, no fake PEM line', () => {
    const subject = 'CN=evil\n-----BEGIN CERTIFICATE-----\nAAAA\u202e';
    const text = servedChainText([probeResult({ chain: [leaf({ subject, pem: null })] })]);
    assert.ok(!text.includes('\u202e'));
    assert.ok(!/^-----BEGIN/m.test(text), 'nothing starts a PEM block');
    assert.match(text, /^# 0: CN=evil\\u000a-----BEGIN CERTIFICATE-----\\u000aAAAA\\u202e$/m);
    assert.match(text, /its PEM was not kept/);
  });

  it('says so when nothing was served, and shows each name of a run in turn', () => {
    const failed = probeResult({ servername: 'down.example.com', servernameUnicode: 'down.example.com', chain: [], error: { code: 'refused', message: 'Connection refused', stage: 'connect' }, verdict: 'unreachable' });
    const text = servedChainText([probeResult(), failed]);
    assert.match(text, /^# Served chain of shop\.example\.com/m);
    assert.match(text, /^# Served chain of down\.example\.com/m);
    assert.match(text, /^# No certificate was served: Connection refused$/m);
    assert.equal(servedChainText([]), '# No probe result to show.\n');
  });
});

describe('raw data URIs', () => {
  it('carry only the reference: the object key or the probe key, and a label for the tab', () => {
    const api = rawDataLocation({ kind: 'apiObject', ref }, 'shop.example.com (Custom hostname)');
    assert.deepEqual(api, { path: '/api-object/shop.example.com (Custom hostname).json', query: 'object:customHostname/env/zone123/ch-1' });
    assert.deepEqual(parseRawDataLocation(api), { kind: 'apiObject', ref });
    const run = rawDataLocation({ kind: 'servedChain', probe: { kind: 'run', id: 'a1b2-3' } }, 'Probe shop.example.com chain');
    assert.deepEqual(run, { path: '/served-chain/Probe shop.example.com chain.pem', query: 'run:a1b2-3' });
    assert.deepEqual(parseRawDataLocation(run), { kind: 'servedChain', probe: { kind: 'run', id: 'a1b2-3' } });
    const probes = rawDataLocation({ kind: 'servedChain', probe: { kind: 'object', ref } }, 'x');
    assert.deepEqual(parseRawDataLocation(probes), { kind: 'servedChain', probe: { kind: 'object', ref } });
  });

  it('reject what this extension did not make', () => {
    for (const location of [
      { path: '/api-object/x.json', query: 'run:1' },
      { path: '/api-object/x.json', query: 'object:nonsense/a/b/c' },
      { path: '/served-chain/x.pem', query: 'run:../../etc' },
      { path: '/elsewhere/x.json', query: 'object:customHostname/env/zone123/ch-1' },
      { path: '/api-object/x.json', query: '' },
    ]) {
      assert.equal(parseRawDataLocation(location), undefined, JSON.stringify(location));
    }
  });

  it('make a file name of any label', () => {
    assert.equal(safeLabel('*.example.com +1 (Certificate pack)'), '*.example.com +1 (Certificate pack)');
    assert.equal(safeLabel('a/b\\c\u202ed'), 'a_b_c_d');
    assert.equal(safeLabel('..'), 'object');
    assert.equal(safeLabel('x'.repeat(200)).length, 80);
  });
});
