/** The small helper the per-family catalog files use to declare their entries. */
import {
  type Actor,
  type ObjectKind,
  SEVERITY_COLORS,
  SEVERITY_ICONS,
  type Severity,
  type Stage,
  type StatusInfo,
} from './types';

/** One catalog row as written in a catalog file; icon and colour default from the severity. */
export interface EntrySpec {
  readonly label: string;
  readonly stage: Stage;
  readonly severity: Severity;
  readonly terminal: boolean;
  readonly actor: Actor;
  readonly nextStep: string;
  readonly meaning: string;
  readonly icon?: string;
  readonly color?: string;
  /** Defaults to `dashboard`. */
  readonly labelSource?: 'dashboard' | 'suggested';
  /** Defaults to true. */
  readonly documented?: boolean;
}

/** A complete table for one enum: the compiler rejects a missing or misspelt value. */
export type CatalogSpec<V extends string> = { readonly [K in V]: EntrySpec };

/** Builds frozen StatusInfo rows in the order of `values` (the API's enum order). */
export function buildCatalog<V extends string>(
  kind: ObjectKind,
  values: readonly V[],
  spec: CatalogSpec<V>,
): readonly StatusInfo[] {
  return Object.freeze(
    values.map((value) => {
      const row = spec[value];
      const info: StatusInfo = {
        kind,
        value,
        known: true,
        label: row.label,
        stage: row.stage,
        severity: row.severity,
        terminal: row.terminal,
        actor: row.actor,
        nextStep: row.nextStep,
        icon: row.icon ?? SEVERITY_ICONS[row.severity],
        color: row.color ?? SEVERITY_COLORS[row.severity],
        meaning: row.meaning,
        labelSource: row.labelSource ?? 'dashboard',
        documented: row.documented ?? true,
      };
      return Object.freeze(info);
    }),
  );
}
