/**
 * A cache that keeps what was used recently and forgets the rest: entries live in a young and an
 * old generation; a hit in the old one moves the entry to the young, and when the young is full
 * the old is dropped whole. Between `capacity` and twice that many entries stay, at the cost of
 * a map lookup or two: the names and entities one document needs are, mostly, those the
 * documents before it needed, and a strict LRU's reordering on every hit costs more than it saves.
 */
export class Lru<K, V> {
  private young = new Map<K, V>();
  private old = new Map<K, V>();

  constructor(readonly capacity: number) {}

  get size(): number {
    return this.young.size + this.old.size;
  }

  get(key: K): V | undefined {
    const hit = this.young.get(key);
    if (hit !== undefined) return hit;
    const aged = this.old.get(key);
    if (aged !== undefined) {
      this.old.delete(key);
      this.put(key, aged);
    }
    return aged;
  }

  set(key: K, value: V): void {
    this.old.delete(key);
    this.put(key, value);
  }

  /** Changes a kept number by `delta` (a key not kept stays so). */
  add(this: Lru<K, number>, key: K, delta: number): void {
    const n = this.young.get(key);
    if (n !== undefined) this.young.set(key, n + delta);
    else if (this.old.has(key)) this.set(key, this.old.get(key)! + delta);
  }

  delete(key: K): boolean {
    return this.young.delete(key) || this.old.delete(key);
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }

  private put(key: K, value: V): void {
    if (!this.young.has(key) && this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }
}
