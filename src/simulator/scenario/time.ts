/**
 * Scenario times. Dates in a scenario may be relative to the simulator's start
 * ("now-30d", "now+23d") so the demo looks the same whenever it runs: a certificate
 * that expires "in 23 days" does so on every run.
 */

const unitMs: Readonly<Record<string, number>> = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };
const durationPattern = /^(\d+(?:\.\d+)?)(ms|s|m|h|d)$/;
const relativePattern = /^now(?:([+-])(\d+(?:\.\d+)?)(ms|s|m|h|d))?$/;

/** "90s" → 90000; undefined when the text is not a duration. */
export function parseDuration(text: string): number | undefined {
  const match = durationPattern.exec(text.trim());
  const unit = match?.[2];
  if (match?.[1] === undefined || unit === undefined) {
    return undefined;
  }
  return Number(match[1]) * (unitMs[unit] ?? 0);
}

export function isRelativeTime(text: string): boolean {
  return relativePattern.test(text);
}

/** "now+23d" → the ISO date 23 days after `startMs`; other strings come back unchanged. */
export function resolveRelativeTime(text: string, startMs: number): string {
  const match = relativePattern.exec(text);
  if (match === null) {
    return text;
  }
  const [, sign, amount, unit] = match;
  const offset = amount === undefined || unit === undefined ? 0 : Number(amount) * (unitMs[unit] ?? 0);
  return isoSeconds(startMs + (sign === '-' ? -offset : offset));
}

/** Cloudflare writes most dates with whole seconds: 2026-11-26T10:00:00Z. */
export function isoSeconds(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/** Replaces every relative time string inside a JSON value, in place; returns the value. */
export function resolveRelativeTimes<T>(value: T, startMs: number): T {
  if (Array.isArray(value)) {
    value.forEach((item: unknown, index) => {
      value[index] = typeof item === 'string' ? resolveRelativeTime(item, startMs) : resolveRelativeTimes(item, startMs);
    });
  } else if (typeof value === 'object' && value !== null) {
    const record = value as Record<string, unknown>;
    for (const [key, item] of Object.entries(record)) {
      record[key] = typeof item === 'string' ? resolveRelativeTime(item, startMs) : resolveRelativeTimes(item, startMs);
    }
  }
  return value;
}
