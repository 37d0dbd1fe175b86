import { type Api } from '../api';
import { isString } from '../guards';
import { type Shape } from '../guards';

/** The Cloudflare user the credentials act for: only its id is read. */
export interface CloudflareUser {
  readonly id: string;
}

const userShape: Shape<CloudflareUser> = { id: isString };

/**
 * `GET /user`. A global API key always may; a token only with "User Details: Read",
 * which a certificate-monitoring token usually lacks (403).
 */
export function getUser(api: Api, signal?: AbortSignal): Promise<CloudflareUser> {
  return api.one('/user', userShape, 'the user', { signal });
}
