import * as fs from 'node:fs';
import * as path from 'node:path';
import { simulatorNetworkSettings, startSimulator } from '../../src/simulator';
import { ensureCodeServer, installExtension, startCodeServer, writeUserSettings } from './codeServer';
import { step } from './exec';
import { cacheDir, vsixPath, workspaceFixture } from './paths';

/**
 * `npm run demo`: the packaged extension in a real VS Code (code-server) that you open in
 * your own browser, on the project's Cloudflare simulator (API and TLS edge). The
 * extension reaches the simulator only through its API base URL setting and the token in
 * its environment, exactly as it would reach a gateway or the real API.
 */
async function main(): Promise<void> {
  await step('prepare code-server', ensureCodeServer);
  const simulator = await step('start the Cloudflare simulator', () => startSimulator({ port: Number(process.env['CFCERTS_SIMULATOR_PORT'] ?? 0), tlsPort: 0 }));
  const demoDir = path.join(cacheDir, 'demo');
  const userDataDir = path.join(demoDir, 'user-data');
  const extensionsDir = path.join(demoDir, 'extensions');
  fs.mkdirSync(extensionsDir, { recursive: true });
  // Probes reach the simulator's TLS edge for every name (it serves what the scenario says is
  // active) and trust its root, as a staging edge would be reached with curl --resolve;
  // Diagnose asks the simulator's DNS server and fetches validation files from its HTTP
  // server (the resolve rules are keyed by port: 443 to the edge, 80 to the HTTP server).
  writeUserSettings(userDataDir, { 'workbench.colorTheme': 'Default Dark Modern', 'cloudflareCertificates.apiBaseUrl': simulator.apiBaseUrl, ...simulatorNetworkSettings(simulator) });
  await step('install the extension', () => installExtension(vsixPath, { userDataDir, extensionsDir }));
  const port = Number(process.env['CFCERTS_DEMO_PORT'] ?? 8080);
  const server = await step('start code-server', () =>
    startCodeServer({ userDataDir, extensionsDir, port, env: { CLOUDFLARE_API_TOKEN: simulator.demoToken, CLOUDFLARE_API_KEY: '', CLOUDFLARE_EMAIL: '' } }),
  );
  const tls = simulator.tls === undefined ? [] : [`  TLS edge:        ${simulator.tls.host}:${simulator.tls.port} (CA: ${simulator.tls.caFile}); every probe connects there`];
  const dns = simulator.dns === undefined ? [] : [`  DNS server:      ${simulator.dns.host}:${simulator.dns.port} (UDP and TCP); Diagnose asks it`];
  const http = simulator.validationHttp === undefined ? [] : [`  HTTP server:     ${simulator.validationHttp.host}:${simulator.validationHttp.port}; Diagnose fetches validation files there`];
  process.stdout.write(
    [
      '',
      'Cloudflare Certificates is running in VS Code (code-server), on the simulator:',
      '',
      `  Open:            ${server.url}/?folder=${encodeURIComponent(workspaceFixture)}`,
      `  Simulated API:   ${simulator.apiBaseUrl}`,
      ...tls,
      ...dns,
      ...http,
      `  Demo token:      ${simulator.demoToken} (fake; the simulator's own)`,
      '',
      'Pick the Cloudflare icon in the activity bar; right-click a zone for Diagnose Zone. Press Ctrl+C to stop.',
      '',
    ].join('\n'),
  );
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await server.stop();
  await simulator.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
