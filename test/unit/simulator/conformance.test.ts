import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import { call, hostnameId, packId, zoneId, type SimResponse } from '../../support/simulator/simulatorFixture';

/** The repository root: the nearest folder above this file with a package.json. */
function repoRoot(): string {
  let folder = __dirname;
  while (!existsSync(join(folder, 'package.json')) && dirname(folder) !== folder) folder = dirname(folder);
  return folder;
}

/** Vendored with its source and licence (see the README beside it): the test always has it. */
const documentPath = resolve(repoRoot(), 'test', 'support', 'cloudflare-api', 'openapi.cert-subset.json');

/**
 * Where the 2024 document is older than the API the simulator imitates (the cloudflare-api
 * README and api-facts §1–§5 name these). Every entry must be used by some response, so
 * the list cannot rot; anything not listed fails the test.
 */
const knownDifferences: readonly { readonly keyword: string; readonly path: RegExp; readonly reason: string }[] = [
  { keyword: 'maxLength', path: /^\/result(\/\d+)?\/id$/, reason: 'identifier has maxLength 32, but packs, custom hostnames and client certificates use 36-character UUIDs (README caveats, api-facts §5)' },
  { keyword: 'enum', path: /\/verification_info\/record_(name|target)$/, reason: 'verification_info enums name fields (record_name, txt_name…), not values; real responses carry hostnames and tokens (api-facts §4)' },
  { keyword: 'oneOf', path: /^\/result$/, reason: 'GET /ips: addressing_ips and addressing_ips_jdcloud require no field, so every plain IP list matches both and oneOf cannot pass' },
  { keyword: 'format', path: /\/verification_info\/record_(name|target)$/, reason: 'record_name/record_target are typed as hostnames, but "_acme-challenge.…" TXT names, TXT tokens and HTTP URLs are not (api-facts §3, §4)' },
];

/** Operations the 2024 document lacks: validated against the named schema instead. */
const missingOperations: Readonly<Record<string, { readonly schema: string; readonly reason: string }>> = {
  'GET /accounts/{account_id}/tokens/verify': { schema: 'iam_response_single_segment', reason: 'account-owned token verify exists in the current API and SDK only (api-facts §1); same result shape as the user verify' },
  'GET /accounts/{account_id}': { schema: 'iam_response_single_segment_account', reason: 'account details are not in the subset; checked as a success envelope with an object result' },
};

/** Statuses the facts record differently from the document's "200". */
const knownStatuses: Readonly<Record<string, { readonly status: number; readonly reason: string }>> = {
  'PATCH /zones/{zone_id}/custom_hostnames/{custom_hostname_id}': { status: 202, reason: 'a refresh PATCH answers 202 Accepted (lifecycle §3.8); the body is checked against the 200 schema' },
};

type Json = Record<string, unknown>;

/** OpenAPI 3.0 → JSON Schema: `nullable` becomes a null type, refs point into the registered "cf" document. */
function convert(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(convert);
  if (typeof value !== 'object' || value === null) return value;
  const out: Json = {};
  for (const [key, item] of Object.entries(value as Json)) {
    if (key === '$ref' && typeof item === 'string') out[key] = item.replace(/^#\//, 'cf#/');
    else if (key !== 'nullable' && key !== 'example') out[key] = convert(item);
  }
  const source = value as Json;
  if (source['nullable'] === true) {
    if (typeof out['type'] === 'string') out['type'] = [out['type'], 'null'];
    if (Array.isArray(out['enum'])) out['enum'] = [...(out['enum'] as unknown[]), null];
  }
  return out;
}

describe('simulator conformance with the official OpenAPI document (2024 subset)', () => {
  let sim: RunningSimulator;
  let ajv: Ajv;
  let paths: Json;
  const used = new Set<string>();

  before(async () => {
    assert.ok(existsSync(documentPath), `the OpenAPI document is missing: ${documentPath}`);
    const document = JSON.parse(readFileSync(documentPath, 'utf8')) as Json;
    paths = document['paths'] as Json;
    ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    const components = convert(document['components']) as Json;
    (components['schemas'] as Json)['iam_response_single_segment_account'] = {
      allOf: [{ $ref: 'cf#/components/schemas/iam_api-response-common' }, { properties: { result: { type: 'object' } } }],
    };
    ajv.addSchema({ $id: 'cf', components });
    sim = await startSimulator({ lifecycle: false });
  });
  after(async () => {
    await sim?.close();
  });

  function operation(method: string, template: string): Json | undefined {
    return ((paths[template] as Json | undefined)?.[method.toLowerCase()]) as Json | undefined;
  }

  function responseSchema(method: string, template: string, status: '200' | '4XX'): ValidateFunction {
    const key = `${method} ${template}`;
    const missing = missingOperations[key];
    if (missing !== undefined) {
      assert.equal(operation(method, template), undefined, `${key} is listed as missing but the document has it`);
      used.add(`missing:${key}`);
      if (status === '4XX') return ajv.getSchema('cf#/components/schemas/tls-certificates-and-hostnames_api-response-common-failure') as ValidateFunction;
      return ajv.getSchema(`cf#/components/schemas/${missing.schema}`) as ValidateFunction;
    }
    const found = operation(method, template);
    assert.ok(found !== undefined, `${key} is not in the document`);
    const responses = found['responses'] as Json;
    let schema = ((responses[status] as Json)['content'] as Json)['application/json'] as Json;
    schema = schema['schema'] as Json;
    // Many 4XX schemas allOf the success schema (`success: enum [true]`), which no failure
    // can satisfy: error envelopes are checked against the common failure schema instead.
    if (status === '4XX' && JSON.stringify(schema).includes('response_collection') || status === '4XX' && JSON.stringify(schema).includes('response_single')) {
      used.add('4XX-allOf-success');
      const family = template.startsWith('/zones/{zone_id}/') && !template.includes('/settings/') ? 'tls-certificates-and-hostnames' : template.startsWith('/zones') ? 'zones' : 'iam';
      return ajv.getSchema(`cf#/components/schemas/${family}_api-response-common-failure`) as ValidateFunction;
    }
    return ajv.compile(convert(schema) as Json);
  }

  function check(method: string, template: string, response: SimResponse, kind: '200' | '4XX' = '200'): void {
    const key = `${method} ${template}`;
    if (kind === '200') {
      const expected = knownStatuses[key]?.status ?? 200;
      if (knownStatuses[key] !== undefined) used.add(`status:${key}`);
      assert.equal(response.status, expected, `${key}: ${JSON.stringify(response.body).slice(0, 300)}`);
    } else {
      assert.ok(response.status >= 400 && response.status < 500, key);
    }
    const validate = responseSchema(method, template, kind);
    validate(response.body);
    const errors = validate.errors ?? [];
    const explained = errors.filter((error: ErrorObject) => {
      const known = knownDifferences.find((difference) => difference.keyword === error.keyword && difference.path.test(error.instancePath));
      if (known !== undefined) used.add(`diff:${known.reason}`);
      return known !== undefined;
    });
    // A oneOf/anyOf wrapper fails when an explained error sits inside it; only then is it excused.
    const unexplained = errors.filter((error) => !explained.includes(error) && !(
      ['oneOf', 'anyOf'].includes(error.keyword) && explained.some((inner) => inner.instancePath.startsWith(error.instancePath))
    ));
    assert.deepEqual(unexplained, [], `${key} does not match the document`);
  }

  it('answers every route with bodies the document accepts', async () => {
    const acme = zoneId(sim, 'acme.com');
    const saas = zoneId(sim, 'tenantly.app');
    const accountId = sim.state.accounts[0]?.id ?? '';
    const pack = packId(sim, 'acme.com', 'shop.acme.com');
    const timedOut = packId(sim, 'acme.com', 'legacy.acme.com');
    const custom = sim.state.zone(acme)?.customCertificates.all()[0]?.id ?? '';
    const client = sim.state.zone(acme)?.clientCertificates.all()[0]?.id ?? '';
    const revoked = sim.state.zone(acme)?.clientCertificates.all().find((item) => item['status'] === 'revoked')?.id ?? '';
    const hostname = hostnameId(sim, 'docs.initech.com');
    const cases: [string, string, string, { body?: unknown; token?: string }?][] = [
      ['GET', '/user/tokens/verify', '/user/tokens/verify'],
      ['GET', '/accounts/{account_id}/tokens/verify', `/accounts/${accountId}/tokens/verify`, { token: 'cfat_SIMULATOR-ACCOUNT-TOKEN-not-a-real-token-000007' }],
      ['GET', '/accounts', '/accounts'],
      ['GET', '/accounts/{account_id}', `/accounts/${accountId}`],
      ['GET', '/zones', '/zones?per_page=50'],
      ['GET', '/zones/{zone_id}', `/zones/${acme}`],
      ['GET', '/zones/{zone_id}/settings/{setting_id}', `/zones/${acme}/settings/ssl`],
      ['GET', '/zones/{zone_id}/ssl/certificate_packs', `/zones/${acme}/ssl/certificate_packs?status=all&per_page=50`],
      ['GET', '/zones/{zone_id}/ssl/certificate_packs/{certificate_pack_id}', `/zones/${acme}/ssl/certificate_packs/${pack}`],
      ['GET', '/zones/{zone_id}/ssl/certificate_packs/quota', `/zones/${acme}/ssl/certificate_packs/quota`],
      ['GET', '/zones/{zone_id}/ssl/verification', `/zones/${acme}/ssl/verification`],
      ['PATCH', '/zones/{zone_id}/ssl/verification/{certificate_pack_id}', `/zones/${acme}/ssl/verification/${pack}`, { body: { validation_method: 'txt' } }],
      ['GET', '/zones/{zone_id}/ssl/universal/settings', `/zones/${acme}/ssl/universal/settings`],
      ['GET', '/zones/{zone_id}/custom_certificates', `/zones/${acme}/custom_certificates`],
      ['GET', '/zones/{zone_id}/custom_certificates/{custom_certificate_id}', `/zones/${acme}/custom_certificates/${custom}`],
      ['GET', '/zones/{zone_id}/custom_hostnames', `/zones/${saas}/custom_hostnames?per_page=50`],
      // The current API's status filters (absent from the 2024 document): the answer's shape is the same list.
      ['GET', '/zones/{zone_id}/custom_hostnames', `/zones/${saas}/custom_hostnames?per_page=50&hostname_status=pending&ssl_status=pending_validation`],
      ['GET', '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}', `/zones/${saas}/custom_hostnames/${hostname}`],
      ['GET', '/zones/{zone_id}/custom_hostnames/fallback_origin', `/zones/${saas}/custom_hostnames/fallback_origin`],
      ['GET', '/zones/{zone_id}/client_certificates', `/zones/${acme}/client_certificates?status=all`],
      ['GET', '/zones/{zone_id}/client_certificates/{client_certificate_id}', `/zones/${acme}/client_certificates/${client}`],
      ['PATCH', '/zones/{zone_id}/ssl/certificate_packs/{certificate_pack_id}', `/zones/${acme}/ssl/certificate_packs/${timedOut}`],
      ['DELETE', '/zones/{zone_id}/ssl/certificate_packs/{certificate_pack_id}', `/zones/${acme}/ssl/certificate_packs/${timedOut}`],
      ['PATCH', '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}', `/zones/${saas}/custom_hostnames/${hostname}`, { body: { ssl: { method: 'txt', type: 'dv' } } }],
      ['DELETE', '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}', `/zones/${saas}/custom_hostnames/${hostname}`],
      ['PATCH', '/zones/{zone_id}/client_certificates/{client_certificate_id}', `/zones/${acme}/client_certificates/${revoked}`, { body: { reactivate: true } }],
      ['DELETE', '/zones/{zone_id}/client_certificates/{client_certificate_id}', `/zones/${acme}/client_certificates/${client}`],
      ['GET', '/ips', '/ips'],
      ['GET', '/zones/{zone_id}/dcv_delegation/uuid', `/zones/${saas}/dcv_delegation/uuid`],
    ];
    const served = new Set(sim.state.zones.length > 0 ? cases.map(([method, template]) => `${method} ${template}`) : []);
    for (const [method, template, path, options] of cases) {
      check(method, template, await call(sim, path, { method, ...options }));
    }
    // Every route of the simulator's table is covered above.
    const { routeTable } = await import('../../../src/simulator');
    for (const route of routeTable) {
      const template = route.pattern.replace(/:([a-z_]+)/g, '{$1}');
      assert.ok(served.has(`${route.method} ${template}`), `no conformance case for ${route.method} ${template}`);
    }
  });

  it('answers errors with envelopes the document accepts', async () => {
    const acme = zoneId(sim, 'acme.com');
    check('GET', '/zones', await call(sim, '/zones?per_page=51'), '4XX');
    check('GET', '/zones/{zone_id}', await call(sim, '/zones/0000000000000000000000000000dead'), '4XX');
    check('GET', '/zones/{zone_id}/ssl/certificate_packs', await call(sim, `/zones/${acme}/ssl/certificate_packs`, { token: 'SIMULATOR-ZONE-ONLY-TOKEN-not-a-real-token-00000003' }), '4XX');
    check('GET', '/zones/{zone_id}/custom_hostnames', await call(sim, `/zones/${acme}/custom_hostnames?per_page=4`), '4XX');
    check('PATCH', '/zones/{zone_id}/ssl/certificate_packs/{certificate_pack_id}', await call(sim, `/zones/${acme}/ssl/certificate_packs/${packId(sim, 'acme.com', 'partners.acme.com')}`, { method: 'PATCH' }), '4XX');
    check('GET', '/user/tokens/verify', await call(sim, '/user/tokens/verify', { token: 'SIMULATOR-UNKNOWN-TOKEN-not-a-real-token-0000000099' }), '4XX');
  });

  it('catches a response the document does not accept (the check is live)', async () => {
    const saas = zoneId(sim, 'tenantly.app');
    const located = sim.state.find(hostnameId(sim, 'portal.contoso.io'));
    assert.ok(located !== undefined);
    const before = located.object['ssl'];
    sim.state.setStatus(located, 'bogus', 'ssl.status');
    const response = await call(sim, `/zones/${saas}/custom_hostnames/${located.object.id}`);
    located.object['ssl'] = before;
    assert.throws(() => check('GET', '/zones/{zone_id}/custom_hostnames/{custom_hostname_id}', response), /does not match the document/);
  });

  it('uses every listed difference, so the allow-list stays honest', () => {
    for (const difference of knownDifferences) assert.ok(used.has(`diff:${difference.reason}`), `unused known difference: ${difference.reason}`);
    for (const key of Object.keys(missingOperations)) assert.ok(used.has(`missing:${key}`), `unused missing operation: ${key}`);
    for (const key of Object.keys(knownStatuses)) assert.ok(used.has(`status:${key}`), `unused status difference: ${key}`);
    assert.ok(used.has('4XX-allOf-success'));
  });
});
