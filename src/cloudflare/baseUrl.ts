/** Cloudflare's API. A file of its own: settings read it at activation, long before the client loads. */
export const defaultBaseUrl = 'https://api.cloudflare.com/client/v4';
