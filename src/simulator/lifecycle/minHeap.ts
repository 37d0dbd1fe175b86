/** A binary min-heap on a numeric key: the lifecycle engine's queue of due transitions. */
export class MinHeap<T> {
  private readonly items: T[] = [];

  constructor(private readonly key: (item: T) => number) {}

  get size(): number {
    return this.items.length;
  }

  push(item: T): void {
    const items = this.items;
    items.push(item);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (this.key(items[parent] as T) <= this.key(item)) break;
      items[index] = items[parent] as T;
      index = parent;
    }
    items[index] = item;
  }

  peek(): T | undefined {
    return this.items[0];
  }

  pop(): T | undefined {
    const items = this.items;
    const top = items[0];
    const last = items.pop();
    if (items.length === 0 || last === undefined) {
      return top;
    }
    let index = 0;
    for (;;) {
      const left = index * 2 + 1;
      const right = left + 1;
      let smallest = index;
      let smallestKey = this.key(last);
      if (left < items.length && this.key(items[left] as T) < smallestKey) {
        smallest = left;
        smallestKey = this.key(items[left] as T);
      }
      if (right < items.length && this.key(items[right] as T) < smallestKey) {
        smallest = right;
      }
      if (smallest === index) break;
      items[index] = items[smallest] as T;
      index = smallest;
    }
    items[index] = last;
    return top;
  }
}
