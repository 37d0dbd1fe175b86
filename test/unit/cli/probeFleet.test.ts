import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { runCli } from '../../../src/cli/main';
import { fleetThreads } from '../../../src/cli/probeFleet';
import { WorkerLane } from '../../../src/cli/workerLane';
import type { ProbeResult } from '../../../src/probe';
import { createProbeCommand } from '../../../src/cli/probeCommand';
import { deadResolver, fakeResolver } from '../../support/probe/fakeResolver';
import { captureIo } from '../../support/cliIo';
import { refusedPort, startSilentServer, startTlsServer, type TestServer } from '../../support/servers/tlsTestServer';
import { probeFixtures, type ProbeFixtures } from '../../support/probe/testPki';

interface JsonLine {
  servername: string;
  verdict: string;
  target: { host: string; port: number };
  chain: { serialNumber: string }[];
  cells?: unknown[];
}

describe('cfcerts probe: many names in one run', () => {
  let pki: ProbeFixtures;
  let server: TestServer;
  let silent: TestServer;
  let folder: string;
  let caFile: string;
  let edge: string;

  before(async () => {
    pki = await probeFixtures();
    server = await startTlsServer({ cert: pki.chain(pki.valid), key: pki.valid.keyPem, sni: { 'other.example.net': { cert: pki.chain(pki.other), key: pki.other.keyPem } } });
    silent = await startSilentServer();
    folder = await mkdtemp(join(tmpdir(), 'cfcerts-fleet-'));
    caFile = join(folder, 'root.pem');
    await writeFile(caFile, pki.root.certPem);
    edge = `127.0.0.1:${server.port}`;
  });
  after(async () => {
    await server.close();
    await silent.close();
    await rm(folder, { recursive: true, force: true });
  });

  async function cli(args: string[], stdin?: string): Promise<{ code: number; out: string; err: string }> {
    const io = { ...captureIo(), ...(stdin === undefined ? {} : { stdin: Readable.from([stdin]) }) };
    // The machine's DNS is never asked: the SNI names' own DNS comes from a dead resolver.
    const code = await createProbeCommand({ resolver: deadResolver }).run(args, io);
    return { code, out: io.out.join(''), err: io.err.join('') };
  }

  async function list(name: string, lines: readonly string[]): Promise<string> {
    const file = join(folder, name);
    await writeFile(file, `${lines.join('\n')}\n`);
    return file;
  }

  /** An io whose signal aborts (Ctrl+C) as the first line is printed. */
  function cancelledOnFirstOutput(): { io: ReturnType<typeof captureIo>; stdout: (text: string) => void } {
    const controller = new AbortController();
    const io = captureIo({}, controller.signal);
    const stdout = (text: string): void => {
      io.out.push(text);
      controller.abort();
    };
    return { io, stdout };
  }

  const jsonLines = (out: string): JsonLine[] => out.trimEnd().split('\n').map((line) => JSON.parse(line) as JsonLine);

  it('probes several HOSTs: one line each as it finishes, then a summary table; exit 0 when all are ok', async () => {
    const { code, out, err } = await cli(['app.example.com', 'www.app.example.com', '--connect', edge, '--ca', caFile]);
    assert.equal(err, '');
    assert.equal(code, 0);
    const lines = out.split('\n');
    assert.equal(lines.filter((line) => /^OK +(www\.)?app\.example\.com {2}127\.0\.0\.1:\d+ {2}TLSv1\.3, app\.example\.com, \d+ days left, [\d.]+ ms$/.test(line)).length, 2, out);
    assert.match(out, /\nSummary: 2 names probed in [\d.]+ s, 2 ok\n {2}verdict +names\n {2}ok +2\n$/);
  });

  it('reads --hosts FILE: each line its own target, bad lines reported with their number, the rest still probed, exit 2', async () => {
    const port = await refusedPort();
    const file = await list('mixed.txt', [
      '# the edge, then the CNAME target before DNS moves',
      'app.example.com',
      `www.app.example.com ${edge}  # same edge, spelled out`,
      'app example.com extra',
      'https://user:secret@app.example.com/',
      'nope.example.com',
      `down.example.com 127.0.0.1:${port}`,
      'bad:0',
    ]);
    const { code, out, err } = await cli(['--hosts', file, '--connect', edge, '--ca', caFile]);
    assert.equal(code, 2);
    const errLines = err.trimEnd().split('\n');
    assert.deepEqual(errLines.map((line) => line.replace(/: .*$/, '')), [`cfcerts probe: ${file}:4`, `cfcerts probe: ${file}:5`, `cfcerts probe: ${file}:8`].map((line) => line.replace(/: .*$/, '')));
    assert.match(errLines[0] ?? '', new RegExp(`${file.replace(/[.\\/]/g, '\\$&')}:4: expected 'name' or 'name target\\[:port\\]', got 3 fields`));
    assert.match(errLines[1] ?? '', /:5: Invalid host: a URL with credentials/);
    assert.match(errLines[2] ?? '', /:8: Invalid host 'bad:0': port 0 is outside/);
    assert.ok(!err.includes('secret'), 'credentials in a bad line are never echoed');
    assert.ok(!err.includes('Usage:'), 'a bad line is not a usage error: the rest ran');
    assert.match(out, /^OK +app\.example\.com /m);
    assert.match(out, /^OK +www\.app\.example\.com /m);
    assert.match(out, /^HOSTNAME-MISMATCH +nope\.example\.com /m);
    assert.match(out, new RegExp(`^UNREACHABLE +down\\.example\\.com {2}127\\.0\\.0\\.1:${port} `, 'm'));
    assert.match(out, /Summary: 4 names probed in [\d.]+ s, 2 ok\n/);
    assert.match(out, / {2}bad input +3\n/);
  });

  it('exits 1 when every line is good and some verdict is not ok, 0 when all are', async () => {
    const notOk = await cli(['--hosts', await list('not-ok.txt', ['app.example.com', 'nope.example.com']), '--connect', edge, '--ca', caFile, '--json']);
    assert.equal(notOk.code, 1);
    assert.deepEqual(jsonLines(notOk.out).map((line) => line.verdict).sort(), ['hostname-mismatch', 'ok']);
    const ok = await cli(['--hosts', await list('ok.txt', ['app.example.com', 'www.app.example.com']), '--connect', edge, '--ca', caFile, '--json']);
    assert.equal(ok.code, 0);
  });

  it('reads the list from standard input with --hosts -', async () => {
    const { code, out } = await cli(['--hosts', '-', '--connect', edge, '--ca', caFile, '--json'], 'app.example.com\n# comment\nwww.app.example.com\n');
    assert.equal(code, 0);
    assert.deepEqual(jsonLines(out).map((line) => line.servername).sort(), ['app.example.com', 'www.app.example.com']);
  });

  it('streams each name as it finishes, whatever the list order; the summary keeps list order', async () => {
    // The first name waits on a server that never answers: every other name finishes before it.
    const names = ['slow.example.com', 'app.example.com', 'www.app.example.com', 'nope.example.com'];
    const lines = [`slow.example.com 127.0.0.1:${silent.port}`, ...names.slice(1)];
    const json = await cli(['--hosts', await list('order.txt', lines), '--connect', edge, '--ca', caFile, '--timeout', '500', '--json']);
    const streamed = jsonLines(json.out).map((line) => line.servername);
    assert.deepEqual([...streamed].sort(), [...names].sort());
    assert.equal(streamed.at(-1), 'slow.example.com', 'the slow first name comes last');
    const text = await cli(['--hosts', await list('order.txt', lines), '--connect', edge, '--ca', caFile, '--timeout', '500']);
    assert.equal(text.code, 1);
    const [streamPart = '', summary = ''] = text.out.split('\nSummary: ');
    assert.match(streamPart.trimEnd().split('\n').at(-1) ?? '', /^TIMEOUT +slow\.example\.com/);
    const problems = summary.split('Not ok, in list order:\n')[1]?.trimEnd().split('\n') ?? [];
    assert.deepEqual(problems.map((line) => line.trim().split(/\s+/)[1]), ['slow.example.com', 'nope.example.com']);
  });

  it('applies --expect-* and --matrix to every name', async () => {
    const expect = await cli(['app.example.com', 'www.app.example.com', 'other.example.net', '--connect', edge, '--ca', caFile, '--expect-serial', pki.valid.serialNumber, '--json']);
    assert.equal(expect.code, 1);
    const verdicts = new Map(jsonLines(expect.out).map((line) => [line.servername, line.verdict]));
    // other.example.net is served another certificate: another serial, another name.
    assert.deepEqual([verdicts.get('app.example.com'), verdicts.get('www.app.example.com')], ['ok', 'ok']);
    assert.notEqual(verdicts.get('other.example.net'), 'ok');
    const matrix = await cli(['app.example.com', 'www.app.example.com', '--connect', edge, '--ca', caFile, '--matrix', '--json']);
    const cells = jsonLines(matrix.out);
    assert.deepEqual(cells.map((line) => line.cells?.length), [4, 4]);
    // The server has no RSA certificate: RSA-only clients fail, for each name.
    assert.equal(matrix.code, 1);
    const text = await cli(['app.example.com', 'www.app.example.com', '--connect', edge, '--ca', caFile, '--matrix']);
    assert.equal(text.out.split('\n').filter((line) => /^HANDSHAKE-FAILED +(www\.)?app\.example\.com {2}127\.0\.0\.1 port \d+ {2}4 probes, differences: /.test(line)).length, 2, text.out);
  });

  it('refuses bad --concurrency, too many names and an unreadable list with exit 2, before any connection', async () => {
    const before = server.connections();
    const huge = Array.from({ length: 100_001 }, (_, index) => `h${index}.example.com`).join('\n');
    const cases: [string[], RegExp, string?][] = [
      [['app.example.com', 'b.example.com', '--concurrency', '0'], /--concurrency must be a whole number from 1 to 256/],
      [['app.example.com', 'b.example.com', '--concurrency', '257'], /--concurrency must be/],
      [['app.example.com', 'b.example.com', '--threads', '0'], /--threads must be a whole number from 1 to 64/],
      [['--hosts', join(folder, 'missing.txt')], /Cannot read the host list .*missing\.txt/],
      [['--hosts', '-'], /stdin names more than 100000 hosts/, huge],
      [['--hosts', '-'], /stdin: names no host to probe/, '# only a comment\n\n'],
      [['--api-base', 'http://127.0.0.1:1', 'app.example.com'], /--api-base and --account go with --zone/],
    ];
    for (const [args, pattern, stdin] of cases) {
      const { code, err, out } = await cli([...args, '--connect', edge], stdin);
      assert.equal(code, 2, args.join(' '));
      assert.match(err, pattern, args.join(' '));
      assert.equal(out.includes('OK'), false);
    }
    assert.equal(server.connections(), before);
  });

  it('reports each SNI name\'s own DNS beside --connect, unless --no-sni-dns (as openssl, which never asks)', async () => {
    const probeWith = async (extra: string[]): Promise<{ calls: number; dns: unknown[] }> => {
      const resolver = fakeResolver({ a: { 'app.example.com': ['192.0.2.1'] } });
      const io = captureIo();
      assert.equal(await createProbeCommand({ resolver }).run(['app.example.com', 'www.app.example.com', '--connect', edge, '--ca', caFile, '--json', ...extra], io), 0);
      return { calls: resolver.calls, dns: jsonLines(io.out.join('')).map((line) => (line as unknown as { dns: { servername: unknown } }).dns.servername) };
    };
    const reported = await probeWith([]);
    assert.ok(reported.calls > 0);
    assert.ok(reported.dns.every((report) => report !== null));
    assert.deepEqual(await probeWith(['--no-sni-dns']), { calls: 0, dns: [null, null] });
  });

  it('stops on Ctrl+C: the names done are printed and summed up, the run exits 1', async () => {
    // The first line printed is the cue: the other names wait on a server that never answers.
    const { io, stdout } = cancelledOnFirstOutput();
    const silentTarget = `127.0.0.1:${silent.port}`;
    const args = ['--hosts', await list('cancel.txt', ['app.example.com', `a.example.com ${silentTarget}`, `b.example.com ${silentTarget}`]), '--connect', edge, '--ca', caFile, '--timeout', '600000'];
    const code = await createProbeCommand({ resolver: deadResolver }).run(args, { ...io, stdout });
    assert.equal(code, 1);
    assert.match(io.err.join(''), /cancelled/);
    assert.match(io.out.join(''), /^OK +app\.example\.com [^]*\nSummary: 1 name probed in [\d.]+ s, 1 ok \(cancelled\)\n/);
  });

  describe('on several threads', () => {
    /** No resolver injected, so the threads may take the names; --no-sni-dns and an IP target ask no DNS at all. */
    async function threaded(args: string[], io = captureIo()): Promise<{ code: number; out: string; err: string }> {
      const code = await createProbeCommand().run([...args, '--no-sni-dns'], io);
      return { code, out: io.out.join(''), err: io.err.join('') };
    }
    const answers = (out: string): string[] => jsonLines(out).map((line) => `${line.servername} ${line.verdict} ${line.chain[0]?.serialNumber ?? '-'}`).sort();

    it('answers every name once, as the main thread alone does, trusting --ca in every thread', async () => {
      const names = ['app.example.com', 'www.app.example.com', 'other.example.net', 'nope.example.com'];
      const lines = Array.from({ length: 10 }, () => names).flat();
      const file = await list('threads.txt', lines);
      const alone = await threaded(['--hosts', file, '--connect', edge, '--ca', caFile, '--json', '--threads', '1']);
      const spread = await threaded(['--hosts', file, '--connect', edge, '--ca', caFile, '--json', '--threads', '3', '--concurrency', '6']);
      assert.equal(spread.err, '');
      assert.equal(spread.code, 1, 'nope.example.com is not served a certificate for it');
      assert.equal(jsonLines(spread.out).length, lines.length);
      assert.deepEqual(answers(spread.out), answers(alone.out));
      assert.equal(answers(spread.out).filter((answer) => answer.startsWith('app.example.com ok ')).length, 10);
      const text = await threaded(['--hosts', file, '--connect', edge, '--ca', caFile, '--threads', '3']);
      assert.match(text.out, /\nSummary: 40 names probed in [\d.]+ s on 3 threads, 30 ok\n/);
    });

    it('a worker lane answers from its own thread, and refuses work once closed', async () => {
      const input = { servername: 'app.example.com', connect: edge, extraRoots: { pem: pki.root.certPem, label: 'root.pem' }, reportServernameDns: false };
      const lane = new WorkerLane<ProbeResult>('probe', [input], new AbortController().signal);
      try {
        const result = await lane.run(0);
        assert.equal(result.verdict, 'ok', result.reasons.join(' '));
        assert.equal(result.trust?.authorized, true, 'the roots crossed to the thread');
      } finally {
        await lane.close();
      }
      await assert.rejects(lane.run(0), /closed/);
    });

    it('a worker lane whose thread dies rejects what it was waiting on, and what is asked later', async () => {
      const input = { servername: 'app.example.com', connect: `127.0.0.1:${silent.port}`, reportServernameDns: false, timeoutMs: 600_000 };
      const lane = new WorkerLane<ProbeResult>('probe', [input], new AbortController().signal);
      try {
        const waiting = lane.run(0);
        // The thread's end, as a crash would end it: the probe to the silent server never answers.
        await (lane as unknown as { worker: { terminate(): Promise<number> } }).worker.terminate();
        await assert.rejects(waiting, /A probe thread ended \(exit code \d+\) with probes unanswered/);
        await assert.rejects(lane.run(0), /A probe thread ended/);
      } finally {
        await lane.close();
      }
    });

    it('runs --matrix on the threads too', async () => {
      const { out } = await threaded(['app.example.com', 'www.app.example.com', 'other.example.net', '--connect', edge, '--ca', caFile, '--matrix', '--json', '--threads', '2', '--concurrency', '8']);
      const matrices = jsonLines(out);
      assert.deepEqual(matrices.map((line) => line.servername).sort(), ['app.example.com', 'other.example.net', 'www.app.example.com']);
      assert.deepEqual(matrices.map((line) => line.cells?.length), [4, 4, 4]);
    });

    it('stops on Ctrl+C: a thread\'s answer is printed, the threads end, the run exits 1', async () => {
      const { io, stdout } = cancelledOnFirstOutput();
      // One name in flight per thread: the main thread waits on a server that never answers, the other thread answers.
      const args = ['--hosts', await list('cancel-threads.txt', [`silent.example.com 127.0.0.1:${silent.port}`, 'app.example.com']), '--connect', edge, '--ca', caFile, '--timeout', '600000', '--threads', '2', '--concurrency', '2'];
      const { code, out, err } = await threaded(args, { ...io, stdout });
      assert.equal(code, 1);
      assert.match(err, /cancelled/);
      assert.match(out, /^OK +app\.example\.com [^]*\nSummary: 1 name probed in [\d.]+ s on 2 threads, 1 ok \(cancelled\)\n/);
    });
  });

  it('never lets a hostile list line drive the terminal', async () => {
    const io = { ...captureIo(), stdin: Readable.from(['evil\u001b]8;;http://x\u0007\u202e.example.com\n']) };
    assert.equal(await runCli(['probe', '--hosts', '-', '--connect', edge], io), 2);
    const err = io.err.join('');
    assert.match(err, /stdin:1: /);
    assert.ok(!['\u001b', '\u0007', '\u202e'].some((char) => err.includes(char)), err);
  });
});

describe('fleetThreads: how many threads probe a list', () => {
  const wide = { concurrency: 64 };
  const names = (count: number, extra: object = {}): { servername: string }[] => Array.from({ length: count }, (_, index) => ({ servername: `h${index}.example.com`, ...extra }));

  it('one per core but one, once each thread gets 32 probes to repay its start', () => {
    assert.equal(fleetThreads(names(200), 'probe', wide, 4), 3);
    assert.equal(fleetThreads(names(200), 'probe', wide, 16), 6);
    assert.equal(fleetThreads(names(63), 'probe', wide, 4), 1);
    assert.equal(fleetThreads(names(64), 'probe', wide, 4), 2);
    // A matrix is four probes a name.
    assert.equal(fleetThreads(names(16), 'matrix', wide, 4), 2);
    // A 2-core machine keeps its second core for the rest.
    assert.equal(fleetThreads(names(10_000), 'probe', wide, 2), 1);
    assert.equal(fleetThreads(names(200), 'probe', wide, 1), 1);
  });

  it('takes --threads as given, yet never more threads than tasks in flight or names', () => {
    assert.equal(fleetThreads(names(10), 'probe', { concurrency: 16, threads: 4 }, 2), 4);
    assert.equal(fleetThreads(names(10), 'probe', { concurrency: 2, threads: 4 }, 2), 2);
    assert.equal(fleetThreads(names(3), 'probe', { concurrency: 16, threads: 8 }, 2), 3);
    // --concurrency counts connections: 8 of them are two matrices.
    assert.equal(fleetThreads(names(10), 'matrix', { concurrency: 8, threads: 4 }, 2), 2);
  });

  it('keeps a fleet whose inputs carry a resolver or a clock in the main thread: they cannot cross', () => {
    assert.equal(fleetThreads(names(200, { resolver: deadResolver }), 'probe', wide, 8), 1);
    assert.equal(fleetThreads(names(200, { now: () => 0 }), 'probe', wide, 8), 1);
  });
});
