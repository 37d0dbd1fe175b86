import type { RunningSimulator } from './startSimulator';

/**
 * The SaaS zone of the demo whose customers may CNAME to a second name besides the
 * fallback origin (checkout.dunder-mifflin.com does), as `diagnose.cnameTargets` says.
 */
export const demoCnameTargets: Readonly<Record<string, string>> = { 'tenantly.app': 'saas.tenantly-edge.net' };

/**
 * The extension's settings that point it at a running simulator's network, beside its API
 * base URL: DNS questions to the simulator's DNS server; connections by destination port,
 * so validation fetches (80) reach its HTTP server and probes (443) its TLS edge; its root
 * CA trusted for probes; the demo's second CNAME target. The demo, the e2e suites and the
 * demo's diagnosis test all use this one list, so what they show is what `npm run demo` shows.
 */
export function simulatorNetworkSettings(simulator: RunningSimulator): Record<string, unknown> {
  const resolve: Record<string, string> = {};
  if (simulator.validationHttp !== undefined) resolve['*:80'] = `${simulator.validationHttp.host}:${simulator.validationHttp.port}`;
  if (simulator.tls !== undefined) resolve['*:443'] = `${simulator.tls.host}:${simulator.tls.port}`;
  return {
    ...(simulator.tls === undefined ? {} : { 'cloudflareCertificates.probe.caFile': simulator.tls.caFile }),
    ...(Object.keys(resolve).length === 0 ? {} : { 'cloudflareCertificates.probe.resolve': resolve }),
    ...(simulator.dns === undefined ? {} : { 'cloudflareCertificates.dns.servers': [`${simulator.dns.host}:${simulator.dns.port}`] }),
    'cloudflareCertificates.diagnose.cnameTargets': demoCnameTargets,
  };
}
