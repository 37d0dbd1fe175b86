import * as assert from 'node:assert/strict';
import { CloudflareApiError, type CloudflareErrorCode } from '../../../src/cloudflare';
import { type RunningSimulator, startSimulator } from '../../../src/simulator';
import { acmeAccountId, acmeZoneId, demoGlobalKey, demoTokens, simulatorClient } from '../../support/simulator/simulatorFixture';

async function failure(call: () => Promise<unknown>): Promise<CloudflareApiError> {
  try {
    await call();
  } catch (error) {
    assert.ok(CloudflareApiError.is(error), `a CloudflareApiError, got ${String(error)}`);
    return error;
  }
  assert.fail('the call should have failed');
}

function assertNoSecret(error: CloudflareApiError, secret: string): void {
  assert.ok(!error.message.includes(secret) && !JSON.stringify(error.cloudflareErrors).includes(secret), 'the credential is not in the error');
}

describe('client against the simulator: authentication and permission errors', () => {
  let sim: RunningSimulator;

  before(async () => {
    sim = await startSimulator({ lifecycle: false });
  });

  after(async () => {
    await sim.close();
  });

  const rejected: ReadonlyArray<readonly [string, string, CloudflareErrorCode, number, number]> = [
    ['an unknown token', demoTokens.unknown, 'invalid_token', 401, 9109],
    ['a disabled token', demoTokens.disabled, 'invalid_token', 401, 9109],
    ['an expired token', demoTokens.expired, 'invalid_token', 401, 9109],
    ['a malformed token', 'not a token', 'invalid_token', 400, 6003],
  ];
  for (const [what, token, code, status, cloudflareCode] of rejected) {
    it(`classifies ${what} on a zone listing as ${code}, keeping Cloudflare's code`, async () => {
      const client = simulatorClient(sim, token);
      try {
        // A token with spaces never leaves the client; the others reach the simulator.
        const error = await failure(() => client.listZones());
        assert.equal(error.code, code);
        if (token !== 'not a token') {
          assert.equal(error.status, status);
          assert.equal(error.cloudflareErrors[0]?.code, cloudflareCode);
        }
        assertNoSecret(error, token);
      } finally {
        await client.close();
      }
    });
  }

  it('sends a malformed bearer value and names the header error (6003 → 6111)', async () => {
    const client = simulatorClient(sim, 'short');
    try {
      const error = await failure(() => client.listZones());
      assert.equal(error.code, 'invalid_token');
      assert.deepEqual(error.cloudflareErrors.map((entry) => entry.code), [6003, 6111]);
    } finally {
      await client.close();
    }
  });

  it('verifies an active token, and reports an expired one as expired_token', async () => {
    const active = simulatorClient(sim, demoTokens.readOnly);
    const expired = simulatorClient(sim, demoTokens.expired);
    try {
      assert.equal((await active.verifyToken()).status, 'active');
      const error = await failure(() => expired.verifyToken());
      assert.ok(['expired_token', 'invalid_token'].includes(error.code), error.code);
    } finally {
      await Promise.all([active.close(), expired.close()]);
    }
  });

  it('names the missing permission when a token lacks SSL and Certificates: Read', async () => {
    const client = simulatorClient(sim, demoTokens.zoneOnly);
    try {
      assert.equal((await client.listZones()).length, 11);
      for (const call of [() => client.listCertificatePacks(acmeZoneId), () => client.listCustomHostnames(acmeZoneId), () => client.listClientCertificates(acmeZoneId), () => client.listCustomCertificates(acmeZoneId), () => client.getFallbackOrigin(acmeZoneId)]) {
        const error = await failure(call);
        assert.equal(error.code, 'missing_permission');
        assert.equal(error.status, 403);
        assert.equal(error.permission, 'SSL and Certificates: Read');
        assert.deepEqual(error.cloudflareErrors, [{ code: 10000, message: 'Authentication error' }]);
      }
    } finally {
      await client.close();
    }
  });

  it('sees only the zones a scoped token covers, and is refused elsewhere', async () => {
    const client = simulatorClient(sim, demoTokens.scoped);
    try {
      assert.deepEqual((await client.listZones()).map((zone) => zone.name), ['tenantly.app']);
      const error = await failure(() => client.listCertificatePacks(acmeZoneId));
      assert.equal(error.code, 'missing_permission');
    } finally {
      await client.close();
    }
  });

  it('verifies an account-owned token under its account and lists only that account', async () => {
    const client = simulatorClient(sim, { kind: 'token', token: demoTokens.account, accountId: acmeAccountId });
    try {
      assert.equal((await client.verifyToken()).status, 'active');
      const zones = await client.listZones({ accountId: acmeAccountId });
      assert.equal(zones.length, 5);
    } finally {
      await client.close();
    }
  });

  // GET /accounts refuses account-owned tokens (1001), so the client reads GET /accounts/{id}:
  // client and simulator must agree on that route.
  it('lists the one account of an account-owned token', async () => {
    const client = simulatorClient(sim, { kind: 'token', token: demoTokens.account, accountId: acmeAccountId });
    try {
      const accounts = await client.listAccounts();
      assert.deepEqual(accounts.map((account) => account.id), [acmeAccountId]);
    } finally {
      await client.close();
    }
  });

  it('refuses to verify an account-owned token without its account ID, before any request', async () => {
    const client = simulatorClient(sim, demoTokens.account);
    try {
      const before = sim.requests;
      const error = await failure(() => client.verifyToken());
      assert.equal(error.code, 'bad_request');
      assert.equal(sim.requests, before);
    } finally {
      await client.close();
    }
  });

  it('accepts a Global API Key with its email, and classifies a malformed email', async () => {
    const good = simulatorClient(sim, { kind: 'globalKey', ...demoGlobalKey });
    const badEmail = simulatorClient(sim, { kind: 'globalKey', email: 'nobody', key: demoGlobalKey.key });
    try {
      assert.equal((await good.verifyToken()).via, 'globalKey');
      assert.equal((await good.listCertificatePacks(acmeZoneId)).length, 25);
      const error = await failure(() => badEmail.listZones());
      assert.equal(error.code, 'invalid_token');
      assert.deepEqual(error.cloudflareErrors.map((entry) => entry.code), [6003, 6102]);
      assertNoSecret(error, demoGlobalKey.key);
    } finally {
      await Promise.all([good.close(), badEmail.close()]);
    }
  });

  it('answers a zone id that names nothing with not_found (7003)', async () => {
    const client = simulatorClient(sim, demoTokens.demo);
    try {
      const error = await failure(() => client.getZone('0123456789abcdef0123456789abcdef'));
      assert.equal(error.code, 'not_found');
      assert.equal(error.cloudflareErrors[0]?.code, 7003);
    } finally {
      await client.close();
    }
  });
});
