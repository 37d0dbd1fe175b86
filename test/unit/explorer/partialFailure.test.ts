import * as assert from 'node:assert/strict';
import { badgeOf, statusBarOf, summarize } from '../../../src/explorer/summary';
import { DEFAULT_EXPIRY_THRESHOLDS } from '../../../src/domain/expiry';
import { customCertificate, hostname, malformed, pack, zone } from '../../support/builders';
import { literalAccount, serveRoute, type LiteralZone } from '../../support/cloudflare/literalAccount';
import { expandAll, explorerOver, explorerOverLiteral, literalToken, tokenAccount } from '../../support/explorer/explorerHarness';
import { startFaultSwitch } from '../../support/servers/faultSwitch';

const acmeZone = zone(1, { name: 'acme.com' });
const tenantlyZone = zone(2, { name: 'tenantly.app' });

describe('Explorer model: what is shown survives a partial failure', () => {
  it('keeps a failed collection\'s previous items, marked stale with its error, and says the counts are stale', async () => {
    // Both zones have packs and custom certificates; acme.com has one pack that needs action.
    const zones: readonly LiteralZone[] = [
      {
        zone: acmeZone,
        packs: [
          pack(1, { hosts: ['acme.com', '*.acme.com'] }),
          pack(2, { type: 'advanced', status: 'validation_timed_out', hosts: ['acme.com', 'trial.acme.com'], certificates: [], primary_certificate: null }),
          pack(3, { type: 'advanced', hosts: ['acme.com', 'shop.acme.com'] }),
        ],
        customCertificates: [customCertificate(1, { hosts: ['checkout.acme.com'] }), customCertificate(2, { hosts: ['partners.acme.com'] })],
      },
      { zone: tenantlyZone, packs: [pack(4, { hosts: ['tenantly.app', '*.tenantly.app'] })], customCertificates: [customCertificate(3, { hosts: ['api.tenantly.app'] })] },
    ];
    const server = await serveRoute(literalAccount(zones));
    // The first load goes through; the refresh meets the faults switched on below.
    const faults = await startFaultSwitch(server.baseUrl);
    const explorer = explorerOver(faults.baseUrl, [tokenAccount(literalToken)]);
    const context = { now: Date.now(), thresholds: DEFAULT_EXPIRY_THRESHOLDS };
    try {
      await expandAll(explorer.model);
      const first = explorer.model.zone('test', acmeZone.id);
      assert.ok(first?.details.status === 'ready');
      assert.equal(first.details.value.certificatePacks?.length, 3);
      assert.equal(first.details.value.customCertificates?.length, 2);
      const before = summarize(explorer.model.snapshot(context));
      assert.ok(before.needAction > 0);
      assert.equal(before.staleZones, undefined, 'nothing is stale yet');

      faults.fail(/\/certificate_packs$/, { status: 503 });
      faults.fail(/\/custom_certificates$/, { drop: true });
      await explorer.model.refresh();
      const tree = await expandAll(explorer.model);
      const acme = explorer.model.zone('test', acmeZone.id);
      assert.ok(acme?.details.status === 'ready');
      assert.equal(acme.details.value.certificatePacks?.length, 3, 'the packs are kept');
      assert.equal(acme.details.value.customCertificates?.length, 2, 'the custom certificates are kept');
      assert.deepEqual(
        acme.details.value.errors.map((error) => [error.collection, error.stale]),
        [
          ['certificatePacks', true],
          ['customCertificates', true],
        ],
      );
      const after = summarize(explorer.model.snapshot(context));
      assert.equal(after.needAction, before.needAction, 'an outage does not read as an all-clear');
      assert.equal(after.staleZones, 2);
      assert.match(badgeOf(after)?.tooltip ?? '', /stale data from 2 zones/);
      assert.match(statusBarOf(after, context.now)?.tooltip ?? '', /Counts include stale data/);

      const acmeItem = tree.find((item) => item.node.type === 'zone' && item.label === 'acme.com');
      assert.match(acmeItem?.description ?? '', /stale/, 'the zone says its counts are stale');
      const edge = tree.find((item) => item.node.type === 'group' && item.node.zone === acmeZone.id && item.node.group === 'edgeCertificates');
      assert.match(edge?.description ?? '', /^3 · 1 needs action · stale$/);
      const notice = tree.find((item) => item.node.type === 'message' && item.node.kind === 'error' && item.node.parentId === `${edge?.id ?? ''}`);
      assert.match(notice?.label ?? '', /showing the last data loaded$/);
      assert.equal(tree.filter((item) => item.node.type === 'pack' && item.node.zone === acmeZone.id).length, 3, 'the packs are still in the tree');
    } finally {
      await explorer.close();
      await faults.close();
      await server.close();
    }
  });

  it('shows how many items of a collection were left out, and why', async () => {
    const zones: readonly LiteralZone[] = [
      { zone: acmeZone, packs: [pack(1, { hosts: ['acme.com', '*.acme.com'] }), malformed(pack(2, { hosts: ['acme.com', 'shop.acme.com'] }), 'status', 42), pack(3, { hosts: ['acme.com', 'api.acme.com'] })] },
      {
        zone: tenantlyZone,
        customHostnames: [
          hostname(1, { hostname: 'shop.customer-one.com' }),
          malformed(hostname(2), 'hostname', 7),
          malformed(hostname(3), 'hostname', 8),
          hostname(4, { hostname: 'docs.initech.com' }),
        ],
      },
    ];
    const explorer = await explorerOverLiteral(zones);
    try {
      const tree = await expandAll(explorer.model);
      const errors = explorer.model.zone('test', acmeZone.id)?.details.status === 'ready' ? explorer.model.zone('test', acmeZone.id)?.details : undefined;
      assert.ok(errors?.status === 'ready');
      assert.deepEqual(errors.value.errors.map((error) => [error.collection, error.error.code, error.error.rejected]), [['certificatePacks', 'bad_item', 1]]);
      assert.equal(errors.value.certificatePacks?.length, 2);
      const notice = tree.find((item) => item.node.type === 'message' && /^1 item was left out: .*"status"/.test(item.label));
      assert.ok(notice, 'the tree says one pack was left out and why');
      const hostnames = tree.find((item) => item.node.type === 'message' && /^2 items were left out: .*"hostname"/.test(item.label));
      assert.ok(hostnames, 'the custom hostnames say two were left out and why');
      assert.deepEqual(tree.filter((item) => item.node.type === 'customHostname').map((item) => item.label), ['shop.customer-one.com', 'docs.initech.com']);
    } finally {
      await explorer.close();
    }
  });

  it('says on the account how many zones were left out of the listing, and why', async () => {
    const zones: readonly LiteralZone[] = [
      { zone: acmeZone },
      { zone: malformed(zone(3, { name: 'acme.io' }), 'name', 42) },
      { zone: tenantlyZone },
      { zone: malformed(zone(4, { name: 'acme.dev' }), 'name', 42) },
    ];
    const explorer = await explorerOverLiteral(zones);
    try {
      const tree = await expandAll(explorer.model);
      assert.deepEqual(tree.filter((item) => item.node.type === 'zone').map((item) => item.label), ['acme.com', 'tenantly.app']);
      const notice = tree.find((item) => item.node.type === 'message' && item.node.kind === 'error' && /^2 items were left out: .*"name"/.test(item.label));
      assert.ok(notice, 'the account says two zones were left out and why');
    } finally {
      await explorer.close();
    }
  });
});
