import { readFile } from 'node:fs/promises';
import { AppError } from '../shared/appError';
import { loadScenario, parseFaultSpec, routeFamilies, startSimulator, type FaultSpec, type Scenario, type StartSimulatorOptions } from '../simulator';
import { ExitCode, type CliCommand, type CliIo } from './io';

const usage = `Usage: cfcerts simulate [options]

Starts a local stand-in for the Cloudflare API and TLS edge (the demo scenario unless
--scenario is given) and runs until Ctrl+C.

Options:
  --scenario FILE   a scenario JSON file (default: the built-in demo)
  --port N          API port on 127.0.0.1 (default 8787; 0 = any free port)
  --tls-port N      TLS edge port (default 8443; 0 = any free port; "off" = no TLS edge)
  --ca-file FILE    where to write the simulator's root CA (default: a temp folder)
  --latency MS      milliseconds added to every API response
  --dns-port N      the DNS server's port on 127.0.0.1, UDP and TCP (default: any free port;
                    it runs when the scenario has \`dns\` records or a --dns option is given)
  --dns-latency MS  milliseconds before every DNS answer
  --speed N         lifecycle speed-up (60 = one minute of Cloudflare time per second)
  --rate-limit      enforce Cloudflare's 1,200 requests per 5 minutes per token
  --faults SPEC     fault rules joined by ";", each "route=NAME|*" plus options:
                      latency=MS, status=CODE, retry-after=S, drop, malformed, slow=MS,
                      rate=0..1, count=N, after=N
                    e.g. "route=custom_hostnames,status=503,rate=0.2;route=*,latency=50"
                    routes: ${routeFamilies.join(', ')}`;

interface Parsed {
  readonly options: StartSimulatorOptions;
  readonly scenarioFile?: string;
}

class UsageError extends AppError<'usage'> {
  constructor(message: string) {
    super('usage', message);
  }
}

function integer(flag: string, value: string | undefined, max: number): number {
  if (value === undefined || !/^\d+$/.test(value) || Number(value) > max) {
    throw new UsageError(`${flag} needs a whole number from 0 to ${max}`);
  }
  return Number(value);
}

function parse(args: readonly string[]): Parsed {
  let port = 8787;
  let tlsPort: number | false = 8443;
  let latencyMs: number | undefined;
  let dnsPort: number | undefined;
  let dnsLatencyMs: number | undefined;
  let speed: number | undefined;
  let faults: FaultSpec[] | undefined;
  let rateLimit = false;
  let scenarioFile: string | undefined;
  let caFile: string | undefined;
  for (let index = 0; index < args.length; index++) {
    const flag = args[index];
    const value = (): string | undefined => args[++index];
    switch (flag) {
      case '--scenario': scenarioFile = value(); if (scenarioFile === undefined) throw new UsageError('--scenario needs a file'); break;
      case '--port': port = integer(flag, value(), 65535); break;
      case '--tls-port': { const text = value(); tlsPort = text === 'off' ? false : integer(flag, text, 65535); break; }
      case '--ca-file': caFile = value(); if (caFile === undefined) throw new UsageError('--ca-file needs a file'); break;
      case '--latency': latencyMs = integer(flag, value(), 600_000); break;
      case '--dns-port': dnsPort = integer(flag, value(), 65535); break;
      case '--dns-latency': dnsLatencyMs = integer(flag, value(), 600_000); break;
      case '--speed': speed = integer(flag, value(), 1_000_000); if (speed === 0) throw new UsageError('--speed must be at least 1'); break;
      case '--rate-limit': rateLimit = true; break;
      case '--faults': faults = parseFaultSpec(value() ?? '', routeFamilies); break;
      default: throw new UsageError(`unknown option ${flag ?? ''}`);
    }
  }
  const dns = dnsPort === undefined && dnsLatencyMs === undefined ? {} : { dns: { ...(dnsPort === undefined ? {} : { port: dnsPort }), ...(dnsLatencyMs === undefined ? {} : { latencyMs: dnsLatencyMs }) } };
  return { scenarioFile, options: { port, tlsPort, caFile, latencyMs, faults, rateLimit, lifecycle: { speed: speed ?? 1 }, ...dns } };
}

async function readScenario(file: string): Promise<Scenario> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UsageError(`cannot read scenario ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
  try {
    return loadScenario(JSON.parse(text) as unknown);
  } catch (error) {
    throw new UsageError(`scenario ${file}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function waitForAbort(signal: AbortSignal): Promise<void> {
  return signal.aborted ? Promise.resolve() : new Promise((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }));
}

async function run(args: readonly string[], io: CliIo): Promise<number> {
  let parsed: Parsed;
  let scenario: Scenario | undefined;
  try {
    parsed = parse(args);
    scenario = parsed.scenarioFile === undefined ? undefined : await readScenario(parsed.scenarioFile);
  } catch (error) {
    if (!AppError.is(error)) throw error;
    io.stderr(`cfcerts simulate: ${error.message}\n\n${usage}\n`);
    return ExitCode.usage;
  }
  const simulator = await startSimulator({ ...parsed.options, scenario });
  const tls = simulator.tls;
  io.stdout([
    `Cloudflare simulator running (scenario: ${scenario?.name ?? 'demo'})`,
    `  API base URL  ${simulator.apiBaseUrl}`,
    `  TLS edge      ${tls === undefined ? 'off' : `${tls.host}:${tls.port}`}`,
    `  CA file       ${tls?.caFile ?? '-'}`,
    ...(simulator.dns === undefined ? [] : [`  DNS server    ${simulator.dns.host}:${simulator.dns.port} (UDP and TCP)`]),
    ...(simulator.validationHttp === undefined ? [] : [`  HTTP server   ${simulator.validationHttp.host}:${simulator.validationHttp.port}`]),
    `  Demo token    ${simulator.demoToken}  (fake: it works only against this simulator)`,
    '',
    'Point the tools at it:',
    `  CLOUDFLARE_API_TOKEN=${simulator.demoToken} cfcerts inventory --api-base ${simulator.apiBaseUrl}`,
    ...(simulator.dns === undefined ? [] : [`  CLOUDFLARE_API_TOKEN=${simulator.demoToken} cfcerts diagnose --api-base ${simulator.apiBaseUrl} --dns-server ${simulator.dns.host}:${simulator.dns.port}${simulator.validationHttp === undefined ? '' : ` --resolve '*:80=${simulator.validationHttp.host}:${simulator.validationHttp.port}'`}`]),
    tls === undefined ? '' : `  cfcerts probe shop.bluebottle-coffee.com --connect ${tls.host}:${tls.port} --ca ${tls.caFile}`,
    '  VS Code: set the extension\'s API base URL setting to the URL above and use the demo token as the account token.',
    '',
    'Press Ctrl+C to stop.',
    '',
  ].filter((line, index, lines) => line !== '' || lines[index - 1] !== '').join('\n'));
  await waitForAbort(io.signal);
  await simulator.close();
  io.stdout(`Simulator stopped after ${simulator.requests} requests.\n`);
  return ExitCode.ok;
}

export const simulateCommand: CliCommand = {
  name: 'simulate',
  summary: 'Run a local Cloudflare API and TLS edge simulator (demo, tests, benchmarks).',
  usage,
  run,
};
