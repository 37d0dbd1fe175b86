import { createHash } from 'node:crypto';
import * as path from 'node:path';
import { type Clock, systemClock } from '../shared/clock';
import { type Logger } from '../shared/logger';
import { LockedJsonFile } from '../shared/storage/lockedJsonFile';
import { type GrantAnswer, type GrantLedger, type GrantLimits, type GrantRequest, type GrantState, MemoryLedger, emptyGrantState, grantsFreeAt, parseGrantState, sharersOf, takeGrants, usedGrants } from './grantLedger';
import { RateBudget } from './rateBudget';

/**
 * The grants of one Cloudflare user (or account token), in a file of `directory` that
 * every process on the machine passing the same directory shares: the extension's global
 * storage, which all VS Code windows have in common. Each take re-reads, updates and
 * writes the file under its lock, so the windows together stay under one limit.
 *
 * When the file cannot be used (disk full, lock never free), this process falls back to
 * its own memory, with a warning: pacing alone beats no pacing.
 */
export class SharedGrantFile implements GrantLedger {
  private readonly document: LockedJsonFile;
  private readonly fallback = new MemoryLedger();
  private failed = false;
  /** The state as this process last saw it, for `used` between takes. */
  private seen: GrantState = emptyGrantState;
  private seenSharers = 0;
  /** One take at a time from this process: the lock then never waits on ourselves. */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    directory: string,
    key: string,
    private readonly logger: Logger,
    /** Wall-clock time (the file is read by other processes): the budget's clock. */
    private readonly now: () => number,
  ) {
    // The key names a user or token id; hashed, it is a safe file name and no identifier sits in the folder listing.
    const name = createHash('sha256').update(key).digest('hex').slice(0, 24);
    this.document = new LockedJsonFile(path.join(directory, `rate-budget-${name}.json`), logger);
  }

  get sharers(): number {
    return this.seenSharers;
  }

  take(request: GrantRequest): Promise<GrantAnswer> {
    const run = this.chain.then(() => this.takeNow(request));
    this.chain = run.catch(() => undefined);
    return run;
  }

  used(now: number, limits: GrantLimits): number {
    return usedGrants(this.seen, now, limits) + this.fallback.used(now, limits);
  }

  freeAt(now: number, limits: GrantLimits, capacity: number, wanted: number): number {
    return grantsFreeAt([...this.seen.blocks, ...this.fallback.blocks], now, limits, capacity, wanted);
  }

  private async takeNow(request: GrantRequest): Promise<GrantAnswer> {
    let answer: GrantAnswer | undefined;
    try {
      await this.document.update((stored) => {
        // The time is read under the lock: a stamp never lands before one already written.
        const now = this.now();
        const taken = takeGrants(parseGrantState(stored, now), { ...request, now });
        this.seen = taken.state;
        answer = taken.answer;
        return taken.state;
      });
      this.failed = false;
    } catch (error) {
      if (!this.failed) this.logger.warn(`The shared rate budget file ${path.basename(this.document.file)} cannot be used; this window paces itself alone until it can`, error);
      this.failed = true;
      // A write that failed after the merge leaves its answer unrecorded: take it again here.
      answer = await this.fallback.take(request);
    }
    if (answer === undefined) throw new Error('unreachable: no grant answer');
    this.seenSharers = sharersOf(this.seen, request.holder, answer.at, request.limits);
    return answer;
  }
}

export interface SharedRateBudgetOptions {
  /** Shared by every process that should count together (the extension's global storage). */
  readonly directory: string;
  /** Who Cloudflare counts: see `rateBudgetIdentity`. */
  readonly key: string;
  readonly label: string;
  readonly logger: Logger;
  readonly clock?: Clock;
}

/**
 * Grants per take from the file, and how long their spare ones stay usable: a refresh
 * (8 requests in flight) pays the lock once per 20 requests, and a block's spare grants
 * are given back at the next take rather than left counted.
 */
const blockSize = 20;
const leaseMs = 3_000;

/** The rate budget of one Cloudflare user, shared with every process using `directory`. */
export function sharedRateBudget(options: SharedRateBudgetOptions): RateBudget {
  const clock = options.clock ?? systemClock;
  return new RateBudget({
    clock,
    ledger: new SharedGrantFile(options.directory, options.key, options.logger, () => clock.now()),
    blockSize,
    leaseMs,
    label: options.label,
    logger: options.logger,
  });
}
