import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createDiagnoseCommand } from '../../../src/cli/diagnoseCommand';
import type { Diagnosis } from '../../../src/diagnose';
import { findingCodes, problemCodes } from '../../../src/diagnose/findingCodes';
import { simulatorNetworkSettings, startSimulator, type RunningSimulator } from '../../../src/simulator';
import { captureIo } from '../../support/cliIo';

/** Which demo object shows each code: the first one, named as the report names it. */
function codeMap(diagnoses: readonly Diagnosis[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const diagnosis of diagnoses) {
    const name = `${diagnosis.kind === 'customHostname' ? 'hostname' : 'pack'} ${diagnosis.hosts.join(',')}`;
    for (const finding of diagnosis.findings) if (!map.has(finding.code)) map.set(finding.code, name);
  }
  return map;
}

describe('The demo diagnoses', function () {
  let sim: RunningSimulator;
  let diagnoses: Diagnosis[];

  before(async () => {
    // As `npm run demo` starts it, at its first moment (movers not moved yet).
    sim = await startSimulator({ lifecycle: false });
    const settings = simulatorNetworkSettings(sim);
    const servers = settings['cloudflareCertificates.dns.servers'] as string[];
    const resolve = settings['cloudflareCertificates.probe.resolve'] as Record<string, string>;
    const targets = settings['cloudflareCertificates.diagnose.cnameTargets'] as Record<string, string>;
    const args = [
      '--json',
      ...servers.flatMap((server) => ['--dns-server', server]),
      ...Object.entries(resolve).flatMap(([pattern, target]) => ['--resolve', `${pattern}=${target}`]),
      ...Object.entries(targets).flatMap(([zone, name]) => ['--cname-target', `${zone}=${name}`]),
    ];
    const io = captureIo({ CLOUDFLARE_API_TOKEN: sim.demoToken, CLOUDFLARE_API_BASE_URL: sim.apiBaseUrl });
    await createDiagnoseCommand().run(args, io);
    diagnoses = (JSON.parse(io.out.join('')) as { diagnoses: Diagnosis[] }).diagnoses;
  });
  after(async () => {
    await sim?.close();
  });

  it('show every finding code of every check', () => {
    const shown = codeMap(diagnoses);
    const missing = findingCodes.filter((code) => !shown.has(code));
    assert.deepEqual(missing, [], `codes no demo object shows:\n${[...shown].map(([code, name]) => `${code}: ${name}`).join('\n')}`);
  });

  it('know every problem code the checks can report', () => {
    const folder = path.join(__dirname, '../../../src/diagnose/checks');
    const used = new Set<string>();
    for (const file of fs.readdirSync(folder)) {
      for (const match of fs.readFileSync(path.join(folder, file), 'utf8').matchAll(/\.problem\('([a-z-]+)'/g)) used.add(match[1] ?? '');
    }
    assert.deepEqual([...used].sort(), [...problemCodes].sort());
  });

  it('give every stuck object a DNS story: no name the simulator has never heard of, unless the story says so', () => {
    const unplanned = diagnoses.filter((diagnosis) => diagnosis.findings.some((finding) => finding.code === 'dns-not-found') && !diagnosis.hosts.includes('sales.hooli.xyz'));
    assert.deepEqual(unplanned.map((diagnosis) => diagnosis.hosts.join(',')), []);
  });
});
