/**
 * The one rule for what `cfcerts` lets reach a terminal. Text from the API, a
 * certificate or DNS is untrusted: an ESC starts a sequence that can clear the screen or
 * forge a hyperlink (OSC 8), a C1 control does the same in one byte, CR overwrites a
 * line, and bidi controls (U+202E…) reorder what the reader sees. Each such character
 * is shown as its `\uXXXX` escape, so nothing is hidden and nothing acts.
 *
 * Pure: every `cfcerts` command reuses it through `safeIo` (src/cli/safeIo.ts), and the
 * probe library's text report through `terminalField`.
 */

// C0 except TAB and LF, DEL, C1, the bidi embedding/override/isolate/mark characters,
// and the Unicode line/paragraph separators (a terminal may break the line on them).
// eslint-disable-next-line no-control-regex
const unsafeInText = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// The same set, plus TAB and LF: for one field that must stay on one line.
// eslint-disable-next-line no-control-regex
const unsafeInField = /[\u0000-\u001f\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
// What JSON.stringify leaves raw inside strings although a terminal acts on it (C0 is already escaped).
const unsafeInJson = /[\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

function escape(char: string): string {
  return `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`;
}

/** Text for a terminal: every unsafe character replaced by its visible `\uXXXX`; TAB and LF kept. */
export function terminalText(text: string): string {
  return text.replace(unsafeInText, escape);
}

/** One value inside a line (a table cell, a hostname): as `terminalText`, and TAB/LF escaped too. */
export function terminalField(text: string): string {
  return text.replace(unsafeInField, escape);
}

/**
 * JSON for a terminal or a pipe: standard JSON in which every unsafe character is an
 * `\uXXXX` escape, so a parser gets back exactly what was sent (nothing lost) while
 * `cat` shows nothing that acts. Outside strings JSON is ASCII, so the escape is always
 * inside a string.
 */
export function terminalJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, null, indent).replace(unsafeInJson, escape);
}
