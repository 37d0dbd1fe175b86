// A cycle, on purpose, through type-only imports alone: parent ↔ child. The self-test
// fails unless `no-circular` reports it (it would not without tsPreCompilationDeps).
import type { Child } from './child';

export interface Parent {
  readonly children: readonly Child[];
}
