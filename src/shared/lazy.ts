/**
 * Loaded on first use: how heavy code stays out of activation and out of `cfcerts --help`.
 *
 * Each heavy feature is its own bundle in dist/ (cloudflare.js: undici and the API
 * client; probe.js: the TLS probe; panels.js: the panels' documents; diagnose.js: the
 * diagnosis engine; cli-*.js: one per CLI command). Its folder has a `load.ts` whose
 * `load*()` returns the feature's module, `require()`d the first time it is asked for:
 *
 *     import type { CloudflareClient } from '../cloudflare';   // types: free, anywhere
 *     import { loadCloudflare } from '../cloudflare/load';      // values: through the loader
 *     const client = new (loadCloudflare().CloudflareClient)(options);
 *
 * esbuild.js turns the loader's `require('./index')` into `require('./cloudflare.js')`
 * (the `lazyBundles` table); under tsc (unit tests) it is the plain module. A top-level
 * `import { value } from '../cloudflare'` in code that extension.ts or cli/main.ts reaches
 * would inline the whole feature again: ESLint refuses it, and the build fails if it
 * happens through a chain of imports. A class whose instances cross from one bundle to
 * another is recognised by a brand (AppError.is), never `instanceof`: each bundle holds
 * its own copy of the class.
 *
 * To add a feature: an entry in esbuild.js's `lazyBundles`, a `load.ts` beside it, and a
 * line in .vscodeignore (an allowlist) for the extension's bundles.
 */
export function lazy<T>(load: () => T): () => T {
  let loaded: { readonly value: T } | undefined;
  return () => (loaded ??= { value: load() }).value;
}
