import { terminalJson } from '../shared/terminalText';

/**
 * The text of "Open API Object": one object as parsed from Cloudflare's answer, indented
 * JSON with the fields in the order Cloudflare sent them (the explorer keeps the parsed
 * objects as they are, so nothing is added, renamed or dropped). One exception is
 * JavaScript's, not ours: integer-like keys (a custom_metadata `"10"`) come first.
 *
 * The values are untrusted: C1 and bidi controls and line separators inside strings are
 * written as `\uXXXX` escapes, so the editor shows nothing that reorders or hides text,
 * and the JSON still parses to exactly what Cloudflare sent. Its size is bounded by the
 * API client's response limit.
 */
export function apiObjectText(object: unknown): string {
  return `${terminalJson(object)}\n`;
}
