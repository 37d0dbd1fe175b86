import * as assert from 'node:assert/strict';
import type { CustomHostname } from '../../../src/cloudflare';
import { MemoryLogger } from '../../../src/shared/logger';
import {
  categorize,
  defaultNotificationSettings,
  maxNotifiedNameLength,
  notificationCategories,
  NotifiedTransitions,
  planNotifications,
  type NotificationCategory,
  type NotificationSettings,
} from '../../../src/explorer/notificationPolicy';
import type { CertificateObject } from '../../../src/domain/objectHealth';
import type { CertificateKind } from '../../../src/domain/objectHealth';
import { vanishedStatus, type ObjectTransition, type TransitionField } from '../../../src/explorer/statusChanges';

const now = 1_700_000_000_000;
const day = 24 * 60 * 60 * 1000;
const allOn: NotificationSettings = { becameActive: true, timedOut: true, expired: true, failed: true, revoked: true, deleted: true };

function objectOf(kind: CertificateKind, id: string, status: string, sslStatus?: string): CertificateObject {
  switch (kind) {
    case 'certificatePack':
      return { kind, object: { id, status, hosts: [`${id}.example.com`] } };
    case 'customCertificate':
      return { kind, object: { id, status, hosts: [`${id}.example.com`] } };
    case 'clientCertificate':
      return { kind, object: { id, status, common_name: `${id} client` } };
    case 'customHostname': {
      const hostname: CustomHostname = { id, hostname: `${id}.example.com`, status, ssl: { status: sslStatus ?? 'active' } };
      return { kind, object: hostname };
    }
  }
}

function change(kind: CertificateKind, id: string, from: string | undefined, to: string, field: TransitionField = 'status', object?: CertificateObject): ObjectTransition {
  return {
    ref: { account: 'acct', zone: 'zone1', kind, id },
    object: object ?? objectOf(kind, id, field === 'status' ? to : 'active', field === 'sslStatus' ? to : undefined),
    at: now,
    field,
    to,
    ...(from === undefined ? {} : { from }),
  };
}

function plan(transitions: ObjectTransition[], settings: NotificationSettings = allOn, notified = new NotifiedTransitions()): ReturnType<typeof planNotifications> {
  return planNotifications(transitions, { settings, notified, now });
}

describe('Notification policy', () => {
  describe('categories, from the status catalog', () => {
    const cases: [CertificateKind, string | undefined, string, TransitionField, NotificationCategory | undefined][] = [
      ['certificatePack', 'pending_validation', 'active', 'status', 'becameActive'],
      ['certificatePack', 'pending_deployment', 'active', 'status', 'becameActive'],
      ['customCertificate', 'pending', 'active', 'status', 'becameActive'],
      ['clientCertificate', 'pending_reactivation', 'active', 'status', 'becameActive'],
      ['customHostname', 'pending', 'active', 'status', 'becameActive'],
      ['customHostname', 'active_redeploying', 'active', 'status', undefined],
      ['certificatePack', 'pending_validation', 'validation_timed_out', 'status', 'timedOut'],
      ['customHostname', 'pending_issuance', 'issuance_timed_out', 'sslStatus', 'timedOut'],
      ['certificatePack', 'active', 'deployment_timed_out', 'status', 'timedOut'],
      ['certificatePack', 'active', 'expired', 'status', 'expired'],
      ['certificatePack', 'active', 'pending_expiration', 'status', 'expired'],
      ['customCertificate', 'active', 'expired', 'status', 'expired'],
      ['clientCertificate', 'pending_revocation', 'revoked', 'status', 'revoked'],
      ['customHostname', 'pending', 'blocked', 'status', 'failed'],
      ['customHostname', 'active', 'moved', 'status', 'failed'],
      ['customHostname', 'test_pending', 'test_failed', 'status', 'failed'],
      ['certificatePack', 'pending_deployment', 'holding_deployment', 'status', 'failed'],
      ['certificatePack', 'pending_deletion', 'deleted', 'status', 'deleted'],
      ['customHostname', 'moved', 'deleted', 'status', 'deleted'],
      ['clientCertificate', 'active', vanishedStatus, 'status', 'deleted'],
      // Not news: first seen, progress along the way, a step back to pending, case only.
      ['certificatePack', undefined, 'active', 'status', undefined],
      ['certificatePack', undefined, 'validation_timed_out', 'status', undefined],
      ['certificatePack', 'initializing', 'pending_validation', 'status', undefined],
      ['certificatePack', 'active', 'pending_validation', 'status', undefined],
      ['clientCertificate', 'active', 'pending_revocation', 'status', undefined],
      ['certificatePack', 'active', 'ACTIVE', 'status', undefined],
      ['certificatePack', 'active', 'something_new', 'status', undefined],
    ];
    for (const [kind, from, to, field, expected] of cases) {
      it(`${kind} ${field} ${from ?? '(first seen)'} → ${to}: ${expected ?? 'nothing'}`, () => {
        assert.equal(categorize(kind, { at: now, field, to, ...(from === undefined ? {} : { from }) }), expected);
      });
    }
  });

  it('turns each category on and off with its setting', () => {
    const examples: Record<NotificationCategory, ObjectTransition> = {
      becameActive: change('certificatePack', 'p1', 'pending_validation', 'active'),
      timedOut: change('certificatePack', 'p1', 'pending_validation', 'validation_timed_out'),
      expired: change('customCertificate', 'c1', 'active', 'expired'),
      failed: change('customHostname', 'h1', 'pending', 'blocked'),
      revoked: change('clientCertificate', 'm1', 'active', 'revoked'),
      deleted: change('certificatePack', 'p1', 'active', vanishedStatus),
    };
    for (const category of notificationCategories) {
      const off = { ...allOn, [category]: false };
      assert.equal(plan([examples[category]]).notices.length, 1, `${category} on`);
      const quiet = plan([examples[category]], off);
      assert.equal(quiet.notices.length, 0, `${category} off`);
      assert.deepEqual(quiet.remember, [], `${category} off is not remembered, so turning it on later still works`);
    }
  });

  it('turns every category on by default', () => {
    assert.ok(notificationCategories.every((category) => defaultNotificationSettings[category]));
  });

  it('writes one short plain-text line naming the object, with info for good news and warning for trouble', () => {
    const good = plan([change('certificatePack', 'p1', 'pending_validation', 'active')]).notices[0];
    assert.deepEqual(good, { tone: 'info', message: 'Edge certificate p1.example.com: Pending Validation → Active.', ref: { account: 'acct', zone: 'zone1', kind: 'certificatePack', id: 'p1' } });
    const bad = plan([change('customHostname', 'h1', 'pending_validation', 'validation_timed_out', 'sslStatus')]).notices[0];
    assert.equal(bad?.tone, 'warning');
    assert.equal(bad?.message, 'Custom hostname h1.example.com: certificate Pending Validation → Timed Out (Validation).');
    const vanished = plan([change('clientCertificate', 'm1', 'active', vanishedStatus)]).notices[0];
    assert.equal(vanished?.message, 'Client certificate m1 client: Active → Deleted.');
  });

  it('cuts long names to about 80 characters with an ellipsis, and removes control characters', () => {
    const long = `${'sub.'.repeat(50)}example.com`;
    const object: CertificateObject = { kind: 'customHostname', object: { id: 'h1', hostname: `\u202e${long}`, status: 'active', ssl: { status: 'active' } } };
    const notice = plan([change('customHostname', 'h1', 'pending', 'active', 'status', object)]).notices[0];
    const name = notice?.message.slice('Custom hostname '.length, notice.message.indexOf(':'));
    assert.equal(Array.from(name ?? '').length, maxNotifiedNameLength);
    assert.ok(name?.endsWith('…'));
    assert.ok(!notice?.message.includes('\u202e'));
  });

  it('never lets a name or an unknown status from the API form a link VS Code would run from the notification', () => {
    // The pattern VS Code's notifications turn into clickable links (parseLinkedText), which open with commands allowed.
    const linkPattern = /\[([^\]]+)\]\(((?:https?:\/\/|command:|file:)[^)\s]+)(?: (["'])(.+?)(\3))?\)/gi;
    const payload = '[Fix it](command:workbench.action.terminal.new "Fix")';
    const object: CertificateObject = { kind: 'clientCertificate', object: { id: 'm1', status: 'revoked', common_name: payload } };
    const named = plan([change('clientCertificate', 'm1', 'active', 'revoked', 'status', object)]).notices[0]?.message ?? '';
    const status = plan([change('certificatePack', 'p1', 'active', 'deleted')]).notices[0]?.message ?? '';
    const rawStatus = plan([change('customHostname', 'h1', '[x](https://evil.example)', 'active')]).notices[0]?.message ?? '';
    assert.ok(named.includes('Fix it'), named);
    assert.ok(rawStatus.includes('evil.example'), rawStatus);
    for (const message of [named, status, rawStatus]) assert.equal(message.match(linkPattern), null, message);
  });

  it('announces a custom hostname as active only once both of its parts are', () => {
    const halfway = objectOf('customHostname', 'h1', 'active', 'pending_validation');
    assert.equal(plan([change('customHostname', 'h1', 'pending', 'active', 'status', halfway)]).notices.length, 0);
    const whole = objectOf('customHostname', 'h1', 'active', 'active');
    const both = plan([change('customHostname', 'h1', 'pending', 'active', 'status', whole), change('customHostname', 'h1', 'pending_validation', 'active', 'sslStatus', whole)]);
    assert.equal(both.notices.length, 1, 'one notice for the object');
    assert.equal(both.remember.length, 2, 'both transitions remembered');
  });

  it('picks the most pressing change of an object for its one notice', () => {
    const object = objectOf('customHostname', 'h1', 'active', 'validation_timed_out');
    const notices = plan([change('customHostname', 'h1', 'pending', 'active', 'status', object), change('customHostname', 'h1', 'pending_validation', 'validation_timed_out', 'sslStatus', object)]).notices;
    assert.equal(notices.length, 1);
    assert.match(notices[0]?.message ?? '', /Timed Out/);
    assert.equal(notices[0]?.tone, 'warning');
  });

  it('announces each transition of an object once, even when the status flaps or the window reloads', () => {
    const notified = new NotifiedTransitions();
    const first = plan([change('certificatePack', 'p1', 'pending_validation', 'active')], allOn, notified);
    assert.equal(first.notices.length, 1);
    notified.remember(first.remember, now);
    assert.equal(plan([change('certificatePack', 'p1', 'pending_validation', 'active')], allOn, notified).notices.length, 0, 'flapped back and forth');
    const reloaded = NotifiedTransitions.restore(JSON.parse(JSON.stringify(notified.toJSON())), new MemoryLogger());
    assert.equal(plan([change('certificatePack', 'p1', 'pending_validation', 'active')], allOn, reloaded).notices.length, 0, 'after a reload');
    assert.equal(plan([change('certificatePack', 'p2', 'pending_validation', 'active')], allOn, reloaded).notices.length, 1, 'another object');
    assert.equal(plan([change('certificatePack', 'p1', 'active', 'expired')], allOn, reloaded).notices.length, 1, 'another transition');
    assert.equal(plan([change('certificatePack', 'p1', 'pending_validation', 'active'), change('certificatePack', 'p1', 'pending_validation', 'active')]).remember.length, 1, 'a repeat within one refresh');
  });

  it('forgets an announcement after a month, so a renewal months later is news again, and keeps a bounded list', () => {
    const notified = new NotifiedTransitions({ forgetAfterMs: 30 * day, entries: 3 });
    notified.remember(['a'], now);
    assert.ok(notified.has('a', now + 29 * day));
    assert.ok(!notified.has('a', now + 31 * day));
    notified.remember(['b', 'c', 'd'], now + 1);
    assert.ok(!notified.has('a', now + 2), 'the oldest is evicted past the bound');
    assert.ok(['b', 'c', 'd'].every((id) => notified.has(id, now + 2)));
  });

  it('reads back a stored list defensively', () => {
    const logger = new MemoryLogger();
    const notified = NotifiedTransitions.restore([['a', now], ['b', 'yesterday'], null, [42, now], ['c', Number.POSITIVE_INFINITY]], logger);
    assert.ok(notified.has('a', now));
    assert.equal(notified.toJSON().length, 1);
    assert.match(logger.entries[0]?.message ?? '', /4 malformed entries/);
    const other = new MemoryLogger();
    assert.equal(NotifiedTransitions.restore({ a: 1 }, other).toJSON().length, 0);
    assert.equal(other.entries.length, 1);
  });

  it('sums up more than three changed objects in one notification', () => {
    const transitions = [
      change('certificatePack', 'p1', 'pending_validation', 'active'),
      change('certificatePack', 'p2', 'pending_validation', 'active'),
      change('certificatePack', 'p3', 'pending_validation', 'validation_timed_out'),
      change('customHostname', 'h1', 'pending', 'blocked'),
      change('clientCertificate', 'm1', 'active', 'revoked'),
    ];
    const result = plan(transitions);
    assert.equal(result.notices.length, 1);
    assert.deepEqual(result.notices[0], { tone: 'warning', message: '5 certificates changed status: 1 timed out, 1 need action, 1 revoked, 2 became active.' });
    assert.equal(result.remember.length, 5);
    assert.equal(plan(transitions.slice(0, 3)).notices.length, 3, 'three still come one by one');
    assert.equal(plan(transitions.slice(0, 2).concat(transitions.slice(0, 2))).notices.length, 2);
  });

  it('sums up good news as information', () => {
    const transitions = ['p1', 'p2', 'p3', 'p4'].map((id) => change('certificatePack', id, 'pending_deployment', 'active'));
    assert.deepEqual(plan(transitions).notices, [{ tone: 'info', message: '4 certificates changed status: 4 became active.' }]);
  });
});
