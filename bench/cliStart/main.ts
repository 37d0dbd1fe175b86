/**
 * CLI start benchmark (`npm run bench:cli-start`). Not a test: prints medians and ratios.
 *
 * Whole `cfcerts` processes against a bare `node -e 0`, interleaved so drift in machine
 * load hits every side alike: `--version`, `--help`, and one `cfcerts probe` of a local
 * TLS server (in a worker thread). Target: the probe process within 1.5× `node -e 0`.
 *
 * The target line makes the network calls `openssl s_client` makes, one connect and one
 * handshake (`--no-sni-dns`); the default also reports the SNI name's own DNS, a round
 * trip to the machine's resolver, printed on a line of its own. A process that does only
 * `tls.connect` and the handshake shows the floor any Node TLS client starts from.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import { createCertificateAuthority } from '../../src/simulator/pki';

const RUNS = 21;
const cli = join(resolve(__dirname, '../../..'), 'dist', 'cli.js');

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

/** The machine's 1-minute load average: on a shared machine, the figures mean little without it. */
function loadAverage(): string {
  return loadavg()[0]?.toFixed(2) ?? '?';
}

/** Wall time of one whole process; it must exit as expected, or the figure means nothing. */
function timedProcess(args: readonly string[], expectedStatus: number): number {
  const started = performance.now();
  const result = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const elapsed = performance.now() - started;
  if (result.status !== expectedStatus) throw new Error(`node ${args.join(' ')} exited ${String(result.status)}: ${result.stderr.slice(-1000)}${result.stdout.slice(-1000)}`);
  return elapsed;
}

async function startServer(): Promise<{ worker: Worker; port: number; rootPem: string }> {
  const root = await createCertificateAuthority({ commonName: 'Bench Root' });
  const leaf = await root.issue({ hosts: ['localhost'] });
  const worker = new Worker(join(__dirname, '..', 'probe', 'tlsServerWorker.js'), { workerData: { cert: leaf.certPem, key: leaf.keyPem } });
  const port = await new Promise<number>((resolvePort, reject) => {
    worker.once('message', (value: number) => resolvePort(value));
    worker.once('error', reject);
  });
  return { worker, port, rootPem: root.certPem };
}

async function main(): Promise<void> {
  if (!existsSync(cli)) throw new Error('dist/cli.js is missing: run `npm run build:production` first.');
  const { worker, port, rootPem } = await startServer();
  const scratch = mkdtempSync(join(tmpdir(), 'cfcerts-bench-cli-'));
  try {
    const ca = join(scratch, 'root.pem');
    writeFileSync(ca, rootPem);
    const probeArgs = [cli, 'probe', 'localhost', '--connect', `127.0.0.1:${port}`, '--ca', ca, '--json'];
    // The same connect and handshake, and nothing else: Node's start, node:tls and the TLS work.
    const bareTls = `const s=require('node:tls').connect({host:'127.0.0.1',port:${port},servername:'localhost',ca:require('node:fs').readFileSync(${JSON.stringify(ca)})},()=>{s.getPeerX509Certificate();s.destroy()});s.on('error',(e)=>{console.error(e);process.exitCode=1})`;
    const sides: { label: string; args: string[]; status: number; target?: boolean }[] = [
      { label: 'node -e 0 (baseline)', args: ['-e', '0'], status: 0 },
      { label: 'cfcerts --version', args: [cli, '--version'], status: 0 },
      { label: 'cfcerts --help', args: [cli, '--help'], status: 0 },
      { label: 'bare tls.connect process', args: ['-e', bareTls], status: 0 },
      { label: 'cfcerts probe --json --no-sni-dns', args: [...probeArgs, '--no-sni-dns'], status: 0, target: true },
      { label: 'cfcerts probe --json (+ SNI DNS)', args: probeArgs, status: 0 },
    ];
    console.log(`CLI start benchmark: whole processes, Node ${process.version}, ${RUNS} interleaved runs each, medians (TLS server on port ${port}), load average ${loadAverage()}.\n`);
    for (const side of sides) timedProcess(side.args, side.status);
    const times = sides.map(() => [] as number[]);
    for (let run = 0; run < RUNS; run++) sides.forEach((side, index) => times[index]?.push(timedProcess(side.args, side.status)));
    const baseline = median(times[0] ?? []);
    console.log(`(load average after the runs: ${loadAverage()})`);
    sides.forEach((side, index) => {
      const value = median(times[index] ?? []);
      const target = side.target === true ? ' (target ≤ 1.5×)' : '';
      console.log(`${side.label.padEnd(34)} median ${value.toFixed(1).padStart(6)} ms  ${(value / baseline).toFixed(2)}×${target}`);
    });
  } finally {
    rmSync(scratch, { recursive: true, force: true });
    worker.postMessage('close');
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
