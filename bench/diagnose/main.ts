/**
 * Diagnose benchmark (`npm run bench:diagnose`). Not a test: prints figures and ratios.
 *
 * 500 stuck custom hostnames in one zone; the simulator's DNS server waits 20 ms before
 * every answer. The diagnosis keeps `concurrency` questions in flight (8, the default of
 * `cloudflareCertificates.concurrency`), so its floor is questions × 20 ms ÷ 8; target
 * ≤ 1.2× the floor. Baseline: the same questions asked one after another (concurrency 1).
 */
import { CloudflareClient, gatherInventory, getCloudflareIps } from '../../src/cloudflare';
import { diagnoseConcurrency } from '../../src/cli/diagnoseCommand';
import { createCheckContext, diagnoseAll, selectSubjects, type Subject } from '../../src/diagnose';
import { startSimulator, type RunningSimulator } from '../../src/simulator';
import type { ScenarioDnsRecord } from '../../src/simulator/model';
import { cloudflareAddress, diagnoseScenario, diagnoseToken, fallbackOrigin, hostnameObject, originAddress, saasZone } from '../../test/support/diagnose/diagnoseScenario';

const HOSTNAMES = 500;
const LATENCY_MS = 20;

function world(): { hostnames: ReturnType<typeof hostnameObject>[]; records: ScenarioDnsRecord[] } {
  const hostnames = [];
  const records: ScenarioDnsRecord[] = [{ name: fallbackOrigin, type: 'A', value: cloudflareAddress }, { name: 'origin.customer.test', type: 'A', value: originAddress }];
  for (let index = 0; index < HOSTNAMES; index++) {
    const host = `h${index}.customer.test`;
    hostnames.push(hostnameObject({ hostname: host, txt: { name: `_acme-challenge.${host}`, value: `token-${index}` }, ownership: { name: `_cf-custom-hostname.${host}`, value: `own-${index}` } }));
    // Half are set up right; the others point at an origin and lack their tokens.
    if (index % 2 === 0) {
      records.push({ name: host, type: 'CNAME', value: fallbackOrigin }, { name: `_acme-challenge.${host}`, type: 'TXT', value: `token-${index}` }, { name: `_cf-custom-hostname.${host}`, type: 'TXT', value: `own-${index}` });
    } else {
      records.push({ name: host, type: 'CNAME', value: 'origin.customer.test' });
    }
  }
  return { hostnames, records };
}

async function measure(sim: RunningSimulator, client: CloudflareClient, subjects: readonly Subject[], concurrency: number): Promise<{ wallMs: number; cpuMs: number; questions: number; findings: number }> {
  const context = createCheckContext({
    servers: [{ address: '127.0.0.1', port: sim.dns?.port ?? 0 }],
    timeoutMs: 10_000,
    concurrency,
    rules: [],
    api: {
      cloudflareIps: async () => {
        const ips = await getCloudflareIps(client.api);
        return { ipv4: ips.ipv4_cidrs ?? [], ipv6: ips.ipv6_cidrs ?? [] };
      },
      dcvDelegationUuid: () => Promise.reject(new Error('not needed')),
    },
  });
  const started = performance.now();
  const cpu = process.cpuUsage();
  const diagnoses = await diagnoseAll(subjects, context);
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  return { wallMs, cpuMs: (used.user + used.system) / 1000, questions: context.stats.questions, findings: diagnoses.reduce((sum, diagnosis) => sum + diagnosis.findings.length, 0) };
}

async function main(): Promise<void> {
  const { hostnames, records } = world();
  const sim = await startSimulator({ scenario: diagnoseScenario({ hostnames, records }), lifecycle: false, dns: { latencyMs: LATENCY_MS } });
  const client = new CloudflareClient({ baseUrl: sim.apiBaseUrl, credentials: { kind: 'token', token: diagnoseToken } });
  try {
    const inventory = await gatherInventory(client, { zoneNames: [saasZone] });
    const { subjects } = selectSubjects(inventory, { hosts: [], zoneNames: [saasZone], cnameTargets: new Map() });
    console.log(`${subjects.length} stuck custom hostnames, ${LATENCY_MS} ms per DNS answer`);
    const parallel = await measure(sim, client, subjects, diagnoseConcurrency);
    const floor = (parallel.questions * LATENCY_MS) / diagnoseConcurrency;
    console.log(`concurrency ${diagnoseConcurrency}: ${parallel.questions} questions, ${parallel.findings} findings, wall ${(parallel.wallMs / 1000).toFixed(2)} s, CPU ${(parallel.cpuMs / 1000).toFixed(2)} s (client and DNS server in one process)`);
    console.log(`  floor (questions × ${LATENCY_MS} ms ÷ ${diagnoseConcurrency}) ${(floor / 1000).toFixed(2)} s → ${(parallel.wallMs / floor).toFixed(2)}× the floor (target ≤ 1.2×)`);
    const serial = await measure(sim, client, subjects, 1);
    console.log(`one after another: ${serial.questions} questions, wall ${(serial.wallMs / 1000).toFixed(2)} s → concurrency ${diagnoseConcurrency} is ${(serial.wallMs / parallel.wallMs).toFixed(1)}× faster`);
    // On a loaded machine an answer takes longer than the server's 20 ms; this floor uses what one really took.
    const measuredFloor = serial.wallMs / diagnoseConcurrency;
    console.log(`  one answer really took ${(serial.wallMs / serial.questions).toFixed(1)} ms; ÷ ${diagnoseConcurrency} = floor ${(measuredFloor / 1000).toFixed(2)} s → ${(parallel.wallMs / measuredFloor).toFixed(2)}× that floor`);
  } finally {
    await client.close();
    await sim.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
