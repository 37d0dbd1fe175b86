/**
 * One piece of remote data and where its loading stands. A failed or repeated load keeps
 * what was shown before (`previous`), so a refresh that fails marks data stale instead of
 * wiping it.
 */
export type Loadable<T> =
  | { readonly status: 'idle' }
  /** `quiet`: the value held is being read again and stays as it is meanwhile; nothing is drawn for the load. */
  | { readonly status: 'loading'; readonly previous?: T; readonly previousAt?: number; readonly quiet?: true }
  | { readonly status: 'ready'; readonly value: T; readonly at: number }
  | { readonly status: 'failed'; readonly error: LoadError; readonly previous?: T; readonly previousAt?: number; readonly at: number };

/** A failure as the explorer shows it: plain data, already free of secrets. */
export interface LoadError {
  readonly code: string;
  readonly message: string;
  /** The dashboard name of a missing token permission, e.g. "Zone: Read". */
  readonly permission?: string;
  /** `bad_item`: how many items were left out for failing the run-time checks. */
  readonly rejected?: number;
}

export const idle: Loadable<never> = { status: 'idle' };

/** The data to show: the current value, or the last one that loaded. */
export function valueOf<T>(loadable: Loadable<T>): T | undefined {
  switch (loadable.status) {
    case 'ready':
      return loadable.value;
    case 'loading':
    case 'failed':
      return loadable.previous;
    case 'idle':
      return undefined;
  }
}

/** When the shown value was loaded. */
export function loadedAt<T>(loadable: Loadable<T>): number | undefined {
  switch (loadable.status) {
    case 'ready':
      return loadable.at;
    case 'loading':
    case 'failed':
      return loadable.previousAt;
    case 'idle':
      return undefined;
  }
}

export function startLoading<T>(current: Loadable<T>, quiet?: true): Loadable<T> {
  const previous = valueOf(current);
  const previousAt = loadedAt(current);
  return { status: 'loading', ...(previous === undefined ? {} : { previous }), ...(previousAt === undefined ? {} : { previousAt }), ...(quiet === undefined ? {} : { quiet }) };
}

/** Reading the value held again (a poll, a refresh): it stays as it is until the new one is in. */
export function startRereading<T>(current: Loadable<T>): Loadable<T> {
  return startLoading(current, true);
}

/** Whether a load under way is one the view shows ("Loading…"): any but a quiet re-read. */
export function showsLoading<T>(loadable: Loadable<T>): boolean {
  return loadable.status === 'loading' && loadable.quiet !== true;
}

export function failLoading<T>(current: Loadable<T>, error: LoadError, at: number): Loadable<T> {
  const previous = valueOf(current);
  const previousAt = loadedAt(current);
  return { status: 'failed', error, at, ...(previous === undefined ? {} : { previous }), ...(previousAt === undefined ? {} : { previousAt }) };
}

/** Failed, but still showing older data. */
export function isStale<T>(loadable: Loadable<T>): boolean {
  return loadable.status === 'failed' && loadable.previous !== undefined;
}
