import assert from 'node:assert/strict';
import { FaultSpecError, parseFaultSpec, routeFamilies, startSimulator, type FaultSpec, type RunningSimulator } from '../../../src/simulator';
import { call, firstError } from '../../support/simulator/simulatorFixture';

async function withSimulator(faults: FaultSpec[], body: (sim: RunningSimulator) => Promise<void>): Promise<void> {
  const sim = await startSimulator({ lifecycle: false, faults });
  try {
    await body(sim);
  } finally {
    await sim.close();
  }
}

async function raw(sim: RunningSimulator, path: string): Promise<Response> {
  return fetch(`${sim.apiBaseUrl}${path}`, { headers: { authorization: `Bearer ${sim.demoToken}` } });
}

describe('simulator faults', () => {
  describe('parseFaultSpec', () => {
    it('parses the documented syntax', () => {
      assert.deepEqual(parseFaultSpec('route=custom_hostnames,status=503,rate=0.2;route=*,latency=50', routeFamilies), [
        { route: 'custom_hostnames', status: 503, rate: 0.2 },
        { route: '*', latencyMs: 50 },
      ]);
      assert.deepEqual(parseFaultSpec('route=zones,status=429,retry-after=3,count=5; route=*,drop,after=2 ;route=*,malformed;route=*,slow=100'), [
        { route: 'zones', status: 429, retryAfterSeconds: 3, count: 5 },
        { route: '*', drop: true, after: 2 },
        { route: '*', malformed: true },
        { route: '*', slowMs: 100 },
      ]);
    });

    it('names the problem in bad specs', () => {
      assert.throws(() => parseFaultSpec('route=nope,status=500', routeFamilies), (error: unknown) => error instanceof FaultSpecError && /unknown fault route nope/.test(error.message));
      assert.throws(() => parseFaultSpec('route=*,status=200'), /status needs a number from 400 to 599/);
      assert.throws(() => parseFaultSpec('route=*,rate=2,drop'), /rate/);
      assert.throws(() => parseFaultSpec('route=*'), /does nothing/);
      assert.throws(() => parseFaultSpec('route=*,explode'), /unknown fault option "explode"/);
    });
  });

  it('adds latency and still answers (latency is per request, so concurrent calls all complete)', async () => {
    await withSimulator([{ route: '*', latencyMs: 30 }], async (sim) => {
      const responses = await Promise.all(Array.from({ length: 20 }, () => call(sim, '/zones')));
      assert.ok(responses.every((response) => response.status === 200));
    });
  });

  it('sends a burst of 429s with Retry-After on one route only, then recovers', async () => {
    await withSimulator([{ route: 'zones', status: 429, retryAfterSeconds: 7, count: 2 }], async (sim) => {
      const first = await call(sim, '/zones');
      assert.equal(first.status, 429);
      assert.equal(first.headers.get('retry-after'), '7');
      assert.equal(firstError(first).code, 971);
      assert.equal((await call(sim, '/user/tokens/verify')).status, 200, 'other routes are untouched');
      assert.equal((await call(sim, '/zones')).status, 429);
      assert.equal((await call(sim, '/zones')).status, 200);
    });
  });

  it('answers 500 with the envelope and 503 with an edge HTML page', async () => {
    await withSimulator([{ route: 'zones', status: 500, count: 1 }, { route: 'accounts', status: 503, count: 1 }], async (sim) => {
      const serverError = await call(sim, '/zones');
      assert.equal(serverError.status, 500);
      assert.equal(serverError.body['success'], false);
      const edge = await raw(sim, '/accounts');
      assert.equal(edge.status, 503);
      assert.match(edge.headers.get('content-type') ?? '', /text\/html/);
      assert.match(await edge.text(), /503/);
    });
  });

  it('drops the connection without an answer', async () => {
    await withSimulator([{ route: '*', drop: true, after: 1, count: 1 }], async (sim) => {
      assert.equal((await call(sim, '/zones')).status, 200);
      await assert.rejects(raw(sim, '/zones'));
      assert.equal((await call(sim, '/zones')).status, 200);
    });
  });

  it('sends malformed (truncated) JSON with a 200', async () => {
    await withSimulator([{ route: 'zones', malformed: true }], async (sim) => {
      const response = await raw(sim, '/zones');
      assert.equal(response.status, 200);
      const text = await response.text();
      assert.throws(() => JSON.parse(text) as unknown, SyntaxError);
    });
  });

  it('trickles a slow body that still arrives whole', async () => {
    await withSimulator([{ route: 'zones', slowMs: 50 }], async (sim) => {
      const response = await call(sim, '/zones');
      assert.equal(response.status, 200);
      assert.equal(response.body['success'], true);
    });
  });

  it('hits a rate= fraction of requests, the same ones on every run', async () => {
    const statuses = async (): Promise<number[]> => {
      const seen: number[] = [];
      await withSimulator([{ route: '*', status: 503, rate: 0.3 }], async (sim) => {
        for (let index = 0; index < 20; index++) seen.push((await raw(sim, '/zones')).status);
      });
      return seen;
    };
    const first = await statuses();
    assert.deepEqual(await statuses(), first);
    assert.ok(first.includes(503) && first.includes(200));
  });
});
