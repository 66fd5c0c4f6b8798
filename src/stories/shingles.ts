/*
 * Text as a set of word shingles, for finding documents that reproduce one another. Words are
 * folded first (case, accents, apostrophes; punctuation, quotes, dashes and whitespace are
 * separators), so retyped quotes and dashes, re-wrapped lines and a change of case leave the
 * shingles as they were. Shingles are hashed to 32 bits; a fixed share of them (those whose hash
 * is a multiple of SAMPLE_EVERY) is the document's sketch, the part a store indexes: a shingle is
 * in the sketch of every document that has it, so shared sketch items estimate shared text.
 */
import { fmix } from '../stages/entities/hash.js';

/** Words per shingle: long enough that common phrasing rarely fills one, short enough to survive edits. */
export const SHINGLE_WORDS = 5;
/** One shingle in SAMPLE_EVERY is indexed: about 45 per 700-word article (fewer random index writes per document; recall on eval copies is the same as at 8). */
export const SAMPLE_EVERY = 16;
/** Boilerplate is looked for in the first and last lines of a document, where outlets put it. */
export const HEAD_LINES = 4;
export const TAIL_LINES = 6;
/** A line shorter than this (in words) is too common to be an outlet's own text. */
const LINE_MIN_WORDS = 4;

export interface Sketch {
  /** Hash of each shingle, in text order (shingle i starts at word i; they cross line ends). */
  readonly shingles: Uint32Array;
  /** Line (index into `lines`) of each word. */
  readonly wordLine: Int32Array;
  /** Hash of each line's folded words (0 for a line with fewer than LINE_MIN_WORDS words). */
  readonly lines: readonly number[];
  /** Indexes of the lines boilerplate is looked for in: the first and last non-empty ones. */
  readonly edges: readonly number[];
  /** Distinct sampled shingle hashes, in text order: what a store indexes the document by. */
  readonly sample: readonly number[];
}


function wordHash(w: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function seqHash(hashes: ArrayLike<number>, from: number, to: number): number {
  let h = 0x9747b28c;
  for (let i = from; i < to; i++) h = fmix(Math.imul(h, 31) ^ hashes[i]!);
  return h;
}

const APOSTROPHES = /['’ʼ‘`´]/g;
const WORD = /[\p{L}\p{N}]+/gu;

/** A line's words, folded: lower case, accents and apostrophes dropped ("Don’t" -> "dont"). */
export function foldedWords(line: string): string[] {
  const s = line.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(APOSTROPHES, '');
  return s.match(WORD) ?? [];
}

// The last text sketched: a landing document is sketched by the copies stage, then again by the
// store that indexes it; the same string comes back.
let last: { text: string; sketch: Sketch } | undefined;

export function sketch(text: string): Sketch {
  if (last?.text === text) return last.sketch;
  const sk = sketchOf(text);
  last = { text, sketch: sk };
  return sk;
}

function sketchOf(text: string): Sketch {
  const words: number[] = [];
  const wordLine: number[] = [];
  const lines: number[] = [];
  const nonEmpty: number[] = [];
  for (const line of text.split('\n')) {
    const ws = foldedWords(line).map(wordHash);
    const index = lines.length;
    lines.push(ws.length >= LINE_MIN_WORDS ? seqHash(ws, 0, ws.length) || 1 : 0);
    if (ws.length) nonEmpty.push(index);
    for (const w of ws) { words.push(w); wordLine.push(index); }
  }
  const n = Math.max(0, words.length - SHINGLE_WORDS + 1);
  const shingles = new Uint32Array(n);
  const sample: number[] = [];
  const seen = new Set<number>();
  for (let i = 0; i < n; i++) {
    const h = seqHash(words, i, i + SHINGLE_WORDS);
    shingles[i] = h;
    if (h % SAMPLE_EVERY === 0 && !seen.has(h)) { seen.add(h); sample.push(h); }
  }
  const edgeSet = new Set([...nonEmpty.slice(0, HEAD_LINES), ...nonEmpty.slice(-TAIL_LINES)]);
  const edges = [...edgeSet].filter((i) => lines[i]).sort((a, b) => a - b);
  return { shingles, wordLine: Int32Array.from(wordLine), lines, edges, sample };
}

/** Distinct shingles of a sketch, to look another document's shingles up in. */
export function shingleSet(s: Sketch): Set<number> {
  return new Set(s.shingles);
}

/**
 * The shingles that are the document's own text: every shingle, less those that touch a line
 * in `skip` (its outlet's boilerplate), distinct.
 */
export function ownShingles(s: Sketch, skip: ReadonlySet<number> = new Set()): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < s.shingles.length; i++) {
    if (skip.size) {
      let touches = false;
      for (let w = i; w < i + SHINGLE_WORDS && !touches; w++) touches = skip.has(s.wordLine[w]!);
      if (touches) continue;
    }
    out.add(s.shingles[i]!);
  }
  return out;
}

/** Containment of `own` in `other`: the share of one document's own shingles found in the other. */
export function containment(own: ReadonlySet<number>, other: ReadonlySet<number>): number {
  if (!own.size) return 0;
  let found = 0;
  for (const h of own) if (other.has(h)) found++;
  return found / own.size;
}

/** Sampled shingles of `own`: the items to look candidates up by, boilerplate left out. */
export function sampleOf(s: Sketch, own: ReadonlySet<number>): number[] {
  return s.sample.filter((h) => own.has(h));
}
