import { AppError } from '../../shared/appError';
import { seededRandom } from '../seededRandom';

/**
 * One fault rule for a route family (or `*`). Text form, rules joined by `;`:
 *   route=custom_hostnames,status=503,rate=0.2
 *   route=*,latency=50
 *   route=zones,status=429,retry-after=3,count=5      (a burst of five 429s)
 *   route=certificate_packs,drop,after=10,count=1     (the 11th request's connection is cut)
 *   route=*,malformed,rate=0.1                        (truncated JSON with 200)
 *   route=client_certificates,slow=2000               (body trickles out over 2 s)
 */
export interface FaultSpec {
  readonly route: string;
  /** Probability that a matching request is hit (default 1). */
  readonly rate?: number;
  /** Hit at most this many requests. */
  readonly count?: number;
  /** Let this many matching requests through first. */
  readonly after?: number;
  readonly latencyMs?: number;
  readonly status?: number;
  readonly retryAfterSeconds?: number;
  readonly drop?: boolean;
  readonly malformed?: boolean;
  readonly slowMs?: number;
}

export class FaultSpecError extends AppError<'fault_spec_invalid'> {
  constructor(message: string) {
    super('fault_spec_invalid', message);
  }
}

function number(key: string, value: string | undefined, min: number, max: number): number {
  const parsed = Number(value);
  if (value === undefined || value === '' || !Number.isFinite(parsed) || parsed < min || parsed > max) {
    throw new FaultSpecError(`fault option ${key} needs a number from ${min} to ${max} (got ${value ?? 'nothing'})`);
  }
  return parsed;
}

function parseRule(rule: string, families: readonly string[]): FaultSpec {
  const spec: { -readonly [K in keyof FaultSpec]: FaultSpec[K] } = { route: '*' };
  for (const part of rule.split(',').map((item) => item.trim()).filter((item) => item.length > 0)) {
    const [key = '', value] = part.split('=', 2).map((item) => item.trim());
    switch (key) {
      case 'route':
        if (value === undefined || (value !== '*' && families.length > 0 && !families.includes(value))) {
          throw new FaultSpecError(`unknown fault route ${value ?? ''}; use * or one of ${families.join(', ')}`);
        }
        spec.route = value;
        break;
      case 'rate': spec.rate = number(key, value, 0, 1); break;
      case 'count': spec.count = number(key, value, 1, 1e9); break;
      case 'after': spec.after = number(key, value, 0, 1e9); break;
      case 'latency': spec.latencyMs = number(key, value, 0, 600_000); break;
      case 'status': spec.status = number(key, value, 400, 599); break;
      case 'retry-after': spec.retryAfterSeconds = number(key, value, 0, 86_400); break;
      case 'slow': spec.slowMs = number(key, value, 1, 600_000); break;
      case 'drop': spec.drop = true; break;
      case 'malformed': spec.malformed = true; break;
      default:
        throw new FaultSpecError(`unknown fault option "${key}" in "${rule}"`);
    }
  }
  if (spec.latencyMs === undefined && spec.status === undefined && spec.drop !== true && spec.malformed !== true && spec.slowMs === undefined) {
    throw new FaultSpecError(`fault rule "${rule}" does nothing: add latency=, status=, drop, malformed or slow=`);
  }
  return spec;
}

/** Parses `--faults` text; `families` (the route names) makes unknown routes an error. */
export function parseFaultSpec(text: string, families: readonly string[] = []): FaultSpec[] {
  return text.split(';').map((rule) => rule.trim()).filter((rule) => rule.length > 0).map((rule) => parseRule(rule, families));
}

/** What the faults chose for one request. */
export interface FaultOutcome {
  latencyMs: number;
  status?: number;
  retryAfterSeconds?: number;
  drop: boolean;
  malformed: boolean;
  slowMs?: number;
}

/** Decides, per request, which fault rules hit; counts are kept per rule. */
export class FaultInjector {
  private readonly seen: number[];
  private readonly hits: number[];
  private readonly random: () => number;

  constructor(private readonly specs: readonly FaultSpec[], seed = 1) {
    this.seen = specs.map(() => 0);
    this.hits = specs.map(() => 0);
    this.random = seededRandom(seed);
  }

  pick(family: string): FaultOutcome {
    const outcome: FaultOutcome = { latencyMs: 0, drop: false, malformed: false };
    this.specs.forEach((spec, index) => {
      if (spec.route !== '*' && spec.route !== family) return;
      const seen = ++this.seen[index]!;
      if (seen <= (spec.after ?? 0)) return;
      if (spec.count !== undefined && this.hits[index]! >= spec.count) return;
      if (spec.rate !== undefined && spec.rate < 1 && this.random() >= spec.rate) return;
      this.hits[index]!++;
      outcome.latencyMs += spec.latencyMs ?? 0;
      outcome.drop ||= spec.drop === true;
      outcome.malformed ||= spec.malformed === true;
      if (spec.slowMs !== undefined) outcome.slowMs = spec.slowMs;
      if (spec.status !== undefined && outcome.status === undefined) {
        outcome.status = spec.status;
        if (spec.retryAfterSeconds !== undefined) outcome.retryAfterSeconds = spec.retryAfterSeconds;
      }
    });
    return outcome;
  }
}
