import assert from 'node:assert/strict';
import { normalizeHost, ProbeError, resolveProbeTarget } from '../../../src/probe';

function rejectsInput(run: () => unknown, pattern: RegExp): void {
  assert.throws(run, (error: unknown) => error instanceof ProbeError && error.code === 'invalid-input' && error.stage === 'input' && pattern.test(error.message));
}

describe('normalizeHost', () => {
  it('accepts the shapes users paste', () => {
    assert.deepEqual(normalizeHost('app.example.com'), { host: 'app.example.com', unicode: 'app.example.com', ipVersion: 0 });
    assert.deepEqual(normalizeHost('app.example.com:8443'), { host: 'app.example.com', unicode: 'app.example.com', ipVersion: 0, port: 8443 });
    assert.deepEqual(normalizeHost('https://App.Example.com/path?q=1'), { host: 'app.example.com', unicode: 'app.example.com', ipVersion: 0 });
    assert.deepEqual(normalizeHost('https://app.example.com:8443/'), { host: 'app.example.com', unicode: 'app.example.com', ipVersion: 0, port: 8443 });
    assert.deepEqual(normalizeHost('app.example.com/login'), { host: 'app.example.com', unicode: 'app.example.com', ipVersion: 0 });
    assert.deepEqual(normalizeHost('[2001:db8::1]:8443'), { host: '2001:db8::1', unicode: '2001:db8::1', ipVersion: 6, port: 8443 });
    assert.deepEqual(normalizeHost('2001:DB8::1'), { host: '2001:db8::1', unicode: '2001:db8::1', ipVersion: 6 });
    assert.deepEqual(normalizeHost('[::1]'), { host: '::1', unicode: '::1', ipVersion: 6 });
    assert.deepEqual(normalizeHost('192.0.2.10:443'), { host: '192.0.2.10', unicode: '192.0.2.10', ipVersion: 4, port: 443 });
    assert.deepEqual(normalizeHost('  APP.Example.COM.  '), { host: 'app.example.com', unicode: 'app.example.com', ipVersion: 0 });
  });

  it('turns IDN names into punycode and keeps the Unicode form to show', () => {
    assert.deepEqual(normalizeHost('Bücher.example'), { host: 'xn--bcher-kva.example', unicode: 'bücher.example', ipVersion: 0 });
    assert.deepEqual(normalizeHost('xn--bcher-kva.example'), { host: 'xn--bcher-kva.example', unicode: 'bücher.example', ipVersion: 0 });
    assert.equal(normalizeHost('https://bücher.example/').host, 'xn--bcher-kva.example');
  });

  it('rejects bad input with a clear reason', () => {
    rejectsInput(() => normalizeHost(''), /empty/);
    rejectsInput(() => normalizeHost('   '), /empty/);
    rejectsInput(() => normalizeHost('app example.com'), /spaces/);
    rejectsInput(() => normalizeHost('app.example.com:0'), /port 0 is outside/);
    rejectsInput(() => normalizeHost('app.example.com:65536'), /port 65536 is outside/);
    rejectsInput(() => normalizeHost('app.example.com:70000'), /outside/);
    rejectsInput(() => normalizeHost('app.example.com:https'), /not a number/);
    rejectsInput(() => normalizeHost('[2001:db8::1]:0'), /outside/);
    rejectsInput(() => normalizeHost('192.0.2.256'), /not a valid IPv4/);
    rejectsInput(() => normalizeHost('192.0.2'), /not a valid IPv4/);
    rejectsInput(() => normalizeHost('[2001:db8::zz]:443'), /not an IPv6/);
    rejectsInput(() => normalizeHost('2001:db8:::1'), /not an IPv6/);
    rejectsInput(() => normalizeHost('[192.0.2.1]'), /not an IPv6/);
    rejectsInput(() => normalizeHost('[::1'), /unclosed/);
    rejectsInput(() => normalizeHost('*.example.com'), /wildcard/);
    rejectsInput(() => normalizeHost('a..example.com'), /empty label/);
    rejectsInput(() => normalizeHost('-bad.example.com'), /host name/);
    rejectsInput(() => normalizeHost(`${'a'.repeat(64)}.example.com`), /label too long/);
    rejectsInput(() => normalizeHost('https://1.2.3.999/'), /not a valid URL/);
  });

  it('rejects a URL with credentials without echoing them', () => {
    for (const input of ['https://admin:hunter2@app.example.com/', 'admin:hunter2@app.example.com']) {
      assert.throws(
        () => normalizeHost(input),
        (error: unknown) => error instanceof ProbeError && error.code === 'invalid-input' && /credentials/.test(error.message) && !error.message.includes('hunter2'),
      );
    }
  });
});

describe('resolveProbeTarget', () => {
  it('connects to the servername by default, on 443', () => {
    const target = resolveProbeTarget({ servername: 'app.example.com' });
    assert.deepEqual([target.connect.host, target.port, target.sni, target.distinctConnect], ['app.example.com', 443, 'app.example.com', false]);
  });

  it('lets a port in the connect target win over --port, and --port over the default', () => {
    assert.equal(resolveProbeTarget({ servername: 'app.example.com', connect: 'edge.example.net:8443', port: 9443 }).port, 8443);
    assert.equal(resolveProbeTarget({ servername: 'app.example.com', connect: 'edge.example.net', port: 9443 }).port, 9443);
    assert.equal(resolveProbeTarget({ servername: 'app.example.com:7443' }).port, 7443);
    assert.equal(resolveProbeTarget({ servername: 'app.example.com', port: 9443 }).port, 9443);
  });

  it('keeps the name as SNI when connecting elsewhere (pre-DNS), and sends none for an IP literal', () => {
    const preDns = resolveProbeTarget({ servername: 'app.example.com', connect: '192.0.2.1' });
    assert.deepEqual([preDns.sni, preDns.connect.host, preDns.distinctConnect], ['app.example.com', '192.0.2.1', true]);
    assert.equal(resolveProbeTarget({ servername: '192.0.2.1' }).sni, null);
    assert.equal(resolveProbeTarget({ servername: '[2001:db8::1]:443' }).sni, null);
    assert.equal(resolveProbeTarget({ servername: 'app.example.com', sni: false }).sni, null);
  });

  it('rejects a port out of range and an address of the wrong family', () => {
    rejectsInput(() => resolveProbeTarget({ servername: 'app.example.com', port: 0 }), /outside/);
    rejectsInput(() => resolveProbeTarget({ servername: 'app.example.com', port: 65536 }), /outside/);
    rejectsInput(() => resolveProbeTarget({ servername: 'app.example.com', connect: '192.0.2.1', family: 6 }), /not IPv6/);
    rejectsInput(() => resolveProbeTarget({ servername: 'app.example.com', address: 'edge' }), /not an IP/);
  });
});
