import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
// Compile-time only: the SDK (generated from Cloudflare's current OpenAPI spec) is the
// authority for the enum spellings. These imports vanish from the emitted JavaScript.
import type { ClientCertificate } from 'cloudflare/resources/client-certificates/client-certificates';
import type { CustomCertificate } from 'cloudflare/resources/custom-certificates/custom-certificates';
import type { CustomHostname } from 'cloudflare/resources/custom-hostnames/custom-hostnames';
import type { FallbackOriginGetResponse } from 'cloudflare/resources/custom-hostnames/fallback-origin';
import type { Status as SdkCertificatePackStatus } from 'cloudflare/resources/ssl/certificate-packs/certificate-packs';
import type { Verification } from 'cloudflare/resources/ssl/verification';
import type { Zone } from 'cloudflare/resources/zones/zones';
import {
  ACTOR_LABELS,
  allStatuses,
  type CertificatePackStatus,
  type ClientCertificateStatus,
  type CustomCertificateStatus,
  type CustomHostnameStatus,
  describeStatus,
  type FallbackOriginStatus,
  isKnownStatus,
  MAX_SHOWN_STATUS_LENGTH,
  OBJECT_KINDS,
  type ObjectKind,
  SEVERITIES,
  type SslVerificationStatus,
  STAGE_LABELS,
  STATUS_VALUES,
  type ZoneStatus,
} from '../../../src/domain/status';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;

/** Fails to compile when our value lists and the SDK's enums drift apart. */
export const sdkAgreement = {
  certificatePack: true satisfies Same<CertificatePackStatus, SdkCertificatePackStatus>,
  customHostnameSsl: true satisfies Same<CertificatePackStatus, NonNullable<NonNullable<CustomHostname['ssl']>['status']>>,
  customHostname: true satisfies Same<CustomHostnameStatus, NonNullable<CustomHostname['status']>>,
  customCertificate: true satisfies Same<CustomCertificateStatus, NonNullable<CustomCertificate['status']>>,
  clientCertificate: true satisfies Same<ClientCertificateStatus, NonNullable<ClientCertificate['status']>>,
  fallbackOrigin: true satisfies Same<FallbackOriginStatus, NonNullable<FallbackOriginGetResponse['status']>>,
  zone: true satisfies Same<ZoneStatus, NonNullable<Zone['status']>>,
  sslVerification: true satisfies Same<SslVerificationStatus, Verification['certificate_status']>,
};

/** Status counts per docs/cloudflare-api-facts.md §4. */
const EXPECTED_COUNTS: Record<ObjectKind, number> = {
  certificatePack: 21,
  customHostnameSsl: 21,
  customHostname: 16,
  customCertificate: 5,
  clientCertificate: 4,
  fallbackOrigin: 6,
  zone: 4,
  sslVerification: 7,
  validationRecord: 1,
};

/** Theme colour ids the catalog may use: all exist in VS Code's colour registry. */
const KNOWN_THEME_COLORS = new Set([
  'testing.iconPassed',
  'testing.iconFailed',
  'testing.iconQueued',
  'charts.blue',
  'charts.yellow',
  'charts.red',
  'charts.green',
  'charts.orange',
  'charts.purple',
  'errorForeground',
  'disabledForeground',
  'descriptionForeground',
  'problemsWarningIcon.foreground',
  'problemsErrorIcon.foreground',
  'list.warningForeground',
  'list.errorForeground',
]);

function codiconNames(): Set<string> {
  const library = readFileSync(
    path.join(require.resolve('@vscode/codicons/package.json'), '..', 'dist', 'codiconsLibrary.ts'),
    'utf8',
  );
  return new Set([...library.matchAll(/register\('([a-z0-9-]+)'/g)].map((match) => match[1] ?? ''));
}

describe('status catalog', () => {
  it('lists exactly the documented values, with the documented counts', () => {
    for (const kind of OBJECT_KINDS) {
      const values = STATUS_VALUES[kind];
      assert.equal(values.length, EXPECTED_COUNTS[kind], `${kind} value count`);
      assert.equal(new Set(values).size, values.length, `${kind} has duplicate values`);
      assert.deepEqual(
        allStatuses(kind).map((info) => info.value),
        [...values],
        `${kind}: the catalog rows must match STATUS_VALUES in order`,
      );
    }
  });

  it('gives every known value a label, meaning, next step, actor, stage, icon and colour', () => {
    const codicons = codiconNames();
    for (const kind of OBJECT_KINDS) {
      for (const info of allStatuses(kind)) {
        const where = `${kind}/${info.value}`;
        assert.equal(info.kind, kind, where);
        assert.equal(info.known, true, where);
        assert.ok(info.label.trim().length > 0, `${where} label`);
        assert.ok(info.meaning.trim().length > 0, `${where} meaning`);
        assert.match(info.nextStep, /^[A-Z].*\.$/s, `${where} next step is one sentence`);
        assert.ok(Object.hasOwn(ACTOR_LABELS, info.actor), `${where} actor ${info.actor}`);
        assert.ok(Object.hasOwn(STAGE_LABELS, info.stage), `${where} stage ${info.stage}`);
        assert.notEqual(info.stage, 'unknown', `${where} known values have a real stage`);
        assert.ok(SEVERITIES.includes(info.severity), `${where} severity`);
        assert.equal(typeof info.terminal, 'boolean', where);
        const iconName = info.icon.split('~')[0] ?? '';
        assert.ok(codicons.has(iconName), `${where} icon ${info.icon} is not a codicon`);
        assert.ok(KNOWN_THEME_COLORS.has(info.color), `${where} colour ${info.color}`);
        assert.ok(Object.isFrozen(info), `${where} is frozen`);
      }
    }
  });

  it('uses the dashboard labels from Cloudflare’s docs', () => {
    const labels = (kind: ObjectKind): Record<string, string> =>
      Object.fromEntries(allStatuses(kind).map((info) => [info.value, info.label]));
    const pack = labels('certificatePack');
    assert.equal(pack['pending_validation'], 'Pending Validation');
    assert.equal(pack['validation_timed_out'], 'Timed Out (Validation)');
    assert.equal(pack['initializing_timed_out'], 'Timed Out (Initializing)');
    assert.equal(pack['holding_deployment'], 'Holding Deployment');
    assert.equal(pack['staging_active'], 'Staging Active');
    assert.equal(labels('customHostname')['active_redeploying'], 'Active re-deploying');
    assert.equal(labels('clientCertificate')['pending_revocation'], 'Pending Revocation');
    const suggested = allStatuses('certificatePack').filter((info) => info.labelSource === 'suggested');
    assert.deepEqual(
      suggested.map((info) => info.value).sort(),
      ['backup_issued', 'deleted', 'expired', 'pending_cleanup', 'pending_deletion', 'pending_expiration'],
    );
  });

  it('marks the undocumented values and gives them neutral or in-progress styling', () => {
    const undocumented = (kind: ObjectKind): string[] =>
      allStatuses(kind)
        .filter((info) => !info.documented)
        .map((info) => info.value)
        .sort();
    assert.deepEqual(undocumented('certificatePack'), ['backup_issued', 'pending_cleanup', 'pending_expiration']);
    assert.deepEqual(undocumented('customHostname'), [
      'pending_blocked',
      'pending_migration',
      'pending_provisioned',
      'provisioned',
      'test_active',
      'test_active_apex',
      'test_blocked',
      'test_failed',
      'test_pending',
    ]);
    assert.equal(describeStatus('certificatePack', 'pending_cleanup').severity, 'progress');
    assert.equal(describeStatus('customHostname', 'test_failed').severity, 'error');
    assert.equal(describeStatus('customHostname', 'test_blocked').severity, 'error');
    assert.equal(describeStatus('customHostname', 'pending_blocked').severity, 'error');
  });

  it('maps the main lifecycle to the expected severities and actors', () => {
    const pack = (value: string) => describeStatus('certificatePack', value);
    assert.equal(pack('active').severity, 'ok');
    assert.equal(pack('active').actor, 'none');
    assert.equal(pack('pending_validation').severity, 'progress');
    assert.equal(pack('pending_validation').actor, 'domainOwner');
    assert.equal(pack('pending_issuance').actor, 'cloudflare');
    for (const timeout of ['initializing', 'validation', 'issuance', 'deployment', 'deletion']) {
      const info = pack(`${timeout}_timed_out`);
      assert.equal(info.severity, 'error', info.value);
      assert.equal(info.actor, 'user', info.value);
      assert.equal(info.terminal, true, info.value);
    }
    assert.equal(pack('expired').severity, 'error');
    assert.equal(pack('deleted').severity, 'inactive');
    assert.equal(pack('holding_deployment').severity, 'warning');
    assert.equal(pack('pending_deployment').terminal, false);
    assert.equal(describeStatus('customHostname', 'blocked').terminal, true);
    assert.equal(describeStatus('customHostname', 'moved').severity, 'warning');
    assert.equal(describeStatus('clientCertificate', 'revoked').severity, 'inactive');
    assert.equal(describeStatus('customCertificate', 'expired').actor, 'user');
    assert.equal(describeStatus('sslVerification', 'authorizing').stage, 'pendingValidation');
    assert.equal(describeStatus('sslVerification', 'issuing').stage, 'pendingIssuance');
  });

  it('tells a custom hostname certificate’s remedy apart from an edge pack’s', () => {
    const pack = describeStatus('certificatePack', 'validation_timed_out');
    const ssl = describeStatus('customHostnameSsl', 'validation_timed_out');
    assert.equal(ssl.label, pack.label);
    assert.equal(ssl.stage, pack.stage);
    assert.equal(ssl.kind, 'customHostnameSsl');
    assert.match(pack.nextStep, /PATCH the pack/);
    assert.match(ssl.nextStep, /Refresh the hostname/);
  });

  it('says a custom certificate is always the user’s to renew', () => {
    assert.match(describeStatus('customCertificate', 'active').nextStep, /never renews/);
  });
});

describe('describeStatus', () => {
  it('returns the catalog row for a known value', () => {
    const info = describeStatus('certificatePack', 'pending_validation');
    assert.equal(info.known, true);
    assert.equal(info, allStatuses('certificatePack')[1]);
    assert.equal(isKnownStatus('certificatePack', 'pending_validation'), true);
    assert.equal(isKnownStatus('zone', 'pending_validation'), false);
  });

  it('shows an unknown value raw, neutral and marked unknown', () => {
    const info = describeStatus('customHostnameSsl', 'timed_out');
    assert.equal(info.known, false);
    assert.equal(info.value, 'timed_out');
    assert.equal(info.label, 'timed_out');
    assert.equal(info.labelSource, 'raw');
    assert.equal(info.stage, 'unknown');
    assert.equal(info.severity, 'inactive');
    assert.equal(info.actor, 'unknown');
    assert.equal(info.icon, 'question');
    assert.match(info.nextStep, /"timed_out"/);
  });

  it('knows values only for their own kind', () => {
    assert.equal(describeStatus('zone', 'pending_validation').known, false);
    assert.equal(describeStatus('clientCertificate', 'deleted').known, false);
    assert.equal(describeStatus('customCertificate', 'holding_deployment').known, false);
  });

  it('forgives case, blanks and separators but keeps the raw text', () => {
    const info = describeStatus('certificatePack', '  Pending Validation ');
    assert.equal(info.known, true);
    assert.equal(info.label, 'Pending Validation');
    assert.equal(info.value, 'Pending Validation');
    assert.equal(describeStatus('customHostname', 'ACTIVE-REDEPLOYING').label, 'Active re-deploying');
  });

  it('treats a missing status as unknown without throwing', () => {
    for (const value of [undefined, null, '', '   ']) {
      const info = describeStatus('certificatePack', value);
      assert.equal(info.known, false);
      assert.equal(info.value, '');
      assert.equal(info.label, 'No status');
    }
  });

  it('is not fooled by prototype keys', () => {
    for (const value of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      const info = describeStatus('zone', value);
      assert.equal(info.known, false, value);
      assert.equal(info.label, value);
    }
  });

  it('survives values that are not strings at run time', () => {
    const hostile: unknown[] = [42, true, {}, [], Object.create(null), Symbol('x'), () => 1, 10n];
    for (const value of hostile) {
      const info = describeStatus('zone', value as string);
      assert.equal(info.known, false);
    }
    assert.equal(describeStatus('zone', 42 as unknown as string).label, '42');
  });

  it('shortens huge values and strips control and bidi characters from labels', () => {
    const huge = 'x'.repeat(1_000_000);
    const info = describeStatus('certificatePack', huge);
    assert.equal(info.known, false);
    assert.ok(Array.from(info.label).length <= MAX_SHOWN_STATUS_LENGTH);
    assert.ok(info.label.endsWith('…'));
    const sneaky = describeStatus('certificatePack', 'act\u202Eive\u0000\n');
    assert.equal(sneaky.known, false);
    assert.ok(![...sneaky.label].some((c) => c.charCodeAt(0) < 0x20 || c === '\u202e'), sneaky.label);
    const emoji = describeStatus('zone', '😀'.repeat(200));
    assert.ok(!/[\ud800-\udbff]…$/.test(emoji.label), 'does not cut a surrogate pair in half');
  });
});
