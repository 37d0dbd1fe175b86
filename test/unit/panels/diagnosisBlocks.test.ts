import * as assert from 'node:assert/strict';
import type { CustomHostname } from '../../../src/cloudflare';
import { DEFAULT_EXPIRY_THRESHOLDS } from '../../../src/domain/expiry';
import type { Diagnosis, Finding } from '../../../src/diagnose';
import type { PanelDocument, TableBlock } from '../../../src/panels/document';
import { LifecycleHeadings, lifecycleDocument } from '../../../src/panels/lifecycleDocument';
import { diagnosisTooltip, hasErrorFinding } from '../../../src/probing/diagnosisPresentation';
import { DiagnosisResults, diagnosisBasis, type DiagnosisRecord } from '../../../src/probing/diagnosisResults';
import { offersCopy } from '../../../src/webview/copyable';
import { isPanelDocument } from '../../../src/webview/documentGuards';
import { renderDocument } from '../../../src/webview/render/renderDocument';

const hostname: CustomHostname = {
  id: 'h1',
  hostname: 'shop.customer.example',
  status: 'pending',
  ssl: { id: 's1', status: 'pending_validation', method: 'txt', validation_records: [{ txt_name: '_acme-challenge.shop.customer.example', txt_value: 'token-1' }] },
};
const item = { kind: 'customHostname' as const, object: hostname };

const at = '2026-12-05T09:00:00.000Z';
function finding(partial: Partial<Finding> & Pick<Finding, 'code' | 'severity' | 'check'>): Finding {
  return { actor: 'domainOwner', name: '_acme-challenge.shop.customer.example', message: 'm', fix: null, checkedAt: at, ...partial };
}

const findings: Finding[] = [
  finding({ check: 'txt', code: 'txt-mismatch', severity: 'error', message: '_acme-challenge.shop.customer.example holds "<img src=x onerror=alert(1)>"; the CA expects "token-1".', fix: { action: 'add', type: 'TXT', name: '_acme-challenge.shop.customer.example', value: 'token-1', text: 'Add TXT _acme-challenge.shop.customer.example = "token-1".' } }),
  finding({ check: 'cname', code: 'cname-not-pointing', severity: 'warning', name: 'shop.customer.example', fix: { action: 'change', type: 'CNAME', name: 'shop.customer.example', value: 'fallback.saas.example', text: 'Point it at fallback.saas.example.' } }),
  finding({ check: 'dns', code: 'dns-ok', severity: 'ok', actor: 'none', name: 'shop.customer.example', message: 'shop.customer.example exists.' }),
];

const diagnosis: Diagnosis = { kind: 'customHostname', id: 'h1', zone: 'saas.example', hosts: ['shop.customer.example'], status: 'pending', ssl_status: 'pending_validation', findings };

function record(overrides: Partial<DiagnosisRecord> = {}): DiagnosisRecord {
  return { diagnosis, summary: '1 problem(s), 1 warning(s); fix what is listed, then ask Cloudflare to check again.', worst: 'error', checkedAt: Date.parse(at), servers: ['127.0.0.1:53'], basis: diagnosisBasis(item), apiErrors: [], ...overrides };
}

function documentWith(input: { record?: DiagnosisRecord; running?: boolean; basis?: string }): PanelDocument {
  return lifecycleDocument({
    item, zoneName: 'saas.example', history: [], probes: [], now: Date.parse(at), thresholds: DEFAULT_EXPIRY_THRESHOLDS, freshness: { state: 'fresh' },
    diagnosis: { ...(input.record === undefined ? {} : { record: input.record }), running: input.running ?? false, basis: input.basis ?? diagnosisBasis(item) },
  });
}

const titles = (document: PanelDocument): string[] => document.blocks.map((block) => ('title' in block ? (block.title ?? '') : ''));
const table = (document: PanelDocument, title: string): TableBlock => {
  const found = document.blocks.find((block): block is TableBlock => block.kind === 'table' && block.title === title);
  assert.ok(found, `no table ${title}`);
  return found;
};

describe('The Diagnosis section of the lifecycle panel', () => {
  it('before any diagnosis: a line beside the records and a Diagnose button', () => {
    const document = documentWith({});
    assert.ok(isPanelDocument(document));
    assert.ok(titles(document).indexOf(LifecycleHeadings.diagnosis) > titles(document).indexOf(LifecycleHeadings.records));
    assert.ok(document.actions.some((action) => action.id === 'diagnose' && action.label === 'Diagnose'));
  });

  it('after one: first after the next step, findings worst first with who acts, fixes with copy buttons, what was checked', () => {
    const document = documentWith({ record: record() });
    assert.ok(isPanelDocument(document));
    assert.deepEqual(titles(document).slice(1, 5), [LifecycleHeadings.diagnosis, LifecycleHeadings.diagnosisFindings, LifecycleHeadings.diagnosisFixes, LifecycleHeadings.diagnosisChecked]);
    const rows = table(document, LifecycleHeadings.diagnosisFindings).rows;
    assert.deepEqual(rows.map((row) => [row[0]?.text, row[0]?.tone, row[4]?.text]), [['Problem', 'error', 'Domain owner'], ['Warning', 'warning', 'Domain owner'], ['OK', 'ok', '—']]);
    const fixes = table(document, LifecycleHeadings.diagnosisFixes).rows;
    assert.deepEqual(fixes.map((row) => row.slice(1).map((value) => value.text)), [['TXT', '_acme-challenge.shop.customer.example', 'token-1'], ['CNAME', 'shop.customer.example', 'fallback.saas.example']]);
    assert.ok(offersCopy(document, 'token-1', 'TXT value'));
    assert.ok(offersCopy(document, 'fallback.saas.example', 'CNAME value'));
    assert.ok(!offersCopy(document, 'something else', 'TXT value'));
    assert.ok(document.actions.some((action) => action.id === 'diagnose' && action.label === 'Diagnose Again'));
  });

  it('says when the object changed since, and while it runs again', () => {
    const changed = documentWith({ record: record(), basis: 'another' });
    assert.ok(changed.blocks.some((block) => block.kind === 'callout' && block.lines.some((line) => /changed since/.test(line))));
    const running = documentWith({ record: record(), running: true });
    assert.ok(running.blocks.some((block) => block.kind === 'callout' && block.tone === 'progress' && block.lines.includes('Diagnosing again…')));
  });

  it('draws DNS answers as text, never markup', () => {
    const html = renderDocument(documentWith({ record: record() }));
    assert.ok(!html.includes('<img'));
    assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
  });
});

describe('What the tree shows of a diagnosis', () => {
  it('a tooltip with the headline finding and who must act, escaped; a badge only for a problem', () => {
    const tooltip = diagnosisTooltip(record(), () => 'today') ?? '';
    assert.match(tooltip, /\*\*Problem\*\* \(Domain owner must act\)/);
    assert.ok(tooltip.includes('\\<img') && !/[^\\]<img/.test(tooltip), 'the angle bracket is escaped');
    assert.match(tooltip, /and 1 more/);
    assert.equal(hasErrorFinding(record()), true);
    assert.equal(hasErrorFinding(record({ worst: 'warning' })), false);
    assert.equal(diagnosisTooltip(undefined, () => 'today'), undefined);
    assert.match(diagnosisTooltip(record({ worst: 'ok', summary: 'DNS and HTTP are right.' }), () => 'today') ?? '', /DNS and HTTP are right/);
  });

  it('the store tells listeners which objects changed, and which are running', () => {
    const store = new DiagnosisResults();
    const seen: string[][] = [];
    store.onDidChange((keys) => seen.push([...keys]));
    const end = store.start(['a', 'b']);
    assert.ok(store.isRunning('a'));
    store.record('a', record());
    end();
    end();
    assert.ok(!store.isRunning('a'));
    assert.deepEqual(seen, [['a', 'b'], ['a'], ['a', 'b']]);
    assert.deepEqual(store.keys(), ['a']);
  });
});
