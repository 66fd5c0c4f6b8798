/*
 * 32-bit hashing for feature templates. Features are never built as strings in the hot
 * path: a word's properties are hashed once (and cached), then combined with template
 * ids by integer mixing.
 */

/** FNV-1a over UTF-16 code units, finalised with a murmur3 mix. */
export function hashString(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return fmix(h);
}

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
