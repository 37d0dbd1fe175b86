/**
 * Probe benchmark (`npm run bench:probe`). Not a test: prints medians and ratios.
 *
 * 1. 200 distinct SNI names against one local TLS server: `probeMany` against a loop of
 *    `openssl s_client -servername` (what users run today). Target: at least 20× faster.
 * 2. One probe against a bare `tls.connect` to the same server (the engine's overhead).
 *    Target: at most 1.2× the bare handshake.
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { Worker } from 'node:worker_threads';
import { probe, probeMany, type ProbeOptions } from '../../src/probe';
import { createCertificateAuthority } from '../../src/simulator/pki';

const NAMES = 200;
const MANY_RUNS = 5;
const OPENSSL_RUNS = 3;
const SINGLE_ITERATIONS = 300;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((left, right) => left - right);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[middle] ?? 0) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

async function timed(run: () => Promise<unknown>): Promise<number> {
  const started = performance.now();
  await run();
  return performance.now() - started;
}

function opensslAvailable(): boolean {
  const result = spawnSync('openssl', ['version'], { encoding: 'utf8' });
  return result.error === undefined && result.status === 0;
}

function opensslProbe(name: string, port: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn('openssl', ['s_client', '-servername', name, '-connect', `127.0.0.1:${port}`], { stdio: ['pipe', 'ignore', 'ignore'] });
    child.stdin.end();
    child.once('error', reject);
    child.once('close', () => resolve());
  });
}

function bareHandshake(port: number, servername: string, ca: string | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: '127.0.0.1', port, servername, rejectUnauthorized: false, ...(ca === undefined ? {} : { ca }) }, () => {
      socket.destroy();
      resolve();
    });
    socket.once('error', reject);
  });
}

async function startServer(): Promise<{ worker: Worker; port: number; rootPem: string }> {
  const root = await createCertificateAuthority({ commonName: 'Bench Root' });
  const intermediate = await createCertificateAuthority({ parent: root, commonName: 'Bench Intermediate' });
  const leaf = await intermediate.issue({ hosts: ['*.bench.test'] });
  const worker = new Worker(join(__dirname, 'tlsServerWorker.js'), { workerData: { cert: leaf.certPem + intermediate.certPem, key: leaf.keyPem } });
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('message', (value: number) => resolve(value));
    worker.once('error', reject);
  });
  return { worker, port, rootPem: root.certPem };
}

async function singleProbeOverhead(port: number, ca: string | undefined): Promise<{ bare: number; engine: number }> {
  const options: ProbeOptions = {
    servername: 'one.bench.test',
    connect: `127.0.0.1:${port}`,
    reportServernameDns: false,
    ...(ca === undefined ? {} : { extraRoots: { pem: ca, label: 'bench-root.pem' } }),
  };
  for (let warm = 0; warm < 30; warm++) {
    await bareHandshake(port, 'one.bench.test', ca);
    await probe(options);
  }
  const bare: number[] = [];
  const engine: number[] = [];
  // Interleaved, so drift in machine load hits both sides alike.
  for (let iteration = 0; iteration < SINGLE_ITERATIONS; iteration++) {
    bare.push(await timed(() => bareHandshake(port, 'one.bench.test', ca)));
    engine.push(await timed(() => probe(options)));
  }
  return { bare: median(bare), engine: median(engine) };
}

/** Median time of probeMany over the inputs; every probe must end in `expected`, or the figure means nothing. */
async function probeManyMedian(inputs: readonly ProbeOptions[], expected: string): Promise<number> {
  await probeMany(inputs.slice(0, 20));
  const times: number[] = [];
  for (let run = 0; run < MANY_RUNS; run++) {
    const results: { verdict: string }[] = [];
    times.push(await timed(async () => results.push(...(await probeMany(inputs)))));
    const wrong = results.find((result) => result.verdict !== expected && result.verdict !== 'ok');
    if (wrong !== undefined) {
      throw new Error(`a benchmark probe came back ${wrong.verdict}`);
    }
  }
  return median(times);
}

async function main(): Promise<void> {
  const { worker, port, rootPem } = await startServer();
  const names = Array.from({ length: NAMES }, (_, index) => `h${index}.bench.test`);
  const inputs: ProbeOptions[] = names.map((servername) => ({ servername, connect: `127.0.0.1:${port}`, extraRoots: { pem: rootPem, label: 'bench-root.pem' }, reportServernameDns: false }));
  console.log(`Probe benchmark: ${NAMES} SNI names against a local TLS server (worker thread, port ${port}), Node ${process.version}.`);
  console.log('(The SNI names have no DNS; the probes skip reporting it, as openssl does.)\n');

  // Like `openssl s_client` without -CAfile, the probes judge trust against the default store.
  const many = await probeManyMedian(names.map((servername) => ({ servername, connect: `127.0.0.1:${port}`, reportServernameDns: false })), 'untrusted');
  console.log(`probeMany, ${NAMES} names (default store):     median ${many.toFixed(1)} ms over ${MANY_RUNS} runs`);
  const withCa = await probeManyMedian(inputs, 'ok');
  console.log(`probeMany, ${NAMES} names (with a CA file):   median ${withCa.toFixed(1)} ms over ${MANY_RUNS} runs (verifies every chain)`);

  if (opensslAvailable()) {
    const opensslTimes: number[] = [];
    for (let run = 0; run < OPENSSL_RUNS; run++) {
      opensslTimes.push(await timed(async () => {
        for (const name of names) {
          await opensslProbe(name, port);
        }
      }));
    }
    const loop = median(opensslTimes);
    console.log(`openssl s_client loop, ${NAMES} names:           median ${loop.toFixed(1)} ms over ${OPENSSL_RUNS} runs`);
    console.log(`  → probeMany is ${(loop / many).toFixed(1)}× faster than the openssl loop (target ≥ 20×)\n`);
  } else {
    console.log('openssl is not installed: the `openssl s_client` baseline is skipped.\n');
  }

  for (const [label, ca] of [['default trust store', undefined], ['with a CA file', rootPem]] as const) {
    const { bare, engine } = await singleProbeOverhead(port, ca);
    console.log(`one probe vs bare tls.connect (${label}), median of ${SINGLE_ITERATIONS}:`);
    console.log(`  bare ${bare.toFixed(3)} ms, probe ${engine.toFixed(3)} ms → ${(engine / bare).toFixed(2)}× (target ≤ 1.2×)`);
  }
  worker.postMessage('close');
  await new Promise((resolve) => worker.once('exit', resolve));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
