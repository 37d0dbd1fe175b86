import type { ProbeOutcome } from './probeRun';

/**
 * POSIX shell quoting: a word of plain characters stays as it is, anything else goes in
 * single quotes (inside which the shell expands nothing), each `'` written as `'\''`.
 * Names come from users and the API, so nothing they contain may reach the shell as syntax.
 */
export function shellQuote(text: string): string {
  return /^[A-Za-z0-9._:@%+=,/[\]-]+$/.test(text) ? text : `'${text.replace(/'/g, "'\\''")}'`;
}

/**
 * The openssl command that repeats a probe: the same address (the resolved one when a
 * resolve rule chose it, since openssl knows nothing of that setting), port and SNI.
 */
export function opensslCommand(outcome: ProbeOutcome): string {
  const { target, sni } = outcome.result;
  const host = outcome.rule !== undefined && target.address !== null ? target.address : target.host;
  const connect = `${host.includes(':') ? `[${host}]` : host}:${target.port}`;
  const servername = sni === null ? ['-noservername'] : ['-servername', shellQuote(sni)];
  return ['openssl', 's_client', '-connect', shellQuote(connect), ...servername, '-showcerts', '</dev/null'].join(' ');
}
