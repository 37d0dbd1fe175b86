import type * as Commands from './registerCommands';
import { lazy } from '../shared/lazy';

/** The commands' handlers (dist/commands.js), loaded with the first command run: see src/shared/lazy.ts. */
export const loadCommands = lazy(() => require('./registerCommands') as typeof Commands);
