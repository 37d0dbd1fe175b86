/** Whether a fetched body is the expected token: exact, allowing surrounding whitespace (a trailing newline). */
export function bodyMatches(body: string, expected: string): boolean {
  return body.trim() === expected.trim();
}
