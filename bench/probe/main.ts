/**
 * Probe benchmark (`npm run bench:probe`). Not a test: prints medians and ratios.
 *
 * 1. 200 distinct SNI names against one local TLS server: `probeMany` against a loop of
 *    `openssl s_client -servername` (what users run today). Target: at least 20× faster.
 * 2. One probe against a bare `tls.connect` to the same server (the engine's overhead).
 *    Target: at most 1.2× the bare handshake.
 * 3. The same 200 names as whole processes, the way users script it: one
 *    `cfcerts probe --hosts -` run against `xargs -P 8 openssl s_client` and a serial
 *    openssl loop in a shell (and once with a thread per core). Target:
 *    at least 5× faster than the parallel openssl loop.
 *    And one `cfcerts probe HOST` process against a bare `node -e 0` (the start cost).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from 'node:tls';
import { Worker } from 'node:worker_threads';
import { probe, probeMany, type ProbeOptions } from '../../src/probe';
import { createCertificateAuthority } from '../../src/simulator/pki';

const NAMES = 200;
const MANY_RUNS = 5;
const OPENSSL_RUNS = 3;
const SINGLE_ITERATIONS = 300;
const PROCESS_RUNS = 5;
const START_ITERATIONS = 20;
/** The bundled CLI, as `npm run build` leaves it (out/bench/probe → the repository). */
const CLI = join(__dirname, '..', '..', '..', 'dist', 'cli.js');

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

/** Runs one process to its end; stdout is counted in lines, so a run that printed nothing is caught. */
function run(command: string, args: readonly string[], stdin: string): Promise<{ code: number | null; lines: number }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['pipe', 'pipe', 'ignore'] });
    let lines = 0;
    child.stdout.on('data', (chunk: Buffer) => {
      for (const byte of chunk) if (byte === 10) lines++;
    });
    child.once('error', reject);
    child.once('close', (code) => resolve({ code, lines }));
    child.stdin.end(stdin);
  });
}

async function timedRun(command: string, args: readonly string[], stdin: string, check: (result: { code: number | null; lines: number }) => string | undefined): Promise<number> {
  const started = performance.now();
  const result = await run(command, args, stdin);
  const elapsed = performance.now() - started;
  const problem = check(result);
  if (problem !== undefined) throw new Error(`${command} ${args.slice(0, 3).join(' ')}…: ${problem}`);
  return elapsed;
}

/** The machine's 1-minute load average: on a shared machine, the figures mean little without it. */
function loadAverage(): string {
  return loadavg()[0]?.toFixed(2) ?? '?';
}

/**
 * A run, and how busy the TLS server's thread was meanwhile (its event loop utilization):
 * near 100 % means the server, not the client, set the pace of that run.
 */
async function withServerLoad(server: Worker, measure: () => Promise<number>): Promise<{ ms: number; serverBusy: number }> {
  const before = server.performance.eventLoopUtilization();
  const ms = await measure();
  return { ms, serverBusy: server.performance.eventLoopUtilization(before).utilization };
}

/** The fleet as whole processes, each approach in turn per round, so load drift hits all alike. */
async function processes(names: readonly string[], server: Worker, port: number, caFile: string, openssl: boolean): Promise<void> {
  const list = `${names.join('\n')}\n`;
  const cliArgs = [CLI, 'probe', '--hosts', '-', '--connect', `127.0.0.1:${port}`, '--ca', caFile, '--json', '--no-sni-dns'];
  // The fleet on one thread per core, the main thread one of them (by default a core is left to the rest of the machine).
  const cliPerCoreArgs = [...cliArgs, '--threads', String(availableParallelism())];
  // By default each SNI name's own DNS is reported too (the pre-DNS view): a DNS round trip openssl never makes.
  const cliDnsArgs = cliArgs.filter((arg) => arg !== '--no-sni-dns');
  const opensslArgs = (name: string): string[] => ['s_client', '-servername', name, '-connect', `127.0.0.1:${port}`, '-CAfile', caFile];
  const everyName = (result: { code: number | null; lines: number }): string | undefined =>
    result.code !== 0 ? `exit ${result.code}` : result.lines !== names.length ? `${result.lines} lines for ${names.length} names` : undefined;
  const exited = (result: { code: number | null }): string | undefined => (result.code === 0 ? undefined : `exit ${result.code}`);
  const cli: number[] = [];
  const cliBusy: number[] = [];
  const cliPerCore: number[] = [];
  const cliDns: number[] = [];
  const parallel: number[] = [];
  const parallelBusy: number[] = [];
  const serial: number[] = [];
  await timedRun(process.execPath, cliArgs, list, everyName);
  const loadBefore = loadAverage();
  for (let round = 0; round < PROCESS_RUNS; round++) {
    const one = await withServerLoad(server, () => timedRun(process.execPath, cliArgs, list, everyName));
    cli.push(one.ms);
    cliBusy.push(one.serverBusy);
    cliPerCore.push(await timedRun(process.execPath, cliPerCoreArgs, list, everyName));
    cliDns.push(await timedRun(process.execPath, cliDnsArgs, list, everyName));
    if (!openssl) continue;
    // GNU xargs gives each command /dev/null as stdin, so s_client ends after the handshake.
    const xargs = await withServerLoad(server, () => timedRun('xargs', ['-P', '8', '-I', '{}', 'openssl', ...opensslArgs('{}')], list, exited));
    parallel.push(xargs.ms);
    parallelBusy.push(xargs.serverBusy);
    if (round < OPENSSL_RUNS) {
      const loop = `while read -r name; do openssl ${opensslArgs('"$name"').join(' ')} </dev/null >/dev/null 2>&1; done`;
      serial.push(await timedRun('sh', ['-c', loop], list, exited));
    }
  }
  const busy = (values: readonly number[]): string => `${(median(values) * 100).toFixed(0)} %`;
  console.log(`\n${names.length} names as whole processes (median over ${PROCESS_RUNS} runs; serial loop over ${OPENSSL_RUNS}; load average ${loadBefore} before, ${loadAverage()} after):`);
  console.log(`  cfcerts probe --hosts - --json --no-sni-dns (one process, concurrency 16):  ${median(cli).toFixed(0)} ms (the server's thread busy ${busy(cliBusy)} of it)`);
  console.log(`  the same with --threads ${availableParallelism()} (one thread per core):                          ${median(cliPerCore).toFixed(0)} ms`);
  console.log(`  the same, reporting each SNI name's DNS (the default):           ${median(cliDns).toFixed(0)} ms (the machine's resolver; these names do not exist)`);
  if (!openssl) {
    console.log('  openssl is not installed: the openssl baselines are skipped.');
    return;
  }
  console.log(`  xargs -P 8 openssl s_client (one process per name):                        ${median(parallel).toFixed(0)} ms (the server's thread busy ${busy(parallelBusy)} of it) → cfcerts ${(median(parallel) / median(cli)).toFixed(1)}× faster (target ≥ 5×); with DNS ${(median(parallel) / median(cliDns)).toFixed(1)}×`);
  console.log(`  serial openssl s_client loop in sh:                                          ${median(serial).toFixed(0)} ms → cfcerts ${(median(serial) / median(cli)).toFixed(1)}× faster; with DNS ${(median(serial) / median(cliDns)).toFixed(1)}×`);
}

/** One `cfcerts probe HOST` process against a bare `node -e 0` and one `openssl s_client`: what starting costs. */
async function singleProcess(port: number, caFile: string, openssl: boolean): Promise<void> {
  const cliArgs = [CLI, 'probe', 'one.bench.test', '--connect', `127.0.0.1:${port}`, '--ca', caFile, '--json', '--no-sni-dns'];
  const bare: number[] = [];
  const one: number[] = [];
  const ssl: number[] = [];
  const ok = (result: { code: number | null }): string | undefined => (result.code === 0 ? undefined : `exit ${result.code}`);
  for (let iteration = 0; iteration < START_ITERATIONS + 2; iteration++) {
    const times = [await timedRun(process.execPath, ['-e', '0'], '', ok), await timedRun(process.execPath, cliArgs, '', ok), openssl ? await timedRun('openssl', ['s_client', '-servername', 'one.bench.test', '-connect', `127.0.0.1:${port}`, '-CAfile', caFile], '', ok) : 0];
    // The first two rounds warm the page cache.
    if (iteration < 2) continue;
    bare.push(times[0] ?? 0);
    one.push(times[1] ?? 0);
    ssl.push(times[2] ?? 0);
  }
  console.log(`\none name, one process (median of ${START_ITERATIONS}, load average ${loadAverage()}):`);
  console.log(`  node -e 0 ${median(bare).toFixed(1)} ms, cfcerts probe HOST --json --no-sni-dns ${median(one).toFixed(1)} ms → ${(median(one) / median(bare)).toFixed(2)}× a bare node (target ≤ 1.5×)${openssl ? `; openssl s_client ${median(ssl).toFixed(1)} ms` : ''}`);
}

async function main(): Promise<void> {
  const { worker, port, rootPem } = await startServer();
  const names = Array.from({ length: NAMES }, (_, index) => `h${index}.bench.test`);
  const inputs: ProbeOptions[] = names.map((servername) => ({ servername, connect: `127.0.0.1:${port}`, extraRoots: { pem: rootPem, label: 'bench-root.pem' }, reportServernameDns: false }));
  console.log(`Probe benchmark: ${NAMES} SNI names against a local TLS server (worker thread, port ${port}), Node ${process.version}, load average ${loadAverage()}.`);
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
  const folder = mkdtempSync(join(tmpdir(), 'cfcerts-bench-probe-'));
  try {
    const caFile = join(folder, 'bench-root.pem');
    writeFileSync(caFile, rootPem);
    await processes(names, worker, port, caFile, opensslAvailable());
    await singleProcess(port, caFile, opensslAvailable());
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
  worker.postMessage('close');
  await new Promise((resolve) => worker.once('exit', resolve));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
