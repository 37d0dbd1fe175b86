/** How the explorer is arranged: by zone (as Cloudflare's dashboard is) or by status. */
export type Grouping = 'zone' | 'status';

/** What the user chose to see; remembered across reloads. */
export interface ViewOptions {
  /** Matched against object and zone names, case-insensitive; empty: no text filter. */
  readonly text: string;
  /** Keep only objects that need action or whose status is unknown. */
  readonly problemsOnly: boolean;
  readonly groupBy: Grouping;
}

export const defaultViewOptions: ViewOptions = Object.freeze({ text: '', problemsOnly: false, groupBy: 'zone' });

/** Filter text longer than this is cut: no hostname is longer (253), and it keeps state small. */
export const maxFilterLength = 256;

export function isFiltering(options: ViewOptions): boolean {
  return options.text !== '' || options.problemsOnly;
}

/** Filter text as it is kept: trimmed and bounded. */
export function normalizeFilterText(text: string): string {
  return text.trim().slice(0, maxFilterLength);
}

/**
 * Options read back from storage, which may be old, hand-edited or corrupt: each field that
 * is not what it should be falls back to its default, nothing throws.
 */
export function parseViewOptions(stored: unknown): ViewOptions {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return defaultViewOptions;
  const record = stored as Record<string, unknown>;
  const text = Object.hasOwn(record, 'text') && typeof record['text'] === 'string' ? normalizeFilterText(record['text']) : defaultViewOptions.text;
  const problemsOnly = Object.hasOwn(record, 'problemsOnly') && typeof record['problemsOnly'] === 'boolean' ? record['problemsOnly'] : defaultViewOptions.problemsOnly;
  const groupBy = Object.hasOwn(record, 'groupBy') && (record['groupBy'] === 'zone' || record['groupBy'] === 'status') ? record['groupBy'] : defaultViewOptions.groupBy;
  return { text, problemsOnly, groupBy };
}

/** "Filter: foo · Problems only", or undefined when nothing is filtered. */
export function describeFilter(options: ViewOptions): string | undefined {
  const parts = [options.text === '' ? undefined : `Filter: ${options.text}`, options.problemsOnly ? 'Problems only' : undefined].filter((part): part is string => part !== undefined);
  return parts.length === 0 ? undefined : parts.join(' · ');
}
