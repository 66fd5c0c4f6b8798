import { memoSlot, type WordInfo } from './features.js';
import { mulberry32, shuffleInPlace } from './lexicon-build.js';

/*
 * Genre of a document, which decides the annotation convention the tagger follows:
 * newswire (bare names, as in CoNLL) or analyst/official reports (names with their
 * titles and descriptors, as in re3d). A logistic regression over the set of lowercased
 * words in the document, trained with balanced class weights.
 */

export interface GenreData {
  words: string[];
  weights: number[];
  bias: number;
}

const HAS_LETTER = /\p{L}/u;

/** The set of lowercased word tokens of a document (the classifier's input). */
export function docWords(tokens: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (HAS_LETTER.test(t)) out.add(t.toLowerCase());
  return out;
}

/** A weighted word, with the number of the last document that counted it. */
interface Weighted {
  readonly w: number;
  seen: number;
}

export class GenreModel {
  private readonly w = new Map<string, Weighted>();
  /** Where a word (WordInfo.memo) keeps its Weighted, or null for none. */
  private readonly slot = memoSlot();
  private serial = 0;

  constructor(readonly data: GenreData) {
    data.words.forEach((x, i) => this.w.set(x, { w: data.weights[i]!, seen: 0 }));
  }

  /**
   * domainOf(docWords(tokens)), the same sum in the same order, without building the set:
   * each distinct token string finds its weight once per process (infos[i] is tokens[i]'s WordInfo).
   */
  domainOfTokens(tokens: readonly string[], infos: readonly WordInfo[]): number {
    const doc = ++this.serial;
    let s = this.data.bias;
    for (let i = 0; i < tokens.length; i++) {
      const memo = infos[i]!.memo;
      let e = memo[this.slot] as Weighted | null | undefined;
      if (e === undefined) {
        const t = tokens[i]!;
        memo[this.slot] = e = HAS_LETTER.test(t) ? this.w.get(t.toLowerCase()) ?? null : null;
      }
      if (e && e.seen !== doc) { e.seen = doc; s += e.w; }
    }
    return s > 0 ? 1 : 0;
  }

  score(words: Iterable<string>): number {
    let s = this.data.bias;
    for (const x of words) s += this.w.get(x)?.w ?? 0;
    return s;
  }

  /** 1 for the report convention, 0 for newswire. */
  domainOf(words: Iterable<string>): number {
    return this.score(words) > 0 ? 1 : 0;
  }
}

/** Trains the classifier on word sets labelled 0/1; keeps words seen in at least `minDocs` documents. */
export function trainGenre(docs: readonly { words: Set<string>; label: number }[], opts: { epochs: number; rate: number; l2: number; seed: number; minDocs: number }): GenreData {
  const df = new Map<string, number>();
  for (const d of docs) for (const x of d.words) df.set(x, (df.get(x) ?? 0) + 1);
  const vocab = [...df.entries()].filter(([, c]) => c >= opts.minDocs).map(([x]) => x).sort();
  const index = new Map(vocab.map((x, i) => [x, i]));
  const ids = docs.map((d) => Int32Array.from([...d.words].map((x) => index.get(x) ?? -1).filter((i) => i >= 0)));
  const pos = docs.filter((d) => d.label === 1).length;
  const cw = [docs.length / (2 * Math.max(1, docs.length - pos)), docs.length / (2 * Math.max(1, pos))];
  const w = new Float64Array(vocab.length);
  let b = 0;
  const rnd = mulberry32(opts.seed);
  const order = docs.map((_, i) => i);
  for (let ep = 0; ep < opts.epochs; ep++) {
    shuffleInPlace(order, rnd);
    for (const di of order) {
      const x = ids[di]!;
      let z = b;
      for (const j of x) z += w[j]!;
      const y = docs[di]!.label;
      const p = 1 / (1 + Math.exp(-z));
      const g = (p - y) * cw[y]! * opts.rate;
      b -= g;
      for (const j of x) w[j]! -= g + opts.l2 * w[j]!;
    }
  }
  const keep = vocab.map((x, i) => [x, w[i]!] as const).filter(([, v]) => Math.abs(v) >= 1e-3);
  return { words: keep.map(([x]) => x), weights: keep.map(([, v]) => Math.round(v * 1e4) / 1e4), bias: b };
}

