import assert from 'node:assert/strict';
import { parseRecentProbes, RECENT_PROBES_LIMIT, rememberProbe, type RecentProbe } from '../../../src/probing/recentProbes';

const at = '2026-06-01T00:00:00.000Z';
const entry = (servername: string, connect?: string): RecentProbe => ({ servername, ...(connect === undefined ? {} : { connect }), at });

describe('recent probes', () => {
  it('puts the newest first and keeps one entry per name and target', () => {
    let list: RecentProbe[] = [];
    list = rememberProbe(list, entry('a.example'));
    list = rememberProbe(list, entry('b.example'));
    list = rememberProbe(list, entry('b.example', 'edge.example'));
    list = rememberProbe(list, { ...entry('A.EXAMPLE'), verdict: 'ok' });
    assert.deepEqual(
      list.map((probe) => `${probe.servername}${probe.connect === undefined ? '' : `→${probe.connect}`}`),
      ['A.EXAMPLE', 'b.example→edge.example', 'b.example'],
    );
    assert.equal(list[0]?.verdict, 'ok');
  });

  it(`keeps the last ${RECENT_PROBES_LIMIT}`, () => {
    let list: RecentProbe[] = [];
    for (let index = 0; index < RECENT_PROBES_LIMIT + 3; index++) list = rememberProbe(list, entry(`host${index}.example`));
    assert.equal(list.length, RECENT_PROBES_LIMIT);
    assert.equal(list[0]?.servername, `host${RECENT_PROBES_LIMIT + 2}.example`);
    assert.equal(list.at(-1)?.servername, 'host3.example');
  });

  it('reads back only well-formed entries from stored state', () => {
    const stored = [entry('ok.example'), { servername: '', at }, { servername: 'x.example' }, { servername: 'y.example', at, verdict: 'nonsense' }, 'text', null, { ...entry('z.example', 'c.example'), verdict: 'timeout' }];
    assert.deepEqual(parseRecentProbes(stored).map((probe) => probe.servername), ['ok.example', 'z.example']);
    assert.deepEqual(parseRecentProbes({ servername: 'x' }), []);
    assert.deepEqual(parseRecentProbes(undefined), []);
  });
});
