import { domainToASCII } from 'node:url';

/**
 * DNS names as the diagnosis compares them: lower-case ASCII (IDNs in punycode), no
 * trailing dot. A wildcard keeps its `*.` label. Anything that is not a plausible name
 * comes back lower-cased as is, so it never matches a real one by accident.
 */
export function canonicalName(name: string): string {
  const trimmed = name.trim().replace(/\.$/, '');
  const wildcard = trimmed.startsWith('*.');
  const rest = wildcard ? trimmed.slice(2) : trimmed;
  const ascii = domainToASCII(rest);
  const canonical = (ascii === '' ? rest : ascii).toLowerCase();
  return wildcard ? `*.${canonical}` : canonical;
}

export function isWildcard(name: string): boolean {
  return name.startsWith('*.');
}

/** `*.example.com` → `example.com`; any other name unchanged. */
export function baseName(name: string): string {
  return isWildcard(name) ? name.slice(2) : name;
}

/** The name itself or a name below `domain`. */
export function isAtOrUnder(name: string, domain: string): boolean {
  const a = canonicalName(name);
  const b = canonicalName(domain);
  return a === b || a.endsWith(`.${b}`);
}

/** The name and each ancestor up to, not including, the root (RFC 8659's CAA climb). */
export function selfAndAncestors(name: string): string[] {
  const labels = baseName(canonicalName(name)).split('.').filter((label) => label !== '');
  return labels.map((_, index) => labels.slice(index).join('.'));
}
