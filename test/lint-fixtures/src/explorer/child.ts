// The other half of the type-only cycle in parent.ts.
import type { Parent } from './parent';

export interface Child {
  readonly parent: Parent;
}
