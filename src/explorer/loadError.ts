import type { InventoryError } from '../cloudflare';
import { CloudflareApiError } from '../cloudflare/errors';
import { loadCloudflare } from '../cloudflare/load';
import { AppError } from '../shared/appError';
import type { AccountState, CollectionError, HostnameList } from './explorerState';
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

/** The zone loader's error entry as the explorer keeps it beside the collection's data. */
export function toCollectionError(error: InventoryError): CollectionError {
  const { collection, code, message, permission, rejected, stale } = error;
  if (collection === 'zones') throw new RangeError('A zone listing error is not a zone collection error');
  return {
    collection,
    error: { code, message, ...(permission === undefined ? {} : { permission }), ...(rejected === undefined ? {} : { rejected }) },
    ...(stale === true ? { stale } : {}),
  };
}

/** The hostnames left out of the pages loaded so far, as the error the tree shows beside them. */
export function rejectedHostnames(list: HostnameList): LoadError | undefined {
  if (list.rejected === undefined) return undefined;
  const { code, message } = loadCloudflare().badItems('customHostnames', list.rejected.count, list.rejected.reason);
  return { code, message, rejected: list.rejected.count };
}

/** The zones left out of the account's last listing, as the error the tree shows on the account. */
export function rejectedZones(account: AccountState): LoadError | undefined {
  if (account.rejectedZones === undefined) return undefined;
  const { code, message } = loadCloudflare().badItems('zones', account.rejectedZones.count, account.rejectedZones.reason);
  return { code, message, rejected: account.rejectedZones.count };
}
