import { DOMAIN_SALT, HashSink, twinFlags, type DocFeatures, type HashOut } from './features.js';
import { mix2, mix3 } from './hash.js';
import { Casing } from './shape.js';
import { clsOf, NC, O, Part, partOf, spansFromTags } from './tags.js';

/*
 * Second-pass features: what a first pass said about the same word elsewhere in the
 * article. A name is usually introduced in full, in a clear context ("Pirelli, the tyre
 * maker"), and repeated later in ambiguous ones; the second pass lets those later
 * mentions borrow the label (Ratinov and Roth's context aggregation).
 */

const enum A { Own = 1001, OwnPrev, OwnNext, Majority, InLonger, LastOfLonger, Unanimous }

const capital = (c: Casing) => c === Casing.Title || c === Casing.AllCaps || c === Casing.Mixed;

/** Per lower form (DocFeatures.forms). */
interface Votes {
  cls: Int8Array;
  /** NC + 1 per form: class counts over all its capitalised occurrences (index NC = outside a name). */
  votes: Int32Array;
  /** Class bits of the multi-token names the form is part of, and of those it ends. */
  inSpan: Int32Array;
  lastIn: Int32Array;
}

function countVotes(f: DocFeatures, tags: Uint8Array): Votes {
  const n = f.infos.length;
  const votes = new Int32Array(f.formCount * (NC + 1));
  const inSpan = new Int32Array(f.formCount);
  const lastIn = new Int32Array(f.formCount);
  const cls = new Int8Array(n).fill(-1);
  for (const s of spansFromTags(tags)) {
    for (let i = s.start; i < s.end; i++) cls[i] = s.cls;
    if (s.end - s.start > 1) {
      for (let i = s.start; i < s.end; i++) inSpan[f.forms[i]!]! |= 1 << s.cls;
      lastIn[f.forms[s.end - 1]!]! |= 1 << s.cls;
    }
  }
  for (let i = 0; i < n; i++) {
    if (!capital(f.infos[i]!.casing)) continue;
    votes[f.forms[i]! * (NC + 1) + (cls[i]! < 0 ? NC : cls[i]!)]!++;
  }
  return { cls, votes, inSpan, lastIn };
}

/** The first pass's features plus the second-pass ones, laid out as training expects. */
export function aggregateFeatures(f: DocFeatures, tags: Uint8Array): DocFeatures {
  const n = f.infos.length;
  const v = countVotes(f, tags);
  const out: number[] = [];
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    offsets[i] = out.length;
    // Layout [shared..., twins...] as in the first pass: static shared, new shared, static twins, new twins.
    const s0 = f.offsets[i]!, e0 = f.offsets[i + 1]!;
    const half = f.domain === 1 ? (e0 - s0) >> 1 : e0 - s0;
    for (let k = s0; k < s0 + half; k++) out.push(f.feats[k]!);
    const from = out.length;
    aggregateToken(f, tags, i, v, out);
    if (f.domain === 1) {
      const extra = out.slice(from);
      for (let k = s0 + half; k < e0; k++) out.push(f.feats[k]!);
      for (const h of extra) out.push(mix2(h, DOMAIN_SALT));
    }
  }
  offsets[n] = out.length;
  return { infos: f.infos, forms: f.forms, formCount: f.formCount, feats: Uint32Array.from(out), offsets, sentenceOf: f.sentenceOf, domain: f.domain, twin: twinFlags(offsets, out.length, f.domain) };
}

/**
 * The second-pass features (with their twins) per token, feats[offsets[i] .. offsets[i+1]),
 * but for the first pass's own tags around the token (ownHash): inference adds those from
 * tables (dynamic-features.ts).
 */
export function aggregateHashes(f: DocFeatures, tags: Uint8Array): { feats: Uint32Array; offsets: Uint32Array } {
  const n = f.infos.length;
  const v = countVotes(f, tags);
  const out = sink;
  out.length = 0;
  const offsets = new Uint32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const from = (offsets[i] = out.length);
    aggregateToken(f, tags, i, v, out, false);
    out.twins(from, f.domain);
  }
  offsets[n] = out.length;
  return { feats: out.take(), offsets };
}

const sink = new HashSink();

/** The first pass's tag of a token and of its neighbours (NO_TAG beyond the sentence). */
export const enum OwnFeature { Own = 0, Prev = 1, Next = 2 }
export const NO_TAG = 255;
export const ownHash = (k: OwnFeature, tag: number): number => mix2(A.Own + k, tag);

function aggregateToken(f: DocFeatures, tags: Uint8Array, i: number, { cls, votes, inSpan, lastIn }: Votes, out: HashOut, withOwn = true): void {
  const n = f.infos.length;
  {
    const t = tags[i]!;
    if (withOwn) {
      out.push(ownHash(OwnFeature.Own, t));
      out.push(ownHash(OwnFeature.Prev, i > 0 && f.sentenceOf[i - 1] === f.sentenceOf[i] ? tags[i - 1]! : NO_TAG));
      out.push(ownHash(OwnFeature.Next, i + 1 < n && f.sentenceOf[i + 1] === f.sentenceOf[i] ? tags[i + 1]! : NO_TAG));
    }
    const x = f.infos[i]!;
    if (!capital(x.casing)) return;
    const form = f.forms[i]!, v = form * (NC + 1);
    // Votes from the other occurrences only.
    const own = cls[i]! < 0 ? NC : cls[i]!;
    let best = -1, bestN = 0, others = 0;
    for (let c = 0; c <= NC; c++) {
      const k = votes[v + c]! - (c === own ? 1 : 0);
      others += k;
      if (k > bestN) { bestN = k; best = c; }
    }
    if (others > 0) {
      out.push(mix3(A.Majority, best, Math.min(others, 3)));
      if (bestN === others) out.push(mix2(A.Unanimous, best));
    }
    const sp = inSpan[form]!;
    if (sp) out.push(mix3(A.InLonger, sp, t === O ? 0 : partOf(t) === Part.U ? 1 : 2));
    const la = lastIn[form]!;
    if (la) out.push(mix3(A.LastOfLonger, la, t === O ? 0 : clsOf(t) + 1));
  }
}
