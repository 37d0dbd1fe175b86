import * as assert from 'node:assert/strict';
import { CloudflareClient, type CertificatePack, type CustomHostname } from '../../../src/cloudflare';
import { systemClock } from '../../../src/shared/clock';
import { ExplorerModel } from '../../../src/explorer/explorerModel';
import { objectKey } from '../../../src/domain/objectRef';
import { TransitionHistory } from '../../../src/explorer/transitionHistory';
import { detectTransitions, type ObjectsLoaded } from '../../../src/explorer/statusChanges';
import { silentLogger } from '../../../src/shared/logger';
import { clientCertificate, customCertificate, hostname, pack, zone } from '../../support/builders';
import { literalAccount, serveRoute, type LiteralZone } from '../../support/cloudflare/literalAccount';
import type { HttpTestServer } from '../../support/servers/httpTestServer';
import { literalToken, tokenAccount } from '../../support/explorer/explorerHarness';

/** Changed in place by the tests below: the stand-in API reads them on every request. */
const acmePacks: CertificatePack[] = [pack(1, { hosts: ['acme.com', '*.acme.com'] }), pack(2, { type: 'advanced', hosts: ['acme.com', 'shop.acme.com'] })];
const tenantlyHostnames: CustomHostname[] = [
  hostname(1, { hostname: 'shop.customer-one.com' }),
  hostname(2, { hostname: 'docs.initech.com', status: 'pending', ssl: { id: '20000000-0000-4000-8000-000000000002', status: 'pending_validation', method: 'txt', type: 'dv' } }),
];
const acme = zone(1, { name: 'acme.com' });
const tenantly = zone(2, { name: 'tenantly.app' });
const zones: readonly LiteralZone[] = [
  { zone: acme, packs: acmePacks, customCertificates: [customCertificate(1, { hosts: ['checkout.acme.com'] })], clientCertificates: [clientCertificate(1)] },
  { zone: tenantly, packs: [pack(3, { hosts: ['tenantly.app', '*.tenantly.app'] })], customHostnames: tenantlyHostnames },
  { zone: zone(3, { name: 'blog.example' }), packs: [pack(4, { hosts: ['blog.example', '*.blog.example'] })] },
];
/** Two packs, an upload and a client certificate; a pack and two hostnames; a pack. */
const objectCount = 8;

describe('Explorer model reports loaded objects for transitions', () => {
  let server: HttpTestServer & { readonly baseUrl: string };
  let client: CloudflareClient;
  let model: ExplorerModel;
  let changes: ObjectsLoaded[];
  const history = new TransitionHistory();

  before(async () => {
    server = await serveRoute(literalAccount(zones));
    const account = tokenAccount(literalToken);
    client = new CloudflareClient({ baseUrl: server.baseUrl, credentials: account.credentials, rateBudget: false, retries: { max: 0 } });
    changes = [];
    model = new ExplorerModel({
      listProfiles: () => [account.profile],
      clientFor: () => Promise.resolve(client),
      clock: systemClock,
      logger: silentLogger,
      onDidChange: () => undefined,
      onObjectsLoaded: (change) => {
        changes.push(change);
        history.record(detectTransitions(change, Date.now()));
      },
    });
    await model.loadZones('test');
    await model.whenIdle();
  });

  after(async () => {
    model.dispose();
    await client.close();
    await server.close();
  });

  it('reports details and hostnames of every prefetched zone, first seen', () => {
    const reported = new Set(changes.map((change) => change.zone));
    assert.equal(reported.size, zones.length);
    assert.ok(changes.some((change) => change.part === 'details' && change.before === undefined));
    assert.ok(changes.some((change) => change.part === 'hostnames' && change.before === undefined));
    assert.equal(history.keys().length, objectCount, `${history.keys().length} objects in history`);
  });

  it('reports a status change on the next refresh, with what was loaded before', async () => {
    const state = model.zone('test', tenantly.id);
    assert.ok(state?.details.status === 'ready' && state.hostnames.status === 'ready' && state.hostnames.value.items.length > 0, 'a zone with custom hostnames');
    const loaded = state.hostnames.value.items[0];
    assert.ok(loaded);
    const [served] = tenantlyHostnames;
    assert.equal(loaded.id, served?.id);
    const to = 'moved';
    tenantlyHostnames[0] = { ...loaded, status: to };
    changes.length = 0;
    await model.refresh();
    await model.whenIdle();
    const reported = changes.filter((change) => change.zone === tenantly.id && change.part === 'hostnames');
    assert.ok(reported.length > 0);
    const found = reported.flatMap((change) => detectTransitions(change, 1)).filter((transition) => transition.ref.id === loaded.id);
    assert.deepEqual(found.map((transition) => `${transition.field} ${transition.from}>${transition.to}`), [`status active>${to}`]);
    const key = objectKey({ account: 'test', zone: tenantly.id, kind: 'customHostname', id: loaded.id });
    assert.deepEqual(history.of(key).filter((entry) => entry.field === 'status').map((entry) => entry.to), ['active', to]);
  });

  it('reports an object replaced after a write', async () => {
    const timedOut = 'validation_timed_out';
    const state = model.zone('test', acme.id);
    const loaded = state?.details.status === 'ready' ? state.details.value.certificatePacks?.find((candidate) => candidate.id === acmePacks[0]?.id) : undefined;
    assert.ok(state && loaded);
    assert.equal(loaded.status, 'active');
    changes.length = 0;
    acmePacks[0] = { ...loaded, status: timedOut };
    await model.refreshObject({ account: 'test', zone: acme.id, kind: 'certificatePack', id: loaded.id });
    assert.equal(changes.length, 1);
    const [change] = changes;
    assert.ok(change);
    assert.deepEqual(detectTransitions(change, 1).map((transition) => `${transition.ref.id} ${transition.from}>${transition.to}`), [`${loaded.id} active>${timedOut}`]);
  });
});
