import type * as FileLock from './fileLock';
import { lazy } from '../lazy';

/** proper-lockfile and graceful-fs (dist/lockfile.js), loaded with the first locked write: see src/shared/lazy.ts. */
export const loadFileLock = lazy(() => require('./fileLock') as typeof FileLock);
