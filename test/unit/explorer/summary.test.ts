import * as assert from 'node:assert/strict';
import { badgeOf, refreshedText, statusBarOf, summarize, viewMessage, type ExplorerSummary, type StatusCounts } from '../../../src/explorer/summary';
import { defaultViewOptions } from '../../../src/explorer/viewOptions';
import { clientCertificate, customCertificate, hostname, pack, zone } from '../../support/builders';
import type { LiteralZone } from '../../support/cloudflare/literalAccount';
import { expandAll, explorerOverLiteral } from '../../support/explorer/explorerHarness';

const thresholds = { warningDays: 30, criticalDays: 7 };
const objectTypes = ['pack', 'customCertificate', 'customHostname', 'clientCertificate'];
const none: StatusCounts = { needsAction: 0, expiringSoon: 0, unknownStatus: 0, inProgress: 0, active: 0, inactive: 0 };

function summary(counts: Partial<StatusCounts>, extra: Partial<ExplorerSummary> = {}): ExplorerSummary {
  const all = { ...none, ...counts };
  return { accounts: [{ label: 'Acme', counts: all }], counts: all, needAction: all.needsAction + all.expiringSoon, errors: all.needsAction, ...extra };
}

/** A local time today, as the status bar and message print it. */
function todayAt(hours: number, minutes: number): number {
  const date = new Date();
  date.setHours(hours, minutes, 0, 0);
  return date.getTime();
}

/** One object in each of five status groups, one of them expiring soon. */
const zones: readonly LiteralZone[] = [
  {
    zone: zone(1, { name: 'acme.com' }),
    packs: [pack(1), pack(2, { type: 'advanced', status: 'validation_timed_out', certificates: [] })],
    customCertificates: [customCertificate(1, { hosts: ['checkout.acme.com'], expires_on: new Date(Date.now() + 20 * 86_400_000).toISOString() })],
    customHostnames: [hostname(1, { status: 'pending', ssl: { id: '20000000-0000-4000-8000-000000000001', status: 'pending_validation', method: 'txt', type: 'dv' } })],
    clientCertificates: [clientCertificate(1, { status: 'revoked' })],
  },
];

describe('Explorer summary of a literal account', () => {
  it('counts nothing before anything is loaded', async () => {
    const explorer = await explorerOverLiteral(zones, 'Acme');
    const result = summarize(explorer.model.snapshot({ now: Date.now(), thresholds }));
    assert.equal(result.needAction, 0);
    assert.equal(result.refreshedAt, undefined);
    assert.equal(badgeOf(result), undefined);
    assert.equal(statusBarOf(result, Date.now()), undefined);
    await explorer.close();
  });

  it('agrees with the tree: every object once, the badge counting the items drawn as warnings and errors', async () => {
    const explorer = await explorerOverLiteral(zones, 'Acme');
    const now = Date.now();
    const before = Date.now();
    const tree = await expandAll(explorer.model, now);
    const result = summarize(explorer.model.snapshot({ now, thresholds }));
    const objects = tree.filter((item) => objectTypes.includes(item.node.type));
    const total = Object.values(result.counts).reduce((sum, n) => sum + n, 0);
    assert.equal(total, objects.length);
    const drawnAsProblems = objects.filter((item) => item.severity === 'warning' || item.severity === 'error');
    assert.equal(result.needAction, drawnAsProblems.length);
    assert.equal(result.needAction, result.counts.needsAction + result.counts.expiringSoon, 'needing action is exactly the two problem groups that need someone');
    assert.equal(result.counts.expiringSoon, 1);
    assert.equal(result.errors, objects.filter((item) => item.severity === 'error').length);
    assert.deepEqual(badgeOf(result), { value: result.needAction, tooltip: `${result.needAction} certificates need action` });
    assert.ok(result.refreshedAt !== undefined && result.refreshedAt >= before);
    assert.deepEqual(
      result.accounts.map((account) => account.label),
      ['Acme'],
    );
    await explorer.close();
  });
});

describe('Explorer signals', () => {
  it('badges only what needs action, in words that agree with the number', () => {
    assert.equal(badgeOf(summary({ active: 4, inProgress: 2 })), undefined);
    assert.deepEqual(badgeOf(summary({ needsAction: 1 })), { value: 1, tooltip: '1 certificate needs action' });
    assert.deepEqual(badgeOf(summary({ needsAction: 2, expiringSoon: 1 })), { value: 3, tooltip: '3 certificates need action' });
  });

  it('puts the problems in the status bar, and hides it when there are none', () => {
    const now = todayAt(12, 0);
    assert.equal(statusBarOf(summary({ active: 10, inProgress: 3, inactive: 1 }), now), undefined);
    const bar = statusBarOf(summary({ needsAction: 2, expiringSoon: 1, unknownStatus: 1, active: 5 }, { refreshedAt: todayAt(10, 42) }), now);
    assert.equal(bar?.text, '$(error) 2 need action · $(warning) 1 expiring · $(question) 1 unknown');
    assert.equal(bar?.tooltip, ['Cloudflare Certificates', 'Acme: Needs action 2, Expiring soon 1, Unknown status 1', 'Also: Active 5', 'Refreshed 10:42', 'Click to show only the problems.'].join('\n'));
    assert.equal(statusBarOf(summary({ needsAction: 1 }, { errors: 0 }), now)?.text, '$(warning) 1 needs action', 'warnings only: a warning icon');
    assert.equal(statusBarOf(summary({ expiringSoon: 2 }, { errors: 0 }), now)?.text, '$(warning) 2 expiring');
  });

  it('puts the refresh time and the filter in the view message', () => {
    const now = todayAt(12, 0);
    assert.equal(viewMessage(summary({}), defaultViewOptions, now), undefined);
    assert.equal(viewMessage(summary({}, { refreshedAt: todayAt(9, 5) }), defaultViewOptions, now), 'Refreshed 09:05');
    assert.equal(viewMessage(summary({}, { refreshedAt: todayAt(10, 42) }), { ...defaultViewOptions, text: 'foo', problemsOnly: true }, now), 'Refreshed 10:42 · Filter: foo · Problems only');
    assert.equal(viewMessage(summary({}), { ...defaultViewOptions, problemsOnly: true }, now), 'Problems only');
  });

  it('names the day when the last refresh was not today', () => {
    const at = new Date(2026, 10, 3, 10, 42).getTime();
    assert.equal(refreshedText(at, new Date(2026, 10, 4, 8, 0).getTime()), 'Refreshed Nov 3, 10:42');
    assert.equal(refreshedText(at, new Date(2026, 10, 3, 23, 59).getTime()), 'Refreshed 10:42');
  });
});
