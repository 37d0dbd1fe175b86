import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ignoredSettingsMessage, machineSettings, machineSettingsIn, restrictedSettings } from '../../../src/settings/machineSettings';

interface Manifest {
  capabilities: { untrustedWorkspaces: { supported: string; restrictedConfigurations: string[] } };
  contributes: { configuration: { properties: Record<string, { scope?: string }> } };
}

function manifest(): Manifest {
  let folder = __dirname;
  while (!fs.existsSync(path.join(folder, 'package.json'))) folder = path.dirname(folder);
  return JSON.parse(fs.readFileSync(path.join(folder, 'package.json'), 'utf8')) as Manifest;
}

describe('Settings a repository cannot set', () => {
  const section = 'cloudflareCertificates';

  it('package.json gives exactly the machine settings "scope": "machine"', () => {
    const { properties } = manifest().contributes.configuration;
    const machine = Object.entries(properties).filter(([, schema]) => schema.scope === 'machine').map(([name]) => name).sort();
    assert.deepEqual(machine, machineSettings.map((name) => `${section}.${name}`).sort());
  });

  it('Restricted Mode is supported, limited to user values for every other setting that changes what is fetched or judged', () => {
    const { untrustedWorkspaces } = manifest().capabilities;
    assert.equal(untrustedWorkspaces.supported, 'limited');
    for (const name of ['autoRefreshMinutes', 'expiryWarningDays', 'expiryCriticalDays', 'concurrency']) {
      assert.ok(untrustedWorkspaces.restrictedConfigurations.includes(`${section}.${name}`), name);
    }
    assert.deepEqual([...untrustedWorkspaces.restrictedConfigurations].sort(), restrictedSettings.map((name) => `${section}.${name}`).sort());
  });

  it('finds them in a workspace settings object, dotted or nested', () => {
    assert.deepEqual(machineSettingsIn({ 'cloudflareCertificates.apiBaseUrl': 'http://127.0.0.1:9977', 'editor.fontSize': 3 }, section), ['apiBaseUrl']);
    assert.deepEqual(machineSettingsIn({ cloudflareCertificates: { probe: { caFile: '/dev/zero' }, 'probe.resolve': {} } }, section), ['probe.caFile', 'probe.resolve']);
    assert.deepEqual(machineSettingsIn({ 'cloudflareCertificates.probe': { resolve: { '*': '1.2.3.4' } } }, section), ['probe.resolve']);
    assert.deepEqual(machineSettingsIn({ 'cloudflareCertificates.concurrency': 3 }, section), []);
    assert.deepEqual(machineSettingsIn(undefined, section), []);
    assert.deepEqual(machineSettingsIn(['cloudflareCertificates.apiBaseUrl'], section), []);
  });

  it('names each ignored setting in the notification', () => {
    const message = ignoredSettingsMessage(section, ['apiBaseUrl', 'probe.caFile', 'probe.resolve']);
    assert.match(message, /"cloudflareCertificates\.apiBaseUrl", "cloudflareCertificates\.probe\.caFile" and "cloudflareCertificates\.probe\.resolve"/);
    assert.match(message, /ignores them/);
    assert.match(ignoredSettingsMessage(section, ['apiBaseUrl']), /ignores it/);
  });
});
