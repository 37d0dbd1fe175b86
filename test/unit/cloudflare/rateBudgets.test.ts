import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CloudflareClient, type Credentials, RateBudget, RateBudgets, rateBudgetIdentity } from '../../../src/cloudflare';
import { MemoryLogger, silentLogger } from '../../../src/shared/logger';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { acmeAccountId, demoGlobalKey, demoTokens } from '../../support/simulator/demoTokens';

describe('Whose rate budget a request counts in', () => {
  let simulator: RunningSimulator;
  let directory: string;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
  });

  after(() => simulator.close());

  beforeEach(() => {
    directory = fs.mkdtempSync(path.join(os.tmpdir(), 'cfcerts-budgets-'));
  });

  afterEach(() => fs.rmSync(directory, { recursive: true, force: true }));

  const unpaced = (credentials: Credentials, baseUrl: string): CloudflareClient => new CloudflareClient({ baseUrl, credentials, rateBudget: false, retries: { max: 0 }, proxy: { env: {} } });

  async function identify(credentials: Credentials, logger = new MemoryLogger()): Promise<{ key: string; logger: MemoryLogger; requests: number }> {
    const client = unpaced(credentials, simulator.apiBaseUrl);
    try {
      const identity = await rateBudgetIdentity(client, credentials, logger);
      return { key: identity.key, logger, requests: client.stats.requests };
    } finally {
      await client.close();
    }
  }

  it('an account token counts for its account, without asking', async () => {
    const found = await identify({ kind: 'token', token: demoTokens.account, accountId: acmeAccountId });
    assert.deepEqual([found.key, found.requests], [`account:${acmeAccountId}`, 0]);
  });

  it('a token that may not read its user counts for itself, and the log says why', async () => {
    const found = await identify({ kind: 'token', token: demoTokens.demo });
    assert.match(found.key, /^token:\S+$/);
    assert.ok(found.logger.entries.some((entry) => /kept per token/.test(entry.message)));
  });

  it('a global key counts for its user', async () => {
    const found = await identify({ kind: 'globalKey', ...demoGlobalKey });
    assert.match(found.key, /^user(-email)?:\S+$/);
  });

  it('new credentials of the same user keep the budget and its count; another window on the same folder sees it', async () => {
    const budgets = new RateBudgets({ directory, logger: silentLogger, unpacedClient: unpaced });
    const first = await budgets.forCredentials({ kind: 'globalKey', ...demoGlobalKey }, simulator.apiBaseUrl);
    assert.ok(first instanceof RateBudget);
    const asked = first.used;
    assert.ok(asked >= 1, 'finding out who counts (GET /user) is charged');
    for (let index = 0; index < 5; index++) await first.acquire();
    // "Update Token…" stores a new key of the same user, forgets the account's client and asks again.
    const again = await budgets.forCredentials({ kind: 'globalKey', email: demoGlobalKey.email, key: 'fedcba9876543210fedcba9876543210fedcb' }, simulator.apiBaseUrl);
    assert.equal(again, first, 'the same budget, not a fresh one');
    assert.ok(again.used >= asked + 5, `the count goes on (${again.used})`);
    const otherWindow = new RateBudgets({ directory, logger: silentLogger, unpacedClient: unpaced });
    const seen = await otherWindow.forCredentials({ kind: 'globalKey', ...demoGlobalKey }, simulator.apiBaseUrl);
    await seen.acquire();
    // This window's block of 20 counts until it is used or given back.
    assert.ok(seen.used >= asked + 20 + 1, `the other window counts this one's grants too (${seen.used})`);
  });
});
