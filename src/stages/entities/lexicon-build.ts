import { Casing, casing } from './shape.js';
import { lowerForm, type DocTokens } from './features.js';
import type { LexiconData } from './lexicon-map.js';

/*
 * Builds the lexicon from tokenised unlabelled documents:
 * - case class: how often a word is capitalised where casing is informative (mid-sentence,
 *   outside headlines) — it tells "Apple" from "Bank" at a sentence start or in a headline;
 * - distributional clusters: each frequent word is described by its left and right
 *   neighbours, projected to a small dense vector, and grouped by k-means at two
 *   granularities (seeded, deterministic).
 */

export interface LexiconOptions {
  minCount: number;
  clusterLevels: readonly number[];
  dims: number;
  iterations: number;
  seed: number;
}

export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates shuffle driven by a seeded generator, so training order is reproducible. */
export function shuffleInPlace<T>(xs: T[], rnd: () => number): void {
  for (let i = xs.length - 1; i > 0; i--) {
    const k = Math.floor(rnd() * (i + 1));
    [xs[i], xs[k]] = [xs[k]!, xs[i]!];
  }
}

export function buildLexicon(docs: readonly DocTokens[], opts: LexiconOptions, log: (s: string) => void = () => {}): LexiconData {
  const count = new Map<string, number>();
  const capCount = new Map<string, number>();
  const lowCount = new Map<string, number>();
  for (const d of docs) {
    for (const [s, e] of d.sentences) {
      for (let i = s; i < e; i++) {
        const w = d.words[i]!;
        const l = lowerForm(w);
        count.set(l, (count.get(l) ?? 0) + 1);
        if (i === s) continue;
        const c = casing(w);
        if (c === Casing.Lower) lowCount.set(l, (lowCount.get(l) ?? 0) + 1);
        else if (c === Casing.Title || c === Casing.Mixed) capCount.set(l, (capCount.get(l) ?? 0) + 1);
      }
    }
  }
  const vocab = [...count.entries()].filter(([w, c]) => c >= opts.minCount && /\p{L}/u.test(w)).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([w]) => w);
  const index = new Map(vocab.map((w, i) => [w, i]));
  log(`lexicon: ${vocab.length} words with count >= ${opts.minCount}`);

  const caseClass = vocab.map((w) => {
    const cap = capCount.get(w) ?? 0, low = lowCount.get(w) ?? 0;
    if (cap + low < 2) return 0;
    const r = cap / (cap + low);
    return r < 0.05 ? 1 : r < 0.3 ? 2 : r < 0.7 ? 3 : r < 0.95 ? 4 : 5;
  });

  // Context vectors: neighbour words (the most frequent 1000) on each side, random-projected.
  const nCtx = Math.min(1000, vocab.length);
  const rnd = mulberry32(opts.seed);
  const D = opts.dims;
  const proj = new Float32Array(2 * nCtx * D);
  for (let i = 0; i < proj.length; i++) proj[i] = rnd() < 0.5 ? -1 : 1;
  const vec = new Float32Array(vocab.length * D);
  const ctxId = (w: string | undefined) => {
    if (w === undefined) return -1;
    const i = index.get(lowerForm(w));
    return i !== undefined && i < nCtx ? i : -1;
  };
  for (const d of docs) {
    for (const [s, e] of d.sentences) {
      for (let i = s; i < e; i++) {
        const wi = index.get(lowerForm(d.words[i]!));
        if (wi === undefined) continue;
        const l = i > s ? ctxId(d.words[i - 1]) : -1;
        const r = i + 1 < e ? ctxId(d.words[i + 1]) : -1;
        const base = wi * D;
        if (l >= 0) for (let k = 0, p = l * D; k < D; k++) vec[base + k]! += proj[p + k]!;
        if (r >= 0) for (let k = 0, p = (nCtx + r) * D; k < D; k++) vec[base + k]! += proj[p + k]!;
      }
    }
  }
  for (let i = 0; i < vocab.length; i++) {
    let n = 0;
    for (let k = 0; k < D; k++) n += vec[i * D + k]! ** 2;
    n = Math.sqrt(n) || 1;
    for (let k = 0; k < D; k++) vec[i * D + k]! /= n;
  }
  const levels = opts.clusterLevels;
  const clusters = new Array<number>(vocab.length * levels.length).fill(-1);
  levels.forEach((K, li) => {
    const assign = kmeans(vec, vocab.length, D, K, opts.iterations, mulberry32(opts.seed + li + 1));
    for (let i = 0; i < vocab.length; i++) clusters[i * levels.length + li] = assign[i]!;
    log(`lexicon: k-means with ${K} clusters done`);
  });
  return { words: vocab.join('\n'), levels: levels.length, clusters, caseClass };
}

/** Spherical k-means (cosine), seeded from random words. */
function kmeans(vec: Float32Array, n: number, D: number, K: number, iters: number, rnd: () => number): Int32Array {
  const cent = new Float32Array(K * D);
  for (let k = 0; k < K; k++) {
    const i = Math.floor(rnd() * n);
    cent.set(vec.subarray(i * D, i * D + D), k * D);
  }
  const assign = new Int32Array(n);
  for (let it = 0; it < iters; it++) {
    for (let i = 0; i < n; i++) {
      let best = 0, bs = -Infinity;
      for (let k = 0; k < K; k++) {
        let s = 0;
        for (let d = 0, a = i * D, b = k * D; d < D; d++) s += vec[a + d]! * cent[b + d]!;
        if (s > bs) { bs = s; best = k; }
      }
      assign[i] = best;
    }
    cent.fill(0);
    for (let i = 0; i < n; i++) for (let d = 0; d < D; d++) cent[assign[i]! * D + d]! += vec[i * D + d]!;
    for (let k = 0; k < K; k++) {
      let nn = 0;
      for (let d = 0; d < D; d++) nn += cent[k * D + d]! ** 2;
      nn = Math.sqrt(nn);
      if (nn === 0) {
        const i = Math.floor(rnd() * n);
        cent.set(vec.subarray(i * D, i * D + D), k * D);
      } else for (let d = 0; d < D; d++) cent[k * D + d]! /= nn;
    }
  }
  return assign;
}
