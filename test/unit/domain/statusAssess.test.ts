import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  assess,
  compareSeverity,
  OBJECT_KINDS,
  SEVERITIES,
  type Severity,
  severityRank,
  worstSeverity,
} from '../../../src/domain/status';

describe('severity order', () => {
  it('ranks error > warning > progress > ok > inactive', () => {
    assert.deepEqual(
      SEVERITIES.map(severityRank),
      [4, 3, 2, 1, 0],
    );
    const shuffled: Severity[] = ['ok', 'inactive', 'error', 'progress', 'warning'];
    assert.deepEqual(shuffled.sort(compareSeverity), ['error', 'warning', 'progress', 'ok', 'inactive']);
  });

  it('picks the worst, with inactive for nothing at all', () => {
    assert.equal(worstSeverity([]), 'inactive');
    assert.equal(worstSeverity(['ok', 'inactive']), 'ok');
    assert.equal(worstSeverity(['ok', 'progress', 'inactive']), 'progress');
    assert.equal(worstSeverity(new Set<Severity>(['warning', 'progress', 'error'])), 'error');
    assert.equal(worstSeverity(['ok', 'bogus' as Severity]), 'ok');
  });
});

describe('assess', () => {
  it('reads `status` from a raw object', () => {
    const result = assess('certificatePack', { id: 'x', status: 'validation_timed_out', type: 'advanced' });
    assert.equal(result.label, 'Timed Out (Validation)');
    assert.equal(result.severity, 'error');
    assert.equal(result.stage, 'validationTimedOut');
    assert.equal(result.parts.length, 1);
  });

  it('reads `certificate_status` from an SSL verification entry', () => {
    assert.equal(assess('sslVerification', { certificate_status: 'authorizing' }).stage, 'pendingValidation');
    assert.equal(assess('sslVerification', { status: 'issuing' }).stage, 'pendingIssuance');
  });

  it('shows an unknown status raw', () => {
    const result = assess('zone', { status: 'hibernating' });
    assert.equal(result.label, 'hibernating');
    assert.equal(result.severity, 'inactive');
    assert.equal(result.stage, 'unknown');
  });

  it('never throws on hostile or malformed input', () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = new Proxy(
      {},
      {
        has: () => {
          throw new Error('has');
        },
        get: () => {
          throw new Error('get');
        },
        getOwnPropertyDescriptor: () => {
          throw new Error('descriptor');
        },
      },
    );
    const getter = Object.defineProperty({}, 'status', {
      enumerable: true,
      get: () => {
        throw new Error('getter');
      },
    });
    const hostile: unknown[] = [
      null,
      undefined,
      0,
      42,
      NaN,
      'active',
      true,
      [],
      ['active'],
      { status: {} },
      { status: [] },
      { status: null },
      { status: 'x'.repeat(5_000_000) },
      JSON.parse('{"__proto__": {"status": "active"}}'),
      { ['__proto__']: 'active' },
      Object.create({ status: 'active' }),
      Object.create(null),
      { status: 'active', ssl: 'active' },
      { status: 'active', ssl: { status: { nested: true } } },
      { status: 'active', ssl: [] },
      { status: 'active', ssl: null },
      revoked.proxy,
      throwing,
      getter,
      { ssl: revoked.proxy },
      { status: 'active', ssl: throwing },
      () => 'active',
      Symbol('status'),
    ];
    for (const kind of OBJECT_KINDS) {
      for (const object of hostile) {
        const result = assess(kind, object);
        assert.equal(typeof result.label, 'string');
        assert.ok(result.label.length <= 400, 'label stays short');
        assert.ok(SEVERITIES.includes(result.severity));
      }
    }
  });

  it('does not read inherited or prototype properties', () => {
    assert.equal(assess('zone', Object.create({ status: 'active' })).label, 'No status');
    assert.equal(assess('zone', JSON.parse('{"__proto__": {"status": "active"}}')).label, 'No status');
  });

  it('never throws on arbitrary JSON-like values (property test)', () => {
    const kinds = fc.constantFrom(...OBJECT_KINDS);
    fc.assert(
      fc.property(kinds, fc.anything({ withNullPrototype: true, withObjectString: true, withMap: true, withSet: true }), (kind, value) => {
        const result = assess(kind, value);
        return typeof result.label === 'string' && SEVERITIES.includes(result.severity);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(kinds, fc.string(), fc.string(), (kind, status, ssl) => {
        const result = assess(kind, { status, ssl: { status: ssl } });
        return typeof result.label === 'string';
      }),
      { numRuns: 500 },
    );
  });
});

describe('assess: custom hostnames weigh both statuses', () => {
  const hostname = (status: unknown, sslStatus?: unknown) =>
    assess('customHostname', sslStatus === undefined ? { status } : { status, ssl: { status: sslStatus } });

  it('is simply Active when both parts are active', () => {
    const result = hostname('active', 'active');
    assert.equal(result.label, 'Active');
    assert.equal(result.severity, 'ok');
    assert.equal(result.problem, undefined);
    assert.equal(result.parts.length, 2);
  });

  it('lets a failing certificate win over an active hostname, and says so', () => {
    const result = hostname('active', 'validation_timed_out');
    assert.equal(result.severity, 'error');
    assert.equal(result.stage, 'validationTimedOut');
    assert.equal(result.label, 'Certificate: Timed Out (Validation)');
    assert.equal(result.problem, 'certificate');
  });

  it('lets a problem hostname win over an active certificate, and says so', () => {
    const result = hostname('moved', 'active');
    assert.equal(result.severity, 'warning');
    assert.equal(result.label, 'Hostname: Moved');
    assert.equal(result.problem, 'hostname');
    const blocked = hostname('blocked', 'pending_validation');
    assert.equal(blocked.severity, 'error');
    assert.equal(blocked.label, 'Hostname: Blocked · Certificate: Pending Validation');
  });

  it('names both parts when both are still moving, hostname first on a tie', () => {
    const result = hostname('pending', 'pending_validation');
    assert.equal(result.severity, 'progress');
    assert.equal(result.stage, 'pending');
    assert.equal(result.label, 'Hostname: Pending · Certificate: Pending Validation');
    assert.equal(result.problem, 'hostname');
  });

  it('puts the worse part first', () => {
    const result = hostname('pending', 'issuance_timed_out');
    assert.equal(result.label, 'Certificate: Timed Out (Issuance) · Hostname: Pending');
    assert.equal(result.severity, 'error');
  });

  it('warns when a live hostname has no certificate on the edge', () => {
    const result = hostname('active', 'deleted');
    assert.equal(result.severity, 'warning');
    assert.equal(result.label, 'Certificate: Deleted');
    assert.equal(result.problem, 'certificate');
  });

  it('reports a deleted hostname as deleted, whatever its certificate says', () => {
    const result = hostname('deleted', 'validation_timed_out');
    assert.equal(result.severity, 'inactive');
    assert.equal(result.label, 'Deleted');
  });

  it('mentions an unknown part without raising an alarm', () => {
    const result = hostname('active', 'timed_out');
    assert.equal(result.severity, 'ok');
    assert.equal(result.label, 'Certificate: timed_out');
  });

  it('falls back to the hostname status when there is no ssl object', () => {
    assert.equal(hostname('pending').label, 'Pending');
    assert.equal(assess('customHostname', { status: 'active', ssl: 'nope' }).label, 'Active');
  });

  it('uses the certificate when the hostname status is missing', () => {
    const result = assess('customHostname', { ssl: { status: 'active' } });
    assert.equal(result.severity, 'ok');
    assert.equal(result.label, 'Hostname: No status');
  });
});

describe('assessments shared between objects', () => {
  it('gives objects with the same statuses the same assessment, and different statuses different ones', () => {
    const first = assess('customHostname', { id: 'a', status: 'active', ssl: { status: 'pending_validation' } });
    const second = assess('customHostname', { id: 'b', status: 'active', ssl: { status: 'pending_validation', method: 'txt' } });
    assert.equal(first, second);
    assert.notEqual(assess('customHostname', { status: 'active', ssl: { status: 'active' } }), first);
    assert.equal(assess('certificatePack', { status: 'active' }), assess('certificatePack', { status: 'active', id: 'x' }));
  });

  it('keeps no ssl object, an ssl object without status, and a status apart', () => {
    const none = assess('customHostname', { status: 'active' });
    const empty = assess('customHostname', { status: 'active', ssl: {} });
    const numeric = assess('customHostname', { status: 'active', ssl: { status: 1 } });
    assert.equal(none.parts.length, 1);
    assert.equal(empty.parts.length, 2);
    assert.equal(empty.label, 'Certificate: No status');
    assert.equal(numeric.label, 'Certificate: 1');
    // A status that spells one of the markers stays a status of its own.
    assert.equal(assess('customHostname', { status: 'active', ssl: { status: '0' } }).label, 'Certificate: 0');
  });

  it('assesses unknown statuses afresh every time, so they cannot fill memory', () => {
    const hostile = `<img src=x onerror=alert(1)>${'x'.repeat(100)}`;
    const first = assess('customHostname', { status: hostile });
    const second = assess('customHostname', { status: hostile });
    assert.notEqual(first, second);
    assert.deepEqual(first, second);
  });
});
