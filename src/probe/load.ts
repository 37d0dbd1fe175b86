import type * as Probe from './index';
import { lazy } from '../shared/lazy';

/** The TLS probe (dist/probe.js), loaded on first use: see src/shared/lazy.ts. */
export const loadProbe = lazy(() => require('./index') as typeof Probe);
