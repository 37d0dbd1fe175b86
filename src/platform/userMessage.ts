import { AppError } from '../shared/appError';
import { defuseLinks } from '../shared/markdown';

/**
 * The one place where errors become words for the user. Typed errors carry a stable
 * code and a message written for people; anything else is a bug, said plainly. Messages
 * quote the API (its errors, hostnames, zone names) and are shown in notifications, so
 * no link may form in them.
 */
export function userMessage(error: unknown): string {
  if (AppError.is(error)) {
    return defuseLinks(error.message);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return defuseLinks(`Something went wrong: ${detail}`);
}
