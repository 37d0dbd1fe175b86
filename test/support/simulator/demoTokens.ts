/**
 * Credentials of the simulator's demo scenario (src/simulator/scenarios/demo.json): fake
 * values that only the simulator accepts, one per auth outcome the tests need.
 */
export const demoTokens = {
  demo: 'SIMULATOR-DEMO-TOKEN-not-a-real-cloudflare-token-0001',
  readOnly: 'SIMULATOR-READONLY-TOKEN-not-a-real-token-000000002',
  zoneOnly: 'SIMULATOR-ZONE-ONLY-TOKEN-not-a-real-token-00000003',
  disabled: 'SIMULATOR-DISABLED-TOKEN-not-a-real-token-000000004',
  expired: 'SIMULATOR-EXPIRED-TOKEN-not-a-real-token-0000000005',
  scoped: 'SIMULATOR-SCOPED-TOKEN-not-a-real-token-00000000006',
  account: 'cfat_SIMULATOR-ACCOUNT-TOKEN-not-a-real-token-000007',
  /** In no scenario: Cloudflare's "invalid token" answer. */
  unknown: 'SIMULATOR-UNKNOWN-TOKEN-not-in-any-scenario-00000099',
} as const;

export const demoGlobalKey = { email: 'demo@example.com', key: '0123456789abcdef0123456789abcdef01234' } as const;

/** The demo scenario's account that owns the `acme` zones. */
export const acmeAccountId = '1219410d6225a32b479683cbdf88374d';
