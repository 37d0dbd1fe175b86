import type { X509Certificate } from 'node:crypto';
import { checkServerIdentity, type PeerCertificate } from 'node:tls';
import { isIP } from 'node:net';
import { summarizeChain } from './chain';
import { lookupAddresses, reportDns, systemResolver, type DnsResolver } from './dnsLookup';
import { ProbeError } from './errors';
import type { TrustRoots } from './offers';
import { resolveProbeTarget, type ProbeTarget, type TargetInput } from './probeTarget';
import { tlsHandshake, type HandshakeOutcome } from './tlsHandshake';
import type { AlpnOffer, DnsReport, Expectation, KeyTypeOffer, ProbeFailure, ProbeResult } from './types';
import { judgeProbe } from './verdict';

export interface ProbeOptions extends TargetInput {
  /** For DNS, connect and handshake together. Default 10 s. */
  readonly timeoutMs?: number;
  readonly signal?: AbortSignal;
  /** Extra roots (a CA file) added to Node's bundled roots. */
  readonly extraRoots?: TrustRoots;
  readonly alpn?: readonly AlpnOffer[];
  readonly keyType?: KeyTypeOffer;
  readonly expect?: Expectation;
  readonly warningDays?: number;
  readonly resolver?: DnsResolver;
  /** Report the servername's own DNS when a distinct connect target is given. Default true. */
  readonly reportServernameDns?: boolean;
  readonly now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 10_000;
const DEFAULT_ALPN: readonly AlpnOffer[] = ['h2', 'http/1.1'];

let sharedResolver: DnsResolver | undefined;
function defaultResolver(): DnsResolver {
  sharedResolver ??= systemResolver();
  return sharedResolver;
}

function throwIfCancelled(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) {
    throw new ProbeError('cancelled', 'The probe was cancelled.', 'input', { cause: signal.reason });
  }
}

/** Resolves with the value, or with `fallback` once `ms` have passed (the promise keeps running). */
function within<T>(promise: Promise<T>, ms: number, fallback: () => T): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(fallback()), Math.max(0, ms));
    promise.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

function unfinishedReport(name: string): DnsReport {
  return { name, cnameChain: [], a: [], aaaa: [], error: { code: 'ETIMEOUT', message: `DNS for ${name} did not answer in time` }, ms: 0 };
}

interface AddressChoice {
  readonly address: string | null;
  readonly error: ProbeFailure | null;
}

async function chooseAddress(target: ProbeTarget, resolver: DnsResolver, timeoutMs: number): Promise<AddressChoice> {
  if (target.address !== undefined) {
    return { address: target.address, error: null };
  }
  if (target.connect.ipVersion !== 0) {
    return { address: target.connect.host, error: null };
  }
  const timedOut = Symbol('timeout');
  try {
    const found = await within<Awaited<ReturnType<typeof lookupAddresses>> | typeof timedOut>(lookupAddresses(resolver, target.connect.host, target.family), timeoutMs, () => timedOut);
    if (found === timedOut) {
      return { address: null, error: { code: 'timeout', message: `No answer within ${timeoutMs} ms (resolving ${target.connect.host}).`, stage: 'timeout' } };
    }
    const first = found[0];
    if (first === undefined) {
      const family = target.family === 'any' ? '' : ` IPv${target.family}`;
      return { address: null, error: { code: 'dns', message: `${target.connect.host} has no${family} address.`, stage: 'dns' } };
    }
    return { address: first.address, error: null };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { address: null, error: { code: 'dns', message: `${target.connect.host} does not resolve: ${message}`, stage: 'dns' } };
  }
}

/** The two fields tls.checkServerIdentity reads, so its rules and wording apply unchanged. */
function identityOf(cert: X509Certificate, commonName: string | null): PeerCertificate {
  return { subject: { CN: commonName ?? '' }, subjectaltname: cert.subjectAltName } as unknown as PeerCertificate;
}

function failureOf(outcome: HandshakeOutcome): ProbeFailure | null {
  return outcome.error === null ? null : { code: outcome.error.code, message: outcome.error.message, stage: outcome.error.stage };
}

/**
 * One probe: resolve, connect, handshake, and judge what was served. Rejects only for
 * invalid input (before any network call) and cancellation; every network failure is a
 * result with `error` and a verdict.
 */
export async function probe(options: ProbeOptions): Promise<ProbeResult> {
  const target = resolveProbeTarget(options);
  const signal = options.signal;
  throwIfCancelled(signal);
  const now = options.now ?? Date.now;
  const probedAt = now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const resolver = options.resolver ?? defaultResolver();
  const started = performance.now();
  const remaining = (): number => timeoutMs - (performance.now() - started);

  // The DNS reports run beside the connect: they describe, they do not gate.
  const connectReport = target.address === undefined && target.connect.ipVersion === 0 ? reportDns(resolver, target.connect.host) : null;
  const servernameReport = target.distinctConnect && target.servername.ipVersion === 0 && options.reportServernameDns !== false ? reportDns(resolver, target.servername.host) : null;

  const choice = await chooseAddress(target, resolver, timeoutMs);
  const dnsMs = target.address === undefined && target.connect.ipVersion === 0 ? performance.now() - started : null;
  throwIfCancelled(signal);
  const outcome: HandshakeOutcome =
    choice.address === null
      ? { connectMs: null, tlsMs: null, capture: null, error: null }
      : await tlsHandshake({
          address: choice.address,
          port: target.port,
          sni: target.sni,
          keyType: options.keyType ?? 'any',
          alpn: options.alpn ?? DEFAULT_ALPN,
          roots: options.extraRoots,
          timeoutMs: remaining(),
          signal,
        });
  const error = choice.error ?? failureOf(outcome);
  const capture = outcome.capture;
  const chain = summarizeChain(capture?.peer, probedAt);
  const identityError = capture?.peer === undefined ? undefined : checkServerIdentity(target.servername.host, identityOf(capture.peer, chain[0]?.commonName ?? null));

  const [connectDns, servernameDns] = await Promise.all([
    connectReport === null ? null : within(connectReport, remaining(), () => unfinishedReport(target.connect.host)),
    servernameReport === null ? null : within(servernameReport, remaining(), () => unfinishedReport(target.servername.host)),
  ]);

  const trust =
    capture === null
      ? null
      : {
          authorized: capture.authorized,
          error: capture.authorizationError,
          store: options.extraRoots === undefined ? ('default' as const) : ('bundled+extra' as const),
          extraRootsLabel: options.extraRoots?.label ?? null,
        };
  const hostnameMatch = capture?.peer === undefined ? null : identityError === undefined;
  const judged = judgeProbe({ error, trust, hostnameMatch, chain }, options.expect, { now: probedAt, warningDays: options.warningDays });
  const version = choice.address === null ? 0 : isIP(choice.address);
  const family = version === 4 || version === 6 ? version : null;
  return {
    servername: target.servername.host,
    servernameUnicode: target.servername.unicode,
    sni: target.sni,
    target: { host: target.connect.host, port: target.port, address: choice.address, family },
    offer: { keyType: options.keyType ?? 'any', alpn: [...(options.alpn ?? DEFAULT_ALPN)], family: target.family },
    dns: { connect: connectDns, servername: servernameDns },
    timings: { dnsMs, connectMs: outcome.connectMs, tlsMs: outcome.tlsMs, totalMs: performance.now() - started },
    tls: capture === null ? null : { protocol: capture.protocol, cipher: capture.cipher, alpn: capture.alpn, ocspStapled: capture.ocspStapled },
    trust,
    hostnameMatch,
    hostnameError: identityError?.message ?? null,
    chain,
    error,
    verdict: judged.verdict,
    reasons: judged.reasons,
    probedAt: new Date(probedAt).toISOString(),
  };
}
