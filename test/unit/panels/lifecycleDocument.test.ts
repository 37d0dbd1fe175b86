import * as assert from 'node:assert/strict';
import { CloudflareClient, type CertificatePack, type ClientCertificate, type CustomCertificate, type CustomHostname, type Zone } from '../../../src/cloudflare';
import { DEFAULT_EXPIRY_THRESHOLDS } from '../../../src/domain/expiry';
import type { CertificateObject } from '../../../src/domain/objectHealth';
import type { Transition } from '../../../src/explorer/statusChanges';
import { LifecycleHeadings, lifecycleDocument, loadingDocument, unavailableDocument, type LifecycleInput } from '../../../src/panels/lifecycleDocument';
import type { ProbeResult } from '../../../src/probe';
import { startSimulator, type RunningSimulator } from '../../../src/simulator';
import type { Block, CalloutBlock, DiagramBlock, FactsBlock, PanelDocument } from '../../../src/panels/document';
import { isPanelDocument } from '../../../src/webview/documentGuards';
import { renderDocument } from '../../../src/webview/render/renderDocument';
import { hostileStrings } from '../../support/hostile/hostileStrings';
import { scanTags, strayAngles } from '../../support/webview/markupScanner';

interface Loaded {
  readonly zones: Zone[];
  readonly items: { readonly item: CertificateObject; readonly zone: Zone }[];
}

/** Every certificate object of the demo scenario, as the extension's client reads them. */
async function loadDemo(simulator: RunningSimulator): Promise<Loaded> {
  const client = new CloudflareClient({ baseUrl: simulator.apiBaseUrl, credentials: { kind: 'token', token: simulator.demoToken }, rateBudget: false, retries: { max: 0 } });
  try {
    const zones = await client.listZones();
    const items: { item: CertificateObject; zone: Zone }[] = [];
    for (const zone of zones) {
      const [packs, customCertificates, clientCertificates, hostnames] = await Promise.all([
        client.listCertificatePacks(zone.id),
        client.listCustomCertificates(zone.id),
        client.listClientCertificates(zone.id),
        client.listCustomHostnames(zone.id),
      ]);
      items.push(
        ...packs.map((object) => ({ item: { kind: 'certificatePack' as const, object }, zone })),
        ...customCertificates.map((object) => ({ item: { kind: 'customCertificate' as const, object }, zone })),
        ...clientCertificates.map((object) => ({ item: { kind: 'clientCertificate' as const, object }, zone })),
        ...hostnames.map((object) => ({ item: { kind: 'customHostname' as const, object }, zone })),
      );
    }
    return { zones, items };
  } finally {
    await client.close();
  }
}

type ObjectOf<K extends CertificateObject['kind']> = Extract<CertificateObject, { kind: K }>;

const now = Date.parse('2026-11-26T12:00:00Z');

function build(item: CertificateObject, overrides: Partial<LifecycleInput> = {}): PanelDocument {
  return lifecycleDocument({ item, zoneName: 'acme.com', accountLabel: 'Acme Corp', history: [], probes: [], now, thresholds: DEFAULT_EXPIRY_THRESHOLDS, freshness: { state: 'fresh', at: now }, ...overrides });
}

function blocksOf<K extends Block['kind']>(document: PanelDocument, kind: K): Extract<Block, { kind: K }>[] {
  return document.blocks.filter((block): block is Extract<Block, { kind: K }> => block.kind === kind);
}

function block<K extends Block['kind']>(document: PanelDocument, kind: K, title: string): Extract<Block, { kind: K }> {
  const found = blocksOf(document, kind).find((candidate) => 'title' in candidate && candidate.title === title);
  assert.ok(found, `a ${kind} block "${title}" among ${document.blocks.map((candidate) => ('title' in candidate ? candidate.title : candidate.kind)).join(', ')}`);
  return found;
}

function factValue(facts: FactsBlock, label: string): string | undefined {
  return facts.rows.find((row) => row.label === label)?.value.text;
}

function current(diagram: DiagramBlock): string[] {
  return diagram.nodes.filter((node) => node.state === 'current').map((node) => node.id);
}

function stateOf(diagram: DiagramBlock, id: string): string | undefined {
  return diagram.nodes.find((node) => node.id === id)?.state;
}

function actionIds(document: PanelDocument): string[] {
  return document.actions.map((action) => action.id);
}

const allowedTags = new Set(['header', 'div', 'h1', 'h2', 'p', 'span', 'button', 'main', 'section', 'dl', 'dt', 'dd', 'code', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'ol', 'ul', 'li', 'time', 'details', 'summary', 'pre']);

describe('lifecycle document', () => {
  let simulator: RunningSimulator;
  let demo: Loaded;

  before(async () => {
    simulator = await startSimulator({ lifecycle: false });
    demo = await loadDemo(simulator);
  });

  after(async () => {
    await simulator.close();
  });

  function find<K extends CertificateObject['kind']>(kind: K, test: (object: ObjectOf<K>['object']) => boolean): ObjectOf<K> {
    for (const { item } of demo.items) {
      if (item.kind !== kind) continue;
      const typed = item as ObjectOf<K>;
      if ((test as (object: unknown) => boolean)(typed.object)) return typed;
    }
    return assert.fail(`no demo ${kind} fits`);
  }

  it('builds a valid, renderable document for every object of the demo scenario, with its status marked on each diagram', () => {
    assert.ok(demo.items.length > 60, `${demo.items.length} objects`);
    for (const { item, zone } of demo.items) {
      const document = build(item, { zoneName: zone.name });
      assert.ok(isPanelDocument(document), `${item.kind} ${item.object.id} passes the webview's guard`);
      assert.ok(document.title.length > 0);
      assert.match(document.subtitle ?? '', new RegExp(zone.name.replace(/\./g, '\\.')));
      const diagrams = blocksOf(document, 'diagram');
      assert.equal(diagrams.length, item.kind === 'customHostname' ? 2 : 1);
      const statuses = item.kind === 'customHostname' ? [item.object.status, item.object.ssl?.status] : [item.object.status];
      diagrams.forEach((diagram, index) => assert.deepEqual(current(diagram), [statuses[index]], `${item.kind} ${item.object.id}: ${diagram.title}`));
      const markup = renderDocument(document);
      assert.equal(strayAngles(markup), 0);
      assert.ok(markup.includes('aria-current="step"'));
    }
  });

  it('a pack in Pending Validation: the domain owner acts, the records can be copied, validation can be restarted', () => {
    const item = find('certificatePack', (pack) => pack.status === 'pending_validation' && (pack.validation_records ?? []).length > 0);
    const document = build(item);
    assert.deepEqual(document.status, { label: 'Pending Validation', tone: 'progress' });
    const next = block(document, 'callout', LifecycleHeadings.next);
    assert.equal(next.lines.length, 2);
    assert.match(next.lines[0] ?? '', /^Next: .*place the TXT or HTTP token/);
    assert.equal(next.lines[1], 'Who acts: Domain owner.');
    const diagram = block(document, 'diagram', LifecycleHeadings.lifecycle);
    assert.equal(stateOf(diagram, 'pending_issuance'), 'next');
    assert.equal(stateOf(diagram, 'validation_timed_out'), 'next');
    assert.equal(stateOf(diagram, 'active'), 'other');
    const records = block(document, 'table', LifecycleHeadings.records);
    assert.ok(records.rows.length > 0);
    const copyLabels = records.rows.flatMap((row) => row.map((cell) => cell.copyLabel).filter((label) => label !== undefined));
    assert.ok(copyLabels.includes('TXT name') || copyLabels.includes('HTTP URL'), copyLabels.join(', '));
    const record = (item.object.validation_records ?? [])[0];
    const copied = records.rows.flatMap((row) => row.filter((cell) => cell.copyLabel !== undefined).map((cell) => cell.text));
    assert.ok(copied.includes(record?.txt_value ?? record?.http_body ?? ''), 'the value to place is copyable as is');
    assert.deepEqual(actionIds(document), ['refresh', 'restartValidation', 'diagnose', 'probe', 'openInDashboard', 'openApiObject']);
  });

  it('an active pack: its RSA and ECDSA certificates with issuer, expiry and days left; nothing to restart', () => {
    const item = find('certificatePack', (pack) => pack.status === 'active' && (pack.certificates ?? []).length === 2);
    const document = build(item);
    const certificates = block(document, 'table', LifecycleHeadings.certificates);
    assert.deepEqual(certificates.columns, ['Key', 'Issuer', 'Serial', 'Signature', 'Hosts', 'Expires', 'Days left', 'Status']);
    assert.deepEqual(certificates.rows.map((row) => row[0]?.text).sort(), ['ECDSA', 'RSA']);
    for (const row of certificates.rows) {
      assert.match(row[5]?.text ?? '', /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$/);
      assert.match(row[6]?.text ?? '', /left|today|expired/);
      assert.ok(row[6]?.tone !== undefined);
    }
    const pack = block(document, 'facts', LifecycleHeadings.pack);
    assert.ok(factValue(pack, 'Certificate authority') !== undefined || factValue(pack, 'Type') !== undefined);
    assert.equal(factValue(pack, 'Pack ID'), item.object.id);
    const next = block(document, 'callout', LifecycleHeadings.next);
    assert.equal(next.lines[1], 'Who acts: Nobody: nothing needs doing.');
    assert.deepEqual(actionIds(document), ['refresh', 'diagnose', 'probe', 'openInDashboard', 'openApiObject']);
    assert.equal(block(document, 'table', LifecycleHeadings.records).rows.length, 0);
  });

  it('a pack whose validation timed out: its validation errors as a callout, and a restart', () => {
    const item = find('certificatePack', (pack) => pack.status === 'validation_timed_out');
    const document = build(item);
    assert.equal(document.status?.tone, 'error');
    assert.ok(actionIds(document).includes('restartValidation'));
    const messages = (item.object.validation_errors ?? []).map((error) => error.message);
    assert.ok(messages.length > 0, 'the demo pack has a CA complaint');
    assert.deepEqual(block(document, 'callout', LifecycleHeadings.validationErrors).lines, messages);
    const diagram = block(document, 'diagram', LifecycleHeadings.lifecycle);
    assert.equal(stateOf(diagram, 'pending_validation'), 'next', 'a restart leads back to Pending Validation');
    assert.ok(diagram.edges.some((edge) => edge.from === 'validation_timed_out' && edge.inferred === true));
  });

  it('a pending custom hostname: both statuses, two diagrams, the customer acts, ownership and DCV records', () => {
    const item = find('customHostname', (hostname) => hostname.hostname === 'app.northwind-traders.com');
    const document = build(item, { zoneName: 'tenantly.app' });
    assert.equal(document.title, 'app.northwind-traders.com');
    assert.equal(document.subtitle, 'Custom hostname · tenantly.app');
    assert.equal(document.status?.label, 'Hostname: Pending · Certificate: Pending Validation');
    assert.deepEqual(current(block(document, 'diagram', LifecycleHeadings.hostnameLifecycle)), ['pending']);
    assert.deepEqual(current(block(document, 'diagram', LifecycleHeadings.certificateLifecycle)), ['pending_validation']);
    const next = block(document, 'callout', LifecycleHeadings.next);
    assert.match(next.lines[0] ?? '', /^Next \(hostname\): /);
    assert.equal(next.lines[1], 'Who acts: Your customer, who controls the hostname’s DNS.');
    const records = block(document, 'table', LifecycleHeadings.records);
    const proves = new Set(records.rows.map((row) => row[0]?.text));
    assert.ok(proves.has('Hostname ownership'), [...proves].join(', '));
    const overview = block(document, 'facts', LifecycleHeadings.overview);
    assert.equal(factValue(overview, 'Hostname status'), 'Pending');
    assert.equal(factValue(overview, 'Certificate status'), 'Pending Validation');
    assert.ok(actionIds(document).includes('refreshValidation'));
    assert.ok(!actionIds(document).includes('restartValidation'));
    const errors = item.object.verification_errors ?? [];
    assert.deepEqual(block(document, 'callout', LifecycleHeadings.hostnameVerificationErrors).lines, ['custom hostname does not CNAME to this zone.']);
    assert.equal(errors.length, 1);
  });

  it('a custom hostname whose certificate is the problem names the certificate part and the SaaS provider', () => {
    const item = find('customHostname', (hostname) => hostname.status === 'active' && hostname.ssl?.status === 'deployment_timed_out');
    const document = build(item);
    const next = block(document, 'callout', LifecycleHeadings.next);
    assert.match(next.lines[0] ?? '', /^Next \(certificate\): /);
    assert.equal(next.lines[1], 'Who acts: You, the SaaS provider.');
    assert.equal(next.tone, 'error');
  });

  it('a custom certificate: issuer, expiry and days left, no validation records, no restart', () => {
    const item = find('customCertificate', (certificate) => certificate.status === 'active');
    const document = build(item);
    const certificate = block(document, 'facts', LifecycleHeadings.certificate);
    assert.equal(factValue(certificate, 'Issuer'), item.object.issuer ?? undefined);
    assert.match(factValue(certificate, 'Expires') ?? '', /UTC$/);
    assert.match(factValue(certificate, 'Days left') ?? '', /left|today|expired/);
    assert.equal(blocksOf(document, 'table').filter((table) => table.title === LifecycleHeadings.records).length, 0);
    assert.deepEqual(actionIds(document), ['refresh', 'probe', 'openInDashboard', 'openApiObject']);
  });

  it('a revoked client certificate: reactivation is the next step, and there is nothing to probe', () => {
    const item = find('clientCertificate', (certificate) => certificate.status === 'revoked');
    const document = build(item);
    assert.equal(document.title, item.object.common_name);
    const diagram = block(document, 'diagram', LifecycleHeadings.lifecycle);
    assert.deepEqual(current(diagram), ['revoked']);
    assert.equal(stateOf(diagram, 'pending_reactivation'), 'next');
    assert.deepEqual(actionIds(document), ['refresh', 'openInDashboard', 'openApiObject']);
    assert.equal(blocksOf(document, 'table').filter((table) => table.title === LifecycleHeadings.lastProbe).length, 0);
    const certificate = block(document, 'facts', LifecycleHeadings.certificate);
    assert.equal(factValue(certificate, 'Certificate ID'), item.object.id);
    assert.equal(block(document, 'code', LifecycleHeadings.pem).text, item.object.certificate);
  });

  it('the raw API object, as indented JSON, collapsed', () => {
    const item = find('certificatePack', () => true);
    const raw = block(build(item), 'code', LifecycleHeadings.raw);
    assert.equal(raw.text, JSON.stringify(item.object, null, 2));
    assert.notEqual(raw.open, true);
  });
});

describe('lifecycle document, built by hand', () => {
  const pack = (overrides: Partial<CertificatePack> = {}): CertificateObject => ({
    kind: 'certificatePack',
    object: { id: 'pack-1', type: 'advanced', status: 'pending_validation', hosts: ['example.com', 'shop.example.com'], certificate_authority: 'lets_encrypt', validity_days: 90, validation_method: 'txt', ...overrides },
  });

  it('lists the history newest first, with times, and marks the statuses it saw as visited', () => {
    const history: Transition[] = [
      { at: now - 3_600_000, field: 'status', to: 'initializing' },
      { at: now - 1_800_000, field: 'status', from: 'initializing', to: 'pending_validation' },
    ];
    const document = build(pack(), { history });
    const timeline = block(document, 'timeline', LifecycleHeadings.history);
    assert.deepEqual(
      timeline.entries.map((entry) => [entry.at, entry.label]),
      [
        ['2026-11-26 11:30:00 UTC', 'Initializing → Pending Validation'],
        ['2026-11-26 11:00:00 UTC', 'First seen as Initializing'],
      ],
    );
    const diagram = block(document, 'diagram', LifecycleHeadings.lifecycle);
    assert.equal(stateOf(diagram, 'initializing'), 'visited');
    assert.equal(stateOf(diagram, 'pending_validation'), 'current');
  });

  it('names which status of a custom hostname changed, and uses the format it is given', () => {
    const hostname: CustomHostname = { id: 'h1', hostname: 'app.customer.test', status: 'active', ssl: { status: 'active', method: 'http', type: 'dv' } };
    const history: Transition[] = [{ at: now, field: 'sslStatus', from: 'pending_deployment', to: 'active' }];
    const timeline = block(build({ kind: 'customHostname', object: hostname }, { history, format: () => 'just now' }), 'timeline', LifecycleHeadings.history);
    assert.deepEqual(timeline.entries.map((entry) => [entry.at, entry.label, entry.tone]), [['just now', 'Certificate: Pending Deployment → Active', 'ok']]);
  });

  it('says so when no change was seen yet', () => {
    const timeline = block(build(pack()), 'timeline', LifecycleHeadings.history);
    assert.equal(timeline.entries.length, 0);
    assert.match(timeline.empty ?? '', /No status change seen yet/);
  });

  it('shows the last probe per name: verdict, served serial, days left, when', () => {
    const probe = {
      servername: 'shop.example.com',
      servernameUnicode: 'shop.example.com',
      verdict: 'unexpected-certificate',
      chain: [{ serialNumber: '0A1B2C', issuer: 'CN=Test CA', daysLeft: 40 }],
      probedAt: '2026-11-26T11:59:00.000Z',
    } as unknown as ProbeResult;
    const table = block(build(pack(), { probes: [probe] }), 'table', LifecycleHeadings.lastProbe);
    assert.deepEqual(
      table.rows.map((row) => row.map((cell) => cell.text)),
      [['shop.example.com', 'Unexpected certificate', '0A1B2C', '40', '2026-11-26 11:59:00 UTC']],
    );
    assert.equal(table.rows[0]?.[1]?.tone, 'warning');
  });

  it('marks stale data in the note, and gone objects in a callout, without actions that would need the object', () => {
    const stale = build(pack(), { freshness: { state: 'stale', at: now, reason: 'the network is down' } });
    assert.equal(stale.note, 'Stale: the network is down. Showing data from 2026-11-26 12:00:00 UTC.');
    const gone = build(pack(), { freshness: { state: 'gone', at: now } });
    assert.match(gone.note ?? '', /^Gone: /);
    assert.equal((gone.blocks[0] as CalloutBlock).title, LifecycleHeadings.gone);
    assert.deepEqual(actionIds(gone), ['refresh', 'openInDashboard', 'openApiObject']);
    assert.match(build(pack(), { freshness: { state: 'refreshing', at: now } }).note ?? '', /^Refreshing…/);
  });

  it('draws a status the catalog does not know as the current node, and a missing one too', () => {
    for (const status of ['brand_new_status', null]) {
      const document = build(pack({ status }));
      const diagram = block(document, 'diagram', LifecycleHeadings.lifecycle);
      const marked = diagram.nodes.filter((node) => node.state === 'current');
      assert.equal(marked.length, 1);
      assert.equal(marked[0]?.lane, 'branch');
      assert.equal(marked[0]?.label, status ?? 'No status');
      assert.ok(isPanelDocument(document));
    }
  });

  it('draws each "from any status" arrow once', () => {
    const diagram = block(build(pack({ status: 'active' })), 'diagram', LifecycleHeadings.lifecycle);
    const deletes = diagram.edges.filter((edge) => edge.to === 'pending_deletion');
    assert.equal(deletes.filter((edge) => edge.fromAny === true).length, 1);
    assert.equal(stateOf(diagram, 'pending_deletion'), 'next', 'a delete is one step away from Active');
  });

  for (const hostile of hostileStrings) {
    it(`keeps ${JSON.stringify(hostile.slice(0, 30))} from the API as capped text`, () => {
      const hostileHostname: CustomHostname = {
        id: hostile,
        hostname: hostile,
        status: hostile,
        verification_errors: [hostile],
        custom_origin_server: hostile,
        ssl: { status: hostile, method: 'txt', type: 'dv', issuer: hostile, validation_errors: [{ message: hostile }], validation_records: [{ txt_name: hostile, txt_value: hostile, status: hostile }] },
      };
      const hostileClient: ClientCertificate = { id: 'c1', common_name: hostile, status: 'active', certificate_authority: { name: hostile }, certificate: hostile };
      const hostileCustom: CustomCertificate = { id: 'u1', hosts: [hostile], issuer: hostile, status: 'active', signature: hostile, expires_on: hostile };
      const items: CertificateObject[] = [
        { kind: 'customHostname', object: hostileHostname },
        { kind: 'clientCertificate', object: hostileClient },
        { kind: 'customCertificate', object: hostileCustom },
        pack({ hosts: [hostile], status: hostile, validation_errors: [{ message: hostile }], certificates: [{ issuer: hostile, signature: hostile, hosts: [hostile], expires_on: hostile }] }),
      ];
      for (const item of items) {
        const document = build(item, { zoneName: hostile, accountLabel: hostile, history: [{ at: now, field: 'status', from: hostile, to: hostile }] });
        assert.ok(isPanelDocument(document));
        assert.ok(document.title.length <= 300, 'the title is capped');
        const markup = renderDocument(document);
        assert.equal(strayAngles(markup), 0, 'every < starts a tag the renderer wrote');
        for (const tag of scanTags(markup)) assert.ok(allowedTags.has(tag.name), `<${tag.name}>`);
        assert.ok(!markup.includes('<script'), 'no script element');
        const longest = Math.max(...markup.split(/[<>]/).map((text) => text.length));
        assert.ok(longest < 250_000, 'no text is unbounded');
      }
    });
  }

  it('has a document for "loading" and one for an object that cannot be shown', () => {
    const ref = { kind: 'customHostname' as const, account: 'environment', zone: 'z1', id: 'h1' };
    const loading = loadingDocument(ref);
    assert.ok(isPanelDocument(loading));
    assert.equal(loading.note, 'Loading…');
    const gone = unavailableDocument(ref, 'Cloudflare has no such custom hostname.', true);
    assert.ok(isPanelDocument(gone));
    assert.equal(gone.status?.label, 'Not found');
    assert.deepEqual(gone.actions, []);
    const failed = unavailableDocument(ref, 'The network is down.', false);
    assert.deepEqual(actionIds(failed), ['refresh']);
    assert.ok(renderDocument(failed).includes('The network is down.'));
  });

  it('is plain data that survives the trip to the webview unchanged', () => {
    const document = build(pack({ status: 'active', certificates: [{ id: 1, issuer: 'LE', signature: 'ECDSAWithSHA256', expires_on: '2027-01-01T00:00:00Z' }] }));
    assert.deepEqual(JSON.parse(JSON.stringify(document)) as unknown, document);
    const code = blocksOf(document, 'code');
    assert.equal(code.length, 1);
    const tables = blocksOf(document, 'table');
    assert.ok(tables.every((table) => table.rows.every((row) => row.length === table.columns.length)), 'every row has a cell per column');
  });
});
