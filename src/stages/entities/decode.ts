import { dynamicHashes, historyCode } from './dynamic-features.js';
import { pushTwins, type DocFeatures } from './features.js';
import { Casing } from './shape.js';
import { ALLOWED, clsOf, NC, NT, O, Part, partOf, tagOf } from './tags.js';
import type { Weights } from './weights.js';

/*
 * Greedy left-to-right decoding with tag-history features and a document memory: how
 * earlier capitalised occurrences of the same word were labelled (a name keeps its type
 * through an article). Training runs the very same loop and updates on mistakes.
 */

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
  /**
   * Training: on report-convention documents, update only the domain twins, so the shared
   * (newswire) weights learn from newswire alone and reports only teach their differences.
   */
  twinsOnly?: boolean;
}

/** Decodes a whole document; returns one tag per token. Inference runs the same decisions on integer scores (simd/kernels.ts decode). */
export function decodeDoc(f: DocFeatures, weights: Weights, opts: DecodeOptions = {}): Uint8Array {
  const n = f.infos.length;
  const tags = new Uint8Array(n);
  const scores = new Float32Array(NT);
  const history = newHistory(f);
  const rows: number[] = [];
  const upd: number[] = [];
  const twinsOnly = opts.twinsOnly === true && f.domain === 1 && f.twin !== undefined;
  const dyn: number[] = [];
  const lookup = opts.ensure ?? ((h: number) => weights.row(h));
  let prev = O, prev2 = O;
  let spanStart = -1;
  let nStatic = 0, updStatic = 0;

  // Inference sums the static features once per token; training re-sums all rows at each
  // scoring because an update may have changed them in between.
  const training = opts.onToken !== undefined;
  const stat = new Float32Array(NT);
  const score = (i: number, capital: boolean) => {
    const x = f.infos[i]!;
    dyn.length = 0;
    dynamicHashes(prev, prev2, x.low, x.shape, x.casing, capital ? historyCode(history, f.forms[i]! * (NC + 1)) : -1, dyn);
    const shared = dyn.length;
    pushTwins(dyn, 0, f.domain);
    // Read the array afresh: training may have grown it.
    const wa = weights.w;
    if (!training) {
      scores.set(stat);
      for (let k = 0; k < dyn.length; k++) {
        const r = lookup(dyn[k]!);
        if (r < 0) continue;
        for (let t = 0, b = r * NT; t < NT; t++) scores[t]! += wa[b + t]!;
      }
      return;
    }
    rows.length = nStatic;
    for (let k = 0; k < dyn.length; k++) {
      const r = lookup(dyn[k]!);
      if (r < 0) continue;
      rows.push(r);
      if (twinsOnly && k >= shared) upd.push(r);
    }
    scores.fill(0);
    for (const r of rows) {
      const b = r * NT;
      for (let t = 0; t < NT; t++) scores[t]! += wa[b + t]!;
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
    const pre = opts.staticRows;
    if (training) {
      rows.length = 0;
      upd.length = 0;
      for (let k = f.offsets[i]!, e = f.offsets[i + 1]!; k < e; k++) {
        const r = pre ? pre[k]! : weights.row(f.feats[k]!);
        if (r < 0) continue;
        rows.push(r);
        if (twinsOnly && f.twin![k]) upd.push(r);
      }
    } else {
      const wa = weights.w;
      stat.fill(0);
      for (let k = f.offsets[i]!, e = f.offsets[i + 1]!; k < e; k++) {
        const r = weights.row(f.feats[k]!);
        if (r < 0) continue;
        for (let t = 0, b = r * NT; t < NT; t++) stat[t]! += wa[b + t]!;
      }
    }
    nStatic = rows.length;
    updStatic = upd.length;
    const capital = x.casing === Casing.Title || x.casing === Casing.AllCaps || x.casing === Casing.Mixed;
    score(i, capital);
    const gold = opts.gold ? opts.gold[i]! : -1;
    let decided = false;
    if (prev !== O && (partOf(prev) === Part.B || partOf(prev) === Part.I)) {
      // Greedy decoding must not be trapped inside a name: when this token is plainly outside
      // any name, the name ends at the previous token instead. Training sees the same
      // choice, so continuation tags learn to outscore every other tag inside a name.
      let bestAny = 0;
      for (let t = 1; t < NT; t++) if (scores[t]! > scores[bestAny]!) bestAny = t;
      const isCont = (t: number) => t !== O && clsOf(t) === clsOf(prev) && (partOf(t) === Part.I || partOf(t) === Part.L);
      if (bestAny === O) {
        if (opts.onToken && isCont(gold)) {
          opts.onToken(gold, bestAny, twinsOnly ? upd : rows);
          decided = true;
        }
        const closed = tagOf(clsOf(prev), partOf(prev) === Part.B ? Part.U : Part.L);
        tags[i - 1] = closed;
        closeSpan(i - 1);
        prev = closed;
        upd.length = updStatic;
        score(i, capital);
      }
    }
    let best = -1, bestScore = -Infinity;
    const okRow = prev * NT;
    for (let t = 0; t < NT; t++) {
      if (!ALLOWED[okRow + t]) continue;
      if (last && t !== O && (partOf(t) === Part.B || partOf(t) === Part.I)) continue;
      if (scores[t]! > bestScore) { bestScore = scores[t]!; best = t; }
    }
    if (opts.onToken && opts.gold && !decided) opts.onToken(gold, best, twinsOnly ? upd : rows);
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

/** The document memory: per lower form, NC + 1 counts (see historyCode). */
const newHistory = (f: DocFeatures): Int32Array => new Int32Array(f.formCount * (NC + 1));

function remember(history: Int32Array, f: DocFeatures, j: number, c: number): void {
  const cs = f.infos[j]!.casing;
  if (!(cs === Casing.Title || cs === Casing.AllCaps || cs === Casing.Mixed)) return;
  history[f.forms[j]! * (NC + 1) + c]!++;
}
