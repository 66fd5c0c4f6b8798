import { SpanIndex } from '../../core/span-index.js';
import type { Span } from '../../core/span.js';
import { phraseAfter, phraseBefore, type Phrase } from './speaker.js';
import type { TokenView } from './view.js';

/*
 * Reported questions: "Hewitt asked Trump about the remarks", "Asked by reporters why she
 * stayed, Lee said ...". The content is the question, from its wh-word to the clause's end;
 * the source is whoever asked, when the text names them.
 */

export interface ReportedQuestion extends Span {
  readonly cueFirst: number;
  readonly cueLast: number;
  readonly speaker?: Phrase;
}

const ASK = new Set(['asked', 'asks', 'asking']);
const OPENERS = new Set(['whether', 'if', 'why', 'how', 'what', 'who', 'whom', 'which', 'when', 'where', 'about']);
/** Words that may stand between "asked" and the question: its addressee, "by X", "on Fox News". */
const REACH = 7;

export function findQuestions(v: TokenView, skip: (sentence: number) => boolean, taken: readonly Span[]): ReportedQuestion[] {
  const out: ReportedQuestion[] = [];
  const takenIndex = new SpanIndex(taken);
  for (let s = 0; s < v.sentences.length; s++) {
    if (skip(s)) continue;
    const { tokenStart: a, tokenEnd: b } = v.sentences[s]!;
    for (let k = a; k < b - 2; k++) {
      const w = questionAt(v, k, b);
      if (w < 0 || (v.lower[w] === 'about' && w === k + 1 && !isAsker(v, k, a))) continue;
      let e = w + 1;
      while (e < b && !/^[,;:—–]$/.test(v.tokens[e]!.text)) e++;
      while (e > w + 1 && /^[.!?]$/.test(v.tokens[e - 1]!.text)) e--;
      if (e - w < 3) continue;
      const span = { start: v.tokens[w]!.start, end: v.tokens[e - 1]!.end };
      if (takenIndex.overlapsAny(span.start, span.end)) continue;
      out.push({ ...span, cueFirst: k, cueLast: k, ...askerOf(v, k, w, a) });
      break;
    }
  }
  return out;
}

/** When token k is "asked" followed by a question ("whether", "why", "about" ...), the question's first token; else -1. */
export function questionAt(v: TokenView, k: number, b: number): number {
  if (!ASK.has(v.lower[k]!)) return -1;
  let w = k + 1;
  while (w < b && w <= k + REACH && !OPENERS.has(v.lower[w]!) && !/^[,.;:!?—–]$/.test(v.tokens[w]!.text)) w++;
  return w < b && OPENERS.has(v.lower[w]!) ? w : -1;
}

/** Whoever asked: the subject before "asked", else "by X" after it. */
function askerOf(v: TokenView, k: number, w: number, a: number): { speaker?: Phrase } {
  if (isAsker(v, k, a)) {
    const sp = phraseBefore(v, k, a);
    if (sp) return { speaker: sp };
  }
  for (let t = k + 1; t < w; t++) {
    if (v.lower[t] !== 'by') continue;
    const sp = phraseAfter(v, t + 1, w);
    if (sp) return { speaker: sp };
  }
  return {};
}

/** "X asked": a subject stands before the verb (not "When asked", "Asked by", "was asked"). */
function isAsker(v: TokenView, k: number, a: number): boolean {
  if (k === a) return false;
  const p = v.lower[k - 1]!;
  return !['when', 'if', 'after', 'before', 'once', 'while', 'was', 'were', 'is', 'are', 'been', 'be', 'being', ',', 'and'].includes(p);
}
