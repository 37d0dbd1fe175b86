import type { CliIo } from '../../src/cli/io';

/** A CliIo that records what a command printed, for in-process CLI tests. */
export function captureIo(env: Record<string, string | undefined> = {}, signal = new AbortController().signal): CliIo & { out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, stdout: (text) => out.push(text), stderr: (text) => err.push(text), env, signal };
}
