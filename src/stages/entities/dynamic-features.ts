import { NO_TAG, OwnFeature, ownHash } from './aggregate.js';
import { DOMAIN_SALT, type WordInfo } from './features.js';
import { mix2, mix3 } from './hash.js';
import { NC, NT } from './tags.js';
import { addRow, type JointWeights } from './joint-weights.js';

/*
 * Tag-history features: they depend on the tags already chosen, so decoding computes them
 * token by token. Every one combines a small value (the previous tags, a casing class, the
 * document memory) with at most one word property, so at inference their weight rows are
 * looked up once per model (or once per distinct word) instead of hashed at each token.
 */

const enum D { Prev = 901, Prev2, PrevWord, PrevShape, History, PrevCase }

/** Casing classes are 0..5 (shape.ts); 8 leaves room. */
const CASINGS = 8;
const HIST = (NC + 1) * 2;

/**
 * History feature code of a word's memory, the NC + 1 class counts at hist[at ..] (index NC:
 * capitalised but outside a name): -1 none, else best class * 2 + (unanimous ? 1 : 0).
 */
export function historyCode(hist: Int32Array, at: number): number {
  let best = 0, tot = 0;
  for (let c = 0; c <= NC; c++) { tot += hist[at + c]!; if (hist[at + c]! > hist[at + best]!) best = c; }
  return tot > 0 ? best * 2 + (hist[at + best] === tot ? 1 : 0) : -1;
}

/** The hashes of the tag-history features, in the order training sees them (twins not included); h: historyCode or -1. */
export function dynamicHashes(prev: number, prev2: number, low: number, shape: number, casing: number, h: number, out: number[]): void {
  out.push(mix2(D.Prev, prev));
  out.push(mix3(D.Prev2, prev2, prev));
  out.push(mix3(D.PrevWord, prev, low));
  out.push(mix3(D.PrevShape, prev, shape));
  out.push(mix3(D.PrevCase, prev, casing));
  if (h >= 0) out.push(mix3(D.History, h >> 1, h & 1));
}

/**
 * Tag-history weights of one pass and convention as integer sums ready to add: the features
 * of (prev2, prev, casing) summed in one vector per combination, the document-memory
 * feature per code, and per word the rows of its PrevWord/PrevShape features.
 */
export class DynamicTables {
  readonly twins: boolean;
  /** NT per (prev2, prev, casing): Prev + Prev2 + PrevCase, with their twins. */
  readonly combo: Int32Array;
  /** NT per history code: History, with its twin. */
  readonly history: Int32Array;
  /** NT per (OwnFeature, previous pass's tag or NO_TAG as NT): the second pass's ownHash features, with twins. */
  readonly own: Int32Array;

  constructor(private readonly weights: JointWeights, readonly pass: number, domain: number) {
    this.twins = domain === 1;
    this.combo = new Int32Array(NT * NT * CASINGS * NT);
    for (let p2 = 0; p2 < NT; p2++) for (let p = 0; p < NT; p++) for (let c = 0; c < CASINGS; c++) {
      const at = ((p2 * NT + p) * CASINGS + c) * NT;
      for (const h of [mix2(D.Prev, p), mix3(D.Prev2, p2, p), mix3(D.PrevCase, p, c)]) this.add(this.combo, at, h);
    }
    this.history = new Int32Array(HIST * NT);
    for (let i = 0; i < HIST; i++) this.add(this.history, i * NT, mix3(D.History, i >> 1, i & 1));
    this.own = new Int32Array(3 * (NT + 1) * NT);
    for (const k of [OwnFeature.Own, OwnFeature.Prev, OwnFeature.Next]) {
      for (let t = 0; t <= NT; t++) this.add(this.own, ownAt(k, t === NT ? NO_TAG : t), ownHash(k, t === NT ? NO_TAG : t));
    }
  }

  private add(out: Int32Array, at: number, h: number): void {
    const W = this.weights, from = this.pass * NT;
    addRow(out, at, W, W.row(h), from, NT);
    if (this.twins) addRow(out, at, W, W.row(mix2(h, DOMAIN_SALT)), from, NT);
  }
}

/** mix2(template, tag) per tag: the first half of every PrevWord / PrevShape hash. */
const PREV_WORD = Array.from({ length: NT }, (_, t) => mix2(D.PrevWord, t));
const PREV_SHAPE = Array.from({ length: NT }, (_, t) => mix2(D.PrevShape, t));

/**
 * Joint rows of the PrevWord (shape = false: hash of the lower form) or PrevShape (shape = true:
 * hash of the short shape) features after each tag, out[at + t * step] for t < NT, and with
 * `twins` theirs at out[at + (t + 2 NT) * step]... (step 1: see prevRowsOf); -1 where no pass has
 * one. Returns whether any has: most words have none, which the table's filter tells at once.
 */
export function prevRows(W: JointWeights, value: number, shape: boolean, twins: boolean, out: Int32Array, at: number): boolean {
  const firsts = shape ? PREV_SHAPE : PREV_WORD;
  let any = false;
  for (let t = 0; t < NT; t++) {
    const h = mix2(firsts[t]!, value);
    const r = (out[at + t] = W.row(h));
    if (r >= 0) any = true;
    if (twins && (out[at + 2 * NT + t] = W.row(mix2(h, DOMAIN_SALT))) >= 0) any = true;
  }
  return any;
}

/** Index of an ownHash feature's vector in DynamicTables.own. */
export const ownAt = (k: OwnFeature, tag: number): number => (k * (NT + 1) + (tag === NO_TAG ? NT : tag)) * NT;

/** Index of the (prev2, prev, casing) vector in DynamicTables.combo. */
export const comboAt = (prev2: number, prev: number, casing: number): number => ((prev2 * NT + prev) * CASINGS + casing) * NT;
