import type { IncomingHttpHeaders } from 'node:http';
import type { LifecycleEngine } from '../lifecycle/lifecycleEngine';
import type { Permission } from '../model';
import type { SimulatorState, ZoneState } from '../state/simulatorState';
import type { Identity } from './auth';
import type { ApiResponse } from './envelope';

export interface RequestContext {
  readonly method: string;
  /** The path below `/client/v4`. */
  readonly path: string;
  readonly params: Readonly<Record<string, string>>;
  readonly query: URLSearchParams;
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
  /** Set for routes with a permission; `self` routes authenticate on their own. */
  readonly identity?: Identity;
  /** Set when the path has a `:zone_id` the caller may reach. */
  readonly zone?: ZoneState;
  readonly state: SimulatorState;
  readonly lifecycle?: LifecycleEngine;
  /** The simulator's current time (lifecycle time), in ms since the epoch. */
  readonly now: () => number;
}

export type HttpMethod = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/**
 * One row of the routing table. `family` names the resource for fault injection
 * (`route=custom_hostnames,…`); `access` is the token permission the route needs, or
 * `self` for the token-verify routes, which answer bad tokens in their own way.
 */
export interface Route {
  readonly method: HttpMethod;
  readonly pattern: string;
  readonly family: string;
  readonly access: Permission | 'self';
  readonly handle: (context: RequestContext) => ApiResponse;
}
