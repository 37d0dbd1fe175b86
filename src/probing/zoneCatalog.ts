import type { ZoneInventory } from '../cloudflare';
import type { ExplorerModel } from '../explorer/explorerModel';
import type { ZoneState } from '../explorer/explorerState';
import { valueOf } from '../explorer/loadable';
import type { CertificateObject } from '../domain/objectHealth';
import type { ObjectRef } from '../domain/objectRef';
import { allGroups, groupObjects } from '../explorer/zoneObjects';

/** One certificate object with the reference results are recorded under. */
export interface CatalogEntry {
  readonly ref: ObjectRef;
  readonly item: CertificateObject;
}

/** What the probe planner needs of one zone: plain data, so planning is tested without a model. */
export interface ZoneCatalog {
  readonly account: string;
  readonly zone: string;
  readonly zoneName: string;
  /** The loaded certificate objects (custom hostnames: the pages loaded). */
  readonly entries: readonly CatalogEntry[];
  /** The SaaS zone's fallback origin, where custom hostnames' traffic goes before their own DNS does. */
  readonly fallbackOrigin?: string;
}

export function catalogOf(account: string, state: ZoneState): ZoneCatalog {
  const entries = allGroups.flatMap((group) => groupObjects(state, group)).map((item) => ({ ref: { account, zone: state.zone.id, kind: item.kind, id: item.object.id }, item }));
  const origin = valueOf(state.details)?.fallbackOrigin?.origin;
  return { account, zone: state.zone.id, zoneName: state.zone.name, entries, ...(origin ? { fallbackOrigin: origin } : {}) };
}

/**
 * A zone as `cfcerts` gathers it (every page of every collection), seen the way the
 * explorer sees a loaded zone, so `cfcerts probe --zone` plans exactly what "Probe All in
 * Zone" plans.
 */
export function inventoryCatalog(account: string, inventory: ZoneInventory): ZoneCatalog {
  const hostnames = inventory.customHostnames ?? [];
  const state: ZoneState = {
    zone: inventory.zone,
    details: {
      status: 'ready',
      at: 0,
      value: {
        ...(inventory.certificatePacks === undefined ? {} : { certificatePacks: inventory.certificatePacks }),
        ...(inventory.customCertificates === undefined ? {} : { customCertificates: inventory.customCertificates }),
        ...(inventory.clientCertificates === undefined ? {} : { clientCertificates: inventory.clientCertificates }),
        ...(inventory.fallbackOrigin === undefined ? {} : { fallbackOrigin: inventory.fallbackOrigin }),
        errors: [],
      },
    },
    hostnames: { status: 'ready', at: 0, value: { items: hostnames, total: hostnames.length, pagesLoaded: 1, totalPages: 1 } },
  };
  return catalogOf(account, state);
}

export function zoneCatalog(model: ExplorerModel, account: string, zone: string): ZoneCatalog | undefined {
  const state = model.zone(account, zone);
  return state === undefined ? undefined : catalogOf(account, state);
}

/** Every loaded zone of every account: where a hostname typed by hand is looked up. */
export function loadedCatalogs(model: ExplorerModel): ZoneCatalog[] {
  return model.accounts().flatMap((account) => [...account.zoneStates.values()].map((state) => catalogOf(account.profile.key, state)));
}
