import type * as ProbeZone from './probeZone';
import { lazy } from '../shared/lazy';

/**
 * Code of a command that only some of its runs need, in a bundle of its own
 * (dist/cli-NAME.js, esbuild.js's `lazyBundles`; src/shared/lazy.ts explains the pattern).
 * `cfcerts probe --zone` reads the zone from the API: the API client and undici (about
 * 600 KB) would otherwise be compiled by every `cfcerts probe HOST` process.
 */
export const loadProbeZone = lazy(() => require('./probeZone') as typeof ProbeZone);
