import { CloudflareApiError } from '../cloudflare/errors';
import type { Clock } from '../shared/clock';
import type { Logger } from '../shared/logger';
import type { ExplorerModel } from './explorerModel';
import type { CertificateObject } from '../domain/objectHealth';
import { objectKey, type ObjectRef } from '../domain/objectRef';
import { isInProgress, pendingObjects, statusesOf } from './pendingObjects';

/** Waits between polls of one pending object: quick at first, then every five minutes until it settles. */
export const pendingPollSchedule: readonly number[] = [15_000, 30_000, 60_000, 120_000, 300_000];

export interface PendingPollerOptions {
  readonly model: ExplorerModel;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Milliseconds between polls of one object; the last one repeats. Default `pendingPollSchedule`. */
  readonly schedule?: readonly number[];
  /** Polls (or zone reloads) in flight at once. */
  readonly maxConcurrent?: number;
  /** A zone with more pending objects than this is reloaded whole: fewer requests than one per object. */
  readonly zoneReloadThreshold?: number;
}

/** One pending object being polled. */
export interface Watch {
  readonly ref: ObjectRef;
  /** The statuses it was last seen in, by a poll or in the model. */
  statuses: string;
  /** The statuses the model last held for it: a change there (a refresh) resets the backoff too. */
  modelStatuses: string;
  /** Polls that found it unchanged since it was first seen or last changed: the backoff step. */
  step: number;
  /** Clock time of the next poll. */
  dueAt: number;
}

/**
 * Polls objects Cloudflare is still moving along (pending validation, issuance,
 * deployment…) faster than the auto-refresh, backing off while they stay put: 15 s,
 * 30 s, 1 min, 2 min, then every 5 min. A status change starts the schedule over; an
 * object that settles or disappears is dropped. Polls run only while the view is
 * visible, a few at a time, one object per request, except in a zone with many pending
 * objects, which is reloaded whole.
 *
 * One loop does the work: it scans the model for pending objects, polls those that are
 * due, and sleeps on the Clock until the next is, so tests drive it with a fake clock.
 */
export class PendingPoller {
  private readonly watches = new Map<string, Watch>();
  private schedule: readonly number[];
  private readonly maxConcurrent: number;
  private readonly zoneReloadThreshold: number;
  private visible = false;
  private disposed = false;
  /** The model changed since the last scan. */
  private stale = true;
  private lastScan = Number.NEGATIVE_INFINITY;
  private loop: Promise<void> | undefined;
  /** Aborted when the view hides: the loop ends and polls in flight are cancelled. */
  private running: AbortController | undefined;
  /** The loop's current sleep, and when it ends; aborting it wakes the loop early. */
  private sleeping: { readonly wake: AbortController; readonly until: number } | undefined;
  private polling: Promise<void> | undefined;

  constructor(private readonly options: PendingPollerOptions) {
    this.schedule = checkedSchedule(options.schedule ?? pendingPollSchedule);
    this.maxConcurrent = Math.max(1, options.maxConcurrent ?? 3);
    this.zoneReloadThreshold = options.zoneReloadThreshold ?? 10;
  }

  /** Polling runs only while the view is visible: a hidden view costs no requests. */
  setVisible(visible: boolean): void {
    if (visible === this.visible) return;
    this.visible = visible;
    if (visible) {
      this.start();
    } else {
      this.running?.abort();
      this.sleeping?.wake.abort();
    }
  }

  /** Call after every model change: the next scan picks up new, changed, settled and vanished objects. */
  modelChanged(): void {
    this.stale = true;
    if (this.loop === undefined) {
      this.start();
      return;
    }
    // Wake a long sleep for a scan soon, so an object that just became pending (a restarted
    // validation) is polled on the first step, not after the others' five-minute wait.
    if (this.sleeping !== undefined && this.sleeping.until > this.options.clock.now() + this.scanInterval()) {
      this.sleeping.wake.abort();
    }
  }

  /** A new schedule (tests shorten it); objects already watched move to it at once. */
  setSchedule(schedule: readonly number[] | undefined): void {
    this.schedule = checkedSchedule(schedule ?? pendingPollSchedule);
    const now = this.options.clock.now();
    for (const watch of this.watches.values()) watch.dueAt = Math.min(watch.dueAt, now + this.delay(watch.step));
    this.sleeping?.wake.abort();
  }

  /** The objects being polled, for tests and logs. */
  watched(): readonly Readonly<Watch>[] {
    return [...this.watches.values()].map((watch) => ({ ...watch }));
  }

  /** Resolves once no poll is in flight. */
  async whenIdle(): Promise<void> {
    await this.polling;
  }

  dispose(): void {
    this.disposed = true;
    this.setVisible(false);
  }

  private start(): void {
    if (!this.visible || this.disposed || this.loop !== undefined) return;
    const running = new AbortController();
    this.running = running;
    this.loop = this.run(running.signal).then(
      () => {
        this.loop = undefined;
        // Changes that came in as the loop ended, or the view shown again before it did.
        if (this.stale || this.watches.size > 0) this.start();
      },
      (error: unknown) => {
        this.loop = undefined;
        this.options.logger.warn('Polling pending certificates stopped', error);
      },
    );
  }

  private async run(signal: AbortSignal): Promise<void> {
    const { clock } = this.options;
    while (!signal.aborted) {
      const now = clock.now();
      // Scans walk every loaded object, so model changes (a page of hostnames each) are batched.
      if (this.stale && now - this.lastScan >= this.scanInterval()) this.scan(now);
      const due = [...this.watches.values()].filter((watch) => watch.dueAt <= now);
      if (due.length > 0) {
        this.polling = this.poll(due, signal);
        await this.polling;
        this.polling = undefined;
        continue;
      }
      const nextPoll = Math.min(...[...this.watches.values()].map((watch) => watch.dueAt));
      const nextScan = this.stale ? this.lastScan + this.scanInterval() : Number.POSITIVE_INFINITY;
      const until = Math.min(nextPoll, nextScan);
      if (until === Number.POSITIVE_INFINITY) return; // Nothing pending: the next model change starts it again.
      const wake = new AbortController();
      this.sleeping = { wake, until };
      await clock.sleep(until - now, wake.signal).catch(() => undefined);
      this.sleeping = undefined;
    }
  }

  /** Brings the watch list in line with the model. */
  private scan(now: number): void {
    this.stale = false;
    this.lastScan = now;
    const seen = new Set<string>();
    for (const pending of pendingObjects(this.options.model)) {
      const key = objectKey(pending.ref);
      seen.add(key);
      const watch = this.watches.get(key);
      if (watch === undefined) {
        this.watches.set(key, { ref: pending.ref, statuses: pending.statuses, modelStatuses: pending.statuses, step: 0, dueAt: now + this.delay(0) });
        this.options.logger.debug(`Polling ${describe(pending.ref)}: ${pending.statuses}`);
      } else if (watch.modelStatuses !== pending.statuses) {
        watch.modelStatuses = pending.statuses;
        if (watch.statuses !== pending.statuses) this.restart(watch, pending.statuses, now);
      }
    }
    for (const [key, watch] of this.watches) {
      if (seen.has(key)) continue;
      this.watches.delete(key);
      this.options.logger.debug(`Stopped polling ${describe(watch.ref)}: settled or gone`);
    }
  }

  /** One round: a request per due object, or one zone reload for a zone with many pending. */
  private async poll(due: readonly Watch[], signal: AbortSignal): Promise<void> {
    const byZone = new Map<string, Watch[]>();
    for (const watch of due) {
      const key = `${watch.ref.account}/${watch.ref.zone}`;
      byZone.set(key, [...(byZone.get(key) ?? []), watch]);
    }
    const tasks: (() => Promise<void>)[] = [];
    for (const dueInZone of byZone.values()) {
      const { account, zone } = dueInZone[0]?.ref ?? { account: '', zone: '' };
      const inZone = [...this.watches.values()].filter((watch) => watch.ref.account === account && watch.ref.zone === zone);
      if (inZone.length > this.zoneReloadThreshold) {
        tasks.push(() => this.reloadZone(account, zone, inZone, signal));
      } else {
        tasks.push(...dueInZone.map((watch) => () => this.pollObject(watch, signal)));
      }
    }
    await runLimited(tasks, this.maxConcurrent);
  }

  private async pollObject(watch: Watch, signal: AbortSignal): Promise<void> {
    const { ref } = watch;
    const { model, logger } = this.options;
    if (model.account(ref.account) === undefined) {
      this.watches.delete(objectKey(ref));
      return;
    }
    let fresh: CertificateObject;
    try {
      // The model reads it and puts it in place; a copy equal to the one shown changes nothing.
      fresh = await model.refreshObject(ref, signal);
    } catch (error) {
      if (signal.aborted) return;
      if (!(CloudflareApiError.is(error) && error.code === 'not_found')) {
        logger.debug(`Polling ${describe(ref)} failed; trying again later`, error);
        this.backOff(watch);
        return;
      }
      // Deleted meanwhile: reload its zone so the tree drops it too.
      this.watches.delete(objectKey(ref));
      logger.debug(`Stopped polling ${describe(ref)}: it is gone`);
      await model.refreshZone(ref.account, ref.zone);
      return;
    }
    if (signal.aborted) return;
    this.observe(watch, fresh);
  }

  private async reloadZone(account: string, zone: string, watches: readonly Watch[], signal: AbortSignal): Promise<void> {
    this.options.logger.debug(`Reloading zone ${zone}: ${watches.length} pending objects`);
    // For the pending objects of its loaded pages: its problem listing (35 requests or more) is not listed again for them.
    await this.options.model.refreshZone(account, zone, 'keep');
    if (signal.aborted) return;
    // The next scan restarts the schedule of those that changed and drops those that settled.
    for (const watch of watches) this.backOff(watch);
  }

  /** What a poll found: settled, changed (start the schedule over) or the same (back off). */
  private observe(watch: Watch, fresh: CertificateObject): void {
    const statuses = statusesOf(fresh);
    if (!isInProgress(fresh)) {
      this.watches.delete(objectKey(watch.ref));
      this.options.logger.debug(`Stopped polling ${describe(watch.ref)}: settled as ${statuses}`);
    } else if (statuses !== watch.statuses) {
      this.restart(watch, statuses, this.options.clock.now());
    } else {
      this.backOff(watch);
    }
  }

  private restart(watch: Watch, statuses: string, now: number): void {
    this.options.logger.debug(`${describe(watch.ref)} moved from ${watch.statuses} to ${statuses}`);
    watch.statuses = statuses;
    watch.step = 0;
    watch.dueAt = now + this.delay(0);
  }

  private backOff(watch: Watch): void {
    watch.step += 1;
    watch.dueAt = this.options.clock.now() + this.delay(watch.step);
  }

  private delay(step: number): number {
    return this.schedule[Math.min(step, this.schedule.length - 1)] ?? pendingPollSchedule[0] ?? 15_000;
  }

  /** At most one scan per second, or per first step when the schedule is faster (tests). */
  private scanInterval(): number {
    return Math.min(1000, this.delay(0));
  }
}

function checkedSchedule(schedule: readonly number[]): readonly number[] {
  if (schedule.length === 0 || !schedule.every((ms) => Number.isFinite(ms) && ms > 0)) {
    throw new RangeError(`A poll schedule needs at least one positive wait, got [${schedule.join(', ')}]`);
  }
  return [...schedule];
}

function describe(ref: ObjectRef): string {
  return `${ref.kind} ${ref.id} (zone ${ref.zone})`;
}

/** Runs the tasks, at most `limit` at a time; each task handles its own errors. */
async function runLimited(tasks: readonly (() => Promise<void>)[], limit: number): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const task = tasks[next];
      next += 1;
      await task?.();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
}
