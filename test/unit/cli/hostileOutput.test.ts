import * as assert from 'node:assert/strict';
import type { InventoryJson } from '../../../src/cli/inventoryJson';
import { runCli } from '../../../src/cli/main';
import { terminalField, terminalJson, terminalText } from '../../../src/shared/terminalText';
import { CloudflareApiError, CloudflareClient } from '../../../src/cloudflare';
import { redact } from '../../../src/cloudflare/credentials';
import { MemoryLogger } from '../../../src/shared/logger';
import { maskUrl } from '../../../src/shared/maskUrl';
import { captureIo } from '../../support/cliIo';
import { expandAll, explorerOver, tokenAccount } from '../../support/explorer/explorerHarness';
import { echoedSecretMessage, escapeSequenceMessage, type HostileApi, startHostileApi } from '../../support/hostile/hostileApi';

// Mixed case, so a lower-cased echo differs from the secret itself.
const token = 'AbCdEfGhIjKlMnOpQrStUvWxYz0123456789KLmn';
const zonesRoute = /^GET \/zones$/;
const packsRoute = /^GET \/zones\/[^/]+\/ssl\/certificate_packs$/;

/** Anything that would act on a terminal: C0 but TAB/LF, DEL, C1, bidi controls. */
// eslint-disable-next-line no-control-regex
const acting = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

/** True when `text` holds the secret in any case, or any 12-character run of it. */
function leaks(text: string, secret: string): boolean {
  const lower = text.toLowerCase();
  for (let start = 0; start + 12 <= secret.length; start++) {
    if (lower.includes(secret.slice(start, start + 12).toLowerCase())) return true;
  }
  return false;
}

async function cli(api: HostileApi, args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = captureIo({ CLOUDFLARE_API_TOKEN: token });
  const code = await runCli(['inventory', '--api-base', api.baseUrl, ...args], io);
  return { code, out: io.out.join(''), err: io.err.join('') };
}

describe('what cfcerts prints from a hostile API', () => {
  let api: HostileApi | undefined;

  afterEach(async () => {
    await api?.close();
    api = undefined;
  });

  it('shows escape sequences in an error message as visible \\uXXXX, acting on nothing', async () => {
    api = await startHostileApi({ kind: 'errorBody', status: 403, message: escapeSequenceMessage }, zonesRoute);
    const { code, out, err } = await cli(api, []);
    assert.equal(code, 2);
    assert.doesNotMatch(out + err, acting);
    assert.match(err, /\\u001b\]8;;http:\/\/evil\/\\u0007click/);
    assert.match(err, /\\u202egnp\.exe\\u009b31m\\u000acfcerts inventory: all clear/, 'no forged line either');
  });

  it('keeps every character under --json, escaped as \\uXXXX, and nothing raw', async () => {
    api = await startHostileApi({ kind: 'errorBody', status: 400, message: escapeSequenceMessage }, packsRoute);
    const { code, out, err } = await cli(api, ['--json']);
    assert.equal(code, 1);
    assert.doesNotMatch(out + err, acting);
    const json = JSON.parse(out) as InventoryJson;
    const [error] = json.zones[0]?.errors ?? [];
    assert.equal(error?.collection, 'certificate_packs');
    assert.deepEqual(error.cloudflare_errors, [{ code: 1400, message: escapeSequenceMessage }], 'nothing lost');
    assert.match(out, /\\u202e/);
  });

  it('redacts a secret echoed lower-cased or in part, in the CLI, the client and the explorer', async () => {
    api = await startHostileApi({ kind: 'errorBody', status: 401, message: echoedSecretMessage(token) }, zonesRoute);
    const { code, out, err } = await cli(api, []);
    assert.equal(code, 2);
    assert.match(err, /\[redacted\]/);
    assert.ok(!leaks(out + err, token), err);

    const logger = new MemoryLogger();
    const client = new CloudflareClient({ baseUrl: api.baseUrl, credentials: { kind: 'token', token }, logger, rateBudget: false });
    const failure = await client.listZones().then(
      () => undefined,
      (error: unknown) => error,
    );
    await client.close();
    assert.ok(CloudflareApiError.is(failure));
    assert.ok(!leaks(`${failure.message} ${JSON.stringify(failure.cloudflareErrors)} ${logger.text()}`, token));

    const explorer = explorerOver(api.baseUrl, [tokenAccount(token)]);
    try {
      const items = await expandAll(explorer.model);
      const shown = JSON.stringify(items.map(({ children: _children, ...item }) => item));
      assert.match(shown, /redacted/);
      assert.ok(!leaks(shown, token), shown);
    } finally {
      await explorer.close();
    }
  });
});

describe('the terminal text rule', () => {
  it('escapes what acts and keeps what reads', () => {
    assert.equal(terminalText('a\tb\nc\rd\u001b[2Je\u202ef\u0085'), 'a\tb\nc\\u000dd\\u001b[2Je\\u202ef\\u0085');
    assert.equal(terminalField('a\tb\nc'), 'a\\u0009b\\u000ac');
    assert.equal(terminalText('café → ünïcode'), 'café → ünïcode');
  });

  it('makes JSON that parses back to exactly the input and shows nothing raw', () => {
    const value = { message: escapeSequenceMessage, other: '\u2066x\u2069\u007f\u2028' };
    const text = terminalJson(value);
    assert.doesNotMatch(text, acting);
    assert.deepEqual(JSON.parse(text), value);
  });
});

describe('redaction', () => {
  it('removes case variants and runs of 12 or more characters, and leaves shorter coincidences', () => {
    assert.equal(redact(`x ${token.toUpperCase()} y`, [token]), 'x [redacted] y');
    assert.equal(redact(`x ${token.slice(5, 17)} y`, [token]), 'x [redacted] y');
    assert.equal(redact(`x ${token.slice(5, 16)} y`, [token]), `x ${token.slice(5, 16)} y`, '11 characters stay');
    assert.equal(redact('a short secret: Pa55word!', ['pa55WORD!']), 'a short secret: [redacted]');
  });
});

describe('URLs in logs', () => {
  it('masks credentials, query and fragment, and keeps the path', () => {
    assert.equal(maskUrl('https://user:pass@gw.example.com:8443/client/v4?token=abc#x'), 'https://gw.example.com:8443/client/v4?***#***');
    assert.equal(maskUrl('https://api.cloudflare.com/client/v4'), 'https://api.cloudflare.com/client/v4');
    assert.equal(maskUrl('http://proxy.local:3128'), 'http://proxy.local:3128');
    assert.equal(maskUrl('not a url'), '(unparseable URL)');
  });
});
