/**
 * Counts row ids read from packed lists (32-bit big-endian, as doc_facets keeps a document's
 * entities) in an array indexed by id, kept between calls and cleared after each: a search's
 * facets count thousands of ids, which a Map hashes one by one.
 */
export class IdCounts {
  private counts = new Int32Array(1 << 12);
  private readonly seen: number[] = [];

  /** Counts each id of a packed list once, but `skip`. */
  add(packed: Uint8Array, skip = -1): void {
    const view = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
    for (let k = 0; k + 4 <= packed.byteLength; k += 4) {
      const id = view.getUint32(k);
      if (id === skip) continue;
      if (id >= this.counts.length) this.grow(id);
      if (this.counts[id]++ === 0) this.seen.push(id);
    }
  }

  /** Every id counted, with its count; the counts start again from zero. */
  take(): [id: number, count: number][] {
    return this.takeTop(Infinity);
  }

  /**
   * The ids counted at least as often as the k-th most counted one (ties included), with their
   * counts; the counts start again from zero. Found from a histogram of the counts, so a list of
   * thousands of ids is not sorted to keep a few.
   */
  takeTop(k: number): [id: number, count: number][] {
    let max = 0;
    for (const id of this.seen) max = Math.max(max, this.counts[id]!);
    const hist = new Int32Array(max + 1);
    for (const id of this.seen) hist[this.counts[id]!]!++;
    let least = max + 1, above = 0;
    while (least > 1 && above < k) above += hist[--least]!;
    const out: [number, number][] = [];
    for (const id of this.seen) {
      if (this.counts[id]! >= least) out.push([id, this.counts[id]!]);
      this.counts[id] = 0;
    }
    this.seen.length = 0;
    return out;
  }

  private grow(id: number): void {
    let size = this.counts.length;
    while (size <= id) size *= 2;
    const next = new Int32Array(size);
    next.set(this.counts);
    this.counts = next;
  }
}
