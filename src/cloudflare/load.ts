import type * as Cloudflare from './index';
import { lazy } from '../shared/lazy';

/** The API client and undici (dist/cloudflare.js), loaded on first use: see src/shared/lazy.ts. */
export const loadCloudflare = lazy(() => require('./index') as typeof Cloudflare);
