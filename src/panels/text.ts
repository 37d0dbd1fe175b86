/**
 * Small text rules the panel builders share. Everything here takes untrusted strings and
 * returns plain strings: escaping is the renderer's job, length is ours, so a hostile or
 * broken API value can neither inject markup nor blow a panel up to megabytes.
 */
import type { Tone } from './document';
import type { Severity } from '../domain/status';

/** Names, labels and messages: longer than any real hostname (253) or CA message. */
export const MAX_TEXT = 300;
/** Values to copy (tokens, URLs, bodies): generous, but never unbounded. */
export const MAX_VALUE = 2_000;
/** The raw API object as JSON. */
export const MAX_JSON = 200_000;
/** List entries (hosts, errors) shown before "… and N more". */
export const MAX_LIST = 50;

/** At most `max` characters (whole code points), with an ellipsis when cut. */
export function cap(text: string, max = MAX_TEXT): string {
  if (text.length <= max) return text;
  return `${Array.from(text.slice(0, max * 2)).slice(0, max - 1).join('')}…`;
}

/** The first `max` entries, capped, and a last line saying how many were left out. */
export function capList(items: readonly string[], max = MAX_LIST, itemMax = MAX_TEXT): string[] {
  const shown = items.slice(0, max).map((item) => cap(item, itemMax));
  return items.length > max ? [...shown, `… and ${items.length - max} more`] : shown;
}

/** The catalog's severities are the panel's tones, one for one. */
export function toneOf(severity: Severity): Tone {
  return severity;
}

/** How a panel writes an instant; the glue passes the user's locale, tests the default. */
export type TimeFormat = (ms: number) => string;

/** A fixed, locale-free default: "2026-11-26 10:42:07 UTC". */
export const utcTime: TimeFormat = (ms) => {
  const date = new Date(ms);
  return Number.isNaN(date.getTime()) ? 'unknown time' : `${date.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
};

/** An API date string as an instant, or undefined when it is not a date. */
export function parseInstant(text: string | null | undefined): number | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/** An API date shown with the panel's format; the raw text (capped) when it does not parse. */
export function showInstant(text: string | null | undefined, format: TimeFormat): string | undefined {
  if (typeof text !== 'string' || text === '') return undefined;
  const ms = parseInstant(text);
  return ms === undefined ? cap(text) : format(ms);
}
