import type * as Diagnose from './index';
import { lazy } from '../shared/lazy';

/** The diagnosis engine (dist/diagnose.js), loaded on first use: see src/shared/lazy.ts. */
export const loadDiagnose = lazy(() => require('./index') as typeof Diagnose);
