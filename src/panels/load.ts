import type * as Panels from './index';
import { lazy } from '../shared/lazy';

/** The panels' document builders (dist/panels.js), loaded on first use: see src/shared/lazy.ts. */
export const loadPanels = lazy(() => require('./index') as typeof Panels);
