import * as assert from 'node:assert/strict';
import { bypasses, CloudflareApiError, CloudflareClient, proxyFor } from '../../../src/cloudflare';
import { MemoryLogger } from '../../../src/shared/logger';
import { type HttpTestServer, type ProxyTestServer, startHttpServer, startProxyServer } from '../../support/servers/httpTestServer';
import { envelope } from '../../support/cloudflare/mockApi';
import { zone } from '../../support/builders';

describe('proxy selection', () => {
  const api = new URL('https://api.cloudflare.com/client/v4');

  it('uses HTTPS_PROXY (or https_proxy) for the https API, and an explicit URL first', () => {
    assert.equal(proxyFor(api, { env: { HTTPS_PROXY: 'http://proxy:3128' } }), 'http://proxy:3128');
    assert.equal(proxyFor(api, { env: { https_proxy: 'http://lower:3128' } }), 'http://lower:3128');
    assert.equal(proxyFor(api, { env: { HTTPS_PROXY: 'http://env:1' }, url: 'http://setting:2' }), 'http://setting:2');
    assert.equal(proxyFor(api, { env: {} }), undefined);
    assert.equal(proxyFor(new URL('http://127.0.0.1:9/'), { env: { HTTPS_PROXY: 'http://proxy:3128' } }), undefined);
  });

  it('bypasses hosts listed in NO_PROXY, curl style', () => {
    assert.equal(bypasses('api.cloudflare.com', '443', 'cloudflare.com'), true);
    assert.equal(bypasses('api.cloudflare.com', '443', '.cloudflare.com'), true);
    assert.equal(bypasses('api.cloudflare.com', '443', '*.cloudflare.com'), true);
    assert.equal(bypasses('api.cloudflare.com', '443', 'notcloudflare.com'), false);
    assert.equal(bypasses('api.cloudflare.com', '443', 'example.com, *'), true);
    assert.equal(bypasses('api.cloudflare.com', '443', 'api.cloudflare.com:8443'), false);
    assert.equal(bypasses('api.cloudflare.com', '443', 'api.cloudflare.com:443'), true);
    assert.equal(bypasses('[::1]', '80', '::1'), true);
    assert.equal(bypasses('::1', '80', '[::1]:80'), true);
    assert.equal(proxyFor(api, { env: { HTTPS_PROXY: 'http://proxy:3128', NO_PROXY: 'localhost,cloudflare.com' } }), undefined);
    assert.equal(proxyFor(api, { env: { HTTPS_PROXY: 'http://proxy:3128' }, noProxy: 'cloudflare.com' }), undefined);
  });
});

describe('proxy over loopback', () => {
  let proxy: ProxyTestServer;
  let target: HttpTestServer;
  const clients: CloudflareClient[] = [];

  beforeEach(async () => {
    proxy = await startProxyServer();
    target = await startHttpServer((_request, response) => {
      response.setHeader('content-type', 'application/json');
      response.end(JSON.stringify(envelope(zone(1))));
    });
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await proxy.close();
    await target.close();
  });

  function client(baseUrl: string, proxyOptions: ConstructorParameters<typeof CloudflareClient>[0]['proxy'], logger = new MemoryLogger()): CloudflareClient {
    const made = new CloudflareClient({ baseUrl, credentials: { kind: 'token', token: 'proxy-test-token-123' }, rateBudget: false, retries: { max: 0 }, proxy: proxyOptions, logger, timeoutMs: 5000 });
    clients.push(made);
    return made;
  }

  it('tunnels the https API through HTTPS_PROXY with CONNECT, from an injected env', async () => {
    const proxyUrl = `http://user:secretpass@127.0.0.1:${proxy.port}`;
    const logger = new MemoryLogger();
    // The loopback proxy refuses every non-loopback target: nothing leaves the machine.
    const error = await client('https://api.cloudflare.com/client/v4', { env: { HTTPS_PROXY: proxyUrl } }, logger)
      .getZone('abc')
      .catch((caught: unknown) => caught);
    assert.ok(CloudflareApiError.is(error));
    assert.equal(error.code, 'network');
    assert.deepEqual(proxy.seen, ['CONNECT api.cloudflare.com:443']);
    assert.match(logger.text(), /using proxy http:\/\/127\.0\.0\.1/);
    assert.ok(!logger.text().includes('secretpass'), 'proxy credentials are not logged');
  });

  it('carries a whole call through the proxy (VS Code http.proxy as proxy.url)', async () => {
    const result = await client(`${target.url}/client/v4`, { url: proxy.url, env: {} }).getZone(zone(1).id);
    assert.equal(result.id, zone(1).id);
    assert.deepEqual(proxy.seen, [`CONNECT 127.0.0.1:${target.port}`]);
  });

  it('connects directly when NO_PROXY lists the host', async () => {
    const result = await client(`${target.url}/client/v4`, { env: { HTTP_PROXY: proxy.url, NO_PROXY: '127.0.0.1' } }).getZone(zone(1).id);
    assert.equal(result.id, zone(1).id);
    assert.deepEqual(proxy.seen, []);
  });
});
