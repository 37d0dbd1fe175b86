import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { HostListError, hostListLimits } from './hostList';

/** What `--hosts -` reads: standard input, or a stream a test hands in. */
export type TextSource = AsyncIterable<string | Buffer | Uint8Array>;

/** The list as text and the name messages call it by (`hosts.txt`, `stdin`). */
export interface HostListText {
  readonly text: string;
  readonly source: string;
}

/** Reads at most `maxListBytes`, then stops: a list that never ends (`yes | cfcerts probe --hosts -`) ends the run. */
async function readBounded(chunks: TextSource, source: string): Promise<string> {
  const decoder = new StringDecoder('utf8');
  const parts: string[] = [];
  let bytes = 0;
  for await (const chunk of chunks) {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk);
    bytes += buffer.length;
    if (bytes > hostListLimits.maxListBytes) {
      throw new HostListError(`${source} is larger than ${hostListLimits.maxListBytes / (1024 * 1024)} MiB; split the list into several runs.`);
    }
    parts.push(decoder.write(buffer));
  }
  parts.push(decoder.end());
  return parts.join('');
}

/** `--hosts FILE`, or `--hosts -` for standard input. */
export async function readHostList(path: string, stdin: TextSource): Promise<HostListText> {
  if (path === '-') {
    return { text: await readBounded(stdin, 'stdin'), source: 'stdin' };
  }
  const stream = createReadStream(path);
  try {
    return { text: await readBounded(stream, path), source: path };
  } finally {
    stream.destroy();
  }
}
