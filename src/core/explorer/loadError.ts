import { CloudflareApiError } from '../../cloudflare';
import { AppError } from '../appError';
import type { LoadError } from './loadable';

/** Turns whatever a load threw into the plain, secret-free error the explorer shows. */
export function toLoadError(error: unknown): LoadError {
  if (CloudflareApiError.is(error)) {
    return { code: error.code, message: error.message, ...(error.permission === undefined ? {} : { permission: error.permission }) };
  }
  if (AppError.is(error)) {
    return { code: error.code, message: error.message };
  }
  return { code: 'unexpected', message: error instanceof Error ? error.message : String(error) };
}
