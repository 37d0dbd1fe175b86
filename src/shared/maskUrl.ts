/**
 * A URL as it may be logged or shown: scheme, host and path. `user:password@` is
 * dropped, the query (`?token=…`) and the fragment are masked, since a configured URL can carry
 * credentials in any of them.
 */
export function maskUrl(text: string): string {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return '(unparseable URL)';
  }
  const query = url.search === '' ? '' : '?***';
  const fragment = url.hash === '' ? '' : '#***';
  return `${url.protocol}//${url.host}${url.pathname === '/' ? '' : url.pathname}${query}${fragment}`;
}
