import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { isCancellation } from '../shared/appError';
import { terminalJson } from '../shared/terminalText';
import {
  formatMatrixText,
  formatProbeText,
  probe,
  probeMatrix,
  ProbeError,
  toProbeJson,
  type AddressFamilyOption,
  type AlpnOffer,
  type DnsResolver,
  type Expectation,
  type KeyTypeOffer,
  type MatrixResult,
  type ProbeOptions,
  type TrustRoots,
} from '../probe';
import { ExitCode, type CliCommand, type CliIo } from './io';

const USAGE = `Usage: cfcerts probe HOST [options]

Connects to HOST (or to --connect TARGET) with HOST as SNI and reports what is served:
the verdict first, then protocol, cipher, ALPN, trust, name match, timings and the chain.

Options:
  --connect TARGET[:PORT]  connect here instead (openssl's -connect $CNAME_TARGET:443)
  --port N                 port when TARGET names none (default 443)
  --timeout MS             for DNS, connect and handshake together (default 10000)
  --ca FILE                extra trusted roots (PEM), added to Node's bundled roots
  --ipv4 | --ipv6          use only that address family
  --no-sni                 send no SNI (see the certificate served by default)
  --key-type rsa|ecdsa     offer only RSA or only ECDSA signatures
  --alpn LIST              ALPN offer, comma-separated (default h2,http/1.1)
  --matrix                 every address × RSA/ECDSA × with/without SNI, side by side
  --expect-serial HEX      the serial the API says is deployed
  --expect-issuer TEXT     text the issuer must contain (a CA name)
  --expect-host NAME       a name the certificate must cover (repeatable)
  --warning-days N         call the certificate expiring below N days (default 30)
  --json                   print one JSON object (documented in the README)

Exit status: 0 when the verdict is ok, 1 for any other verdict, 2 for bad input.`;

class UsageError extends Error {}

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

async function readRoots(file: string | undefined): Promise<TrustRoots | undefined> {
  if (file === undefined) {
    return undefined;
  }
  let pem: string;
  try {
    pem = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the CA file ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!pem.includes('-----BEGIN CERTIFICATE-----')) {
    throw new UsageError(`The CA file ${file} holds no PEM certificate.`);
  }
  return { pem, label: basename(file) };
}

/** What the command needs from outside besides CliIo; tests inject a resolver. */
export interface ProbeCommandDeps {
  readonly resolver?: DnsResolver;
}

async function parse(args: readonly string[], io: CliIo, deps: ProbeCommandDeps): Promise<{ options: ProbeOptions; matrix: boolean; json: boolean }> {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    strict: true,
    options: {
      connect: { type: 'string' },
      port: { type: 'string' },
      timeout: { type: 'string' },
      ca: { type: 'string' },
      ipv4: { type: 'boolean' },
      ipv6: { type: 'boolean' },
      'no-sni': { type: 'boolean' },
      'key-type': { type: 'string' },
      alpn: { type: 'string' },
      matrix: { type: 'boolean' },
      json: { type: 'boolean' },
      'expect-serial': { type: 'string' },
      'expect-issuer': { type: 'string' },
      'expect-host': { type: 'string', multiple: true },
      'warning-days': { type: 'string' },
    },
  });
  const [host, ...extra] = positionals;
  if (host === undefined || extra.length > 0) {
    throw new UsageError(host === undefined ? 'Name one HOST to probe.' : `Name one HOST only; also got ${extra.join(' ')}.`);
  }
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
  const options: ProbeOptions = {
    servername: host,
    ...(values.connect === undefined ? {} : { connect: values.connect }),
    ...(port === undefined ? {} : { port }),
    family,
    timeoutMs: integer(values.timeout, 'timeout', 1, 600_000) ?? 10_000,
    extraRoots: await readRoots(values.ca),
    keyType: oneOf<KeyTypeOffer>(values['key-type'], 'key-type', ['any', 'rsa', 'ecdsa']) ?? 'any',
    ...(alpn === undefined ? {} : { alpn }),
    sni: values['no-sni'] !== true,
    expect: Object.keys(expect).length === 0 ? undefined : expect,
    warningDays: integer(values['warning-days'], 'warning-days', 0, 3650),
    signal: io.signal,
    ...(deps.resolver === undefined ? {} : { resolver: deps.resolver }),
  };
  return { options, matrix: values.matrix === true, json: values.json === true };
}

function matrixJson(matrix: MatrixResult): object {
  return {
    servername: matrix.servername,
    verdict: matrix.verdict,
    addresses: matrix.addresses,
    differences: matrix.differences,
    cells: matrix.cells.map((cell) => ({ address: cell.address, keyType: cell.keyType, sni: cell.sni, differs: cell.differs, probe: toProbeJson(cell.result) })),
    failure: matrix.failure === null ? null : toProbeJson(matrix.failure),
  };
}

function isBadInput(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  // parseArgs reports unknown options and missing values with ERR_PARSE_ARGS_* codes.
  return error instanceof UsageError || (error instanceof ProbeError && error.code === 'invalid-input') || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS_'));
}

async function run(args: readonly string[], io: CliIo, deps: ProbeCommandDeps): Promise<number> {
  try {
    const { options, matrix, json } = await parse(args, io, deps);
    if (matrix) {
      const result = await probeMatrix(options);
      io.stdout(json ? `${terminalJson(matrixJson(result))}\n` : formatMatrixText(result));
      return result.verdict === 'ok' ? ExitCode.ok : ExitCode.problemsFound;
    }
    const result = await probe(options);
    io.stdout(json ? `${terminalJson(toProbeJson(result))}\n` : formatProbeText(result));
    return result.verdict === 'ok' ? ExitCode.ok : ExitCode.problemsFound;
  } catch (error) {
    if (isBadInput(error)) {
      io.stderr(`cfcerts probe: ${error.message}\n\n${USAGE}\n`);
      return ExitCode.usage;
    }
    if (isCancellation(error)) {
      io.stderr('cfcerts probe: cancelled.\n');
      return ExitCode.problemsFound;
    }
    throw error;
  }
}

export function createProbeCommand(deps: ProbeCommandDeps = {}): CliCommand {
  return {
    name: 'probe',
    summary: 'Show the certificate a TLS endpoint serves for a name, with a verdict',
    usage: USAGE,
    run: (args, io) => run(args, io, deps),
  };
}

export const probeCommand: CliCommand = createProbeCommand();
