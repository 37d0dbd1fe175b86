import type { Route } from './route';

interface CompiledRoute {
  readonly route: Route;
  readonly segments: readonly string[];
  readonly literals: number;
}

export interface RouteMatch {
  readonly route: Route;
  readonly params: Readonly<Record<string, string>>;
}

/**
 * A small router over the declarative table: `/zones/:zone_id/…` patterns, literal
 * segments before parameters (so `certificate_packs/quota` is not a pack id).
 */
export class Router {
  private readonly compiled: readonly CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes
      .map((route) => {
        const segments = route.pattern.split('/').filter((segment) => segment.length > 0);
        return { route, segments, literals: segments.filter((segment) => !segment.startsWith(':')).length };
      })
      .sort((a, b) => b.literals - a.literals);
  }

  get routes(): readonly Route[] {
    return this.compiled.map((entry) => entry.route);
  }

  /** The matching route; `family` is set when only the method differs (for fault routing). */
  match(method: string, path: string): RouteMatch | { family: string } | undefined {
    const parts = path.split('/').filter((segment) => segment.length > 0);
    let family: string | undefined;
    for (const entry of this.compiled) {
      const params = matchSegments(entry.segments, parts);
      if (params === undefined) continue;
      if (entry.route.method === method) return { route: entry.route, params };
      family ??= entry.route.family;
    }
    return family === undefined ? undefined : { family };
  }
}

function matchSegments(segments: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  if (segments.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (let index = 0; index < segments.length; index++) {
    const segment = segments[index] as string;
    const part = parts[index] as string;
    if (segment.startsWith(':')) {
      params[segment.slice(1)] = safeDecode(part);
    } else if (segment !== part) {
      return undefined;
    }
  }
  return params;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
