import type * as Jsonc from './jsonc';
import { lazy } from '../shared/lazy';

/** jsonc-parser (dist/jsonc.js), loaded when the first settings file is read: see src/shared/lazy.ts. */
export const loadJsonc = lazy(() => require('./jsonc') as typeof Jsonc);
