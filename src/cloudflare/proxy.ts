import { Agent, type Dispatcher, ProxyAgent } from 'undici';
import { maskUrl } from '../shared/maskUrl';

export interface ProxyOptions {
  /** Environment to read HTTPS_PROXY / HTTP_PROXY / NO_PROXY from (default: process.env, read only). */
  readonly env?: Record<string, string | undefined>;
  /** An explicit proxy (VS Code's `http.proxy`); wins over the environment. */
  readonly url?: string;
  /** An explicit bypass list in NO_PROXY syntax; wins over the environment's. */
  readonly noProxy?: string;
}

function envValue(env: Record<string, string | undefined>, name: string): string | undefined {
  const value = env[name] ?? env[name.toLowerCase()];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** The proxy URL to use for `target`, or undefined to connect directly. */
export function proxyFor(target: URL, options: ProxyOptions = {}): string | undefined {
  const env = options.env ?? process.env;
  const proxy = options.url?.trim() || (target.protocol === 'https:' ? envValue(env, 'HTTPS_PROXY') : undefined) || envValue(env, 'HTTP_PROXY');
  if (proxy === undefined || proxy === '') {
    return undefined;
  }
  const noProxy = options.noProxy ?? envValue(env, 'NO_PROXY') ?? '';
  const port = target.port === '' ? (target.protocol === 'https:' ? '443' : '80') : target.port;
  return bypasses(target.hostname, port, noProxy) ? undefined : proxy;
}

/**
 * NO_PROXY matching as curl does it: `*` bypasses everything; an entry matches the host
 * itself or any subdomain (a leading dot or `*.` is ignored); `host:port` also needs the port.
 */
export function bypasses(hostname: string, port: string, noProxy: string): boolean {
  const host = stripBrackets(hostname.toLowerCase());
  for (const raw of noProxy.split(/[\s,]+/)) {
    const entry = raw.trim().toLowerCase();
    if (entry === '') {
      continue;
    }
    if (entry === '*') {
      return true;
    }
    const { name, entryPort } = splitEntry(entry);
    if (entryPort !== undefined && entryPort !== port) {
      continue;
    }
    const bare = name.replace(/^\*?\./, '');
    if (host === bare || host.endsWith(`.${bare}`)) {
      return true;
    }
  }
  return false;
}

function stripBrackets(host: string): string {
  return host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
}

function splitEntry(entry: string): { name: string; entryPort: string | undefined } {
  const bracketed = /^\[([^\]]+)\](?::(\d+))?$/.exec(entry);
  if (bracketed !== null) {
    return { name: bracketed[1] ?? '', entryPort: bracketed[2] };
  }
  const match = /^([^:]+):(\d+)$/.exec(entry);
  return match === null ? { name: entry, entryPort: undefined } : { name: match[1] ?? '', entryPort: match[2] };
}

/** Hides `user:password@` and any query in a proxy URL before it is logged. */
export function describeProxy(proxy: string): string {
  return maskUrl(proxy);
}

/** One keep-alive dispatcher for the client, through the proxy when one applies. */
export function createDispatcher(proxy: string | undefined, connections: number): Dispatcher {
  const options = { connections, keepAliveTimeout: 30_000, keepAliveMaxTimeout: 600_000 };
  return proxy === undefined ? new Agent(options) : new ProxyAgent({ ...options, uri: proxy });
}
