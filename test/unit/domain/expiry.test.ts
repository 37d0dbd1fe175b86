import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  assessExpiry,
  DAY_MS,
  DEFAULT_EXPIRY_THRESHOLDS,
  type ExpiryAssessment,
  normalizeThresholds,
  renewalLeadDays,
} from '../../../src/domain/expiry';

const NOW = Date.parse('2026-11-26T12:00:00Z');

/** An expiry `days` (fractional allowed) from NOW, as the API would send it. */
function inDays(days: number): string {
  return new Date(NOW + days * DAY_MS).toISOString();
}

function custom(days: number, extra: { warningDays?: number; criticalDays?: number } = {}): ExpiryAssessment {
  const thresholds = extra.warningDays === undefined ? undefined : { warningDays: extra.warningDays, criticalDays: extra.criticalDays ?? 7 };
  const result = assessExpiry({ expiresOn: inDays(days), managed: false, now: NOW, thresholds });
  assert.ok(result);
  return result;
}

function managed(days: number, renewalStarted?: boolean, validityDays?: number): ExpiryAssessment {
  const result = assessExpiry({ expiresOn: inDays(days), managed: true, renewalStarted, now: NOW, validityDays });
  assert.ok(result);
  return result;
}

describe('expiry: certificates the user renews', () => {
  it('is ok well before the warning threshold', () => {
    const result = custom(90);
    assert.equal(result.severity, 'ok');
    assert.equal(result.daysLeft, 90);
    assert.equal(result.managed, false);
    assert.equal(result.renewal, 'manual');
    assert.equal(result.shortLabel, '90 d left');
    assert.match(result.reason, /never renews/);
  });

  it('warns at 30 whole days left and not at 31', () => {
    assert.equal(custom(31).severity, 'ok');
    assert.equal(custom(30.99).daysLeft, 30);
    assert.equal(custom(30.99).severity, 'warning');
    assert.equal(custom(30).severity, 'warning');
    assert.equal(custom(8).severity, 'warning');
  });

  it('is critical at 7 whole days left and not at 8', () => {
    assert.equal(custom(8).severity, 'warning');
    assert.equal(custom(7.5).severity, 'error');
    assert.equal(custom(7).severity, 'error');
    assert.equal(custom(0.5).severity, 'error');
    assert.equal(custom(0.5).shortLabel, 'expires today');
  });

  it('is an error once expired, and still valid at the exact expiry instant', () => {
    const atExpiry = custom(0);
    assert.equal(atExpiry.expired, false);
    assert.equal(atExpiry.daysLeft, 0);
    const justAfter = custom(-1 / 86_400);
    assert.equal(justAfter.expired, true);
    assert.equal(justAfter.severity, 'error');
    assert.equal(justAfter.daysLeft, -1);
    assert.equal(justAfter.shortLabel, 'expired today');
    const longAgo = custom(-3.5);
    assert.equal(longAgo.shortLabel, 'expired 3 d ago');
    assert.match(longAgo.reason, /Expired 3 days ago/);
  });

  it('honours custom thresholds and repairs nonsense ones', () => {
    assert.equal(custom(45, { warningDays: 60, criticalDays: 14 }).severity, 'warning');
    assert.equal(custom(10, { warningDays: 60, criticalDays: 14 }).severity, 'error');
    assert.deepEqual(normalizeThresholds({ warningDays: Number.NaN, criticalDays: -1 }), DEFAULT_EXPIRY_THRESHOLDS);
    assert.deepEqual(normalizeThresholds({ warningDays: 5, criticalDays: 10 }), { warningDays: 5, criticalDays: 5 });
    assert.deepEqual(normalizeThresholds(undefined), { warningDays: 30, criticalDays: 7 });
  });

  it('accepts Dates and fractional-second timestamps, and ignores what is not a date', () => {
    assert.equal(assessExpiry({ expiresOn: new Date(NOW + 40 * DAY_MS), managed: false, now: NOW })?.daysLeft, 40);
    assert.equal(assessExpiry({ expiresOn: '2026-12-06T12:00:00.12345Z', managed: false, now: NOW })?.daysLeft, 10);
    for (const expiresOn of [undefined, '', 'soon', '2026-13-45', new Date(Number.NaN), 'x'.repeat(10_000)]) {
      assert.equal(assessExpiry({ expiresOn, managed: false, now: NOW }), undefined, String(expiresOn).slice(0, 20));
    }
    assert.equal(assessExpiry({ expiresOn: inDays(3), managed: false, now: Number.NaN }), undefined);
  });
});

describe('expiry: managed certificates Cloudflare renews', () => {
  it('knows the renewal lead per validity period', () => {
    assert.equal(renewalLeadDays(90), 30);
    assert.equal(renewalLeadDays(365), 30);
    assert.equal(renewalLeadDays(30), 7);
    assert.equal(renewalLeadDays(14), 3);
    assert.equal(renewalLeadDays(undefined), 30);
    assert.equal(renewalLeadDays(42), 30);
  });

  it('stays quiet inside 30 days while renewal is on schedule', () => {
    const before = managed(45);
    assert.equal(before.severity, 'ok');
    assert.equal(before.renewal, 'notDue');
    assert.equal(before.renewalLeadDays, 30);
    for (const days of [29, 20, 10, 8]) {
      const underWay = managed(days, true);
      assert.equal(underWay.severity, 'ok', `${days} d, renewal started`);
      assert.equal(underWay.renewal, 'underWay');
      const unknown = managed(days);
      assert.equal(unknown.severity, 'ok', `${days} d, renewal state unknown`);
      assert.equal(unknown.renewal, 'unknown');
    }
  });

  it('gives Cloudflare a short grace period when the window opens', () => {
    const justOpened = managed(29.5, false);
    assert.equal(justOpened.severity, 'ok');
    assert.equal(justOpened.renewal, 'due');
  });

  it('warns when renewal has not started in time', () => {
    const late = managed(28, false);
    assert.equal(late.severity, 'warning');
    assert.equal(late.renewal, 'late');
    assert.match(late.reason, /should have started 30 days before expiry/);
    assert.equal(managed(10, false).severity, 'warning');
  });

  it('escalates at the critical point', () => {
    assert.equal(managed(7.5, false).severity, 'error');
    assert.equal(managed(7, undefined).severity, 'warning');
    assert.equal(managed(7, undefined).renewal, 'late');
    assert.equal(managed(8, undefined).severity, 'ok');
    assert.equal(managed(7, true).severity, 'warning');
    assert.equal(managed(7, true).renewal, 'late');
  });

  it('is an error in the last 24 hours, whatever the renewal state', () => {
    for (const started of [true, false, undefined]) {
      const result = managed(0.9, started);
      assert.equal(result.severity, 'error', String(started));
      assert.match(result.reason, /24 hours/);
    }
    assert.equal(managed(1.01, true).severity, 'warning');
  });

  it('is an error once expired: renewal failed', () => {
    const result = managed(-2.5);
    assert.equal(result.severity, 'error');
    assert.equal(result.renewal, 'failed');
    assert.equal(result.expired, true);
    assert.match(result.reason, /without being renewed/);
  });

  it('scales to short validity periods', () => {
    // 14-day certificate: renewal starts 3 days before expiry.
    assert.equal(managed(10, undefined, 14).severity, 'ok');
    assert.equal(managed(10, undefined, 14).renewal, 'notDue');
    assert.equal(managed(2.9, false, 14).renewal, 'due');
    assert.equal(managed(2.5, false, 14).severity, 'warning');
    assert.equal(managed(2.5, undefined, 14).severity, 'ok');
    assert.equal(managed(1.4, undefined, 14).severity, 'warning');
    // 30-day certificate: renewal starts 7 days before expiry.
    assert.equal(managed(6, true, 30).severity, 'ok');
    assert.equal(managed(5, false, 30).severity, 'warning');
    assert.equal(managed(3, false, 30).severity, 'error');
  });

  it('accepts an explicit renewal lead', () => {
    const result = assessExpiry({ expiresOn: inDays(50), managed: true, now: NOW, renewalLeadDays: 60, renewalStarted: false });
    assert.equal(result?.renewal, 'late');
    assert.equal(result?.renewalLeadDays, 60);
  });

  it('never throws and always returns a consistent answer (property test)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -400, max: 400, noNaN: true }),
        fc.boolean(),
        fc.option(fc.boolean(), { nil: undefined }),
        fc.constantFrom(undefined, 14, 30, 90, 365),
        (days, isManaged, renewalStarted, validityDays) => {
          const result = assessExpiry({ expiresOn: inDays(days), managed: isManaged, renewalStarted, now: NOW, validityDays });
          if (result === undefined) {
            return false;
          }
          const expiredIsConsistent = result.expired === result.daysLeft < 0;
          const expiredIsError = !result.expired || result.severity === 'error';
          const farIsQuiet = days < 31 || result.severity === 'ok';
          return expiredIsConsistent && expiredIsError && farIsQuiet;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
