/**
 * The arithmetic of a rate budget, apart from where its record lives: a list of blocks
 * of grants, each stamped with the wall-clock time it was taken and who took it. A
 * process's memory holds one (MemoryLedger); a file in global storage holds the one
 * every VS Code window on the machine shares (see sharedGrantFile.ts).
 */

export interface GrantLimits {
  /** Grants any window of `windowMs` may hold while one process uses the budget. */
  readonly capacity: number;
  /** The same, once another process (a second VS Code window) is seen using it. */
  readonly sharedCapacity: number;
  readonly windowMs: number;
  /**
   * How long after a block is taken its grants may still be used. A grant stamped at `t`
   * may leave as a request up to `t + leaseMs`, so blocks count for `windowMs + leaseMs`.
   */
  readonly leaseMs: number;
}

export interface GrantRequest {
  readonly holder: string;
  readonly wanted: number;
  readonly now: number;
  readonly limits: GrantLimits;
  /** Requests already made (e.g. before the budget was known): recorded whatever the room. */
  readonly spent?: boolean;
  /** Grants of this holder's earlier block that were never used, given back first. */
  readonly unused?: { readonly at: number; readonly count: number };
}

export interface GrantAnswer {
  /** Taken now (0 when the window is full); to be used by `at + leaseMs`. */
  readonly granted: number;
  readonly at: number;
  /** When fewer than wanted were granted: how long until the oldest block leaves the window. */
  readonly retryInMs: number;
  /** Other processes that used the budget within the window. */
  readonly sharers: number;
  readonly capacity: number;
  /** Grants the window holds after this one. */
  readonly used: number;
}

/** [taken at (ms since the epoch), count, holder]. */
export type GrantBlock = readonly [number, number, string];

export interface GrantState {
  readonly version: 1;
  /** Oldest first. */
  readonly blocks: readonly GrantBlock[];
  /** Holder → when it last took grants. */
  readonly holders: Readonly<Record<string, number>>;
}

export const emptyGrantState: GrantState = { version: 1, blocks: [], holders: {} };

/** Bounds on what is read back: the file is shared, so it is not trusted to be sane. */
const maxBlocks = 20_000;
const maxHolders = 64;
const maxHolderLength = 64;

/**
 * A stored state, checked and brought to `now`: malformed entries are dropped, and a
 * stamp in the future counts as now. Stamps are wall-clock (a monotonic clock is per
 * process), so a clock set back, or a window whose clock runs ahead, leaves future
 * stamps: counting them as now keeps them in the window without blocking it for longer.
 */
export function parseGrantState(stored: unknown, now: number): GrantState {
  if (typeof stored !== 'object' || stored === null || (stored as { version?: unknown }).version !== 1) return emptyGrantState;
  const rawBlocks = (stored as { blocks?: unknown }).blocks;
  const rawHolders = (stored as { holders?: unknown }).holders;
  const blocks: GrantBlock[] = [];
  for (const raw of Array.isArray(rawBlocks) ? (rawBlocks as unknown[]).slice(-maxBlocks) : []) {
    if (!Array.isArray(raw) || raw.length !== 3) continue;
    const [at, count, holder] = raw as unknown[];
    if (typeof at !== 'number' || !Number.isFinite(at) || !Number.isSafeInteger(count) || (count as number) <= 0 || !isHolder(holder)) continue;
    blocks.push([Math.min(at, now), count as number, holder]);
  }
  blocks.sort((a, b) => a[0] - b[0]);
  const holders: Record<string, number> = {};
  if (typeof rawHolders === 'object' && rawHolders !== null && !Array.isArray(rawHolders)) {
    for (const [holder, at] of Object.entries(rawHolders).slice(0, maxHolders)) {
      if (isHolder(holder) && typeof at === 'number' && Number.isFinite(at)) holders[holder] = Math.min(at, now);
    }
  }
  return { version: 1, blocks, holders };
}

function isHolder(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= maxHolderLength;
}

/** Grants the window holds at `now`. */
export function usedGrants(state: GrantState, now: number, limits: GrantLimits): number {
  let used = 0;
  for (const [at, count] of state.blocks) if (at + limits.windowMs + limits.leaseMs > now) used += count;
  return used;
}

/**
 * When `wanted` more grants fit a window of `capacity`, if nothing else is taken meanwhile:
 * `now` when they fit already, else when enough of the oldest blocks have left the window.
 * Never before `now`; when even an empty window could not hold them, when it is empty.
 */
export function grantsFreeAt(blocks: readonly GrantBlock[], now: number, limits: GrantLimits, capacity: number, wanted: number): number {
  const span = limits.windowMs + limits.leaseMs;
  const live = blocks.filter(([at]) => at + span > now).sort((a, b) => a[0] - b[0]);
  let excess = live.reduce((sum, [, count]) => sum + count, 0) + Math.max(0, wanted) - capacity;
  if (excess <= 0) return now;
  let at = now;
  for (const [taken, count] of live) {
    at = taken + span;
    excess -= count;
    if (excess <= 0) break;
  }
  return Math.max(now, at);
}

/** Other holders seen within the window. */
export function sharersOf(state: GrantState, holder: string, now: number, limits: GrantLimits): number {
  return Object.entries(state.holders).filter(([other, at]) => other !== holder && at + limits.windowMs > now).length;
}

/**
 * Gives back unused grants, forgets what left the window, then takes up to `wanted`
 * (or records them all when `spent`). Pure: returns the next state and the answer.
 */
export function takeGrants(current: GrantState, request: GrantRequest): { readonly state: GrantState; readonly answer: GrantAnswer } {
  const { holder, now, limits } = request;
  const span = limits.windowMs + limits.leaseMs;
  let blocks = current.blocks.filter(([at]) => at + span > now);
  if (request.unused !== undefined && request.unused.count > 0) blocks = giveBack(blocks, holder, request.unused.at, request.unused.count);
  const holders: Record<string, number> = {};
  for (const [other, at] of Object.entries(current.holders)) if (at + limits.windowMs > now) holders[other] = at;
  holders[holder] = now;
  const state0: GrantState = { version: 1, blocks, holders };
  const sharers = sharersOf(state0, holder, now, limits);
  const capacity = sharers > 0 ? limits.sharedCapacity : limits.capacity;
  const used = usedGrants(state0, now, limits);
  const wanted = Math.max(0, Math.floor(request.wanted));
  const granted = request.spent === true ? wanted : Math.min(wanted, Math.max(0, capacity - used));
  if (granted > 0) blocks = [...blocks, [now, granted, holder]];
  const oldest = blocks[0];
  const retryInMs = granted < wanted && oldest !== undefined ? Math.max(1, oldest[0] + span - now) : 0;
  return { state: { version: 1, blocks, holders }, answer: { granted, at: now, retryInMs, sharers, capacity, used: used + granted } };
}

/** Lowers the holder's block taken at `at` by `count` (dropping it at zero). */
function giveBack(blocks: readonly GrantBlock[], holder: string, at: number, count: number): GrantBlock[] {
  const index = blocks.findIndex(([taken, , owner]) => taken === at && owner === holder);
  if (index < 0) return [...blocks];
  const [taken, had] = blocks[index] ?? [at, 0];
  const left = had - count;
  return [...blocks.slice(0, index), ...(left > 0 ? [[taken, left, holder] as const] : []), ...blocks.slice(index + 1)];
}

/** Where a rate budget keeps its blocks: in this process, or shared with other processes. */
export interface GrantLedger {
  take(request: GrantRequest): Promise<GrantAnswer>;
  /** Grants the window holds at `now`, as far as this process last knew. */
  used(now: number, limits: GrantLimits): number;
  /** When `wanted` more grants fit a window of `capacity`, as far as this process last knew (see `grantsFreeAt`). */
  freeAt(now: number, limits: GrantLimits, capacity: number, wanted: number): number;
  /** Other processes seen using the budget when it last looked. */
  readonly sharers: number;
}

/** The budget of one process: its blocks in memory. */
export class MemoryLedger implements GrantLedger {
  private state: GrantState = emptyGrantState;

  get sharers(): number {
    return 0;
  }

  take(request: GrantRequest): Promise<GrantAnswer> {
    const { state, answer } = takeGrants(this.state, request);
    this.state = state;
    return Promise.resolve(answer);
  }

  used(now: number, limits: GrantLimits): number {
    return usedGrants(this.state, now, limits);
  }

  freeAt(now: number, limits: GrantLimits, capacity: number, wanted: number): number {
    return grantsFreeAt(this.state.blocks, now, limits, capacity, wanted);
  }

  /** The blocks this process holds, oldest first. */
  get blocks(): readonly GrantBlock[] {
    return this.state.blocks;
  }
}
