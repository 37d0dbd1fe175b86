import type { ExplorerSnapshot } from './snapshot';
import { valueOf } from './loadable';

/**
 * Which welcome view the explorer shows. The view is empty (and VS Code shows the welcome
 * content for the state) when there is no account, or when the only account failed before
 * any zone could be shown; with several accounts, failures show inside the tree instead.
 */
export type WelcomeState = 'none' | 'noAccount' | 'invalidToken' | 'missingPermission' | 'noZones' | 'unreachable' | 'failed';

export function welcomeState(snapshot: Pick<ExplorerSnapshot, 'accounts'>): WelcomeState {
  const accounts = snapshot.accounts();
  if (accounts.length === 0) return 'noAccount';
  const [only] = accounts;
  if (accounts.length > 1 || only === undefined) return 'none';
  const zones = valueOf(only.zones);
  if (zones !== undefined) return zones.length === 0 && only.zones.status === 'ready' ? 'noZones' : 'none';
  if (only.zones.status !== 'failed') return 'none';
  switch (only.zones.error.code) {
    case 'invalid_token':
    case 'expired_token':
    case 'no_credentials':
      return 'invalidToken';
    case 'missing_permission':
      return 'missingPermission';
    case 'network':
    case 'timeout':
      return 'unreachable';
    default:
      return 'failed';
  }
}
