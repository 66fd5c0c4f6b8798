import { probe } from './hash.js';
import { NT } from './tags.js';

/*
 * Feature weights: one row of NT tag scores per feature hash. Inference uses an
 * open-addressing table over typed arrays (no Map lookups in the hot loop).
 */

export interface Weights {
  /** Row index of a feature hash, or -1 when the model does not know it. */
  row(hash: number): number;
  /** Row-major weights, NT per row. */
  readonly w: Float32Array;
}

/** Read-only weights for inference, built from parallel arrays of keys and rows. */
export class FrozenWeights implements Weights {
  /** Interleaved [key, row + 1] slots: one cache line serves both; 0 marks an empty slot. */
  private readonly table: Int32Array;
  private readonly mask: number;
  readonly w: Float32Array;

  constructor(hashes: Uint32Array, w: Float32Array) {
    let cap = 1;
    while (cap < hashes.length * 2) cap <<= 1;
    this.mask = cap - 1;
    this.table = new Int32Array(cap * 2);
    for (let r = 0; r < hashes.length; r++) {
      const h = hashes[r]! | 0;
      let slot = h & this.mask;
      while (this.table[slot * 2 + 1] !== 0) slot = (slot + 1) & this.mask;
      this.table[slot * 2] = h;
      this.table[slot * 2 + 1] = r + 1;
    }
    this.w = w;
  }

  row(hash: number): number {
    return probe(this.table, this.mask, hash | 0);
  }
}

/**
 * Averaged-perceptron weights for training, with lazy averaging: each cell remembers when
 * it last changed so the running sum is brought up to date only when touched.
 */
export class TrainWeights implements Weights {
  private readonly index = new Map<number, number>();
  private hashes: Uint32Array;
  w: Float32Array;
  private total: Float64Array;
  private stamp: Float64Array;
  rows = 0;
  /** Whether unseen hashes get a row (true for tag-history features, decided by the caller). */
  step = 0;

  constructor(capacity = 1 << 16) {
    this.hashes = new Uint32Array(capacity);
    this.w = new Float32Array(capacity * NT);
    this.total = new Float64Array(capacity * NT);
    this.stamp = new Float64Array(capacity * NT);
  }

  row(hash: number): number {
    return this.index.get(hash >>> 0) ?? -1;
  }

  /** Row of a hash, allocating one when new. */
  ensure(hash: number): number {
    const h = hash >>> 0;
    let r = this.index.get(h);
    if (r !== undefined) return r;
    r = this.rows++;
    if (r >= this.hashes.length) this.grow();
    this.hashes[r] = h;
    this.index.set(h, r);
    return r;
  }

  private grow(): void {
    const cap = this.hashes.length * 2;
    const h = new Uint32Array(cap); h.set(this.hashes); this.hashes = h;
    const w = new Float32Array(cap * NT); w.set(this.w); this.w = w;
    const t = new Float64Array(cap * NT); t.set(this.total); this.total = t;
    const s = new Float64Array(cap * NT); s.set(this.stamp); this.stamp = s;
  }

  update(row: number, tag: number, delta: number): void {
    const k = row * NT + tag;
    this.total[k]! += (this.step - this.stamp[k]!) * this.w[k]!;
    this.stamp[k] = this.step;
    this.w[k]! += delta;
  }

  /** Averaged weights, keeping rows with some weight of at least `minAbs`. */
  averaged(minAbs: number): { hashes: Uint32Array; w: Float32Array } {
    const keep: number[] = [];
    const avg = new Float32Array(this.rows * NT);
    const T = Math.max(1, this.step);
    for (let r = 0; r < this.rows; r++) {
      let big = false;
      for (let t = 0; t < NT; t++) {
        const k = r * NT + t;
        const a = (this.total[k]! + (T - this.stamp[k]!) * this.w[k]!) / T;
        avg[k] = a;
        if (Math.abs(a) >= minAbs) big = true;
      }
      if (big) keep.push(r);
    }
    const hashes = new Uint32Array(keep.length);
    const w = new Float32Array(keep.length * NT);
    keep.forEach((r, i) => {
      hashes[i] = this.hashes[r]!;
      w.set(avg.subarray(r * NT, r * NT + NT), i * NT);
    });
    return { hashes, w };
  }
}
