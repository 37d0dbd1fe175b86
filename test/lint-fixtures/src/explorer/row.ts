// Right way: explorer imports shared. The self-test fails if this import is reported.
import type { Millis } from '../shared/clock';

export interface ExplorerRow {
  readonly loadedAt: Millis;
}
