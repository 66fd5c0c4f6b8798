import { isReportingVerb, type Attribution } from './cue.js';
import { reportEnd } from './clause.js';
import { reportContentStart, TELL } from './content-start.js';
import { phraseBefore } from './speaker.js';
import type { TokenView } from './view.js';

/*
 * Reports inside a sentence whose first report (or none) the sentence rules found: "Among
 * those who said they trust the courts, …", "Lee, who says he votes early, said …",
 * "…, and more than half said the economy is weak". Every speech verb with its subject right
 * before it and a clause after it reports that clause.
 */

const MIN_TOKENS = 3;
/** Words that may open the reported clause after the verb. */
const CLAUSE_OPENERS = new Set(['that', 'he', 'she', 'they', 'it', 'we', 'i', 'the', 'a', 'an', 'his', 'her', 'their', 'its', 'there', 'this', 'if']);
/** Verbs with another common sense, reporting only before "that". */
const THAT_ONLY = new Set(['state', 'states', 'continue', 'continues', 'continued', 'known', 'find', 'show', 'feel', 'feels', 'felt', 'know', 'knows', 'knew']);
/** Subjects that do not name a source. */
const NOT_SOURCES = new Set(['it', 'there', 'this', 'that', 'what', 'which']);

export interface InnerReport {
  readonly start: number;
  readonly end: number;
  readonly attribution: Attribution;
}

type Spans = readonly { readonly start: number; readonly end: number }[];

/** Reports in the sentence's tokens [a, b) whose content overlaps no span in the lists of `taken`. */
export function findInnerReports(v: TokenView, a: number, b: number, taken: readonly Spans[]): InnerReport[] {
  const out: InnerReport[] = [];
  for (let k = a + 1; k < b - MIN_TOKENS; k++) {
    if (!isReportingVerb(v, k, true) || /ing$/.test(v.lower[k]!)) continue;
    const c = reportContentStart(v, k, b);
    const opener = v.lower[c]!;
    // The clause must open right after the verb: "said they …", "says that …", "said the …".
    if (!CLAUSE_OPENERS.has(opener) && !v.isCapitalized(c)) continue;
    // "his home state", "continued the fight", "told The Times": these need "that" to report.
    if (THAT_ONLY.has(v.lower[k]!) && opener !== 'that') continue;
    // "told The Times": an addressee alone is not what was told.
    if ((TELL.has(v.lower[k]!) && c === k + 1) || v.lower[k] === 'remarks') continue;
    const sp = phraseBefore(v, k, a);
    if (!sp || NOT_SOURCES.has(v.lower[sp.first]!)) continue;
    // A relative subject ("who said …,") ends the clause at the next comma.
    const relative = v.lower[sp.first] === 'who';
    let e = reportEnd(v, c, b);
    if (relative) for (let t = c + 1; t < e; t++) if (v.tokens[t]!.text === ',') { e = t; break; }
    while (e > c && /^[,.;:!?—–]$/.test(v.tokens[e - 1]!.text)) e--;
    if (e - c < MIN_TOKENS) continue;
    const span = { start: v.tokens[c]!.start, end: v.tokens[e - 1]!.end };
    const overlaps = (t: { start: number; end: number }) => t.start < span.end && span.start < t.end;
    if (out.some(overlaps) || taken.some((list) => list.some(overlaps))) continue;
    if (/[“”"]/.test(v.text.slice(span.start, span.end))) continue;
    out.push({ ...span, attribution: { cueFirst: k, cueLast: k, speaker: sp, position: 'before', form: 'subject' } });
  }
  return out;
}
