import { setMaxListeners } from 'node:events';
import { systemClock } from '../shared/clock';
import { type CloudflareClient } from './client';
import { zoneQuery } from './endpoints/zones';
import { CloudflareApiError } from './errors';
import { type Inventory, type InventoryCollection, type InventoryError, type InventoryOptions, type ZoneCollection, type ZoneInventory } from './inventoryTypes';
import { maxPerPage, readPages } from './pagination';
import { ProgressDeadline } from './progressDeadline';
import { Permission } from './permissions';
import { zoneShape } from './schemas';
import { type Zone } from './types';
import { badItems, loadZoneCollections, toInventoryError } from './zoneLoader';

/** What `cfcerts inventory` reads of each zone: every list in full, and the fallback origin. */
const inventoryCollections: readonly ZoneCollection[] = ['certificatePacks', 'customCertificates', 'customHostnames', 'clientCertificates', 'fallbackOrigin'];

/**
 * Gathers zones and all their certificate objects with every call in flight at once:
 * the transport's limiter keeps its slots busy, and later pages jump its queue so a
 * zone that started finishes first. Each zone's collections start as soon as the page
 * listing the zone arrives, read by the one zone loader the explorer uses too. Failures
 * stay local: a failed call leaves its collection undefined with an error beside it, and
 * malformed items become `bad_item` errors; only cancellation aborts the whole run.
 *
 * "Not entitled" answers: Cloudflare's documented answers are followed where the facts
 * say what they are — `status=all` lists (an empty list when nothing exists) and the
 * fallback origin (404 or an empty result means "none configured": `null`, no error).
 * Custom hostnames on a zone without Cloudflare for SaaS, and client certificates
 * without the entitlement, have no documented answer, so whatever Cloudflare sends
 * (typically a 4xx with its own code) is kept as a per-collection error, code and
 * message intact, for the UI to show as "not available" rather than guess.
 */
export async function gatherInventory(client: CloudflareClient, options: InventoryOptions = {}): Promise<Inventory> {
  const run = new InventoryRun(client, options);
  return run.gather();
}

class InventoryRun {
  private readonly controller = new AbortController();
  private readonly signal = this.controller.signal;
  private readonly zones = new Map<string, { order: number; inventory: ZoneInventory }>();
  private readonly tasks: Array<Promise<void>> = [];
  private readonly errors: InventoryError[] = [];
  private done = 0;
  private total = 0;
  /** Set when the no-progress deadline ended the run. */
  private stalled: CloudflareApiError | undefined;

  constructor(
    private readonly client: CloudflareClient,
    private readonly options: InventoryOptions,
  ) {
    // Hundreds of queued calls listen on one signal; that is by design, not a leak.
    setMaxListeners(0, this.signal);
  }

  async gather(): Promise<Inventory> {
    const outer = this.options.signal;
    const onAbort = (): void => this.controller.abort(outer?.reason);
    if (outer?.aborted === true) {
      onAbort();
    }
    outer?.addEventListener('abort', onAbort, { once: true });
    const deadline = this.startDeadline();
    const before = this.client.stats.requests;
    try {
      await this.listZones();
      // Zone tasks never reject (they record errors), so this waits for every one.
      for (let i = 0; i < this.tasks.length; i++) {
        await this.tasks[i];
      }
      if (this.signal.aborted && this.stalled === undefined) {
        throw new CloudflareApiError('cancelled', 'The inventory was cancelled', { cause: this.signal.reason });
      }
    } finally {
      outer?.removeEventListener('abort', onAbort);
      deadline?.();
    }
    const zones = [...this.zones.values()].sort((a, b) => a.order - b.order).map((entry) => entry.inventory);
    return {
      ...(this.options.accountId === undefined ? {} : { accountId: this.options.accountId }),
      zones,
      errors: this.errors,
      complete: this.errors.length === 0 && zones.every((zone) => zone.errors.length === 0),
      requests: this.client.stats.requests - before,
    };
  }

  /**
   * Ends the run once nothing new has arrived for `noProgressMs` (waiting for the rate
   * budget counts as progress): calls in flight are cancelled and recorded as `no_progress`
   * errors, and what was gathered is returned. Returns the cleanup.
   */
  private startDeadline(): (() => void) | undefined {
    const { noProgressMs } = this.options;
    if (noProgressMs === undefined) return undefined;
    const deadline = new ProgressDeadline({
      clock: this.options.clock ?? systemClock,
      idleMs: noProgressMs,
      what: 'The inventory',
      pacing: () => this.client.pacing,
      ...(this.options.onPacing === undefined ? {} : { onPacing: this.options.onPacing }),
    });
    const stopListening = this.client.onAnswer(() => deadline.progress());
    deadline.signal.addEventListener('abort', () => {
      this.stalled = deadline.signal.reason as CloudflareApiError;
      this.controller.abort(this.stalled);
    });
    return () => {
      stopListening();
      deadline.dispose();
    };
  }

  /** What a failed call records: nothing when cancelled, the deadline's error when the run stalled. */
  private recordable(error: unknown): unknown {
    return this.signal.aborted ? this.stalled : error;
  }

  private async listZones(): Promise<void> {
    const names = this.options.zoneNames;
    if (names === undefined) {
      await this.guarded('zones', () => this.listPages(undefined, 0));
      return;
    }
    this.total = names.length;
    await Promise.all(
      names.map((name, index) =>
        this.guarded('zones', async () => {
          const found = await this.listPages(name, (index + 1) * 1e6);
          if (found === 0) {
            this.errors.push({ collection: 'zones', code: 'not_found', message: `No zone named ${name} is visible to these credentials.`, cloudflareErrors: [] });
            this.total--;
          }
        }),
      ),
    );
  }

  /** Lists zones page by page, starting each zone's work the moment its page arrives. */
  private async listPages(name: string | undefined, orderBase: number): Promise<number> {
    const query = zoneQuery({ accountId: this.options.accountId, name });
    let reason: string | undefined;
    const read = await readPages<Zone>(
      async ({ page, urgent, signal }) => {
        const result = await this.client.api.page('/zones', query, zoneShape, 'zones', page, maxPerPage, { permission: Permission.zoneRead, signal, urgent });
        reason ??= result.reason;
        if (name === undefined && page === 1) {
          this.total = result.resultInfo?.total_count ?? this.total;
        }
        return result;
      },
      { what: 'zones', signal: this.signal, onPage: (zones, page) => zones.forEach((zone, index) => this.startZone(zone, orderBase + page * maxPerPage + index)) },
    );
    // Zones that fail the run-time checks are reported, never silently dropped.
    if (read.rejected > 0) this.errors.push(badItems('zones', read.rejected, reason));
    if (read.stopped !== undefined) throw read.stopped;
    return read.items.length + read.rejected;
  }

  private startZone(zone: Zone, order: number): void {
    if (this.zones.has(zone.id)) {
      return;
    }
    const inventory: ZoneInventory = { zone, errors: [] };
    this.zones.set(zone.id, { order, inventory });
    this.total = Math.max(this.total, this.zones.size);
    this.tasks.push(this.fillZone(inventory));
  }

  private async fillZone(inventory: ZoneInventory): Promise<void> {
    try {
      const load = await loadZoneCollections(this.client.api, inventory.zone.id, { collections: inventoryCollections, signal: this.signal });
      Object.assign(inventory, load.collections);
      inventory.errors.push(...load.errors);
    } catch (error) {
      // Cancellation, or the no-progress deadline: `recordable` says which to record.
      const recorded = this.recordable(error);
      if (recorded !== undefined) inventory.errors.push(toInventoryError('zones', recorded));
    }
    if (!this.signal.aborted) {
      this.done++;
      this.options.onProgress?.({ done: this.done, total: this.total, zone: inventory.zone });
    }
  }

  private async guarded(collection: InventoryCollection, call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      const recorded = this.recordable(error);
      if (recorded !== undefined) {
        this.errors.push(toInventoryError(collection, recorded));
      }
    }
  }
}
