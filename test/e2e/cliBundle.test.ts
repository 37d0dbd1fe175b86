/**
 * The built CLI as users run it (`npm run test:e2e` builds dist/ first): bundles loaded
 * on first use are found beside it, the probe threads' bundle included (esbuild rewrites
 * its require.resolve; the unit tests run the tsc output and never see that).
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../harness/paths';
import { startTlsServer, type TestServer } from '../support/servers/tlsTestServer';
import { probeFixtures } from '../support/probe/testPki';

const cli = path.join(repoRoot, 'dist', 'cli.js');

function runCli(args: readonly string[], stdin: string): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, out, err }));
    child.stdin.end(stdin);
  });
}

describe('The built cfcerts CLI', () => {
  let server: TestServer;
  let folder: string;
  let caFile: string;

  before(async () => {
    const pki = await probeFixtures();
    server = await startTlsServer({ cert: pki.chain(pki.valid), key: pki.valid.keyPem });
    folder = await mkdtemp(path.join(tmpdir(), 'cfcerts-cli-bundle-'));
    caFile = path.join(folder, 'root.pem');
    await writeFile(caFile, pki.root.certPem);
  });
  after(async () => {
    await server.close();
    await rm(folder, { recursive: true, force: true });
  });

  it('probes a list on three threads, each name once, from the bundles in dist/', async () => {
    const names = Array.from({ length: 30 }, (_, index) => (index % 2 === 0 ? 'app.example.com' : 'www.app.example.com'));
    const { code, out, err } = await runCli(['probe', '--hosts', '-', '--connect', `127.0.0.1:${server.port}`, '--ca', caFile, '--no-sni-dns', '--threads', '3'], `${names.join('\n')}\n`);
    assert.equal(err, '');
    assert.equal(code, 0, out);
    assert.equal(out.split('\n').filter((line) => /^OK +(www\.)?app\.example\.com /.test(line)).length, names.length, out);
    assert.match(out, /\nSummary: 30 names probed in [\d.]+ s on 3 threads, 30 ok\n/);
  });
});
