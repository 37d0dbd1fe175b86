import type { ApiObject } from '../model';

/** Objects of one kind in one zone: kept in scenario order for paging, indexed by id for lookups. */
export class Collection<T extends ApiObject> {
  private readonly items: T[] = [];
  private readonly byId = new Map<string, T>();

  constructor(initial: readonly T[] = []) {
    initial.forEach((item) => this.add(item));
  }

  add(item: T): void {
    this.items.push(item);
    this.byId.set(item.id, item);
  }

  get(id: string): T | undefined {
    return this.byId.get(id);
  }

  all(): readonly T[] {
    return this.items;
  }

  get size(): number {
    return this.items.length;
  }
}
