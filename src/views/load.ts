import type * as PanelViews from './panelViews';
import { lazy } from '../shared/lazy';

/** The panels' views and the probe controller (dist/views.js), loaded on first use: see src/shared/lazy.ts. */
export const loadViews = lazy(() => require('./panelViews') as typeof PanelViews);
