/**
 * The `contextValue` of each tree item: a type word first, then capability words.
 * package.json `when` clauses match them with regular expressions (`viewItem =~ /^pack\b/`,
 * `viewItem =~ /\brestartable\b/`), so the words here and there must agree.
 */
export const ContextWords = {
  account: 'account',
  storedAccount: 'stored',
  zone: 'zone',
  group: 'group',
  statusGroup: 'statusGroup',
  hostnamesGroup: 'hostnames',
  pack: 'pack',
  packCertificate: 'packCertificate',
  host: 'host',
  record: 'record',
  customCertificate: 'customCertificate',
  customHostname: 'customHostname',
  clientCertificate: 'clientCertificate',
  fallbackOrigin: 'fallbackOrigin',
  loadMore: 'loadMore',
  message: 'message',
  /** The message is about a failed load that can be retried. */
  retryable: 'retryable',
  /** Validation can be restarted (pack) or refreshed (custom hostname). */
  restartable: 'restartable',
  /** The node has a Cloudflare dashboard page. */
  dashboard: 'dashboard',
} as const;

export function contextValue(...words: (string | false | undefined)[]): string {
  return words.filter((word): word is string => typeof word === 'string' && word.length > 0).join(' ');
}
