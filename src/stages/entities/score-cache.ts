import { DOMAIN_SALT, offsetHashes, PAD_END, PAD_START, padHashes, type WordInfo } from './features.js';
import { mix2 } from './hash.js';
import { NT } from './tags.js';
import type { Weights } from './weights.js';

/*
 * Inference speed-up: most features depend on one word and its offset from the current
 * token (its lowercase form, shape, affixes, clusters). Their summed weights are computed
 * once per distinct word and offset and reused for every occurrence, so a token costs a
 * handful of additions instead of dozens of hash-table probes. Scores are the same sums as
 * in training, only grouped differently.
 */

const OFFSETS = 5; // -2..2

export class ScoreCache {
  private readonly words = new Map<string, Float32Array>();
  private readonly pads: Float32Array[] = [];
  private readonly tmp: number[] = [];

  constructor(private readonly weights: Weights, private readonly domain: number) {
    for (const pad of [PAD_START, PAD_END]) {
      const v = new Float32Array(OFFSETS * NT);
      for (let o = -2; o <= 2; o++) {
        this.tmp.length = 0;
        padHashes(o, pad, this.tmp);
        this.sum(v, o + 2);
      }
      this.pads.push(v);
    }
  }

  private sum(v: Float32Array, slot: number): void {
    const hs = this.tmp;
    if (this.domain === 1) for (let k = 0, n = hs.length; k < n; k++) hs.push(mix2(hs[k]!, DOMAIN_SALT));
    const w = this.weights.w;
    const base = slot * NT;
    for (const h of hs) {
      const r = this.weights.row(h);
      if (r < 0) continue;
      for (let t = 0, rb = r * NT; t < NT; t++) v[base + t]! += w[rb + t]!;
    }
  }

  /** Per offset o (slot o+2): the weight sums of this word's features when it sits at offset o. */
  word(raw: string, info: WordInfo): Float32Array {
    let v = this.words.get(raw);
    if (v) return v;
    v = new Float32Array(OFFSETS * NT);
    for (let o = -2; o <= 2; o++) {
      this.tmp.length = 0;
      offsetHashes(info, o, this.tmp);
      this.sum(v, o + 2);
    }
    if (this.words.size > 200_000) this.words.clear();
    this.words.set(raw, v);
    return v;
  }

  /**
   * Base scores (NT per token) of a document: the offset features of each token's
   * window, sentence by sentence.
   */
  base(words: readonly string[], infos: readonly WordInfo[], sentenceOf: Uint32Array): Float32Array {
    const n = infos.length;
    const out = new Float32Array(n * NT);
    let s = 0;
    while (s < n) {
      let e = s + 1;
      while (e < n && sentenceOf[e] === sentenceOf[s]) e++;
      for (let j = s; j < e; j++) {
        const v = this.word(words[j]!, infos[j]!);
        // Word j is at offset o from token i = j - o.
        for (let o = -2; o <= 2; o++) {
          const i = j - o;
          if (i < s || i >= e) continue;
          addSlot(out, i * NT, v, (o + 2) * NT);
        }
      }
      // Window positions beyond the sentence edges.
      const start = this.pads[0]!, end = this.pads[1]!;
      for (let i = s; i < e; i++) {
        for (let o = -2; o <= 2; o++) {
          const j = i + o;
          if (j < s) addSlot(out, i * NT, start, (o + 2) * NT);
          else if (j >= e) addSlot(out, i * NT, end, (o + 2) * NT);
        }
      }
      s = e;
    }
    return out;
  }
}

function addSlot(out: Float32Array, at: number, v: Float32Array, from: number): void {
  for (let t = 0; t < NT; t++) out[at + t]! += v[from + t]!;
}
