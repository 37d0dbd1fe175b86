import type * as Crypto from 'node:crypto';
import type * as Dns from 'node:dns';
import type * as FsPromises from 'node:fs/promises';
import type * as Net from 'node:net';
import type * as WorkerThreads from 'node:worker_threads';
import { lazy } from './lazy';

/*
 * Node's own modules that take milliseconds to load (node:net about 4–7 ms, node:crypto
 * about 4 ms, node:dns about 1 ms, node:worker_threads 12–40 ms under load on a 2-core
 * machine; node:fs or node:path nothing): code that extension.ts or a `cfcerts` command's
 * start reaches uses them through these, so they load with their first use rather than in
 * every activation or process (see src/shared/lazy.ts).
 */
export const nodeNet = lazy(() => require('node:net') as typeof Net);
export const nodeCrypto = lazy(() => require('node:crypto') as typeof Crypto);
/** node:dns and its promises API: a probe that connects to an IP and reports no DNS never loads them. */
export const nodeDns = lazy(() => require('node:dns') as typeof Dns);
export const nodeFsPromises = lazy(() => require('node:fs/promises') as typeof FsPromises);
/** Only a fleet big enough for probe threads loads it: `cfcerts probe HOST` never does. */
export const nodeWorkerThreads = lazy(() => require('node:worker_threads') as typeof WorkerThreads);
