import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { ConnectRuleError, parseConnectRule } from '../diagnose/connectRules';
import { DEFAULT_WARNING_DAYS } from '../probe/verdict';
import { normalizeHost } from '../probe/normalizeTarget';
import { ProbeError } from '../probe/errors';
import type { ResolveRule } from '../probe/resolveRules';
import type { AddressFamilyOption, AlpnOffer, Expectation, KeyTypeOffer } from '../probe/types';
import type { ProbeOptions } from '../probe/probe';
import type { TrustRoots } from '../probe/offers';

/** `cfcerts probe`'s command line, checked: what to probe, and how. */

export const DEFAULT_CONCURRENCY = 16;
export const MAX_CONCURRENCY = 256;
export const MAX_THREADS = 64;

export class UsageError extends Error {}

/** The options every name of the run shares; each name adds its servername (and maybe its own target). */
export type SharedProbeOptions = Omit<ProbeOptions, 'servername' | 'connect'>;

export interface ProbeRequest {
  /** HOSTs named on the command line. */
  readonly hosts: readonly string[];
  /** `--hosts FILE` (`-` for standard input). */
  readonly hostsFile?: string;
  /** `--zone NAME` (repeatable): the zone's names against what the API says. */
  readonly zoneNames: readonly string[];
  /** `--api-base`, else $CLOUDFLARE_API_BASE_URL; the zone mode defaults it (this file stays off the API client). */
  readonly apiBase?: string;
  readonly accountId?: string;
  /** `--connect`: the target of every name that names none of its own. */
  readonly connect?: string;
  /** `--resolve PATTERN=ADDRESS[:PORT]`, as curl's and the extension's probe.resolve. */
  readonly rules: readonly ResolveRule[];
  readonly shared: SharedProbeOptions;
  readonly roots?: TrustRoots;
  readonly warningDays: number;
  readonly timeoutMs: number;
  readonly concurrency: number;
  /** `--threads`: threads probing a list; by default probeFleet's rule (one per core for a big list). */
  readonly threads?: number;
  readonly matrix: boolean;
  readonly json: boolean;
}

function integer(value: string | undefined, name: string, min: number, max: number): number | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`--${name} must be a whole number from ${min} to ${max}, got '${value}'.`);
  }
  return Number(value);
}

function oneOf<T extends string>(value: string | undefined, name: string, allowed: readonly T[]): T | undefined {
  if (value === undefined) {
    return undefined;
  }
  if (!(allowed as readonly string[]).includes(value)) {
    throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got '${value}'.`);
  }
  return value as T;
}

/**
 * Read synchronously, once, before any connection: node:fs/promises (and with it libuv's
 * thread pool) would cost a one-name probe a few milliseconds it otherwise never spends.
 */
function readRoots(file: string | undefined): TrustRoots | undefined {
  if (file === undefined) {
    return undefined;
  }
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the CA file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(`The CA file ${file} holds no PEM certificate.`);
  }
  return { pem, label: basename(file) };
}

/** `--resolve` as `cfcerts diagnose` takes it; a probe connects once per name, so a rule names no port of its own. */
function resolveRule(text: string): ResolveRule {
  try {
    const rule = parseConnectRule(text);
    if (rule.forPort !== undefined) throw new UsageError(`--resolve for probes is PATTERN=ADDRESS[:PORT], got '${text}'.`);
    return { pattern: rule.pattern, address: rule.address, ipVersion: rule.ipVersion, ...(rule.port === undefined ? {} : { port: rule.port }) };
  } catch (error) {
    if (error instanceof ConnectRuleError) throw new UsageError(error.message);
    throw error;
  }
}

/** `--connect` in zone mode: the rule `*`, so every name of the zone goes there, as the extension's `"*"` rule does. */
function connectRule(connect: string): ResolveRule {
  try {
    const parsed = normalizeHost(connect, 'connect target');
    return { pattern: '*', address: parsed.host, ipVersion: parsed.ipVersion, ...(parsed.port === undefined ? {} : { port: parsed.port }) };
  } catch (error) {
    if (ProbeError.is(error)) throw new UsageError(error.message);
    throw error;
  }
}

/** Options that change how one name is probed: the zone mode probes as "Probe All in Zone" does, without them. */
const notWithZone = ['port', 'ipv4', 'ipv6', 'no-sni', 'no-sni-dns', 'key-type', 'alpn', 'matrix', 'expect-serial', 'expect-issuer', 'expect-host'] as const;

export function parseProbeArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>): ProbeRequest {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      hosts: { type: 'string' },
      zone: { type: 'string', multiple: true },
      'api-base': { type: 'string' },
      account: { type: 'string' },
      connect: { type: 'string' },
      resolve: { type: 'string', multiple: true },
      port: { type: 'string' },
      timeout: { type: 'string' },
      ca: { type: 'string' },
      ipv4: { type: 'boolean' },
      ipv6: { type: 'boolean' },
      'no-sni': { type: 'boolean' },
      'no-sni-dns': { type: 'boolean' },
      'key-type': { type: 'string' },
      alpn: { type: 'string' },
      matrix: { type: 'boolean' },
      json: { type: 'boolean' },
      concurrency: { type: 'string' },
      threads: { type: 'string' },
      'expect-serial': { type: 'string' },
      'expect-issuer': { type: 'string' },
      'expect-host': { type: 'string', multiple: true },
      'warning-days': { type: 'string' },
    },
  });
  const zoneNames = (values.zone ?? []).map((name) => name.trim());
  if (zoneNames.some((name) => name === '')) throw new UsageError('--zone needs a zone name.');
  if (zoneNames.length > 0) {
    if (positionals.length > 0 || values.hosts !== undefined) throw new UsageError('--zone probes the names the API lists for the zone; name no HOST and no --hosts with it.');
    const clashing = notWithZone.filter((name) => values[name] !== undefined);
    if (clashing.length > 0) throw new UsageError(`--zone judges every name against what the API says, as "Probe All in Zone" does; ${clashing.map((name) => `--${name}`).join(', ')} cannot be combined with it.`);
  } else {
    if (values['api-base'] !== undefined || values.account !== undefined) throw new UsageError('--api-base and --account go with --zone.');
    if (positionals.length === 0 && values.hosts === undefined) throw new UsageError('Name a HOST to probe, a list with --hosts FILE, or a zone with --zone NAME.');
  }
  const apiBase = zoneNames.length === 0 ? undefined : (values['api-base'] ?? (env['CLOUDFLARE_API_BASE_URL']?.trim() || undefined));
  if (apiBase !== undefined && (!URL.canParse(apiBase) || !['http:', 'https:'].includes(new URL(apiBase).protocol))) throw new UsageError('The API base URL must be an http(s) URL.');
  const accountId = values.account?.trim();
  if (accountId === '') throw new UsageError('--account needs an account ID.');
  if (values.hosts?.trim() === '') throw new UsageError('--hosts needs a file name, or - for standard input.');
  if (values.ipv4 === true && values.ipv6 === true) {
    throw new UsageError('--ipv4 and --ipv6 exclude each other.');
  }
  const family: AddressFamilyOption = values.ipv4 === true ? 4 : values.ipv6 === true ? 6 : 'any';
  const alpn = values.alpn?.split(',').map((protocol) => oneOf<AlpnOffer>(protocol.trim(), 'alpn', ['h2', 'http/1.1']) ?? 'h2');
  const expect: Expectation = {
    ...(values['expect-serial'] === undefined ? {} : { serialNumber: values['expect-serial'] }),
    ...(values['expect-issuer'] === undefined ? {} : { issuer: values['expect-issuer'] }),
    ...(values['expect-host'] === undefined ? {} : { hostnames: values['expect-host'] }),
  };
  const port = integer(values.port, 'port', 1, 65535);
  const timeoutMs = integer(values.timeout, 'timeout', 1, 600_000) ?? 10_000;
  const warningDays = integer(values['warning-days'], 'warning-days', 0, 3650);
  const threads = integer(values.threads, 'threads', 1, MAX_THREADS);
  const roots = readRoots(values.ca);
  const rules = (values.resolve ?? []).map(resolveRule);
  const shared: SharedProbeOptions = {
    ...(port === undefined ? {} : { port }),
    family,
    timeoutMs,
    extraRoots: roots,
    keyType: oneOf<KeyTypeOffer>(values['key-type'], 'key-type', ['any', 'rsa', 'ecdsa']) ?? 'any',
    ...(alpn === undefined ? {} : { alpn }),
    sni: values['no-sni'] !== true,
    ...(values['no-sni-dns'] === true ? { reportServernameDns: false } : {}),
    expect: Object.keys(expect).length === 0 ? undefined : expect,
    warningDays,
  };
  return {
    hosts: positionals,
    ...(values.hosts === undefined ? {} : { hostsFile: values.hosts }),
    zoneNames,
    ...(apiBase === undefined ? {} : { apiBase }),
    ...(accountId === undefined ? {} : { accountId }),
    ...(values.connect === undefined ? {} : { connect: values.connect }),
    // In zone mode --connect is the rule `*`, after any --resolve rule for a narrower pattern.
    rules: zoneNames.length > 0 && values.connect !== undefined ? [...rules, connectRule(values.connect)] : rules,
    shared,
    ...(roots === undefined ? {} : { roots }),
    warningDays: warningDays ?? DEFAULT_WARNING_DAYS,
    timeoutMs,
    concurrency: integer(values.concurrency, 'concurrency', 1, MAX_CONCURRENCY) ?? DEFAULT_CONCURRENCY,
    ...(threads === undefined ? {} : { threads }),
    matrix: values.matrix === true,
    json: values.json === true,
  };
}
