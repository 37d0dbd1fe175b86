import * as assert from 'node:assert/strict';
import type { RunningSimulator } from '../../../src/simulator';

/** checkout.acme.com, an uploaded (custom) certificate of the demo scenario, active for months. */
const checkoutCertificate = 'b5719068e4f8cdb5c6c97fbcec1a682d';

/**
 * Brings the demo's checkout.acme.com certificate within `days` of its expiry, so the demo
 * has a certificate in "Expiring soon": one nobody but the user renews, still active.
 */
export function expireSoon(simulator: RunningSimulator, days = 20): string {
  const located = simulator.state.find(checkoutCertificate);
  assert.ok(located, 'the demo scenario has checkout.acme.com');
  located.object['expires_on'] = new Date(Date.now() + days * 86_400_000).toISOString();
  return 'checkout.acme.com';
}
