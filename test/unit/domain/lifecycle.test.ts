import * as assert from 'node:assert/strict';
import { lifecycleGraph } from '../../../src/domain/lifecycle';
import { allStatuses, isKnownStatus, OBJECT_KINDS } from '../../../src/domain/status';

describe('lifecycle graphs', () => {
  it('has one node per status of the kind, and edges between existing nodes only', () => {
    for (const kind of OBJECT_KINDS) {
      const graph = lifecycleGraph(kind);
      const statuses = graph.nodes.map((node) => node.status);
      assert.equal(new Set(statuses).size, statuses.length, `${kind}: duplicate nodes`);
      assert.deepEqual(
        [...statuses].sort(),
        allStatuses(kind)
          .map((info) => info.value)
          .sort(),
        `${kind}: every catalog status is a node`,
      );
      for (const node of graph.nodes) {
        assert.ok(isKnownStatus(kind, node.status), `${kind}: node ${node.status}`);
        assert.ok(node.label.length > 0);
      }
      const known = new Set(statuses);
      for (const edge of graph.edges) {
        assert.ok(known.has(edge.from), `${kind}: edge from unknown node ${edge.from}`);
        assert.ok(known.has(edge.to), `${kind}: edge to unknown node ${edge.to}`);
        assert.notEqual(edge.from, edge.to, `${kind}: self loop on ${edge.from}`);
        assert.ok(edge.trigger.length > 0, `${kind}: edge ${edge.from} → ${edge.to} has a trigger`);
      }
      const pairs = graph.edges.map((edge) => `${edge.from}→${edge.to}`);
      assert.equal(new Set(pairs).size, pairs.length, `${kind}: duplicate edges`);
      for (const entry of graph.entry) {
        assert.ok(known.has(entry), `${kind}: entry ${entry}`);
      }
    }
  });

  it('puts the managed certificate main path first, in order', () => {
    for (const kind of ['certificatePack', 'customHostnameSsl'] as const) {
      const graph = lifecycleGraph(kind);
      const main = graph.nodes.filter((node) => node.lane === 'main').map((node) => node.status);
      assert.deepEqual(main, ['initializing', 'pending_validation', 'pending_issuance', 'pending_deployment', 'active']);
      assert.deepEqual(
        graph.nodes.slice(0, 5).map((node) => node.label),
        ['Initializing', 'Pending Validation', 'Pending Issuance', 'Pending Deployment', 'Active'],
      );
      for (let i = 0; i + 1 < main.length; i += 1) {
        assert.ok(
          graph.edges.some((edge) => edge.from === main[i] && edge.to === main[i + 1]),
          `${kind}: ${main[i]} → ${main[i + 1]}`,
        );
      }
    }
  });

  it('has each stage’s timeout, and the branches of the docs', () => {
    const edges = new Set(lifecycleGraph('certificatePack').edges.map((edge) => `${edge.from}→${edge.to}`));
    for (const expected of [
      'initializing→initializing_timed_out',
      'pending_validation→validation_timed_out',
      'pending_issuance→issuance_timed_out',
      'pending_deployment→deployment_timed_out',
      'pending_deletion→deletion_timed_out',
      'active→deactivating',
      'deactivating→inactive',
      'staging_deployment→staging_active',
      'staging_active→active',
      'holding_deployment→active',
      'pending_deletion→deleted',
      'active→pending_deletion',
      'active→expired',
    ]) {
      assert.ok(edges.has(expected), expected);
    }
  });

  it('marks "(any) → pending_deletion" edges and inferred restarts', () => {
    const graph = lifecycleGraph('certificatePack');
    const toDeletion = graph.edges.filter((edge) => edge.to === 'pending_deletion' && edge.fromAny === true);
    assert.ok(toDeletion.length > 10);
    const restart = graph.edges.find((edge) => edge.from === 'validation_timed_out');
    assert.equal(restart?.to, 'pending_validation');
    assert.equal(restart?.inferred, true);
  });

  it('draws the client certificate revocation cycle', () => {
    const graph = lifecycleGraph('clientCertificate');
    assert.deepEqual(
      graph.edges.map((edge) => `${edge.from}→${edge.to}`),
      ['active→pending_revocation', 'pending_revocation→revoked', 'revoked→pending_reactivation', 'pending_reactivation→active'],
    );
  });

  it('draws the custom hostname statuses', () => {
    const graph = lifecycleGraph('customHostname');
    assert.deepEqual(graph.entry, ['pending']);
    const edges = new Set(graph.edges.map((edge) => `${edge.from}→${edge.to}`));
    for (const expected of ['pending→active', 'pending→moved', 'moved→deleted', 'moved→pending', 'active→blocked', 'blocked→pending']) {
      assert.ok(edges.has(expected), expected);
    }
  });

  it('returns the same frozen graph every time', () => {
    const graph = lifecycleGraph('fallbackOrigin');
    assert.equal(lifecycleGraph('fallbackOrigin'), graph);
    assert.ok(Object.isFrozen(graph));
    assert.ok(Object.isFrozen(graph.nodes));
    assert.ok(Object.isFrozen(graph.edges[0]));
  });
});
