import { DynamicTables } from './dynamic-features.js';
import { caseHashes, DOMAIN_SALT, memoSlot, offsetHashes, PAD_END, PAD_START, padHashes, type DocFeatures, type WordInfo } from './features.js';
import { mix2 } from './hash.js';
import type { JointWeights } from './joint-weights.js';
import { addPackedRow, packedWidth } from './packed.js';
import { NT } from './tags.js';

/*
 * Inference speed-up: most features depend on one word and its offset from the current
 * token (its lowercase form, shape, affixes, clusters). Their summed weights are computed
 * once per distinct word and offset and reused for every occurrence, so a token costs a
 * handful of additions instead of dozens of hash-table probes. The sums are integers
 * (joint-weights.ts), so regrouping them leaves every score exactly as the full feature set
 * gives; two passes' sums travel packed in one float64 (packed.ts).
 */

const OFFSETS = 5; // -2..2

/** Marks an offset whose features sum to a vector (see slots()). */
const VECTOR = -2;

/** A document's static scores: valid until the cache's next doc() call (the buffer is reused). */
export interface DocScores {
  /** Per token, packed (packed.ts): the sums of every tag-independent feature of the token. */
  readonly stat: Float64Array;
}

/** Per-word sums for all passes of one model under one annotation convention. */
export class ScoreCache {
  /** Index of this cache's data in WordInfo.memo. */
  private readonly index = memoSlot();
  /** Slots of words in headlines (rare), by WordInfo.id. */
  private readonly heads = new Map<number, Float64Array>();
  /** The slots of the positions beyond the sentence start, then end. */
  private readonly pads: Float64Array;
  private readonly width: number;
  private readonly tmp: number[] = [];
  /** Reused for every document: a fresh array per document would be garbage the size of the text. */
  private buf = new Float64Array(0);
  /** Per pass. */
  readonly dynamic: readonly DynamicTables[];

  constructor(private readonly weights: JointWeights, private readonly domain: number) {
    this.dynamic = Array.from({ length: weights.passes }, (_, p) => new DynamicTables(weights, p, domain));
    this.width = packedWidth(weights.passes);
    this.pads = new Float64Array(2 * OFFSETS * this.width);
    [PAD_START, PAD_END].forEach((pad, k) => {
      for (let o = -2; o <= 2; o++) {
        this.tmp.length = 0;
        padHashes(o, pad, this.tmp);
        this.sum(this.pads, (k * OFFSETS + o + 2) * this.width);
      }
    });
  }

  /** Adds the joint rows of the hashes in tmp (and their twins) at v[at ..]; returns what slots() keeps per offset. */
  private sum(v: Float64Array, at: number): number {
    const hs = this.tmp;
    if (this.domain === 1) for (let k = 0, n = hs.length; k < n; k++) hs.push(mix2(hs[k]!, DOMAIN_SALT));
    const W = this.weights;
    let kind = -1;
    for (const h of hs) {
      const r = W.row(h);
      if (r < 0) continue;
      addPackedRow(v, at, W, r);
      kind = kind === -1 ? r : VECTOR;
    }
    return kind;
  }

  /**
   * Sums of a word's features at each offset o from a token, in a headline or not, packed
   * (packed.ts), in one array so that a token's window touches little memory: entry o+2 is
   * -1 when the model knows none of them, a joint row r >= 0 when it knows just that one
   * (rare words, mostly, at the outer offsets), VECTOR when their sum is at
   * OFFSETS + (o+2) * width.
   */
  private slots(info: WordInfo, head: boolean): Float64Array {
    const v = new Float64Array(OFFSETS + OFFSETS * this.width);
    for (let o = -2; o <= 2; o++) {
      this.tmp.length = 0;
      offsetHashes(info, o, this.tmp);
      caseHashes(info, o, head, this.tmp);
      v[o + 2] = this.sum(v, OFFSETS + (o + 2) * this.width);
    }
    return v;
  }

  private word(info: WordInfo, head: boolean): Float64Array {
    if (!head) return ((info.memo[this.index] as Float64Array | undefined) ??= this.slots(info, false));
    let v = this.heads.get(info.id);
    if (!v) {
      // Bounded: a long-running process sees an open vocabulary.
      if (this.heads.size > 50_000) this.heads.clear();
      this.heads.set(info.id, (v = this.slots(info, true)));
    }
    return v;
  }

  /**
   * Static scores of a document for every pass: the cached offset features of each token's
   * window, sentence by sentence, plus the context features `f` holds (one probe for all passes).
   */
  doc(f: DocFeatures): DocScores {
    const n = f.infos.length, W = this.weights, width = this.width;
    if (this.buf.length < n * width) this.buf = new Float64Array(Math.max(n * width, 2 * this.buf.length));
    const stat = this.buf;
    stat.fill(0, 0, n * width);
    const pads = this.pads;
    let s = 0;
    while (s < n) {
      let e = s + 1;
      while (e < n && f.sentenceOf[e] === f.sentenceOf[s]) e++;
      const head = f.headline?.[f.sentenceOf[s]!] === 1;
      // Word by word: each word's sums are read once, in order, for the five tokens they reach.
      for (let j = s; j < e; j++) {
        const v = this.word(f.infos[j]!, head);
        // Word j is at offset o from token i = j - o.
        for (let o = -2; o <= 2; o++) {
          const i = j - o;
          if (i < s || i >= e) continue;
          const k = v[o + 2]!;
          if (k === VECTOR) addSlot(stat, i * width, v, OFFSETS + (o + 2) * width, width);
          else addPackedRow(stat, i * width, W, k);
        }
      }
      // Window positions beyond the sentence edges.
      for (let i = s; i < e; i++) {
        for (let o = -2; o <= 2; o++) {
          const j = i + o;
          if (j < s) addSlot(stat, i * width, pads, (o + 2) * width, width);
          else if (j >= e) addSlot(stat, i * width, pads, (OFFSETS + o + 2) * width, width);
        }
        for (let k = f.offsets[i]!, ke = f.offsets[i + 1]!; k < ke; k++) addPackedRow(stat, i * width, W, W.row(f.feats[k]!));
      }
      s = e;
    }
    return { stat };
  }
}

function addSlot(out: Float64Array, at: number, v: Float64Array, from: number, n: number): void {
  for (let t = 0; t < n; t++) out[at + t]! += v[from + t]!;
}
