import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { HostListError, hostListLimits, parseHostList } from '../../../src/cli/hostList';
import { readHostList } from '../../../src/cli/hostListSource';

describe('cfcerts probe --hosts: the list', () => {
  it('reads names, name-target pairs, comments, blank lines and CRLF', () => {
    const text = ['# production edge', 'app.example.com', '', '  www.example.com   203.0.113.7:8443  # pre-DNS, via the CNAME target', 'api.example.com\t[2001:db8::1]:443\r', '   # indented comment', 'shop.example.com#not-a-comment'].join('\n');
    const { entries, bad } = parseHostList(text, 'hosts.txt');
    assert.deepEqual(bad, []);
    assert.deepEqual(entries, [
      { servername: 'app.example.com', where: 'hosts.txt:2' },
      { servername: 'www.example.com', connect: '203.0.113.7:8443', where: 'hosts.txt:4' },
      { servername: 'api.example.com', connect: '[2001:db8::1]:443', where: 'hosts.txt:5' },
      // A # inside a word is not a comment: the probe's own check refuses the name, with its line.
      { servername: 'shop.example.com#not-a-comment', where: 'hosts.txt:7' },
    ]);
  });

  it('reports a line with too many fields or too long by its number, and keeps the rest', () => {
    const long = `${'a'.repeat(hostListLimits.maxLineLength)}.example.com`;
    const { entries, bad } = parseHostList(['one.example.com', 'two.example.com 127.0.0.1 extra', long, 'three.example.com'].join('\n'), 'stdin');
    assert.deepEqual(entries.map((entry) => entry.where), ['stdin:1', 'stdin:4']);
    assert.deepEqual(bad.map((line) => line.where), ['stdin:2', 'stdin:3']);
    assert.match(bad[0]?.message ?? '', /expected 'name' or 'name target\[:port\]', got 3 fields/);
    assert.match(bad[1]?.message ?? '', new RegExp(`at most ${hostListLimits.maxLineLength}`));
  });

  it('refuses more names than one run takes, with a clear error', () => {
    const text = Array.from({ length: hostListLimits.maxHosts + 1 }, (_, index) => `h${index}.example.com`).join('\n');
    assert.throws(() => parseHostList(text, 'big.txt'), (error: unknown) => error instanceof HostListError && /big\.txt names more than 100000 hosts/.test(error.message));
    // Comments and blank lines do not count.
    const padded = `${'# comment\n\n'.repeat(hostListLimits.maxHosts)}last.example.com\n`;
    assert.equal(parseHostList(padded, 'padded.txt').entries.length, 1);
  });

  it('reads a file, and standard input, and stops reading a list that never ends', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'cfcerts-hosts-'));
    try {
      await writeFile(join(folder, 'hosts.txt'), 'a.example.com\nb.example.com\n');
      assert.deepEqual(await readHostList(join(folder, 'hosts.txt'), Readable.from([])), { text: 'a.example.com\nb.example.com\n', source: join(folder, 'hosts.txt') });
      // A multi-byte character split across chunks survives.
      const ü = Buffer.from('bücher.example\n');
      assert.deepEqual(await readHostList('-', Readable.from([ü.subarray(0, 2), ü.subarray(2)])), { text: 'bücher.example\n', source: 'stdin' });
      let chunks = 0;
      const megabyte = Buffer.alloc(1024 * 1024, 'a\n');
      const endless: AsyncIterable<Buffer> = {
        [Symbol.asyncIterator]: () => ({
          next: () => {
            chunks++;
            return Promise.resolve({ done: false, value: megabyte });
          },
        }),
      };
      await assert.rejects(readHostList('-', endless), /stdin is larger than 16 MiB/);
      assert.equal(chunks, 17);
      await assert.rejects(readHostList(join(folder, 'missing.txt'), Readable.from([])), /ENOENT/);
    } finally {
      await rm(folder, { recursive: true, force: true });
    }
  });
});
