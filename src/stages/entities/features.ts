import { GAZ_CATEGORIES, matchGazetteer } from './gazetteer.js';
import { fmix, hashRange, hashString, mix2, mix3 } from './hash.js';
import type { Lexicon } from './lexicon.js';
import { Casing, casing, shapeStates } from './shape.js';

/*
 * Static (tag-independent) features of every token of a document, as 32-bit hashes.
 * Word-level properties are hashed once per distinct word and cached; templates combine
 * them by integer mixing. The same code runs at training and inference time, so the
 * hashes agree by construction.
 */

/** Template ids: stable numbers, part of the model format (changing one needs retraining). */
const enum T {
  Bias = 1, Word, Lower, Shape, LongShape, Prefix, Suffix, Bigram, ShapeTri, CaseCtx,
  First, Headline, HeadLower, Gaz, DocCase, Cluster, CaseClass, FirstLower, AllCapsDocForm, Len,
  PrevClusterCur, InQuote, Paren,
}

/** Properties of one distinct word string, computed once. */
export interface WordInfo {
  /**
   * Small and dense (0, 1, 2 ... in order of first sight): per-word data of inference caches
   * (wasm-tagger.ts, genre.ts) lives in arrays indexed by it. Numbering starts over when the
   * word cache is emptied, which wordEpoch() tells.
   */
  readonly id: number;
  readonly lower: string;
  /**
   * Id of the lower form, shared by every word with the same `lower`: per-document tables
   * (document memory, votes, casing evidence) are indexed by it instead of keyed by string.
   */
  readonly form: number;
  readonly word: number;
  readonly low: number;
  readonly shape: number;
  readonly long: number;
  readonly casing: Casing;
  readonly prefixes: readonly number[];
  readonly suffixes: readonly number[];
  /** Cluster path prefixes (hashes), empty when the word is unknown to the lexicon. */
  readonly clusters: readonly number[];
  readonly caseClass: number;
}

const cache = new Map<string, WordInfo>();
let cacheLexicon: Lexicon | undefined;
let nextId = 0;
let epoch = 0;
const formIds = new Map<string, number>();
/** Bound on the word caches: a long-running process sees an open vocabulary. */
const MAX_WORDS = 300_000;

/** Changes whenever word ids start over: tables indexed by id must then be emptied. */
export const wordEpoch = (): number => epoch;

/** Lowercase with curly apostrophes folded, so "Hay’at" and "Hay'at" share features. */
export function lowerForm(w: string): string {
  const l = w.toLowerCase();
  return l.indexOf('’') >= 0 ? l.replace(/’/g, "'") : l;
}

export function wordInfo(w: string, lex: Lexicon | undefined): WordInfo {
  // Ids go on: they start over only between documents (boundWordCaches).
  useLexicon(lex);
  let info = cache.get(w);
  if (info) return info;
  const lower = lowerForm(w);
  const prefixes: number[] = [];
  const suffixes: number[] = [];
  for (let k = 1; k <= 4 && k < lower.length; k++) {
    prefixes.push(mix2(k, hashRange(lower, 0, k)));
    suffixes.push(mix2(k, hashRange(lower, lower.length - k, lower.length)));
  }
  const [shortState, longState] = shapeStates(w);
  let form = formIds.get(lower);
  if (form === undefined) formIds.set(lower, (form = formIds.size));
  info = {
    id: nextId++,
    lower,
    form,
    word: hashString(w),
    low: hashString(lower),
    shape: fmix(shortState),
    long: fmix(longState),
    casing: casing(w),
    prefixes,
    suffixes,
    clusters: lex ? lex.clusterHashes(lower) : [],
    caseClass: lex ? lex.caseClass(lower) : 0,
  };
  cache.set(w, info);
  return info;
}

/** Words looked up under another lexicon have other clusters: the cache starts over (ids go on). */
function useLexicon(lex: Lexicon | undefined): void {
  if (lex !== cacheLexicon) { cache.clear(); cacheLexicon = lex; }
}

/** Called between documents only: a document's words must agree on their ids and form ids. */
function boundWordCaches(): void {
  if (nextId <= MAX_WORDS && formIds.size <= MAX_WORDS) return;
  cache.clear();
  formIds.clear();
  nextId = 0;
  epoch++;
}

let seenIn = new Int32Array(0);
let localOf = new Int32Array(0);
let serial = 0;

/** Per token, a document-local number of its lower form (0 .. count-1, in order of first use). */
function localForms(infos: readonly WordInfo[]): { forms: Uint32Array; count: number } {
  if (seenIn.length < formIds.size) {
    const grow = (a: Int32Array) => { const b = new Int32Array(Math.max(1024, 2 * formIds.size)); b.set(a); return b; };
    seenIn = grow(seenIn);
    localOf = grow(localOf);
  }
  const s = ++serial;
  const forms = new Uint32Array(infos.length);
  let count = 0;
  for (let i = 0; i < infos.length; i++) {
    const g = infos[i]!.form;
    if (seenIn[g] !== s) { seenIn[g] = s; localOf[g] = count++; }
    forms[i] = localOf[g]!;
  }
  return { forms, count };
}

/** The words of a document looked up, tokens[i] at [i]. */
export function wordInfos(words: readonly string[], lex: Lexicon | undefined): WordInfo[] {
  boundWordCaches();
  useLexicon(lex);
  const out = new Array<WordInfo>(words.length);
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    out[i] = cache.get(w) ?? wordInfo(w, lex);
  }
  return out;
}

/** The part of a document the features look at: token texts and sentence ranges. */
export interface DocTokens {
  readonly words: readonly string[];
  /** wordInfos(words), when the caller has them already. */
  readonly infos?: readonly WordInfo[];
  /** [start, end) token index ranges, in order, covering the tokens. */
  readonly sentences: readonly (readonly [number, number])[];
  /**
   * Annotation convention to follow: 0 newswire (CoNLL: bare names), 1 analyst reports
   * (re3d: names with their titles and descriptors). Decided by the genre classifier when absent.
   */
  readonly domain?: number;
}

/** Features per token: hashes in feats[offsets[i] .. offsets[i+1]). */
export interface DocFeatures {
  readonly infos: readonly WordInfo[];
  /** Per token, the document-local number of its lower form (see localForms); `forms` numbers in all. */
  readonly forms: Uint32Array;
  readonly formCount: number;
  readonly feats: Uint32Array;
  readonly offsets: Uint32Array;
  /** Sentence index of each token. */
  readonly sentenceOf: Uint32Array;
  /** Per sentence: 1 when it is a headline (all capitals). */
  readonly headline?: Uint8Array;
  readonly domain: number;
  /** Per feature: 1 when it is a domain-specific twin (training updates only these on report documents). */
  readonly twin?: Uint8Array;
}

/** Twin flags for features laid out per token as [shared..., twins...] (what pushTwins produces). */
export function twinFlags(offsets: Uint32Array, total: number, domain: number): Uint8Array | undefined {
  if (domain !== 1) return undefined;
  const flags = new Uint8Array(total);
  for (let i = 0; i + 1 < offsets.length; i++) {
    const s = offsets[i]!, e = offsets[i + 1]!;
    flags.fill(1, s + ((e - s) >> 1), e);
  }
  return flags;
}

/** Salt of the report-convention copy of every feature (domain adaptation by feature augmentation). */
export const DOMAIN_SALT = 0x5eed_d0;

/** Adds the domain-specific twin of each hash of one token, after the shared ones. */
export function pushTwins(out: number[], from: number, domain: number): void {
  if (domain !== 1) return;
  const to = out.length;
  for (let k = from; k < to; k++) out.push(mix2(out[k]!, DOMAIN_SALT));
}

/** Where feature hashes go: a number[] (training) or extractFeatures' sink. */
export interface HashOut {
  push(h: number): unknown;
}

/** A growing list of 32-bit hashes reused from document to document (a number[] would box each as a double). */
export class HashSink implements HashOut {
  private buf = new Uint32Array(4096);
  length = 0;

  push(h: number): void {
    if (this.length === this.buf.length) {
      const b = new Uint32Array(2 * this.buf.length);
      b.set(this.buf);
      this.buf = b;
    }
    this.buf[this.length++] = h;
  }

  /** pushTwins for the hashes from `from` on. */
  twins(from: number, domain: number): void {
    if (domain !== 1) return;
    for (let k = from, to = this.length; k < to; k++) this.push(mix2(this.buf[k]!, DOMAIN_SALT));
  }

  /** The hashes, copied out; the sink is left empty. */
  take(): Uint32Array {
    const out = this.buf.slice(0, this.length);
    this.length = 0;
    return out;
  }
}
const sink = new HashSink();

export const PAD_START = hashString('<s>');
export const PAD_END = hashString('</s>');

const isCap = (c: Casing) => c === Casing.Title || c === Casing.AllCaps || c === Casing.Mixed;

/** A sentence is a headline when its letters are (nearly) all upper case: casing says nothing there. */
function isHeadline(infos: readonly WordInfo[], s: number, e: number): boolean {
  let caps = 0, words = 0;
  for (let i = s; i < e; i++) {
    const c = infos[i]!.casing;
    if (c === Casing.None || c === Casing.Digit) continue;
    words++;
    if (c === Casing.AllCaps) caps++;
  }
  return words >= 2 && caps >= words * 0.8;
}

/**
 * Features a word brings to the token at distance -o from it (o = its offset from that
 * token): everything that depends on one word and its offset only. At inference their
 * weight sums are cached per distinct word (see wasm-tagger.ts) instead of looked up per token.
 */
export function offsetHashes(x: WordInfo, o: number, out: HashOut): void {
  out.push(mix3(T.Lower, o, x.low));
  if (o >= -1 && o <= 1) out.push(mix3(T.Shape, o, x.shape));
  if (o === 0) {
    out.push(T.Bias);
    out.push(mix2(T.LongShape, x.long));
    for (const p of x.prefixes) out.push(mix2(T.Prefix, p));
    for (const p of x.suffixes) out.push(mix2(T.Suffix, p));
    out.push(mix2(T.Len, Math.min(x.lower.length, 12)));
    for (let k = 0; k < x.clusters.length; k++) out.push(mix3(T.Cluster, 0, x.clusters[k]!));
  } else if (o === -1 || o === 1) {
    for (let k = 0; k < x.clusters.length && k < 2; k++) out.push(mix3(T.Cluster, o, x.clusters[k]!));
    // A neighbour's ending often tells its kind ("-ville", "-berg", "-ists").
    if (x.suffixes.length >= 3) out.push(mix3(T.Suffix, o, x.suffixes[2]!));
  }
}

/**
 * Features of a word at offset o that also depend on whether its sentence is a headline:
 * the raw-case word (and neighbours) outside headlines, the long shape and lower form inside.
 * extractFeatures emits them in its own order; inference caches them per word (wasm-tagger.ts).
 */
export function caseHashes(x: WordInfo, o: number, head: boolean, out: HashOut): void {
  if (!head) {
    if (o === 0) out.push(mix2(T.Word, x.word));
    else if (o === -1 || o === 1) out.push(mix3(T.Word, o, x.word));
  } else if (o === 0) {
    out.push(mix2(T.Headline, x.long));
    out.push(mix2(T.HeadLower, x.low));
  }
}

/** The offset features of a position beyond the sentence edge. */
export function padHashes(o: number, pad: number, out: HashOut): void {
  out.push(mix3(T.Lower, o, pad));
  if (o >= -1 && o <= 1) out.push(mix3(T.Shape, o, pad));
}

/**
 * All features of every token; with `contextOnly`, the features of one word at an offset
 * (offsetHashes, caseHashes) are left out: the caller adds their cached sums.
 */
export function extractFeatures(doc: DocTokens, lex: Lexicon | undefined, contextOnly = false): DocFeatures {
  const n = doc.words.length;
  const domain = doc.domain ?? 0;
  const infos = doc.infos ?? wordInfos(doc.words, lex);
  const { forms, count: formCount } = localForms(infos);
  const lower = infos.map((x) => x.lower);
  const sentenceOf = new Uint32Array(n);
  const headline = new Uint8Array(doc.sentences.length);
  // Casing evidence from the rest of the document: how a word is written where casing is informative.
  const docCase = new Uint8Array(formCount);
  doc.sentences.forEach(([s, e], si) => {
    const head = isHeadline(infos, s, e);
    headline[si] = head ? 1 : 0;
    for (let i = s; i < e; i++) {
      sentenceOf[i] = si;
      if (head || i === s) continue;
      const c = infos[i]!.casing;
      const bit = c === Casing.Lower ? 1 : c === Casing.Title || c === Casing.Mixed ? 2 : 0;
      docCase[forms[i]!]! |= bit;
    }
  });
  // Gazetteer hits per token (an array only where there are some: most tokens have none).
  const gaz: (number[] | undefined)[] = new Array(n);
  for (let si = 0; si < doc.sentences.length; si++) {
    const [s, e] = doc.sentences[si]!;
    matchGazetteer(lower, (i) => isCap(infos[i]!.casing), s, e, (i, cat, part) => (gaz[i] ??= []).push(cat * 4 + part));
  }

  const out = sink;
  out.length = 0;
  const offsets = new Uint32Array(n + 1);
  for (let si = 0; si < doc.sentences.length; si++) {
    const [s, e] = doc.sentences[si]!;
    const head = headline[si]!;
    for (let i = s; i < e; i++) {
      const from = (offsets[i] = out.length);
      const x = infos[i]!;
      // The neighbours, or the sentence pads (casing 7) beyond it.
      const before = i > s ? infos[i - 1]! : undefined, after = i + 1 < e ? infos[i + 1]! : undefined;
      if (!contextOnly) {
        for (let o = -2; o <= 2; o++) {
          const j = i + o;
          if (j < s) padHashes(o, PAD_START, out);
          else if (j >= e) padHashes(o, PAD_END, out);
          else offsetHashes(infos[j]!, o, out);
        }
      }
      if (!head && !contextOnly) {
        caseHashes(x, 0, false, out);
        // Neighbours as written: casing of the words around a name is a strong cue outside headlines.
        if (i > s) caseHashes(infos[i - 1]!, -1, false, out);
        if (i + 1 < e) caseHashes(infos[i + 1]!, 1, false, out);
      }
      out.push(mix3(T.Bigram, before ? before.low : PAD_START, x.low));
      out.push(mix3(T.Bigram + 100, x.low, after ? after.low : PAD_END));
      out.push(mix3(T.ShapeTri, mix2(before ? before.shape : PAD_START, x.shape), after ? after.shape : PAD_END));
      out.push(mix2(T.CaseCtx, (before ? before.casing : 7) * 64 + x.casing * 8 + (after ? after.casing : 7)));
      if (i === s) {
        out.push(mix2(T.First, x.casing));
        out.push(mix2(T.FirstLower, x.low));
      }
      if (head && !contextOnly) caseHashes(x, 0, true, out);
      if ((i === s || head) && isCap(x.casing)) {
        // Does the document write this word capitalised or lower case where casing is informative?
        out.push(mix3(T.DocCase, head, docCase[forms[i]!]!));
      }
      pushGaz(gaz[i], T.Gaz, out);
      if (i > s) pushGaz(gaz[i - 1], T.Gaz + 200, out);
      if (i + 1 < e) pushGaz(gaz[i + 1], T.Gaz + 400, out);
      if (x.caseClass) out.push(mix3(T.CaseClass, x.caseClass, (i === s ? 1 : 0) + 2 * head));
      out.twins(from, domain);
    }
  }
  offsets[n] = out.length;
  const feats = out.take();
  return { infos, forms, formCount, feats, offsets, sentenceOf, headline, domain, twin: twinFlags(offsets, feats.length, domain) };
}

function pushGaz(hits: readonly number[] | undefined, template: number, out: HashOut): void {
  if (hits) for (let k = 0; k < hits.length; k++) out.push(mix2(template, hits[k]!));
}

export const GAZ_FEATURE_COUNT = GAZ_CATEGORIES.length;
