import type { ExpiryThresholds } from '../domain/expiry';
import { objectHealth, type CertificateKind, type CertificateObject, type HealthContext, type JudgedObject, type ObjectHealth } from '../domain/objectHealth';
import type { AccountState, ZoneState } from './explorerState';
import { zoneObjectFilter, zoneShows, type ObjectPredicate } from './filter';
import { valueOf } from './loadable';
import type { GroupKind } from './nodes';
import { zoneSeverity, type SeverityRollup } from './severityRollup';
import { statusGroupOf, type StatusGroupKind } from './statusGroups';
import { defaultViewOptions, isFiltering, type ViewOptions } from './viewOptions';
import { knownHostnames } from './problemListing';
import { allGroups, groupObjects } from './zoneObjects';

/** What a snapshot is judged with besides the model's data: the clock, the thresholds and the user's view options. */
export interface SnapshotInputs {
  readonly now: number;
  readonly thresholds: ExpiryThresholds;
  /** The filter and grouping; absent: everything, by zone. */
  readonly view?: ViewOptions;
}

/** Judges one object; every reader of a snapshot asks this, so icons, counts, groups and filter agree. */
export type Judge = (item: JudgedObject) => ObjectHealth;

/** One loaded object with its zone and health, as the status grouping lists it. */
export interface PlacedObject {
  readonly item: CertificateObject;
  readonly zone: ZoneState;
  readonly health: ObjectHealth;
}

/** A zone as one snapshot shows it: its objects by group, judged once, and what the filter keeps. */
export interface ZoneView {
  readonly state: ZoneState;
  /** Every object known, by group: for custom hostnames the loaded pages and the problem listing, each hostname once (`knownHostnames`). */
  readonly objects: Readonly<Record<GroupKind, readonly CertificateObject[]>>;
  /** The worst status in the zone and how many need action; undefined until its certificates are loaded. */
  readonly rollup: SeverityRollup | undefined;
  /** The filter, object by object. */
  readonly keep: ObjectPredicate;
  /**
   * The objects the view lists, by group, as the filter keeps them (the same arrays as
   * `objects` when nothing is filtered) — except that a zone's paged custom hostnames,
   * grouped by zone without "problems only", are the loaded pages in the API's order,
   * which "Load more" extends.
   */
  readonly kept: Readonly<Record<GroupKind, readonly CertificateObject[]>>;
  /** Whether a filtered view shows the zone at all. */
  readonly shows: boolean;
  readonly judge: Judge;
  /** The loaded object of that kind and id, if the zone holds it. */
  find(kind: CertificateKind, id: string): CertificateObject | undefined;
}

/** One account as one snapshot shows it. Built once per change (and per minute, view or threshold change); never changed after. */
export interface AccountSnapshot {
  /** A frozen copy of the account's state at the change. */
  readonly state: AccountState;
  readonly zones: ReadonlyMap<string, ZoneView>;
  /** The objects the filter keeps, by status group (built on first use). */
  buckets(): ReadonlyMap<StatusGroupKind, readonly PlacedObject[]>;
}

/**
 * What the explorer shows at one moment, for every reader: the tree's children and items,
 * the summary (badge, message, status bar) and the panels. The model publishes a new one
 * after each change; nothing in it changes afterwards.
 */
export class ExplorerSnapshot implements HealthContext {
  readonly now: number;
  readonly thresholds: ExpiryThresholds;
  readonly view: ViewOptions;
  private readonly byKey: ReadonlyMap<string, AccountSnapshot>;

  constructor(
    private readonly ordered: readonly AccountSnapshot[],
    inputs: SnapshotInputs,
  ) {
    this.now = inputs.now;
    this.thresholds = inputs.thresholds;
    this.view = inputs.view ?? defaultViewOptions;
    this.byKey = new Map(ordered.map((account) => [account.state.profile.key, account]));
  }

  /** The accounts in display order. */
  accounts(): readonly AccountState[] {
    return this.ordered.map((account) => account.state);
  }

  account(key: string): AccountState | undefined {
    return this.byKey.get(key)?.state;
  }

  zone(accountKey: string, zoneId: string): ZoneState | undefined {
    return this.byKey.get(accountKey)?.state.zoneStates.get(zoneId);
  }

  accountView(key: string): AccountSnapshot | undefined {
    return this.byKey.get(key);
  }

  zoneView(accountKey: string, zoneId: string): ZoneView | undefined {
    return this.byKey.get(accountKey)?.zones.get(zoneId);
  }

  /** The health of an object of a zone, as judged once for this snapshot. */
  health(accountKey: string, zoneId: string, item: JudgedObject): ObjectHealth {
    return this.zoneView(accountKey, zoneId)?.judge(item) ?? objectHealth(item, this);
  }

  /** The loaded copy of an object, or undefined when it is not loaded (or gone). */
  find(ref: { readonly account: string; readonly zone: string; readonly kind: CertificateKind; readonly id: string }): CertificateObject | undefined {
    return this.zoneView(ref.account, ref.zone)?.find(ref.kind, ref.id);
  }
}

/** A snapshot of these states alone, built afresh: for tests that draw a tree from literal states. */
export function snapshotOf(accounts: readonly AccountState[], inputs: SnapshotInputs): ExplorerSnapshot {
  return new ExplorerSnapshot(
    accounts.map((state) => new AccountSnapshotBuilder().build(state, inputs)),
    inputs,
  );
}

/** What decides a zone view besides the zone's state: it is rebuilt only when one of them changes. */
function inputsKey(inputs: SnapshotInputs): string {
  const view = inputs.view ?? defaultViewOptions;
  return JSON.stringify([Math.floor(inputs.now / 60_000), inputs.thresholds.warningDays, inputs.thresholds.criticalDays, view.text, view.problemsOnly, view.groupBy]);
}

/** What health depends on besides the object: expiry moves in whole days, so a minute-old answer is as good as a new one. */
function healthKey(inputs: SnapshotInputs): string {
  return JSON.stringify([Math.floor(inputs.now / 60_000), inputs.thresholds.warningDays, inputs.thresholds.criticalDays]);
}

interface BuiltZone {
  readonly view: ZoneView;
  readonly inputs: string;
  readonly healthInputs: string;
  /** Health by API object, for the next build to reuse for objects a change left alone. */
  readonly health: ReadonlyMap<object, ObjectHealth>;
}

/**
 * Builds account snapshots, reusing from the previous one every zone whose state did not
 * change, and the health of every API object that did not: a refresh of one hostname
 * among 20,000 judges one object, not 20,000.
 */
export class AccountSnapshotBuilder {
  private zones = new Map<string, BuiltZone>();

  build(state: AccountState, inputs: SnapshotInputs): AccountSnapshot {
    const key = inputsKey(inputs);
    const healthInputs = healthKey(inputs);
    const view = inputs.view ?? defaultViewOptions;
    const next = new Map<string, BuiltZone>();
    for (const [id, zone] of state.zoneStates) {
      const previous = this.zones.get(id);
      if (previous !== undefined && previous.view.state === zone && previous.inputs === key) {
        next.set(id, previous);
        continue;
      }
      const reuse = previous !== undefined && previous.healthInputs === healthInputs ? previous.health : undefined;
      next.set(id, buildZone(zone, inputs, view, key, healthInputs, reuse));
    }
    this.zones = next;
    const frozen: AccountState = Object.freeze({ ...state, zoneStates: new Map(state.zoneStates) });
    const zones = new Map([...next].map(([id, built]) => [id, built.view]));
    let buckets: ReadonlyMap<StatusGroupKind, readonly PlacedObject[]> | undefined;
    return Object.freeze({ state: frozen, zones, buckets: () => (buckets ??= collectBuckets(zones)) });
  }
}

function buildZone(zone: ZoneState, inputs: SnapshotInputs, view: ViewOptions, key: string, healthInputs: string, reuse: ReadonlyMap<object, ObjectHealth> | undefined): BuiltZone {
  const health = new Map<object, ObjectHealth>();
  const judge: Judge = (item) => {
    const known = health.get(item.object);
    if (known !== undefined) return known;
    const judged = reuse?.get(item.object) ?? objectHealth(item, inputs);
    health.set(item.object, judged);
    return judged;
  };
  const known = knownHostnames(zone);
  const pages = valueOf(zone.hostnames)?.items ?? [];
  const hostnames = known.map((object): CertificateObject => ({ kind: 'customHostname', object }));
  const objects = byGroup((group) => (group === 'customHostnames' ? hostnames : groupObjects(zone, group)));
  // The problem listing adds to the rows only where problems are asked for, or where the status groups gather everything.
  const listed = known === pages || view.problemsOnly || view.groupBy === 'status' ? hostnames : groupObjects(zone, 'customHostnames');
  // By kind, then by the API's own id string: no key is built per object.
  const byId = new Map<CertificateKind, Map<string, CertificateObject>>();
  for (const group of allGroups) {
    for (const item of objects[group]) {
      judge(item);
      let ofKind = byId.get(item.kind);
      if (ofKind === undefined) byId.set(item.kind, (ofKind = new Map<string, CertificateObject>()));
      ofKind.set(item.object.id, item);
    }
  }
  const keep = zoneObjectFilter(view, zone.zone.name, judge);
  const rows = (group: GroupKind): readonly CertificateObject[] => (group === 'customHostnames' ? listed : objects[group]);
  const kept = isFiltering(view) ? byGroup((group) => rows(group).filter(keep)) : listed === hostnames ? objects : byGroup(rows);
  const shows = zoneShows(zone, view, judge, kept);
  const zoneView: ZoneView = Object.freeze({
    state: zone,
    objects,
    rollup: zoneSeverity(zone, objects, judge),
    keep,
    kept,
    shows,
    judge,
    find: (kind: CertificateKind, id: string) => byId.get(kind)?.get(id),
  });
  return { view: zoneView, inputs: key, healthInputs, health };
}

function byGroup(of: (group: GroupKind) => readonly CertificateObject[]): Readonly<Record<GroupKind, readonly CertificateObject[]>> {
  return { edgeCertificates: of('edgeCertificates'), customCertificates: of('customCertificates'), customHostnames: of('customHostnames'), clientCertificates: of('clientCertificates') };
}

function collectBuckets(zones: ReadonlyMap<string, ZoneView>): Map<StatusGroupKind, PlacedObject[]> {
  const buckets = new Map<StatusGroupKind, PlacedObject[]>();
  for (const zone of zones.values()) {
    if (valueOf(zone.state.details) === undefined) continue;
    for (const group of allGroups) {
      for (const item of zone.kept[group]) {
        const health = zone.judge(item);
        const kind = statusGroupOf(health);
        const bucket = buckets.get(kind);
        if (bucket === undefined) buckets.set(kind, [{ item, zone: zone.state, health }]);
        else bucket.push({ item, zone: zone.state, health });
      }
    }
  }
  return buckets;
}

