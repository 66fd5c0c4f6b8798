import { DynamicTables } from './dynamic-features.js';
import { caseHashes, DOMAIN_SALT, offsetHashes, PAD_END, PAD_START, padHashes, type DocFeatures, type WordInfo } from './features.js';
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

/** Marks an offset whose features sum to a vector (kind in Slots). */
const VECTOR = -2;

/**
 * A word's sums per offset o (index o+2), packed (packed.ts): kind -1, no feature the model
 * knows; a row r >= 0, that single joint row; VECTOR, the sum at v[(o+2) * width]. Rare
 * words mostly know one feature or none at the outer offsets: reading a row, or nothing,
 * touches less memory than a vector.
 */
interface Slots {
  readonly kind: Int32Array;
  readonly v: Float64Array;
}

/** What the cache keeps per distinct word. */
interface WordScores {
  /** Sums of this word's features when it sits at each offset from a token. */
  readonly slots: Slots;
  /** The same in a headline, made when first needed (headlines are rare). */
  head?: Slots;
}

/** A document's static scores. */
export interface DocScores {
  /** Per token, packed (packed.ts): the sums of every tag-independent feature of the token. */
  readonly stat: Float64Array;
}

/** Per-word sums for all passes of one model under one annotation convention. */
export class ScoreCache {
  /** Keyed by WordInfo.id: a number key spares hashing the token string at every occurrence. */
  private readonly words = new Map<number, WordScores>();
  /** The slots of the positions beyond the sentence start, then end. */
  private readonly pads: Float64Array;
  private readonly width: number;
  private readonly tmp: number[] = [];
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

  /** Adds the joint rows of the hashes in tmp (and their twins) at v[at ..]; returns the kind (see Slots). */
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

  /** Sums of a word's features at each offset, in a headline or not. */
  private slots(info: WordInfo, head: boolean): Slots {
    const v = new Float64Array(OFFSETS * this.width);
    const kind = new Int32Array(OFFSETS);
    for (let o = -2; o <= 2; o++) {
      this.tmp.length = 0;
      offsetHashes(info, o, this.tmp);
      caseHashes(info, o, head, this.tmp);
      kind[o + 2] = this.sum(v, (o + 2) * this.width);
    }
    return { kind, v };
  }

  private word(info: WordInfo): WordScores {
    let e = this.words.get(info.id);
    if (e) return e;
    e = { slots: this.slots(info, false), head: undefined };
    // Bounded: a long-running process sees an open vocabulary.
    if (this.words.size > 200_000) this.words.clear();
    this.words.set(info.id, e);
    return e;
  }

  /**
   * Static scores of a document for every pass: the cached offset features of each token's
   * window, sentence by sentence, plus the context features `f` holds (one probe for all passes).
   */
  doc(f: DocFeatures): DocScores {
    const n = f.infos.length, W = this.weights, width = this.width;
    const words = f.infos.map((x) => this.word(x));
    const stat = new Float64Array(n * width);
    const pads = this.pads;
    let s = 0;
    while (s < n) {
      let e = s + 1;
      while (e < n && f.sentenceOf[e] === f.sentenceOf[s]) e++;
      const head = f.headline?.[f.sentenceOf[s]!] === 1;
      // Word by word: each word's sums are read once, in order, for the five tokens they reach.
      for (let j = s; j < e; j++) {
        const w = words[j]!;
        const { kind, v } = head ? (w.head ??= this.slots(f.infos[j]!, true)) : w.slots;
        // Word j is at offset o from token i = j - o.
        for (let o = -2; o <= 2; o++) {
          const i = j - o;
          if (i < s || i >= e) continue;
          const k = kind[o + 2]!;
          if (k === VECTOR) addSlot(stat, i * width, v, (o + 2) * width, width);
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
