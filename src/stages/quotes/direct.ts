import type { Paragraph } from '../../core/layers.js';
import { attributionAfter, attributionBefore, sentenceSubject, type Attribution } from './cue.js';
import { phraseAfter } from './speaker.js';
import { findQuotedSpans, type QuotedSpan } from '../../text/quote-marks.js';
import { clauseBreak } from './clause.js';
import { reportContentStart } from './content-start.js';
import { SPEECH_VERBS } from '../../text/reporting-verbs.js';
import { DETERMINERS } from './lexicon.js';
import { SPEAKER_PRONOUNS } from '../../text/pronouns.js';
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
  /** True when the continued quote is in the same paragraph: one passage split by its cue. */
  readonly sameParagraph?: boolean;
}

/** Words that may follow a closing cue without starting a new clause ("she asked on Tuesday"). */
const TAIL_WORDS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'as', 'last', 'this', 'earlier', 'later', 'to', 'of', 'about', 'from', 'with', 'reporters', 'again', 'then', 'yesterday', 'today', 'tonight']);
const TITLE_LEAD = new Set(['of', 'on', 'in', 'titled', 'entitled', 'at', 'from', 'for', '’s', "'s", 'by', 'with', 'album', 'book', 'film', 'movie', 'show', 'song', 'series', 'program', 'programme', 'column', 'episode', 'novel', 'play']);
const MINOR_WORDS = /^(?:a|an|the|of|and|or|in|on|at|to|for|with|by|from|de|la|vs?\.?|&|\d+)$/i;

/** “The Late Show” after "on", "of", "titled", a possessive: a name of a work, not speech. */
function isTitle(v: TokenView, q: QuotedSpan, first: number): boolean {
  const words = v.text.slice(q.innerStart, q.innerEnd).replace(/[.,!?:;]+$/, '').split(/\s+/).filter(Boolean);
  if (!words.length || words.length > 8) return false;
  if (!words.every((w) => /^[\p{Lu}\d“"‘'(]/u.test(w) || MINOR_WORDS.test(w))) return false;
  return first > 0 && TITLE_LEAD.has(v.lower[first - 1]!);
}

/** Words between an outer report and the clause it holds: "says if people think …". */
const OUTER_LINKS = new Set(['if', 'when', 'because', 'although', 'though', 'once', 'unless']);

/** The report whose content opens with `inner`'s subject: "X said (that) she hopes ...". */
function outerReport(v: TokenView, inner: Attribution, lo: number): Attribution | null {
  let k = inner.speaker.first - 1;
  if (v.lower[k] === 'that' || OUTER_LINKS.has(v.lower[k]!)) k--;
  if (k < lo || k <= 0) return null;
  const outer = attributionBefore(v, k + 1, lo, true, 1);
  if (outer && outer.cueLast === k && outer.form === 'subject') return outer;
  // "X told reporters he thought …", "X said Sunday in Madison that she hoped …": the outer
  // report's content, past its addressee or time, opens with the inner one's subject.
  for (let j = k - 1; j >= lo && j > k - OUTER_REACH; j--) {
    if (v.isPunct(j) && v.tokens[j]!.text !== ',') break;
    const c = reportContentStart(v, j, inner.speaker.first + 1);
    if (c !== inner.speaker.first && !(c === inner.speaker.first - 1 && v.lower[c] === 'that')) continue;
    const far = attributionBefore(v, j + 1, lo, true, 1);
    return far && far.cueLast === j && far.form === 'subject' ? far : null;
  }
  return null;
}
/** How far back an outer report's verb may stand from the inner report's subject. */
const OUTER_REACH = 12;

function crossesParagraph(v: TokenView, from: number, to: number): boolean {
  for (let k = Math.max(0, from - 1); k < to && k < v.length - 1; k++) if (v.breakAfter(k)) return true;
  return false;
}

const countWords = (s: string) => (s.match(/[\p{L}\p{N}]+/gu) ?? []).length;
const CLAUSE_PUNCT = new Set([',', ':', ';', '—', '–', '(', ')']);
const TERMINAL = new Set(['.', '!', '?', '…', '...']);
const CONJUNCTIONS = new Set(['and', 'but', 'or', 'while', 'whereas', 'as', 'because', 'so']);

/**
 * The source of a quote no cue attributes, from the sentence that introduces it: the subject of
 * a sentence that ends in a colon before it ("Dr. Ward stated:", "The memo reads:"), or of the
 * sentence the quote sits in ("Ward, visibly tired, offered a last thought “...”"). A name or a
 * personal pronoun only: "the report" or "this" are not taken on so little evidence.
 */
function contextSpeaker(v: TokenView, first: number, s1: number): Attribution | null {
  const sent = v.sentences[s1]!;
  let subj: ReturnType<typeof sentenceSubject> = null;
  if (first > sent.tokenStart) subj = sentenceSubject(v, sent.tokenStart, first);
  else if (s1 > 0) {
    const ps = v.sentences[s1 - 1]!;
    if (v.tokens[ps.tokenEnd - 1]?.text === ':') subj = sentenceSubject(v, ps.tokenStart, ps.tokenEnd - 1);
  }
  if (!subj || (!v.isCapitalized(subj.speaker.first) && !SPEAKER_PRONOUNS.has(v.lower[subj.speaker.first]!))) return null;
  if (DETERMINERS.has(v.lower[subj.speaker.first]!)) return null;
  return { cueFirst: subj.verb, cueLast: subj.verb, speaker: subj.speaker, position: 'before', form: 'subject' };
}

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
    if (isTitle(v, q, first)) continue;
    const s1 = v.sentenceOf[first]!, s2 = v.sentenceOf[Math.min(end, v.length) - 1]!;
    const sent1 = v.sentences[s1], sent2 = v.sentences[s2];
    if (!sent1 || !sent2) continue;
    const next = tokenSpans[n + 1];
    const prev = tokenSpans[n - 1];
    const tailHi = Math.min(sent2.tokenEnd, next && next.first >= end ? next.first : sent2.tokenEnd);
    let headLo = sent1.tokenStart;
    if (prev && prev.end > headLo && prev.end <= first) headLo = prev.end;
    let att: Attribution | null = attributionAfter(v, end, tailHi, false);
    // “Why now?” she asked.  The splitter ends a sentence at "?”"; the cue opens the next one.
    if (!att && end === sent2.tokenEnd && end < v.length && !v.breakAfter(end - 1) && /[?!]/.test(v.tokens[end - 2]?.text ?? '')) {
      const ns = v.sentences[s2 + 1];
      if (ns) {
        const hi = Math.min(ns.tokenEnd, next && next.first >= end ? next.first : ns.tokenEnd);
        const a = attributionAfter(v, end, hi, false);
        const after = a ? Math.max(a.cueLast, a.speaker.last) + 1 : -1;
        if (a && (after >= hi || v.isPunct(after) || !/^\p{Ll}/u.test(v.tokens[after]!.text) || TAIL_WORDS.has(v.lower[after]!))) att = a;
      }
    }
    if (!att && first > headLo) att = attributionBefore(v, first, headLo, false);
    // "X said:" closing the sentence or paragraph before a quote that opens its own.
    if (!att && first === sent1.tokenStart && s1 > 0) {
      const ps = v.sentences[s1 - 1]!;
      if (v.tokens[ps.tokenEnd - 1]?.text === ':') att = attributionBefore(v, ps.tokenEnd - 1, ps.tokenStart, false);
    }
    // "Ann Lee said she hopes the plan “works”": the outer report holds the inner one, and
    // its subject is the source.
    if (att && att.position === 'before' && att.form === 'subject') att = outerReport(v, att, headLo) ?? att;
    // "..., saying, “...”": a participle's speaker is the subject of the sentence.
    if (att && att.position === 'before' && /ing$/.test(v.lower[att.cueLast]!) && v.tokens[att.cueFirst - 1]?.text === ',') {
      // The subject of an earlier reporting verb in the sentence, else the sentence's subject.
      const earlier = attributionBefore(v, att.cueFirst - 1, sent1.tokenStart, false);
      const subj = earlier ? null : sentenceSubject(v, sent1.tokenStart, att.cueFirst);
      if (earlier) att = { ...att, speaker: earlier.speaker };
      else if (subj) att = { ...att, speaker: subj.speaker };
    }
    // "Said Ana Ruiz, a neighbour, “...”", "Added Ruiz: “...”": the cue opens the sentence.
    if (!att && first > sent1.tokenStart + 1 && (v.tokens[first - 1]!.text === ':' || v.tokens[first - 1]!.text === ',')) {
      const cue = sent1.tokenStart;
      const sp = v.isCapitalized(cue) && SPEECH_VERBS.has(v.lower[cue]!) && /(ed|id|te|ote)$/.test(v.lower[cue]!) ? phraseAfter(v, cue + 1, first - 1) : null;
      if (sp && sp.first === cue + 1 && v.isCapitalized(sp.first)) att = { cueFirst: cue, cueLast: cue, speaker: sp, position: 'before', form: 'inverted' };
    }
    // "Clinton has since apologized: “...”": a colon hands the quote to the sentence's subject.
    if (!att && first > sent1.tokenStart && (v.tokens[first - 1]!.text === ':' || v.tokens[first - 1]!.text === ',')) {
      const subj = sentenceSubject(v, sent1.tokenStart, first - 1);
      if (subj) att = { cueFirst: subj.verb, cueLast: subj.verb, speaker: subj.speaker, position: 'before', form: 'subject' };
    }
    let start = q.start;
    let stop = q.end;
    if (att && att.position === 'before' && att.form !== 'according' && att.cueLast < first) {
      // A partial quote inside a reported clause: the whole clause is the content.
      // An explicit "that" marks where the clause starts, so commas after it are its own.
      // "said (on Tuesday) that", "told reporters that": the clause starts past a time or an addressee.
      let from = reportContentStart(v, att.cueLast, first);
      if (from >= first) from = att.cueLast + 1;
      const marked = v.lower[from] === 'that';
      // A quote right after a speech verb ("said “it is too late” when …") opens the clause: a term
      // after "called" or "chanted" does not.
      const opens = first === from && SPEECH_VERBS.has(v.lower[att.cueLast]!) && countWords(v.text.slice(q.innerStart, q.innerEnd)) > 3;
      let clean = (first > from || opens) && first - from <= (marked ? 40 : 25);
      for (let k = from; k < first && clean; k++) {
        const t = v.tokens[k]!.text;
        if (marked ? t === ':' || t === ';' : CLAUSE_PUNCT.has(t)) clean = false;
      }
      if (clean) {
        start = v.tokens[from]!.start;
        let e = sent2.tokenEnd - 1;
        for (let k = end; k <= e; k++) {
          if (clauseBreak(v, k)) {
            e = k - 1;
            break;
          }
        }
        while (e >= end && (TERMINAL.has(v.tokens[e]!.text) || CLAUSE_PUNCT.has(v.tokens[e]!.text))) e--;
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
      if (from < first && (b < headLo || CLAUSE_PUNCT.has(v.tokens[b]!.text) || v.breakAfter(b))) start = v.tokens[from]!.start;
    }
    // “A,” she said, “b.”  The cue before this quote is the one that closed the last quote:
    // a single passage interrupted by its attribution.
    const prevAtt = lastAttributed >= 0 ? out[lastAttributed]!.attribution : undefined;
    if (att && prevAtt && att.cueLast === prevAtt.cueLast && prevAtt.position === 'after' && !crossesParagraph(v, out[out.length - 1]!.endToken, first)) {
      out.push({ quoted: q, start: q.start, end: q.end, firstToken: first, endToken: end, continues: lastAttributed, sameParagraph: true });
      lastAttributionSentence = s2;
      continue;
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
    const opensParagraph = first === 0 || v.breakAfter(first - 1);
    if (lastAttributed >= 0 && opensSentence && s1 - lastAttributionSentence <= 1 && s1 >= lastAttributionSentence && (sameParagraph || opensParagraph)) {
      out.push({ quoted: q, start, end: q.end, firstToken: first, endToken: end, continues: lastAttributed, ...(sameParagraph ? { sameParagraph } : {}) });
      lastAttributionSentence = s2;
      continue;
    }
    if (countWords(v.text.slice(q.innerStart, q.innerEnd)) >= minUnattributedWords) {
      const context = contextSpeaker(v, first, s1);
      out.push({ quoted: q, start, end: q.end, firstToken: first, endToken: end, ...(context ? { attribution: context } : {}) });
      if (context) {
        lastAttributed = out.length - 1;
        lastAttributionSentence = s1;
      }
    }
  }
  return out;
}
