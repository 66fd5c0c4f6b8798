import type { Paragraph } from '../../core/layers.js';
import { attributionAfter, attributionBefore, type Attribution } from './cue.js';
import { findQuotedSpans, type QuotedSpan } from './marks.js';
import type { TokenView } from './view.js';

/** A direct quote found from its marks, with its attribution when the text gives one. */
export interface DirectQuote {
  readonly quoted: QuotedSpan;
  /** Content span: the quoted words, widened to the reported clause for partial quotes. */
  readonly start: number;
  readonly end: number;
  /** Token range of the quotation marks span [first, last). */
  readonly firstToken: number;
  readonly endToken: number;
  readonly attribution?: Attribution;
  /** Index (in the returned list) of the quote whose speaker this one continues. */
  readonly continues?: number;
}

function crossesParagraph(v: TokenView, from: number, to: number): boolean {
  for (let k = Math.max(0, from - 1); k < to - 1 && k < v.length; k++) if (v.breakAfter(k)) return true;
  return false;
}

const countWords = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const CLAUSE_PUNCT = new Set([',', ':', ';', '—', '–', '(', ')']);
const TERMINAL = new Set(['.', '!', '?', '…', '...']);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'while', 'whereas', 'as', 'because', 'so']);

/**
 * Finds quoted stretches and attributes them: a cue after the quote (", said X", ", X said"),
 * else one before it in the same sentence ("X said:", "X told Y that ... “..."), else the
 * speaker of the quote just before, when nothing but that quote's attribution separates them.
 * Short unattributed stretches are scare quotes or titles and are dropped.
 */
export function findDirectQuotes(v: TokenView, paragraphs: readonly Paragraph[], minUnattributedWords = 6): DirectQuote[] {
  const spans = findQuotedSpans(v.text, paragraphs);
  const tokenSpans = spans.map((q) => {
    const first = v.tokenAtOrAfter(q.start);
    const end = Math.max(first + 1, v.tokenAtOrAfter(q.end - 1) + 1);
    return { q, first, end };
  });
  const out: DirectQuote[] = [];
  let lastAttributed = -1;
  let lastAttributionSentence = -1;
  let absorbUntil = -1;
  for (let n = 0; n < tokenSpans.length; n++) {
    const { q, first, end } = tokenSpans[n]!;
    if (first >= v.length) continue;
    // Already inside the reported clause of an earlier quote.
    if (first <= absorbUntil) continue;
    const s1 = v.sentenceOf[first]!, s2 = v.sentenceOf[Math.min(end, v.length) - 1]!;
    const sent1 = v.sentences[s1], sent2 = v.sentences[s2];
    if (!sent1 || !sent2) continue;
    const next = tokenSpans[n + 1];
    const prev = tokenSpans[n - 1];
    const tailHi = Math.min(sent2.tokenEnd, next && next.first >= end ? next.first : sent2.tokenEnd);
    let headLo = sent1.tokenStart;
    if (prev && prev.end > headLo && prev.end <= first) headLo = prev.end;
    let att: Attribution | null = attributionAfter(v, end, tailHi, false);
    if (!att && first > headLo) att = attributionBefore(v, first, headLo, false);
    // "X said:" closing the sentence or paragraph before a quote that opens its own.
    if (!att && first === sent1.tokenStart && s1 > 0) {
      const ps = v.sentences[s1 - 1]!;
      if (v.tokens[ps.tokenEnd - 1]?.text === ':') att = attributionBefore(v, ps.tokenEnd - 1, ps.tokenStart, false);
    }
    let start = q.start;
    let stop = q.end;
    if (att && att.position === 'before' && att.form !== 'according' && att.cueLast < first) {
      // A partial quote inside a reported clause: the whole clause is the content.
      let clean = first > att.cueLast + 1 && first - att.cueLast - 1 <= 25;
      for (let k = att.cueLast + 1; k < first && clean; k++) if (CLAUSE_PUNCT.has(v.tokens[k]!.text)) clean = false;
      if (clean) {
        start = v.tokens[att.cueLast + 1]!.start;
        let e = sent2.tokenEnd - 1;
        while (e >= end && TERMINAL.has(v.tokens[e]!.text)) e--;
        if (e >= end) {
          stop = v.tokens[e]!.end;
          absorbUntil = e;
        }
      }
    } else if (att && att.position === 'after' && first > headLo) {
      // A quote finishing a sentence begun outside it ("the region is “unstable,” she said"):
      // the clause it completes belongs to the content.
      let b = first - 1;
      while (b >= headLo && first - b <= 12 && !CLAUSE_PUNCT.has(v.tokens[b]!.text) && !v.breakAfter(b)) b--;
      let from = b + 1;
      while (from < first && CONJUNCTIONS.has(v.lower[from]!)) from++;
      if (from < first && (b < headLo || CLAUSE_PUNCT.has(v.tokens[b]!.text) || v.breakAfter(b)) && !process.env.QX_NOHEAD) start = v.tokens[from]!.start;
    }
    if (att) {
      out.push({ quoted: q, start, end: stop, firstToken: first, endToken: end, attribution: att });
      lastAttributed = out.length - 1;
      lastAttributionSentence = v.sentenceOf[att.cueLast]!;
      continue;
    }
    // No cue: continue the previous speaker when only that quote's attribution lies between.
    const opensSentence = first === sent1.tokenStart || v.tokens[first - 1]?.text === ',' || v.tokens[first - 1]?.text === ':';
    const sameParagraph = !crossesParagraph(v, out[out.length - 1]?.endToken ?? 0, first);
    if (lastAttributed >= 0 && opensSentence && s1 - lastAttributionSentence <= 1 && s1 >= lastAttributionSentence && sameParagraph) {
      out.push({ quoted: q, start, end: q.end, firstToken: first, endToken: end, continues: lastAttributed });
      lastAttributionSentence = s2;
      continue;
    }
    if (countWords(v.text.slice(q.innerStart, q.innerEnd)) >= minUnattributedWords) {
      out.push({ quoted: q, start, end: q.end, firstToken: first, endToken: end });
    }
  }
  return out;
}
