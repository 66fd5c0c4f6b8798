import { probe } from './hash.js';
import { NT } from './tags.js';

/*
 * The weight blocks of all decoding passes merged into one table: every pass scores the same
 * static features, so one probe finds a feature and one contiguous row holds its weights for
 * every pass (zeros where a pass lacks it). Weights stay the stored 16-bit integers
 * (w = q * scale, one scale per block): integer sums are exact in any order, which lets
 * inference regroup and precompute sums freely, and a pass's decisions depend only on
 * comparisons within that pass, where the positive scale changes nothing.
 */

const FILTER_BITS = 21;

export interface IntBlock {
  hashes: Uint32Array;
  q: Int16Array;
}

export class JointWeights {
  readonly passes: number;
  /** Ints per joint row: NT per pass. */
  readonly width: number;
  /** Joint rows: pass p's NT weights at [row * width + p * NT]. */
  readonly q: Int16Array;
  /** Interleaved [key, row + 1] slots; 0 marks an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  /**
   * One bit per value of a hash's top FILTER_BITS bits, set for every known feature. Most
   * probes ask for features no pass kept (word pairs above all); this 256 KiB filter stays
   * in cache and answers most of them without touching the larger table.
   */
  private readonly filter: Int32Array;

  constructor(blocks: readonly IntBlock[]) {
    this.passes = blocks.length;
    this.width = NT * blocks.length;
    // At most two thirds full even when the blocks share no feature, and no bigger: a small
    // table stays in cache (the filter answers most misses anyway).
    const total = blocks.reduce((n, b) => n + b.hashes.length, 0);
    let cap = 2;
    while (cap < total * 1.5) cap <<= 1;
    this.mask = cap - 1;
    const table = (this.table = new Int32Array(cap * 2));
    const filter = (this.filter = new Int32Array(1 << (FILTER_BITS - 5)));
    const width = this.width, mask = this.mask;
    const rowsOf: Int32Array[] = [];
    let rows = 0;
    for (const b of blocks) {
      const to = new Int32Array(b.hashes.length);
      for (let r = 0; r < to.length; r++) {
        const u = b.hashes[r]!, h = u | 0;
        filter[u >>> (32 - FILTER_BITS + 5)]! |= 1 << ((u >>> (32 - FILTER_BITS)) & 31);
        let slot = h & mask;
        while (table[slot * 2 + 1] !== 0 && table[slot * 2] !== h) slot = (slot + 1) & mask;
        if (table[slot * 2 + 1] === 0) {
          table[slot * 2] = h;
          table[slot * 2 + 1] = ++rows;
        }
        to[r] = table[slot * 2 + 1]! - 1;
      }
      rowsOf.push(to);
    }
    const q = (this.q = new Int16Array(rows * width));
    for (let p = 0; p < blocks.length; p++) {
      const to = rowsOf[p]!, from = blocks[p]!.q;
      for (let r = 0; r < to.length; r++) {
        for (let t = 0, at = to[r]! * width + p * NT, f = r * NT; t < NT; t++) q[at + t] = from[f + t]!;
      }
    }
  }

  /** Joint row of a feature hash, -1 when no pass knows it. */
  row(hash: number): number {
    if (!(this.filter[hash >>> (32 - FILTER_BITS + 5)]! & (1 << ((hash >>> (32 - FILTER_BITS)) & 31)))) return -1;
    return probe(this.table, this.mask, hash | 0);
  }
}

/** out[at .. at+n) += q[r * width + from ..] (nothing for r < 0): n = width adds every pass, NT one. */
export function addRow(out: Int32Array, at: number, W: JointWeights, r: number, from: number, n: number): void {
  if (r < 0) return;
  const q = W.q;
  for (let t = 0, b = r * W.width + from; t < n; t++) out[at + t]! += q[b + t]!;
}
