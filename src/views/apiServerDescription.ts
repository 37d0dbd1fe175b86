import { nonCloudflareApiHost } from '../settings/apiOrigin';

/**
 * The view header's description: names the API server when it is not Cloudflare's, so
 * the user always sees where the view's data (and their credentials) come from and go.
 */
export function apiServerDescription(apiBaseUrl: string): string | undefined {
  const host = nonCloudflareApiHost(apiBaseUrl);
  return host === undefined ? undefined : `API: ${host}`;
}
