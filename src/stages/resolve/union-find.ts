const NO_LABELS: ReadonlySet<string> = new Set();

/** Disjoint sets over mention indices; the earlier mention stays the root so groups keep document order. */
export class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  private labels: Map<number, Set<string>> | undefined;

  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    const [root, joined] = ra < rb ? [ra, rb] : [rb, ra];
    this.parent[joined] = root;
    const moved = this.labels?.get(joined);
    if (moved) {
      this.labels!.delete(joined);
      const kept = this.labels!.get(root);
      if (!kept) this.labels!.set(root, moved);
      // The smaller set goes into the larger, so each label moves O(log n) times at most.
      else if (kept.size >= moved.size) for (const l of moved) kept.add(l);
      else {
        for (const l of kept) moved.add(l);
        this.labels!.set(root, moved);
      }
    }
  }

  /**
   * Gives items labels (once; later calls are ignored): each group then knows its members'
   * distinct labels, kept through unions, without a walk over all items.
   */
  label(items: () => Iterable<readonly [number, string]>): void {
    if (this.labels) return;
    this.labels = new Map();
    for (const [i, l] of items()) {
      const r = this.find(i);
      let set = this.labels.get(r);
      if (!set) this.labels.set(r, (set = new Set()));
      set.add(l);
    }
  }

  /** The labels of the members of `i`'s group (none before `label`). */
  labelsOf(i: number): ReadonlySet<string> {
    return this.labels?.get(this.find(i)) ?? NO_LABELS;
  }
}
