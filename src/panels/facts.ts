import type { FactsBlock, Value } from './document';
import type { ExpiryAssessment } from '../domain/expiry';
import { cap, MAX_VALUE, toneOf } from './text';

export type FactRow = FactsBlock['rows'][number];

/** A row, or nothing when there is no value to show (so facts never list empty fields). */
export function fact(label: string, text: string | number | boolean | null | undefined, options: Omit<Value, 'text'> = {}): FactRow[] {
  if (text === null || text === undefined || text === '') return [];
  const shown = typeof text === 'boolean' ? (text ? 'Yes' : 'No') : String(text);
  return [{ label, value: { ...options, text: cap(shown, options.copyLabel === undefined ? undefined : MAX_VALUE) } }];
}

/** An identifier: monospace, with a copy button. */
export function idFact(label: string, id: string | number | null | undefined): FactRow[] {
  return fact(label, id === null || id === undefined ? undefined : String(id), { code: true, copyLabel: label });
}

/** "23 d left" in the expiry's tone, and the reason (how urgent, what to do). */
export function expiryFacts(expiry: ExpiryAssessment | undefined): FactRow[] {
  if (expiry === undefined) return [];
  return [...fact('Days left', expiry.shortLabel, { tone: toneOf(expiry.severity) }), ...fact('Renewal', expiry.reason)];
}

export function facts(title: string, rows: readonly FactRow[]): FactsBlock {
  return { kind: 'facts', title, rows };
}
