// Wrong way, on purpose: shared is the lowest folder and must not import explorer,
// not even a type. The self-test fails unless `shared-direction` reports this import.
import type { ExplorerRow } from '../explorer/row';

export type RowList = readonly ExplorerRow[];
