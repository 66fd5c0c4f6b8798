import { wordEpoch, type WordInfo } from './features.js';
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

export class GenreModel {
  private readonly w = new Map<string, number>();
  /** Per WordInfo.id: 0 not yet seen, -1 no weight, else 1 + the index of its lower-case form in data.words. */
  private keyOf = new Int32Array(1024);
  private epoch = -1;
  /** Per weighted form: the last document that counted it. */
  private readonly seen: Int32Array;
  private serial = 0;

  constructor(readonly data: GenreData) {
    data.words.forEach((x, i) => this.w.set(x, i));
    this.seen = new Int32Array(data.words.length);
  }

  /**
   * domainOf(docWords(tokens)), the same sum in the same order, without building the set:
   * each distinct token string finds its weight once (infos[i] is tokens[i]'s WordInfo).
   */
  domainOfTokens(tokens: readonly string[], infos: readonly WordInfo[]): number {
    if (this.epoch !== wordEpoch()) { this.keyOf.fill(0); this.epoch = wordEpoch(); }
    const doc = ++this.serial, weights = this.data.weights, seen = this.seen;
    let s = this.data.bias;
    for (let i = 0; i < tokens.length; i++) {
      const id = infos[i]!.id;
      if (id >= this.keyOf.length) this.grow(id);
      let k = this.keyOf[id]!;
      if (k === 0) {
        const t = tokens[i]!;
        const j = HAS_LETTER.test(t) ? this.w.get(t.toLowerCase()) : undefined;
        this.keyOf[id] = k = j === undefined ? -1 : j + 1;
      }
      if (k > 0 && seen[k - 1] !== doc) { seen[k - 1] = doc; s += weights[k - 1]!; }
    }
    return s > 0 ? 1 : 0;
  }

  private grow(id: number): void {
    const a = new Int32Array(Math.max(2 * this.keyOf.length, id + 1));
    a.set(this.keyOf);
    this.keyOf = a;
  }

  score(words: Iterable<string>): number {
    let s = this.data.bias;
    for (const x of words) {
      const i = this.w.get(x);
      if (i !== undefined) s += this.data.weights[i]!;
    }
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

