/**
 * `cfcerts probe --hosts FILE`: one name per line, or `name target[:port]` (openssl's
 * `-servername name -connect target:port`), `#` starting a comment. The list is untrusted
 * input of any size, so it is bounded: a line longer than `maxLineLength` is a bad line
 * (reported with its number, the rest still runs); more than `maxHosts` names, or a list
 * larger than `maxListBytes`, ends the run before any connection.
 */

export const hostListLimits = {
  /** A name is at most 253 characters, a target the same plus a port; comments share the line. */
  maxLineLength: 1024,
  /** Names in one run (the command line's HOSTs included). */
  maxHosts: 100_000,
  /** The whole list as read: 100,000 lines of about 80 bytes, with room for comments. */
  maxListBytes: 16 * 1024 * 1024,
} as const;

/** One name to probe, and where it came from (for messages). */
export interface HostListEntry {
  readonly servername: string;
  /** The line's own target (`host`, `host:port`, `[v6]:port`), overriding `--connect`. */
  readonly connect?: string;
  /** `hosts.txt:7`, `stdin:3`, `argument 2`. */
  readonly where: string;
}

export interface BadLine {
  readonly where: string;
  readonly message: string;
}

export interface ParsedHostList {
  readonly entries: readonly HostListEntry[];
  readonly bad: readonly BadLine[];
}

/** A list that cannot be run at all: too many names, or too large. */
export class HostListError extends Error {
  readonly code = 'host-list-too-large';
}

/** A trailing comment starts at a `#` that begins the line or follows white space (a name never holds one). */
function withoutComment(line: string): string {
  const match = /(^|\s)#/.exec(line);
  return match === null ? line : line.slice(0, match.index);
}

/**
 * Splits the list into entries and bad lines. Only the shape is checked here; each name
 * and target is then checked by the probe's own rules, with the same line reference.
 */
export function parseHostList(text: string, source: string): ParsedHostList {
  const entries: HostListEntry[] = [];
  const bad: BadLine[] = [];
  const lines = text.split('\n');
  // A final newline does not start another line.
  if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  lines.forEach((raw, index) => {
    const where = `${source}:${index + 1}`;
    if (raw.length > hostListLimits.maxLineLength) {
      bad.push({ where, message: `the line is ${raw.length} characters long; at most ${hostListLimits.maxLineLength} are read.` });
      return;
    }
    const fields = withoutComment(raw.replace(/\r$/, '')).trim().split(/\s+/).filter((field) => field !== '');
    const [servername, connect, ...extra] = fields;
    if (servername === undefined) return;
    if (extra.length > 0) {
      bad.push({ where, message: `expected 'name' or 'name target[:port]', got ${fields.length} fields.` });
      return;
    }
    entries.push({ servername, ...(connect === undefined ? {} : { connect }), where });
    if (entries.length > hostListLimits.maxHosts) {
      throw new HostListError(`${source} names more than ${hostListLimits.maxHosts} hosts; split the list into several runs.`);
    }
  });
  return { entries, bad };
}
