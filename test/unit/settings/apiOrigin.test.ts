import * as assert from 'node:assert/strict';
import { credentialRelease, isLoopbackHost, nonCloudflareApiHost } from '../../../src/settings/apiOrigin';

describe('credentialRelease: which API servers receive credentials', () => {
  const none = {};

  it("sends to Cloudflare's API without asking", () => {
    assert.deepEqual(credentialRelease('https://api.cloudflare.com/client/v4', none), { kind: 'send', origin: 'https://api.cloudflare.com' });
  });

  it('sends to this machine without asking, over http too', () => {
    for (const url of ['http://127.0.0.1:8787/client/v4', 'http://127.9.8.7/client/v4', 'http://localhost:1/x', 'http://[::1]:9977/client/v4', 'https://LOCALHOST/client/v4', 'http://127.1/client/v4']) {
      assert.equal(credentialRelease(url, none).kind, 'send', url);
    }
  });

  it('asks, naming the origin, before credentials go to any other https server', () => {
    assert.deepEqual(credentialRelease('https://gateway.example.com:8443/client/v4', none), { kind: 'ask', origin: 'https://gateway.example.com:8443' });
    // Look-alikes of Cloudflare's API or of loopback are other servers.
    for (const url of ['https://api.cloudflare.com.evil.example/client/v4', 'https://api.cloudflare.com:8443/client/v4', 'https://127.0.0.1.nip.io/client/v4', 'https://localhost.evil.example/']) {
      assert.equal(credentialRelease(url, none).kind, 'ask', url);
    }
  });

  it('keeps to the answer the user gave for that origin, and only that one', () => {
    const answers = { 'https://gateway.example.com': 'allow', 'https://other.example': 'deny' } as const;
    assert.equal(credentialRelease('https://gateway.example.com/client/v4', answers).kind, 'send');
    assert.equal(credentialRelease('https://other.example/v4', answers).kind, 'refuse');
    assert.equal(credentialRelease('https://gateway.example.com:444/client/v4', answers).kind, 'ask');
  });

  it('never sends over plain http to another machine, whatever the answers', () => {
    const release = credentialRelease('http://192.0.2.10:9977/client/v4', { 'http://192.0.2.10:9977': 'allow' });
    assert.equal(release.kind, 'refuse');
    assert.match(release.kind === 'refuse' ? release.reason : '', /http:\/\/192\.0\.2\.10:9977.*only for this machine/);
    assert.equal(credentialRelease('http://api.cloudflare.com/client/v4', none).kind, 'refuse');
  });

  it('refuses what is not an http(s) URL', () => {
    assert.equal(credentialRelease('ftp://example.com/', none).kind, 'refuse');
    assert.equal(credentialRelease('not a url', none).kind, 'refuse');
  });

  it('ignores answers inherited from Object.prototype', () => {
    assert.equal(credentialRelease('https://constructor/', none).kind, 'ask');
  });
});

describe('isLoopbackHost', () => {
  it('knows 127.0.0.0/8, ::1 and localhost, nothing else', () => {
    for (const host of ['127.0.0.1', '127.255.255.254', '[::1]', 'localhost']) assert.equal(isLoopbackHost(host), true, host);
    for (const host of ['128.0.0.1', '127.0.0.256', '10.0.0.1', 'localhost.example', '[::2]', '0.0.0.0']) assert.equal(isLoopbackHost(host), false, host);
  });
});

describe('nonCloudflareApiHost: what the view header names', () => {
  it("names any server but Cloudflare's", () => {
    assert.equal(nonCloudflareApiHost('https://api.cloudflare.com/client/v4'), undefined);
    assert.equal(nonCloudflareApiHost('http://127.0.0.1:8787/client/v4'), '127.0.0.1:8787');
  });
});
