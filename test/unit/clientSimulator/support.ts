import { CloudflareClient, type ClientOptions, type Credentials } from '../../../src/cloudflare';
import { type RunningSimulator } from '../../../src/simulator';

export { acmeAccountId, demoGlobalKey, demoTokens } from '../../helpers/demoTokens';
export const acmeZoneId = '7e05f48470fd987decb1f6604b86760e';

/** A client of the simulator over loopback; pacing off unless a test turns it on. */
export function simulatorClient(sim: RunningSimulator, credentials: Credentials | string, options: Partial<ClientOptions> = {}): CloudflareClient {
  return new CloudflareClient({
    baseUrl: sim.apiBaseUrl,
    credentials: typeof credentials === 'string' ? { kind: 'token', token: credentials } : credentials,
    rateBudget: false,
    ...options,
  });
}
