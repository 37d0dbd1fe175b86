import type { ProbeResult } from '../probe';

type Listener = (objectKey: string | undefined) => void;

/**
 * The last probe results per object (see objectRef.ts's objectKey), for the lifecycle
 * panel's "last probe" section: one per name probed, since a pack covers several hosts.
 * In memory only: a probe is a snapshot of a moment, and old results would mislead after
 * a reload.
 */
export class ProbeResults {
  private readonly byObject = new Map<string, Map<string, ProbeResult>>();
  private readonly listeners = new Set<Listener>();

  /** The latest result per servername probed for this object, most recent first. */
  latestFor(objectKey: string): readonly ProbeResult[] {
    const results = [...(this.byObject.get(objectKey)?.values() ?? [])];
    return results.sort((a, b) => b.probedAt.localeCompare(a.probedAt));
  }

  /** Records a result; `objectKey` is undefined for a probe of a name typed by hand. */
  record(objectKey: string | undefined, result: ProbeResult): void {
    if (objectKey !== undefined) {
      const results = this.byObject.get(objectKey) ?? new Map<string, ProbeResult>();
      results.set(result.servername, result);
      this.byObject.set(objectKey, results);
    }
    for (const listener of [...this.listeners]) listener(objectKey);
  }

  onDidChange(listener: Listener): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }
}
