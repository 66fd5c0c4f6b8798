import { newHistory, remember } from './decode.js';
import { NO_TAG, OwnFeature } from './aggregate.js';
import { comboAt, historyCode, ownAt, wordRow, type DynamicTables } from './dynamic-features.js';
import type { DocFeatures, WordInfo } from './features.js';
import { addRow, type JointWeights } from './joint-weights.js';
import { laneGroup, packedWidth, unpack } from './packed.js';
import { Casing } from './shape.js';
import { ALLOWED, clsOf, NC, NT, O, Part, partOf, tagOf } from './tags.js';

/*
 * Inference decoding: decodeDoc's greedy loop and decisions (decode.ts, which training
 * runs), on integer scores whose tag-independent part is computed before the loop
 * (score-cache.ts). Only the tag-history features are added per token, from tables.
 */

/** One pass's inputs besides the document's features. */
export interface PassScores {
  weights: JointWeights;
  /** This pass's tables (DynamicTables.pass is the pass). */
  dynamic: DynamicTables;
  /** Per token, packed (packed.ts): sums of every tag-independent feature. */
  stat: Float64Array;
  /**
   * Second pass: the first one's tags (their ownHash features come from tables) and the
   * other features of what it said (aggregateHashes), per token.
   */
  extra?: { tags: Uint8Array; feats: Uint32Array; offsets: Uint32Array };
}

const isCapital = (c: Casing) => c === Casing.Title || c === Casing.AllCaps || c === Casing.Mixed;

export function decodeFast(f: DocFeatures, ps: PassScores): Uint8Array {
  const n = f.infos.length;
  const tags = new Uint8Array(n);
  const scores = new Int32Array(NT);
  const stat = new Int32Array(NT);
  const history = newHistory(f);
  const { weights: W, dynamic: d, extra } = ps;
  const from = d.pass * NT;
  const width = packedWidth(W.passes), lane = laneGroup(d.pass);
  const packed = ps.stat;
  let prev = O, prev2 = O;
  let spanStart = -1;

  const score = (i: number, capital: boolean) => {
    const x = f.infos[i]!;
    const h = capital ? historyCode(history, f.forms[i]! * (NC + 1)) : -1;
    scoreToken(scores, stat, ps, x, prev, prev2, h);
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
    for (let t = 0, b = i * width + lane; t < NT; t++) stat[t] = unpack(packed[b + t]!, d.pass);
    if (extra) {
      const t0 = extra.tags, own = d.own;
      const tp = sentStart ? NO_TAG : t0[i - 1]!, tn = last ? NO_TAG : t0[i + 1]!;
      const a = ownAt(OwnFeature.Own, t0[i]!), b = ownAt(OwnFeature.Prev, tp), c = ownAt(OwnFeature.Next, tn);
      for (let t = 0; t < NT; t++) stat[t]! += own[a + t]! + own[b + t]! + own[c + t]!;
      for (let k = extra.offsets[i]!, e = extra.offsets[i + 1]!; k < e; k++) addRow(stat, 0, W, W.row(extra.feats[k]!), from, NT);
    }
    const capital = isCapital(x.casing);
    score(i, capital);
    if (prev !== O && (partOf(prev) === Part.B || partOf(prev) === Part.I)) {
      // As in decodeDoc: when this token is plainly outside any name, the name ends at the previous one.
      let bestAny = 0;
      for (let t = 1; t < NT; t++) if (scores[t]! > scores[bestAny]!) bestAny = t;
      if (bestAny === O) {
        const closed = tagOf(clsOf(prev), partOf(prev) === Part.B ? Part.U : Part.L);
        tags[i - 1] = closed;
        closeSpan(i - 1);
        prev = closed;
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
    tags[i] = best;
    if (best !== O && (partOf(best) === Part.B || partOf(best) === Part.U)) spanStart = i;
    if (best !== O && (partOf(best) === Part.L || partOf(best) === Part.U)) closeSpan(i);
    else if (best === O && capital) remember(history, f, i, NC);
    prev2 = prev;
    prev = best;
  }
  return tags;
}

/** Scores of one token: its static part plus the tag-history features given the previous tags. */
function scoreToken(scores: Int32Array, stat: Int32Array, ps: PassScores, x: WordInfo, prev: number, prev2: number, hist: number): void {
  const d = ps.dynamic, W = ps.weights, from = d.pass * NT;
  const combo = comboAt(prev2, prev, x.casing);
  for (let t = 0; t < NT; t++) scores[t] = stat[t]! + d.combo[combo + t]!;
  for (let k = prev, end = d.twins ? 4 * NT : 2 * NT; k < end; k += NT) addRow(scores, 0, W, wordRow(W, x, k), from, NT);
  if (hist >= 0) for (let t = 0, b = hist * NT; t < NT; t++) scores[t]! += d.history[b + t]!;
}
