/*
 * 32-bit hashing for feature templates. Features are never built as strings in the hot
 * path: a word's properties are hashed once (and cached), then combined with template
 * ids by integer mixing.
 */

/** FNV-1a over UTF-16 code units, finalised with a murmur3 mix. */
export function hashString(s: string): number {
  return hashRange(s, 0, s.length);
}

/** hashString(s.slice(from, to)), without the slice. */
export function hashRange(s: string, from: number, to: number): number {
  let h = FNV_START;
  for (let i = from; i < to; i++) h = fnvStep(h, s.charCodeAt(i));
  return fmix(h);
}

/** FNV-1a, one code unit at a time: hashString(x) is fmix of the steps over x from FNV_START. */
export const FNV_START = 0x811c9dc5;
export const fnvStep = (h: number, code: number): number => Math.imul(h ^ code, 0x01000193);

export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Combines two hashes (order matters). */
export function mix2(a: number, b: number): number {
  return fmix((Math.imul(a, 0x9e3779b1) ^ b) + 0x7f4a7c15);
}

export function mix3(a: number, b: number, c: number): number {
  return mix2(mix2(a, b), c);
}

/**
 * Row of hash h in an open-addressing table of [hash, row + 1] pairs (linear probing,
 * `mask` = slots - 1), or -1 when it is absent.
 */
export function probe(table: Int32Array, mask: number, h: number): number {
  let slot = h & mask;
  for (;;) {
    const v = table[slot * 2 + 1]!;
    if (v === 0) return -1;
    if (table[slot * 2] === h) return v - 1;
    slot = (slot + 1) & mask;
  }
}
