import type * as vscode from 'vscode';
import { parseRecentProbes, rememberProbe, type RecentProbe } from '../probing/recentProbes';

const recentKey = 'cloudflareCertificates.recentProbes';
const cnameTargetsKey = 'cloudflareCertificates.probeCnameTargets';

/**
 * What the probe commands remember across reloads, in globalState: the last hostnames
 * probed by hand, and per zone the CNAME target last typed (the SaaS provider's, the same
 * for every custom hostname of the zone). Names only, nothing secret.
 */
export class ProbeMemory {
  constructor(private readonly state: vscode.Memento) {}

  recent(): RecentProbe[] {
    return parseRecentProbes(this.state.get<unknown>(recentKey));
  }

  async remember(probe: RecentProbe): Promise<void> {
    await this.state.update(recentKey, rememberProbe(this.recent(), probe));
  }

  async clearRecent(): Promise<void> {
    await this.state.update(recentKey, undefined);
  }

  cnameTarget(zoneKey: string): string | undefined {
    const targets = this.cnameTargets();
    return Object.prototype.hasOwnProperty.call(targets, zoneKey) ? targets[zoneKey] : undefined;
  }

  async setCnameTarget(zoneKey: string, target: string): Promise<void> {
    await this.state.update(cnameTargetsKey, { ...this.cnameTargets(), [zoneKey]: target });
  }

  private cnameTargets(): Record<string, string> {
    const stored = this.state.get<unknown>(cnameTargetsKey);
    if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
    return Object.fromEntries(Object.entries(stored).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
  }
}
