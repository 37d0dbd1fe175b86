import * as assert from 'node:assert/strict';
import { CloudflareApiError, CloudflareClient } from '../../../src/cloudflare';
import type { ObjectRef } from '../../../src/domain/objectRef';
import { fetchObject } from '../../../src/explorer/fetchObject';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { objectTarget, onObject } from '../../../src/commands/objectTarget';

describe('fetching one object for its lifecycle panel', () => {
  let simulator: RunningSimulator;
  let client: CloudflareClient;
  let zoneId: string;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    client = new CloudflareClient({ baseUrl: simulator.apiBaseUrl, credentials: { kind: 'token', token: simulator.demoToken }, rateBudget: false, retries: { max: 0 } });
    zoneId = (await client.listZones({ name: 'acme.com' }))[0]?.id ?? '';
  });

  after(async () => {
    await client.close();
    await simulator.close();
  });

  it('reads each kind by its id', async () => {
    const [pack] = await client.listCertificatePacks(zoneId);
    const [custom] = await client.listCustomCertificates(zoneId);
    const [clientCertificate] = await client.listClientCertificates(zoneId);
    const tenantly = (await client.listZones({ name: 'tenantly.app' }))[0]?.id ?? '';
    const [hostname] = await client.listCustomHostnames(tenantly);
    const refs: [ObjectRef, unknown][] = [
      [{ account: 'a', zone: zoneId, kind: 'certificatePack', id: pack?.id ?? '' }, pack],
      [{ account: 'a', zone: zoneId, kind: 'customCertificate', id: custom?.id ?? '' }, custom],
      [{ account: 'a', zone: zoneId, kind: 'clientCertificate', id: clientCertificate?.id ?? '' }, clientCertificate],
      [{ account: 'a', zone: tenantly, kind: 'customHostname', id: hostname?.id ?? '' }, hostname],
    ];
    for (const [ref, listed] of refs) {
      const item = await fetchObject(client, ref);
      assert.equal(item.kind, ref.kind);
      assert.deepEqual(item.object, listed, `${ref.kind} by id is what the list said`);
    }
  });

  it('fails with not_found for an object Cloudflare does not have', async () => {
    await assert.rejects(fetchObject(client, { account: 'a', zone: zoneId, kind: 'clientCertificate', id: 'no-such-certificate' }), (error: unknown) => CloudflareApiError.is(error) && error.code === 'not_found');
  });
});

describe('Show Details target', () => {
  const ref: ObjectRef = { account: 'environment', zone: 'z1', kind: 'customHostname', id: 'h1' };

  it('takes an ObjectRef, or the object of a tree node', () => {
    assert.deepEqual(objectTarget(ref), ref);
    assert.deepEqual(objectTarget({ type: 'pack', account: 'environment', zone: 'z1', pack: { id: 'p1' } }), { account: 'environment', zone: 'z1', kind: 'certificatePack', id: 'p1' });
  });

  it('refuses anything else', () => {
    for (const bad of [undefined, null, 'customHostname/environment/z1/h1', { ...ref, kind: 'zone' }, { ...ref, id: 'a/b' }, { ...ref, id: 5 }, { type: 'zone', account: 'a', zone: 'z' }]) {
      assert.equal(objectTarget(bad), undefined, JSON.stringify(bad));
    }
  });

  it('says so when a tree menu passed no row (it was redrawn meanwhile), rather than doing nothing', async () => {
    const seen: (ObjectRef | undefined)[] = [];
    const command = onObject((target) => {
      seen.push(target);
      return Promise.resolve();
    });
    for (const nothing of [undefined, null]) {
      await assert.rejects(command(nothing), (error: unknown) => error instanceof Error && 'code' in error && error.code === 'row_redrawn' && /Run it again from the row/.test(error.message));
    }
    await command({ type: 'customHostname', account: 'environment', zone: 'z1', hostname: { id: 'h1' } });
    // A copy: deepEqual would narrow `seen` itself to what it holds now.
    assert.deepEqual([...seen], [ref]);
    // Diagnose is also run with nothing on purpose (the walkthrough's link): it says what to choose itself.
    await onObject((target) => {
      seen.push(target);
      return Promise.resolve();
    }, 'handler')(undefined);
    assert.deepEqual(seen, [ref, undefined]);
  });
});
