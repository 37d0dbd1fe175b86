import { domainToASCII, domainToUnicode } from 'node:url';
import { ProbeError } from './errors';
import { nodeNet } from '../shared/nodeModules';

/** node:net loads with the first host normalised, not at activation (the explorer imports this file). */
function isIP(input: string): number {
  return nodeNet().isIP(input);
}

/** A host as typed, made canonical: lower-case ASCII, no trailing dot, no brackets. */
export interface ParsedHost {
  /** Punycode / ASCII form, or the IP literal without brackets. */
  readonly host: string;
  /** The Unicode form for display (equal to `host` unless it is an IDN). */
  readonly unicode: string;
  readonly ipVersion: 0 | 4 | 6;
  /** Only when the input named a port. */
  readonly port?: number;
}

function invalid(what: string, input: string, reason: string): ProbeError {
  return new ProbeError('invalid-input', `Invalid ${what} '${input}': ${reason}.`, 'input');
}

function parsePort(text: string, what: string, input: string): number {
  if (!/^\d{1,5}$/.test(text)) {
    throw invalid(what, input, `port '${text}' is not a number`);
  }
  const port = Number(text);
  if (port < 1 || port > 65535) {
    throw invalid(what, input, `port ${port} is outside 1–65535`);
  }
  return port;
}

/** Accepts a port given on its own (`--port`). */
export function normalizePort(value: string | number, what = 'port'): number {
  return parsePort(String(value).trim(), what, String(value));
}

function fromUrl(text: string, what: string, input: string): { hostText: string; port?: string } {
  let url: URL;
  try {
    url = new URL(text);
  } catch (error) {
    throw new ProbeError('invalid-input', `Invalid ${what} '${input}': not a valid URL.`, 'input', { cause: error });
  }
  if (url.username !== '' || url.password !== '') {
    // The credentials are not echoed back: they may be real.
    throw new ProbeError('invalid-input', `Invalid ${what}: a URL with credentials is not accepted; give the host name only.`, 'input');
  }
  return url.port === '' ? { hostText: url.hostname } : { hostText: url.hostname, port: url.port };
}

function splitHostPort(text: string, what: string, input: string): { hostText: string; port?: string } {
  if (text.startsWith('[')) {
    const close = text.indexOf(']');
    if (close < 0) {
      throw invalid(what, input, 'unclosed [');
    }
    const rest = text.slice(close + 1);
    if (rest !== '' && !rest.startsWith(':')) {
      throw invalid(what, input, `unexpected '${rest}' after ]`);
    }
    return rest === '' ? { hostText: text.slice(0, close + 1) } : { hostText: text.slice(0, close + 1), port: rest.slice(1) };
  }
  const colons = text.split(':').length - 1;
  if (colons === 1) {
    const [hostText = '', port = ''] = text.split(':');
    return { hostText, port };
  }
  // Two or more colons without brackets can only be a bare IPv6 address.
  return { hostText: text };
}

function canonicalHost(hostText: string, what: string, input: string): Omit<ParsedHost, 'port'> {
  if (hostText.startsWith('[') || hostText.endsWith(']')) {
    const inner = hostText.replace(/^\[/, '').replace(/\]$/, '');
    if (isIP(inner) !== 6) {
      throw invalid(what, input, `'${inner}' is not an IPv6 address`);
    }
    return { host: inner.toLowerCase(), unicode: inner.toLowerCase(), ipVersion: 6 };
  }
  if (hostText.includes(':')) {
    if (isIP(hostText) !== 6) {
      throw invalid(what, input, `'${hostText}' is not an IPv6 address`);
    }
    return { host: hostText.toLowerCase(), unicode: hostText.toLowerCase(), ipVersion: 6 };
  }
  const name = hostText.replace(/\.$/, '');
  if (/^[\d.]+$/.test(name)) {
    // All digits and dots: meant as IPv4, so 1.2.3 or 1.2.3.256 is an error, not a host name.
    if (isIP(name) !== 4) {
      throw invalid(what, input, `'${name}' is not a valid IPv4 address`);
    }
    return { host: name, unicode: name, ipVersion: 4 };
  }
  if (name === '' || name.startsWith('.') || name.includes('..')) {
    throw invalid(what, input, 'empty label in host name');
  }
  if (name.includes('*')) {
    throw invalid(what, input, 'a wildcard cannot be probed; name one host under it');
  }
  const ascii = domainToASCII(name).toLowerCase();
  if (ascii === '' || !/^[a-z0-9_.-]+$/.test(ascii)) {
    throw invalid(what, input, 'not a valid host name');
  }
  if (ascii.length > 253 || ascii.split('.').some((label) => label.length > 63 || label.startsWith('-') || label.endsWith('-'))) {
    throw invalid(what, input, 'not a valid host name (label too long or starts or ends with -)');
  }
  return { host: ascii, unicode: domainToUnicode(ascii), ipVersion: 0 };
}

/**
 * Parses `host`, `host:port`, `https://host/path`, `[2001:db8::1]:8443`, a bare IPv6
 * address, an IDN or an upper-case name with a trailing dot. Throws ProbeError
 * `invalid-input` (stage `input`) before any network call.
 */
export function normalizeHost(input: string, what = 'host'): ParsedHost {
  const text = input.trim();
  if (text === '') {
    throw new ProbeError('invalid-input', `Invalid ${what}: it is empty.`, 'input');
  }
  if (/\s/.test(text)) {
    throw invalid(what, input, 'it contains spaces');
  }
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(text);
  const looksLikeUrl = hasScheme || /[/?#@]/.test(text);
  const parts = looksLikeUrl ? fromUrl(hasScheme ? text : `https://${text}`, what, input) : splitHostPort(text, what, input);
  const host = canonicalHost(parts.hostText, what, input);
  return parts.port === undefined ? host : { ...host, port: parsePort(parts.port, what, input) };
}
