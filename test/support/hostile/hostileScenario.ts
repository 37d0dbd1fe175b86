/**
 * The demo scenario with hostile strings in every field the tree and the panels show: a
 * custom hostname's name, its errors and records, a pack's host and errors, a client
 * certificate's subject, a custom certificate's issuer and signature (which the TLS edge
 * copies into the certificates it serves), and an account name.
 *
 * Every script payload, if it ever ran, sets `data-pwned` on the `<body>` of the document
 * it ran in, so a test can look for the mark in every frame of the workbench.
 */
import { loadScenario, type Scenario, type ScenarioZone, type SimObject } from '../../../src/simulator';
import demo from '../../../src/simulator/scenarios/demo.json';

/** The attribute a payload that ran leaves on its document's body (`document.body.dataset.pwned`). */
export const pwnedAttribute = 'data-pwned';

/** Script that marks its document; quote-free (a regex literal) so it fits any attribute. */
function mark(where: string): string {
  return `document.body.dataset.pwned=/${where}/.source`;
}

/**
 * One payload per way out of text: a tag, an event handler, an attribute break-out, a
 * `javascript:` URL (bare, in a link, in Markdown), a code-block break-out, a very long
 * string. `where` names the field, so a mark found names the field that leaked.
 */
export function hostilePayloads(where: string): { readonly [kind in PayloadKind]: string } {
  return {
    script: `<script>${mark(`${where}:script`)}</script>`,
    img: `<img src=x onerror="${mark(`${where}:img`)}">`,
    svg: `<svg onload="${mark(`${where}:svg`)}"></svg>`,
    attribute: `" onmouseover="${mark(`${where}:attribute`)}" autofocus onfocus="${mark(`${where}:focus`)}" x="`,
    // void(): a javascript: URL whose value is a string would replace the page with it.
    javascriptUrl: `javascript:void(${mark(`${where}:url`)})`,
    link: `<a href="javascript:void(${mark(`${where}:link`)})">click me</a>`,
    markdown: `[click me](javascript:void(${mark(`${where}:markdown`)})) ![x](x" onerror="${mark(`${where}:md-img`)})`,
    breakout: `</code></pre></details></td></table><script>${mark(`${where}:breakout`)}</script>`,
    long: longString(where),
  };
}

export type PayloadKind = 'script' | 'img' | 'svg' | 'attribute' | 'javascriptUrl' | 'link' | 'markdown' | 'breakout' | 'long';

/** 10,000 characters without a space, so nothing can wrap it at a word boundary. */
export function longString(where: string): string {
  const head = `LONG-${where}-`;
  return head + 'x'.repeat(10_000 - head.length);
}

/** The poisoned objects, by what a test looks for in the tree. */
export const hostile = {
  /** tenantly.app: a custom hostname whose name is markup, timed out in validation. */
  hostname: `<img src=x onerror="${mark('hostname:name')}">.hostile-tenant.example`,
  hostnameRowText: 'hostile-tenant.example',
  /** acme.com: a pack in Pending Validation whose first host is markup. */
  packHost: `<svg onload="${mark('pack:host')}"></svg>.acme.com`,
  packRowText: '.acme.com',
  /** acme.com: an active custom certificate with a markup issuer; the TLS edge serves it. */
  customCertificateHost: 'hostile-cert.acme.com',
  // Single quotes: the simulator's X.509 library reads a double-quoted part of a name as DN quoting.
  customCertificateIssuer: `<img src=x onerror='${mark('custom-certificate:issuer')}'>Evil CA`,
  /** acme.com: a revoked client certificate whose common name is a script tag. */
  clientCommonName: `<script>${mark('client:common-name')}</script>`,
  clientRowText: 'client:common-name',
  accountName: `Acme Corp <img src=x onerror="${mark('account:name')}">`,
} as const;

function hostileHostname(): SimObject {
  const p = hostilePayloads('hostname');
  return {
    id: '0bad0bad-0000-4000-8000-000000000001',
    hostname: hostile.hostname,
    status: 'pending',
    created_at: 'now-9d',
    ssl: {
      id: '0bad0bad-0000-4000-8000-000000000002',
      type: 'dv',
      method: 'txt',
      status: 'validation_timed_out',
      certificate_authority: 'google',
      bundle_method: 'ubiquitous',
      wildcard: false,
      validation_records: [
        { status: 'pending', txt_name: p.attribute, txt_value: p.javascriptUrl },
        { status: 'pending', http_url: p.javascriptUrl, http_body: p.script },
      ],
      validation_errors: [{ message: p.link }, { message: p.img }, { message: p.long }],
    },
    custom_metadata: { customer: p.script },
    ownership_verification: { type: 'txt', name: p.attribute, value: p.svg },
    ownership_verification_http: { http_url: p.javascriptUrl, http_body: p.img },
    verification_errors: [p.script, p.img, p.markdown, p.breakout, p.long],
    sim: { path: 'hold' },
  };
}

function hostilePack(): SimObject {
  const p = hostilePayloads('pack');
  return {
    id: '0bad0bad-0000-4000-8000-000000000003',
    type: 'advanced',
    status: 'pending_validation',
    hosts: [hostile.packHost, 'acme.com'],
    validation_method: 'txt',
    validity_days: 90,
    certificate_authority: 'lets_encrypt',
    cloudflare_branding: false,
    certificates: [],
    validation_records: [
      { status: 'pending', txt_name: p.attribute, txt_value: p.img },
      { status: 'pending', http_url: p.javascriptUrl, http_body: p.breakout },
    ],
    validation_errors: [{ message: p.script }, { message: p.markdown }, { message: p.long }],
    sim: { path: 'hold' },
  };
}

function hostileCustomCertificate(): SimObject {
  const p = hostilePayloads('custom-certificate');
  return {
    id: '0bad0bad00000000000000000000cafe',
    type: 'sni_custom',
    hosts: [hostile.customCertificateHost],
    issuer: hostile.customCertificateIssuer,
    signature: p.script,
    status: 'active',
    bundle_method: p.attribute,
    uploaded_on: 'now-20d',
    modified_on: 'now-20d',
    expires_on: 'now+40d',
    priority: 0,
    geo_restrictions: { label: p.markdown },
  };
}

function hostileClientCertificate(): SimObject {
  const p = hostilePayloads('client');
  return {
    id: '0bad0bad-0000-4000-8000-000000000004',
    status: 'revoked',
    common_name: hostile.clientCommonName,
    country: p.javascriptUrl,
    state: p.long,
    location: p.link,
    organization: p.img,
    organizational_unit: p.attribute,
    certificate: `-----BEGIN CERTIFICATE-----\n${p.breakout}\n-----END CERTIFICATE-----\n`,
    csr: p.svg,
    certificate_authority: { id: '455a56f59289fbfe1f54c6807e9113c0', name: p.markdown },
    fingerprint_sha256: p.attribute,
    serial_number: p.img,
    signature: p.script,
    ski: p.javascriptUrl,
    validity_days: 3650,
    issued_on: 'now-60d',
    expires_on: 'now+3000d',
  };
}

function zoneNamed(scenario: Scenario, name: string): ScenarioZone {
  const zone = scenario.zones.find((candidate) => candidate.name === name);
  if (zone === undefined) throw new Error(`the demo scenario has no zone ${name}`);
  return zone;
}

/** A fresh copy each call: the simulator mutates its scenario's objects as they move. */
export function hostileScenario(): Scenario {
  const scenario = structuredClone(loadScenario(demo));
  scenario.name = 'hostile';
  const acme = zoneNamed(scenario, 'acme.com');
  acme.certificatePacks = [...(acme.certificatePacks ?? []), hostilePack()];
  acme.customCertificates = [...(acme.customCertificates ?? []), hostileCustomCertificate()];
  acme.clientCertificates = [...(acme.clientCertificates ?? []), hostileClientCertificate()];
  const tenantly = zoneNamed(scenario, 'tenantly.app');
  tenantly.customHostnames = [...(tenantly.customHostnames ?? []), hostileHostname()];
  if (tenantly.fallbackOrigin !== undefined) {
    tenantly.fallbackOrigin['errors'] = [hostilePayloads('fallback-origin').img];
  }
  const account = scenario.accounts.find((candidate) => candidate.id === acme.accountId);
  if (account !== undefined) account.name = hostile.accountName;
  // Checked like any scenario file: the simulator must accept what the tests serve.
  return loadScenario(scenario);
}
