import type { RequestContext } from '../http/route';
import type { ZoneState } from '../state/simulatorState';

/** The zone the server resolved for a `:zone_id` route (it answers 404/403 before calling us). */
export function zoneOf(context: RequestContext): ZoneState {
  if (context.zone === undefined) {
    throw new Error(`route ${context.path} has no resolved zone`);
  }
  return context.zone;
}

export function param(context: RequestContext, name: string): string {
  return context.params[name] ?? '';
}

/** A JSON value as an object, or undefined when it is not one. */
export function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** The request body as an object, or undefined when it is empty or not an object. */
export function bodyObject(context: RequestContext): Record<string, unknown> | undefined {
  return asObject(context.body);
}
