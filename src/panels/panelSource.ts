import type { CertificateObject } from '../domain/objectHealth';
import type { Freshness } from './lifecycleDocument';

/**
 * Where a lifecycle panel's object comes from. The explorer's model is the usual source
 * (and refreshes keep it current); a copy fetched by id stands in when the model has not
 * loaded the object, or is older than what the panel fetched itself. The freshest copy
 * wins; a failure newer than it marks it stale, or gone on "not found".
 */
export interface SourceState {
  /** What the explorer has: the object if loaded, when its collection loaded, and why the last load failed. */
  readonly model: { readonly item?: CertificateObject; readonly at?: number; readonly staleReason?: string };
  readonly fetched?: { readonly item: CertificateObject; readonly at: number };
  /** The explorer's last copy the panel saw: kept when the explorer drops the object (deleted, or reset). */
  readonly remembered?: { readonly item: CertificateObject; readonly at?: number };
  readonly failure?: { readonly at: number; readonly gone: boolean; readonly message: string };
  readonly fetching: boolean;
}

export type Resolution =
  | { readonly kind: 'show'; readonly item: CertificateObject; readonly freshness: Freshness }
  | { readonly kind: 'loading' }
  | { readonly kind: 'unavailable'; readonly reason: string; readonly gone: boolean };

export function resolveSource(state: SourceState): Resolution {
  const copy = freshestCopy(state);
  if (copy === undefined) {
    if (state.failure !== undefined && !state.fetching) return { kind: 'unavailable', reason: state.failure.message, gone: state.failure.gone };
    return { kind: 'loading' };
  }
  const at = copy.at === undefined ? {} : { at: copy.at };
  const { failure } = state;
  if (failure !== undefined && failure.at >= (copy.at ?? Number.NEGATIVE_INFINITY)) {
    return { kind: 'show', item: copy.item, freshness: failure.gone ? { state: 'gone', ...at } : { state: 'stale', ...at, reason: failure.message } };
  }
  if (copy.fromModel && state.model.staleReason !== undefined) return { kind: 'show', item: copy.item, freshness: { state: 'stale', ...at, reason: state.model.staleReason } };
  return { kind: 'show', item: copy.item, freshness: { state: state.fetching ? 'refreshing' : 'fresh', ...at } };
}

/**
 * Whether to fetch the object by id now: when nothing is known of it yet, or when the
 * explorer loaded its collection since the panel last looked and the object was not in it
 * (deleted, or on a page of hostnames not loaded), so the panel's copy may be out of date.
 */
export function shouldFetch(state: SourceState): boolean {
  if (state.fetching || state.model.item !== undefined) return false;
  const attempts = [state.fetched?.at, state.failure?.at].filter((at): at is number => at !== undefined);
  if (attempts.length === 0) return true;
  return state.model.at !== undefined && state.model.at > Math.max(...attempts);
}

interface Copy {
  readonly item: CertificateObject;
  readonly at: number | undefined;
  readonly fromModel: boolean;
}

/** The copy loaded last; on a tie the explorer's (it is what the tree shows), then the fetched one. */
function freshestCopy(state: SourceState): Copy | undefined {
  const { model, fetched, remembered } = state;
  const copies: Copy[] = [
    ...(model.item === undefined ? [] : [{ item: model.item, at: model.at, fromModel: true }]),
    ...(fetched === undefined ? [] : [{ item: fetched.item, at: fetched.at, fromModel: false }]),
    ...(remembered === undefined ? [] : [{ item: remembered.item, at: remembered.at, fromModel: false }]),
  ];
  let best: Copy | undefined;
  for (const copy of copies) {
    if (best === undefined || (copy.at ?? Number.NEGATIVE_INFINITY) > (best.at ?? Number.NEGATIVE_INFINITY)) best = copy;
  }
  return best;
}
