import { pushTwins, type DocFeatures } from './features.js';
import { mix2, mix3 } from './hash.js';
import { Casing } from './shape.js';
import { allowed, clsOf, NC, NT, O, Part, partOf } from './tags.js';
import type { Weights } from './weights.js';

/*
 * Greedy left-to-right decoding with tag-history features and a document memory: how
 * earlier capitalised occurrences of the same word were labelled (a name keeps its type
 * through an article). Training runs the very same loop and updates on mistakes.
 */

const enum D { Prev = 901, Prev2, PrevWord, PrevShape, History, PrevCase }

/** Called on each token during training: the gold tag, the predicted one, the rows that scored. */
export type UpdateHook = (gold: number, pred: number, rows: readonly number[]) => void;

export interface DecodeOptions {
  /** Training: gold tags and a hook that receives every token's decision. */
  gold?: Uint8Array;
  onToken?: UpdateHook;
  /** Training: rows for hashes not yet in the table (history features are learned as they appear). */
  ensure?: (hash: number) => number;
  /** Training: the static features' rows, looked up once per document instead of per epoch (-1: none). */
  staticRows?: Int32Array;
}

function dynamicHashes(prev: number, prev2: number, low: number, shape: number, casing: number, hist: Int32Array | undefined, out: number[]): void {
  out.push(mix2(D.Prev, prev));
  out.push(mix3(D.Prev2, prev2, prev));
  out.push(mix3(D.PrevWord, prev, low));
  out.push(mix3(D.PrevShape, prev, shape));
  out.push(mix3(D.PrevCase, prev, casing));
  if (hist) {
    let best = 0, tot = 0;
    for (let c = 0; c <= NC; c++) { tot += hist[c]!; if (hist[c]! > hist[best]!) best = c; }
    if (tot > 0) out.push(mix3(D.History, best, hist[best] === tot ? 1 : 0));
  }
}

/** Decodes a whole document; returns one tag per token. */
export function decodeDoc(f: DocFeatures, weights: Weights, opts: DecodeOptions = {}): Uint8Array {
  const n = f.infos.length;
  const tags = new Uint8Array(n);
  const scores = new Float32Array(NT);
  const history = new Map<string, Int32Array>();
  const rows: number[] = [];
  const dyn: number[] = [];
  const lookup = opts.ensure ?? ((h: number) => weights.row(h));
  let prev = O, prev2 = O;
  let spanStart = -1;
  let nStatic = 0;

  const score = (i: number, capital: boolean) => {
    const x = f.infos[i]!;
    rows.length = nStatic;
    dyn.length = 0;
    dynamicHashes(prev, prev2, x.low, x.shape, x.casing, capital ? history.get(x.lower) : undefined, dyn);
    pushTwins(dyn, 0, f.domain);
    for (const h of dyn) {
      const r = lookup(h);
      if (r >= 0) rows.push(r);
    }
    // Read the array afresh: training may have grown it.
    const wa = weights.w;
    scores.fill(0);
    for (const r of rows) {
      const base = r * NT;
      for (let t = 0; t < NT; t++) scores[t]! += wa[base + t]!;
    }
  };
  const closeSpan = (end: number) => {
    const c = clsOf(tags[end]!);
    for (let j = spanStart; j <= end; j++) remember(history, f, j, c);
  };

  for (let i = 0; i < n; i++) {
    const sentStart = i === 0 || f.sentenceOf[i] !== f.sentenceOf[i - 1];
    const last = i + 1 === n || f.sentenceOf[i + 1] !== f.sentenceOf[i];
    if (sentStart) { prev = O; prev2 = O; }
    const x = f.infos[i]!;
    rows.length = 0;
    const pre = opts.staticRows;
    for (let k = f.offsets[i]!, e = f.offsets[i + 1]!; k < e; k++) {
      const r = pre ? pre[k]! : weights.row(f.feats[k]!);
      if (r >= 0) rows.push(r);
    }
    nStatic = rows.length;
    const capital = x.casing === Casing.Title || x.casing === Casing.AllCaps || x.casing === Casing.Mixed;
    score(i, capital);
    let best = -1, bestScore = -Infinity;
    for (let t = 0; t < NT; t++) {
      if (!allowed(prev, t)) continue;
      if (last && t !== O && (partOf(t) === Part.B || partOf(t) === Part.I)) continue;
      if (scores[t]! > bestScore) { bestScore = scores[t]!; best = t; }
    }
    if (opts.onToken && opts.gold) opts.onToken(opts.gold[i]!, best, rows);
    tags[i] = best;
    // Document memory: record how this capitalised word was labelled.
    if (best !== O && (partOf(best) === Part.B || partOf(best) === Part.U)) spanStart = i;
    if (best !== O && (partOf(best) === Part.L || partOf(best) === Part.U)) closeSpan(i);
    else if (best === O && capital) remember(history, f, i, NC);
    prev2 = prev;
    prev = best;
  }
  return tags;
}

function remember(history: Map<string, Int32Array>, f: DocFeatures, j: number, c: number): void {
  const info = f.infos[j]!;
  const cs = info.casing;
  if (!(cs === Casing.Title || cs === Casing.AllCaps || cs === Casing.Mixed)) return;
  let h = history.get(info.lower);
  if (!h) history.set(info.lower, (h = new Int32Array(NC + 1)));
  h[c]!++;
}
