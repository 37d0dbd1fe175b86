import type { Logger } from '../shared/logger';
import { objectKey, parseObjectKey } from '../domain/objectRef';
import type { ObjectTransition, Transition, TransitionField } from './statusChanges';

export type { Transition, TransitionField } from './statusChanges';

export interface HistoryLimits {
  /** Transitions kept per object; older ones are dropped first. */
  readonly perObject: number;
  /** Objects kept; those whose last change is oldest are evicted first. */
  readonly objects: number;
  /** Transitions kept in all, so the stored copy stays small whatever the account's size. */
  readonly total: number;
}

export const defaultHistoryLimits: HistoryLimits = { perObject: 50, objects: 3000, total: 20_000 };

/** How history is stored: [object key, [at, field, from | null, to][]] pairs, least recently changed first. */
export interface StoredHistory {
  readonly version: 1;
  readonly objects: readonly (readonly [string, readonly StoredTransition[]])[];
}
type StoredTransition = readonly [number, TransitionField, string | null, string];

export interface Disposable {
  dispose(): void;
}

/** Stored values longer than this are not status values: the entry is dropped. */
const maxStoredStatusLength = 120;
/** Past this many, dropped entries are counted instead of each being logged. */
const maxDropWarnings = 20;

/**
 * Every status transition seen, per object key, bounded, oldest objects evicted first. It
 * outlives the window (the platform stores `toJSON()`), so the first load after a reload,
 * which sees every object "for the first time", is reconciled with what was known before.
 */
export class TransitionHistory {
  /** Least recently changed first: Map order is insertion order, and a change re-inserts. */
  private readonly entries = new Map<string, Transition[]>();
  private readonly listeners = new Set<(keys: readonly string[]) => void>();
  private count = 0;

  constructor(private readonly limits: HistoryLimits = defaultHistoryLimits) {}

  /** The transitions of one object, oldest first; empty when none were seen. */
  of(key: string): readonly Transition[] {
    return this.entries.get(key) ?? [];
  }

  /** Object keys with history, least recently changed first. */
  keys(): readonly string[] {
    return [...this.entries.keys()];
  }

  /** Called with the keys whose history changed. */
  onDidChange(listener: (keys: readonly string[]) => void): Disposable {
    this.listeners.add(listener);
    return { dispose: () => void this.listeners.delete(listener) };
  }

  /**
   * Adds what a load saw and returns what was new. A "first seen" whose status history
   * already ends with is nothing new (a window reload sees every object again); one whose
   * status differs becomes a real transition from the last status known.
   */
  record<T extends ObjectTransition>(transitions: readonly T[]): T[] {
    const recorded: T[] = [];
    const changed = new Set<string>();
    for (const transition of transitions) {
      const key = objectKey(transition.ref);
      const list = this.entries.get(key) ?? [];
      const last = lastStatus(list, transition.field);
      if (last === transition.to) continue;
      const effective: T = transition.from === undefined && last !== undefined ? { ...transition, from: last } : transition;
      list.push(plain(effective));
      this.count += 1;
      if (list.length > this.limits.perObject) {
        this.count -= list.length - this.limits.perObject;
        list.splice(0, list.length - this.limits.perObject);
      }
      this.entries.delete(key);
      this.entries.set(key, list);
      changed.add(key);
      recorded.push(effective);
    }
    this.evict();
    if (changed.size > 0) this.fire([...changed]);
    return recorded;
  }

  toJSON(): StoredHistory {
    return {
      version: 1,
      objects: [...this.entries].map(([key, list]) => [key, list.map((entry): StoredTransition => [entry.at, entry.field, entry.from ?? null, entry.to])]),
    };
  }

  /**
   * History read back from storage. Anything malformed (corrupt or tampered state) is
   * dropped entry by entry with a warning; this never throws.
   */
  static restore(stored: unknown, logger: Logger, limits: HistoryLimits = defaultHistoryLimits): TransitionHistory {
    const history = new TransitionHistory(limits);
    if (stored === undefined) return history;
    const drops = new DropReporter(logger);
    const objects = ownField(stored, 'version') === 1 ? ownField(stored, 'objects') : undefined;
    if (!Array.isArray(objects)) {
      drops.drop('the stored transition history is not in a known format');
      drops.finish();
      return history;
    }
    for (const [index, pair] of (objects as unknown[]).entries()) {
      const key: unknown = Array.isArray(pair) ? (pair as unknown[])[0] : undefined;
      const list: unknown = Array.isArray(pair) ? (pair as unknown[])[1] : undefined;
      const ref = typeof key === 'string' ? parseObjectKey(key) : undefined;
      if (ref === undefined || objectKey(ref) !== key || !Array.isArray(list)) {
        drops.drop(`stored history entry ${index} is not an object key with a list`);
        continue;
      }
      if (history.entries.has(key)) {
        drops.drop(`stored history entry ${index} repeats an object`);
        continue;
      }
      const transitions: Transition[] = [];
      for (const [position, raw] of (list as unknown[]).entries()) {
        const transition = transitionFrom(raw);
        if (transition === undefined) drops.drop(`stored transition ${position} of entry ${index} is malformed`);
        else transitions.push(transition);
      }
      if (transitions.length === 0) continue;
      const kept = transitions.slice(-limits.perObject);
      history.entries.set(key, kept);
      history.count += kept.length;
    }
    history.evict();
    drops.finish();
    return history;
  }

  /**
   * Takes in a stored history written by another window: each object's transitions
   * become the union of both, in time order; objects are re-ordered by their latest
   * change. Listeners are not told (the panel reads history when it draws).
   */
  absorb(stored: unknown, logger: Logger): void {
    const other = TransitionHistory.restore(stored, logger, this.limits);
    if (other.entries.size === 0) return;
    for (const [key, theirs] of other.entries) {
      const ours = this.entries.get(key) ?? [];
      const seen = new Set(ours.map(transitionId));
      const merged = [...ours, ...theirs.filter((entry) => !seen.has(transitionId(entry)))].sort((a, b) => a.at - b.at);
      this.entries.set(key, merged.slice(-this.limits.perObject));
    }
    const ordered = [...this.entries].sort(([, a], [, b]) => lastAt(a) - lastAt(b));
    this.entries.clear();
    this.count = 0;
    for (const [key, list] of ordered) {
      this.entries.set(key, list);
      this.count += list.length;
    }
    this.evict();
  }

  /** Drops the least recently changed objects while over a limit. */
  private evict(): void {
    for (const [key, list] of this.entries) {
      if (this.entries.size <= this.limits.objects && this.count <= this.limits.total) return;
      this.entries.delete(key);
      this.count -= list.length;
    }
  }

  private fire(keys: readonly string[]): void {
    for (const listener of [...this.listeners]) listener(keys);
  }
}

function transitionId(entry: Transition): string {
  return `${entry.at}|${entry.field}|${entry.from ?? ''}|${entry.to}`;
}

function lastAt(list: readonly Transition[]): number {
  return list.at(-1)?.at ?? 0;
}

function lastStatus(list: readonly Transition[], field: TransitionField): string | undefined {
  for (let index = list.length - 1; index >= 0; index -= 1) {
    const entry = list[index];
    if (entry?.field === field) return entry.to;
  }
  return undefined;
}

/** Only the history fields: the object and its reference stay out of memory and storage. */
function plain(transition: Transition): Transition {
  return { at: transition.at, field: transition.field, to: transition.to, ...(transition.from === undefined ? {} : { from: transition.from }) };
}

function transitionFrom(raw: unknown): Transition | undefined {
  if (!Array.isArray(raw) || raw.length !== 4) return undefined;
  const [at, field, from, to] = raw as unknown[];
  if (typeof at !== 'number' || !Number.isFinite(at) || at < 0) return undefined;
  if (field !== 'status' && field !== 'sslStatus') return undefined;
  if (!isStatus(to) || (from !== null && !isStatus(from))) return undefined;
  return { at, field, to, ...(from === null ? {} : { from }) };
}

function isStatus(value: unknown): value is string {
  return typeof value === 'string' && value !== '' && value.length <= maxStoredStatusLength;
}

/** Reads an own property of a plain object without trusting its shape. */
function ownField(value: unknown, key: string): unknown {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || !Object.prototype.hasOwnProperty.call(value, key)) return undefined;
  return (value as Record<string, unknown>)[key];
}

/** Logs each dropped entry, up to a limit, then how many more were dropped. */
class DropReporter {
  private dropped = 0;

  constructor(private readonly logger: Logger) {}

  drop(reason: string): void {
    this.dropped += 1;
    if (this.dropped <= maxDropWarnings) this.logger.warn(`Transition history: ${reason}; dropped.`);
  }

  finish(): void {
    if (this.dropped > maxDropWarnings) this.logger.warn(`Transition history: ${this.dropped - maxDropWarnings} more malformed entries dropped.`);
  }
}
