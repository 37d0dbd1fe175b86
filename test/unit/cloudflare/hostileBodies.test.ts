import * as assert from 'node:assert/strict';
import { runCli } from '../../../src/cli/main';
import { CloudflareApiError, CloudflareClient, type ClientOptions } from '../../../src/cloudflare';
import { captureIo } from '../../support/cliIo';
import { expandAll, explorerOver, tokenAccount } from '../../support/explorer/explorerHarness';
import { type HostileApi, type HostileMode, startHostileApi } from '../../support/hostile/hostileApi';

const token = 'hostile-bodies-test-token-0123456789';
const zonesRoute = /^GET \/zones$/;
const MiB = 1024 ** 2;

async function listZonesError(api: HostileApi, options: Partial<ClientOptions> = {}): Promise<{ error: CloudflareApiError; bytes: number }> {
  const client = new CloudflareClient({ baseUrl: api.baseUrl, credentials: { kind: 'token', token }, rateBudget: false, retries: { max: 0 }, ...options });
  try {
    const error = await client.listZones().then(
      () => assert.fail('listing zones should fail'),
      (reason: unknown) => reason,
    );
    assert.ok(CloudflareApiError.is(error), `a typed error, not ${String(error)}`);
    return { error, bytes: client.stats.bytesReceived };
  } finally {
    await client.close();
  }
}

describe('bodies and nesting from a hostile API', () => {
  let api: HostileApi | undefined;
  const start = async (mode: HostileMode): Promise<HostileApi> => (api = await startHostileApi(mode, zonesRoute));

  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('refuses a 2 GiB Content-Length before reading any of it', async () => {
    const { error, bytes } = await listZonesError(await start({ kind: 'hugeContentLength' }));
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /larger than the 16 MB this client reads \(it announces 2048 MB\)/);
    assert.equal(bytes, 0);
  });

  it('stops an endless body at the cap: bytes read stay within one chunk of it', async () => {
    const { error, bytes } = await listZonesError(await start({ kind: 'endlessBody' }), { maxResponseBytes: 1 * MiB });
    assert.equal(error.code, 'bad_response');
    assert.match(error.message, /went on past it/);
    assert.ok(bytes > 1 * MiB && bytes <= 1 * MiB + 256 * 1024, `read ${bytes} bytes`);
  });

  it('ends cfcerts inventory on an endless body with a clear error at the 16 MB default', async () => {
    const hostile = await start({ kind: 'endlessBody' });
    const io = captureIo({ CLOUDFLARE_API_TOKEN: token });
    const code = await runCli(['inventory', '--api-base', hostile.baseUrl], io);
    assert.equal(code, 1);
    assert.match(io.err.join(''), /larger than the 16 MB this client reads/);
    // What the server got into the socket bounds what the CLI could have read (kernel buffers aside).
    assert.ok(hostile.bytesSent() < 48 * MiB, `the server sent ${hostile.bytesSent()} bytes`);
  });

  it('shows the endless body as an error in the explorer, not a dead extension host', async () => {
    const hostile = await start({ kind: 'endlessBody' });
    const explorer = explorerOver(hostile.baseUrl, [tokenAccount(token)]);
    try {
      const shown = JSON.stringify((await expandAll(explorer.model)).map((item) => item.label));
      assert.match(shown, /larger than the 16 MB this client reads/);
    } finally {
      await explorer.close();
    }
  });

  it('turns an error_chain nested 100,000 deep into a typed error, not a stack overflow', async () => {
    const { error } = await listZonesError(await start({ kind: 'deepNesting', depth: 100_000 }));
    assert.equal(error.code, 'bad_request');
    assert.equal(error.status, 400);
  });
});
