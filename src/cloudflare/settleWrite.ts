import { type Logger } from '../shared/logger';
import { CloudflareApiError, type CloudflareErrorCode } from './errors';

/** Failures after which a write may or may not have been applied: only reading the object back tells. */
export const outcomeUnknown: ReadonlySet<CloudflareErrorCode> = new Set(['server', 'network', 'timeout', 'bad_response']);

export interface SettledWrite<T> {
  readonly write: () => Promise<T>;
  readonly reread: () => Promise<T>;
  /** True when the object read back shows the write took effect (or is no longer needed). */
  readonly took: (object: T) => boolean;
  /** The object's state in words, e.g. `in status validation_timed_out`. */
  readonly state: (object: T) => string;
  /** What the object is, e.g. `the certificate pack`. */
  readonly what: string;
  /** Failures besides `outcomeUnknown` that reading back may turn into success (e.g. "already restarted"). */
  readonly alsoOn?: readonly CloudflareErrorCode[];
  readonly logger: Logger;
}

/**
 * A write is sent once (the transport never repeats one that may have arrived). When
 * its answer is lost or unclear, the object is read back and its actual state decides:
 * the change is there (success, with the object as it is now) or it is not (an error
 * that says what Cloudflare shows). Never a second write.
 */
export async function settleWrite<T>(spec: SettledWrite<T>): Promise<T> {
  try {
    return await spec.write();
  } catch (error) {
    if (!CloudflareApiError.is(error) || !(outcomeUnknown.has(error.code) || spec.alsoOn?.includes(error.code) === true)) {
      throw error;
    }
    const init = { ...(error.status === undefined ? {} : { status: error.status }), cloudflareErrors: error.cloudflareErrors, cause: error };
    let object: T;
    try {
      object = await spec.reread();
    } catch {
      throw new CloudflareApiError(error.code, `${error.message}. Reading ${spec.what} back failed too, so whether the change was applied is unknown: refresh before trying again.`, init);
    }
    if (spec.took(object)) {
      spec.logger.info(`Cloudflare: the write to ${spec.what} answered ${error.code}, but reading it back shows the change applied (${spec.state(object)})`);
      return object;
    }
    throw new CloudflareApiError(error.code, `${error.message}. Cloudflare shows ${spec.what} ${spec.state(object)}: the change was not applied.`, init);
  }
}
