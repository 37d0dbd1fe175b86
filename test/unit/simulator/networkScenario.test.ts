import assert from 'node:assert/strict';
import { ScenarioError } from '../../../src/simulator';
import { diagnoseScenario } from '../../support/diagnose/diagnoseScenario';

describe('simulator scenario: DNS, HTTP and IP ranges stay on loopback', () => {
  it('refuses an address record outside 127.0.0.0/8 and ::1', () => {
    assert.throws(() => diagnoseScenario({ records: [{ name: 'x.test', type: 'A', value: '104.16.0.1' }] }), ScenarioError);
    assert.throws(() => diagnoseScenario({ records: [{ name: 'x.test', type: 'AAAA', value: '2606:4700::1' }] }), ScenarioError);
    assert.doesNotThrow(() => diagnoseScenario({ records: [{ name: 'x.test', type: 'A', value: '127.9.9.9' }, { name: 'x.test', type: 'AAAA', value: '::1' }] }));
  });

  it('refuses a TXT string longer than 255 bytes, which DNS cannot carry', () => {
    assert.throws(() => diagnoseScenario({ records: [{ name: 'x.test', type: 'TXT', value: 'x'.repeat(256) }] }), /at most 255 bytes/);
  });
});
