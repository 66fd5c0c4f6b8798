import { SpanIndex } from '../../core/span-index.js';
import type { Span } from '../../core/span.js';
import { reportEnd } from './clause.js';
import type { TokenView } from './view.js';

/*
 * Hedged reports with no source in the text: "the plan appears to be dead", "turnout is
 * expected to rise", "it seems that the talks stalled", "the firm reportedly cut jobs". The writer attributes the claim to an
 * unnamed view, so the clause is an attribution with a cue and no speaker. The content is the
 * clause, its subject included ("It appears that …" gives what follows "that").
 */

export interface Hedge extends Span {
  readonly cueFirst: number;
  readonly cueLast: number;
}

const SEEM = new Set(['seems', 'seemed', 'appears', 'appeared']);
/** "is expected to", "are believed to", "was said to". */
const PASSIVE_REPORTS = new Set(['expected', 'believed', 'thought', 'said', 'reported', 'rumored', 'projected', 'predicted', 'estimated', 'alleged', 'considered', 'known', 'seen']);
const EXPECTED_AUX = new Set(['is', 'are', 'was', 'were']);
const CLAUSE_EDGES = new Set([',', ';', ':', '—', '–', '(', '“', '”', '"']);
const LINKS = new Set(['and', 'but', 'while', 'though', 'although', 'because', 'as', 'so', 'if', 'when']);
const CUE_WORDS = new Set([...SEEM, ...PASSIVE_REPORTS, 'reportedly', 'allegedly']);
const MAX_SUBJECT = 20;
const MIN_TOKENS = 3;

/** The cue of a hedge at token k: [first, last], or null. */
function hedgeCue(v: TokenView, k: number): [number, number] | null {
  const l = v.lower[k]!;
  if (SEEM.has(l) && (v.lower[k + 1] === 'to' || v.lower[k + 1] === 'that' || !v.isPunct(k + 1))) return [k, k];
  if (PASSIVE_REPORTS.has(l) && EXPECTED_AUX.has(v.lower[k - 1] ?? '') && v.lower[k + 1] === 'to') return [k - 1, k];
  if (l === 'reportedly' || l === 'allegedly') return [k, k];
  return null;
}

export function findHedges(v: TokenView, skip: (sentence: number) => boolean, taken: readonly Span[]): Hedge[] {
  const takenIndex = new SpanIndex(taken);
  const out: Hedge[] = [];
  for (let s = 0; s < v.sentences.length; s++) {
    if (skip(s)) continue;
    const { tokenStart: a } = v.sentences[s]!;
    let b = v.sentences[s]!.tokenEnd;
    while (b > a && /^[.!?]$/.test(v.tokens[b - 1]!.text)) b--;
    for (let k = a + 1; k < b - 1; k++) {
      if (!CUE_WORDS.has(v.lower[k]!)) continue;
      const cue = hedgeCue(v, k);
      if (!cue) continue;
      let from: number;
      if (v.lower[cue[0] - 1] === 'it' && (v.lower[k + 1] === 'that' || v.lower[k + 1] === ',')) {
        // "It appears (, though,) that …": the clause after "that".
        from = k + 1;
        while (from < b && v.lower[from] !== 'that' && from < k + 5) from++;
        if (v.lower[from] !== 'that') continue;
      } else {
        from = cue[0];
        while (from > a && cue[0] - from < MAX_SUBJECT && !CLAUSE_EDGES.has(v.tokens[from - 1]!.text) && !LINKS.has(v.lower[from - 1]!)) from--;
        if (from === cue[0] || v.lower[from] === 'it' || v.lower[from] === 'there') continue;
      }
      const e = reportEnd(v, cue[1], b);
      if (e - from < MIN_TOKENS) continue;
      const span = { start: v.tokens[from]!.start, end: v.tokens[e - 1]!.end };
      if (takenIndex.overlapsAny(span.start, span.end) || out.some((t) => t.start < span.end && span.start < t.end)) continue;
      out.push({ ...span, cueFirst: cue[0], cueLast: cue[1] });
      k = e;
    }
  }
  return out;
}
