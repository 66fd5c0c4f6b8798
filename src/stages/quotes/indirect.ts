import { SpanIndex } from '../../core/span-index.js';
import type { Span } from '../../core/span.js';
import { accordingAt, attributionAfter, isReportingVerb, sentenceSubject, type Attribution } from './cue.js';
import { phraseBefore } from './speaker.js';
import { doubledClose, isDoubledMark } from './apostrophes.js';
import { questionAt } from './questions.js';
import { reportEnd } from './clause.js';
import { reportContentStart, TELL } from './content-start.js';
import { findStances } from './stance.js';
import { findInnerReports } from './inner-reports.js';
import { labelledTurn } from './labels.js';
import type { TokenView } from './view.js';
import { WEEKDAY_NAMES } from '../../text/weekdays.js';

export interface IndirectQuote extends Span {
  readonly attribution: Attribution;
}

const TERMINAL = new Set(['.', '!', '?', '…', '...']);
const MIN_CONTENT_TOKENS = 3;
/** What may stand right before the subject of a reporting clause. */
const CLAUSE_OPENERS = new Set([',', '―', '—', '–', ':', ';', 'but', 'and', 'though', 'although', 'while', 'whereas', 'because', 'so', 'yet', 'since', 'when', 'after', 'before', 'as']);
/** Verbs whose content is an infinitive: "vowed to fight", "urged voters to stay home". */
const PLEDGES = new Set(['vowed', 'vows', 'promised', 'promises', 'pledged', 'pledges', 'urged', 'urges', 'threatened', 'threatens', 'demanded', 'demands', 'asked', 'asks', 'warned', 'begged', 'called', 'calls', 'encouraged', 'encourages', 'offered', 'offers', 'proposed', 'proposes', 'refused', 'refuses', 'declined', 'declines', 'agreed', 'agrees']);
const COORDINATORS = new Set(['and', 'but']);
/**
 * Verbs that report only with "that" after them: otherwise "state" is a noun ("his home
 * state") and "continues to grow" is not speech.
 */
const NEEDS_THAT = new Set(['state', 'states', 'continue', 'continues', 'continued', 'known']);
/** What may follow a closing attribution ("..., she said in a statement on Tuesday."). */
const TRAILERS = new Set(['in', 'on', 'at', 'during', 'after', 'before', 'when', 'while', 'last', 'this', 'earlier', 'later', 'to', 'recently',
  'yesterday', 'today', 'tonight', ...WEEKDAY_NAMES, 'adding', 'noting', 'citing',
  'according', 'of', 'about', 'as', 'via', 'through', 'from', 'with', 'reporters', 'journalists', 'told', 'late', 'early', 'afterward', 'afterwards', 'then', 'again', 'recently', 'for', 'by', 'without', 'because', 'but', 'and']);

const FINITE = new Set(['is', 'are', 'was', 'were', 'will', 'would', 'has', 'have', 'had', 'can', 'could', 'should', 'must', 'may', 'might', 'does', 'did']);

/** A finite verb among the tokens [a, b) before any comma: the words run on as a clause. */
function finiteVerbIn(v: TokenView, a: number, b: number): boolean {
  for (let k = a; k < b && v.tokens[k]!.text !== ','; k++) if (FINITE.has(v.lower[k]!)) return true;
  return false;
}

/** Content tokens [a, b) as a span, or null when too short to be a claim. */
function contentSpan(v: TokenView, a: number, b: number): Span | null {
  while (a < b && /^[,:;—–]$/.test(v.tokens[a]!.text)) a++;
  while (b > a && /^[,:;—–.!?…]$/.test(v.tokens[b - 1]!.text)) b--;
  if (b - a < MIN_CONTENT_TOKENS) return null;
  return { start: v.tokens[a]!.start, end: v.tokens[b - 1]!.end };
}

/**
 * Reported speech without quotation marks, one sentence at a time:
 *   "CONTENT, X said."  "CONTENT, said X."  "CONTENT, X said, CONTENT."
 *   "X said (that) CONTENT."  "X told Y (that) CONTENT."
 *   "According to X, CONTENT."  "CONTENT, according to X."
 * `skip` holds sentences already covered by direct quotes.
 */
export function findIndirectQuotes(v: TokenView, skip: (sentence: number) => boolean, quoted: readonly Span[] = []): IndirectQuote[] {
  const out: IndirectQuote[] = [];
  // What each sentence adds lies in it, after all the sentences before: the quotes found before
  // `settled` end before the sentence begins, and only the direct quotes over it can overlap, so
  // a long document costs its length, not its sentences times its quotes.
  const quotedIndex = new SpanIndex(quoted);
  let settled = 0;
  for (let s = 0; s < v.sentences.length; s++) {
    const sent = v.sentences[s]!;
    const a = sent.tokenStart;
    let b = sent.tokenEnd;
    if (b - a < MIN_CONTENT_TOKENS + 2) continue;
    if (TERMINAL.has(v.tokens[b - 1]!.text)) b--;
    const from = v.tokens[a]!.start;
    while (settled < out.length && out[settled]!.end <= from) settled++;
    const recent = () => out.slice(settled);
    // "Ruiz: Bridge Will Reopen": a headline or a transcript turn, up to the paragraph's end.
    const turn = labelledTurn(v, a);
    if (turn && !quotedIndex.overlapsAny(turn.start, turn.end)) {
      out.push(turn);
      s = v.sentenceOf[turn.lastToken]!;
      continue;
    }
    if (skip(s)) {
      // Around direct quotes: "..., adding that CONTENT", and a report the quotes left alone.
      const free = (x: Span) => !quotedIndex.overlapsAny(x.start, x.end) && !recent().some((q) => q.start < x.end && x.start < q.end);
      for (const part of participleAttributions(v, a, b)) if (free(part)) out.push(part);
      // Without marks of its own: quoted words in a report are the direct rules' to judge.
      const report = sentenceAttribution(v, a, b);
      if (report && free(report) && !/[“”"„«»]/.test(v.text.slice(report.start, report.end))) out.push(report);
      continue;
    }
    const found = doubledQuote(v, a, b) ?? sentenceAttribution(v, a, b);
    if (found) out.push(found);
    const second = found && coordinatedReport(v, found, b);
    if (second) out.push(second);
    // ''A,'' she said. ''B.''  The next sentence, a doubled-apostrophe quote with no cue of its
    // own in the same paragraph, continues the passage.
    while (found && isDoubledMark(v, a) && s + 1 < v.sentences.length && !skip(s + 1)) {
      const next = v.sentences[s + 1]!;
      if (v.breakAfter(next.tokenStart - 1)) break;
      const close = doubledClose(v, next.tokenStart, paragraphEnd(v, next.tokenStart));
      const closeSentence = close < 0 ? -1 : v.sentenceOf[close + 1]!;
      if (close < 0 || attributionAfter(v, close + 2, v.sentences[closeSentence]!.tokenEnd, true)) break;
      out[out.length - 1] = { ...out[out.length - 1]!, end: v.tokens[close + 1]!.end };
      s = closeSentence;
    }
    for (const part of participleAttributions(v, a, b)) if (!(found && found.start < part.end && part.start < found.end)) out.push(part);
    // Stances a sentence reports besides its speech: "X wants …", "her claim that …".
    const to = v.tokens[b - 1]!.end;
    const taken = recent().filter((q) => q.start < to && from < q.end);
    for (const st of findStances(v, a, b)) if (!taken.some((q) => q.start < st.end && st.start < q.end)) out.push(st);
    out.push(...findInnerReports(v, a, b, [quotedIndex.overlapping(from, to), recent()]));
  }
  return out;
}

const PARTICIPLES = new Set(['saying', 'adding', 'arguing', 'noting', 'insisting', 'claiming', 'warning', 'explaining', 'suggesting',
  'asserting', 'contending', 'stressing', 'acknowledging', 'admitting', 'declaring', 'predicting', 'complaining', 'calling', 'accusing',
  // Stances told by a participle: ", citing the cost", ", promising a new bridge".
  'citing', 'referring', 'describing', 'promising', 'urging', 'praising', 'recalling', 'touting', 'questioning', 'criticizing',
  'blaming', 'defending', 'demanding', 'pledging', 'vowing', 'attacking', 'dismissing', 'denouncing', 'condemning', 'expressing',
  'highlighting', 'mocking', 'rejecting', 'pointing', 'asking', 'telling', 'announcing', 'reiterating', 'echoing', 'invoking']);
/** Prepositions before a participle whose subject is the sentence's ("by arguing", "after noting"; "for saying" may be the object's). */
const PARTICIPLE_LEADS = new Set(['by', 'after', 'while', 'when', 'before', 'without']);
/** Particles a participle takes before its content: "calling for", "referring to", "pointing to". */
const PARTICIPLE_PARTICLES = new Set(['for', 'to', 'on', 'out']);

/**
 * "X rejected the plan, saying (that) CONTENT", "…, citing the cost": each participle after a
 * comma reports for the sentence's subject, up to where its clause ends.
 */
function participleAttributions(v: TokenView, a: number, b: number): IndirectQuote[] {
  const out: IndirectQuote[] = [];
  for (let k = a + 2; k < b - MIN_CONTENT_TOKENS; k++) {
    // ", saying …", "… by arguing …".
    if (!PARTICIPLES.has(v.lower[k]!) || !(v.tokens[k - 1]!.text === ',' || PARTICIPLE_LEADS.has(v.lower[k - 1]!))) continue;
    const subj = sentenceSubject(v, a, k);
    if (!subj) break;
    let c = k + 1;
    if (PARTICIPLE_PARTICLES.has(v.lower[c]!)) c++;
    const e = reportEnd(v, c, b);
    const span = contentSpan(v, c, e);
    if (span) out.push({ ...span, attribution: { cueFirst: k, cueLast: c - 1, speaker: subj.speaker, position: 'before', form: 'subject' } });
    k = e - 1;
  }
  return out;
}

/** "X refused to comment but said CONTENT": the report after a coordinator shares the first one's speaker. */
function coordinatedReport(v: TokenView, first: IndirectQuote, b: number): IndirectQuote | null {
  const att = first.attribution;
  if (att.position !== 'before') return null;
  const from = v.tokenAtOrAfter(first.end);
  for (let t = from; t < b - 1 && t <= from + 1; t++) {
    if (!COORDINATORS.has(v.lower[t]!) || !isReportingVerb(v, t + 1, true)) continue;
    let c = t + 2;
    if (v.lower[c] === 'that') c++;
    const span = contentSpan(v, c, b);
    return span ? { ...span, attribution: { ...att, cueFirst: t + 1, cueLast: t + 1 } } : null;
  }
  return null;
}

/** ''A,'' X said (of the plan).  The marks bound the content even when the speaker has an apposition. */
function doubledQuote(v: TokenView, a: number, b: number): IndirectQuote | null {
  const close = doubledClose(v, a, b);
  if (close < 0) return null;
  const att = attributionAfter(v, close + 2, b, true);
  if (!att) return null;
  const after = Math.max(att.speaker.last, att.cueLast) + 1;
  if (after < b && !v.isPunct(after) && !TRAILERS.has(v.lower[after]!)) return null;
  // ''A,'' she said, ''and b.''  One passage around its cue.
  let end = close + 1;
  for (let k = after; k < b - 1 && k < after + 12; k++) {
    if (v.tokens[k]!.text !== ',' || !isDoubledMark(v, k + 1)) continue;
    const close2 = doubledClose(v, k + 1, b);
    if (close2 > 0) end = close2 + 1;
    break;
  }
  return { start: v.tokens[a]!.start, end: v.tokens[end]!.end, attribution: att };
}

/** The token after the last one of the paragraph holding token i. */
function paragraphEnd(v: TokenView, i: number): number {
  while (i < v.length - 1 && !v.breakAfter(i)) i++;
  return i + 1;
}

/** Nouns of documents and surveys that state what a sentence opened by "In a …," reports. */
const SOURCE_NOUNS = new Set(['poll', 'polls', 'survey', 'surveys', 'study', 'report', 'analysis', 'interview', 'statement', 'letter',
  'memo', 'filing', 'op-ed', 'column', 'post', 'tweet', 'book', 'speech', 'editorial', 'essay', 'lawsuit', 'complaint', 'ruling', 'opinion']);
const SOURCE_REACH = 15;

/** "In a survey released Monday, CONTENT" at the sentence's start a. */
function inSourceAt(v: TokenView, a: number, b: number): IndirectQuote | null {
  if (v.lower[a] !== 'in' || !/^(a|an|the|his|her|their|its|one)$/.test(v.lower[a + 1] ?? '')) return null;
  let comma = a + 2;
  while (comma < b && comma < a + SOURCE_REACH && v.tokens[comma]!.text !== ',') comma++;
  if (v.tokens[comma]?.text !== ',') return null;
  let noun = -1;
  for (let k = a + 2; k < comma; k++) if (SOURCE_NOUNS.has(v.lower[k]!)) { noun = k; break; }
  if (noun < 0) return null;
  // "In an interview, Ruiz said …": the report after the comma has a source of its own.
  for (let k = comma + 1; k < b && k < comma + 9; k++) if (isReportingVerb(v, k, true)) return null;
  const span = contentSpan(v, comma + 1, reportEnd(v, comma + 1, b));
  return span ? { ...span, attribution: { cueFirst: a, cueLast: a, speaker: { first: a + 1, last: comma - 1 }, position: 'before', form: 'according' } } : null;
}

function sentenceAttribution(v: TokenView, a: number, b: number): IndirectQuote | null {
  // "According to X, CONTENT."
  // "In addition, according to X, CONTENT": a short opening phrase may come first.
  let lead = a;
  while (lead < a + 5 && lead < b && v.lower[lead] !== 'according') lead++;
  if (lead > a && v.tokens[lead - 1]!.text !== ',') lead = a;
  // "In a poll released Monday, CONTENT": a document or survey opening the sentence is the source.
  const doc = inSourceAt(v, a, b);
  if (doc) return doc;
  const acc = accordingAt(v, lead, b);
  if (acc) {
    let c = acc.speaker.last + 1;
    while (c < b && v.tokens[c]!.text !== ',') c++;
    const span = contentSpan(v, c + 1, b);
    // "Prices rose, according to X." is read below, as a source closing the sentence.
    if (span || lead === a) return span ? { ...span, attribution: acc } : null;
  }
  // Trailing attribution after a comma; the rightmost comma that gives one wins.
  for (let c = b - 1; c > a + MIN_CONTENT_TOKENS - 1; c--) {
    if (v.tokens[c]!.text !== ',') continue;
    const att = attributionAfter(v, c, b, true);
    if (!att) continue;
    // "..., beating him in his home state by ten points": only "..., they state." closes a report.
    if (NEEDS_THAT.has(v.lower[att.cueLast]!) && att.cueLast + 1 < b && !v.isPunct(att.cueLast + 1)) continue;
    // What follows the attribution: nothing much ("in a statement"), or more content after a comma.
    const after = Math.max(att.speaker.last, att.cueLast) + 1;
    // "X, a veteran of the agency, said the plan is weak": a verb after "said NP" makes that NP
    // the content's subject, not a source; the report is read from the left.
    if (att.form === 'inverted' && finiteVerbIn(v, after, b)) continue;
    let comma = after;
    while (comma < b && v.tokens[comma]!.text !== ',') comma++;
    const rest = contentSpan(v, comma + 1, b);
    const head = contentSpan(v, a, c);
    if (!head) continue;
    // "In May, X said, ''...''": the marks after the cue hold what was said.
    if (rest && isDoubledMark(v, v.tokenAtOrAfter(rest.start))) return { ...rest, attribution: att };
    // "CONTENT, said X, a lawyer at Y": after an inverted cue the comma opens X's description.
    // "CONTENT, according to X, was …" runs on; "CONTENT, according to X, higher than …" comments on it.
    const runsOn = att.form !== 'according' || FINITE.has(v.lower[v.tokenAtOrAfter(rest?.start ?? 0)]!);
    if (rest && b - after > 6 && att.form !== 'inverted' && runsOn) return { start: head.start, end: rest.end, attribution: att };
    const addressee = TELL.has(v.lower[att.cueLast]!) && att.form === 'subject';
    // "..., according to a study of county data by the state auditor": the source runs on.
    if (att.form === 'according' || (b - after <= 8 && (after >= b || addressee || TRAILERS.has(v.lower[after]!) || v.isPunct(after)))) {
      // ''...,'' he said: marks written as doubled apostrophes close the content.
      let end = head.end;
      if (/^['’]/.test(v.text.slice(head.start, head.start + 1))) for (let k = c + 1; k < b && /^['’]$/.test(v.tokens[k]!.text); k++) end = v.tokens[k]!.end;
      return { start: head.start, end, attribution: att };
    }
  }
  // "CONTENT according to a poll released Monday." without a comma: the source closes the sentence.
  for (let k = a + MIN_CONTENT_TOKENS; k < b - 2; k++) {
    if (v.lower[k] !== 'according' || v.tokens[k - 1]!.text === ',') continue;
    const acc = accordingAt(v, k, b);
    const head = acc && contentSpan(v, a, k);
    if (acc && head && acc.speaker.last + 1 >= b - 1) return { ...head, attribution: { ...acc, position: 'after' } };
  }
  // "X said (that) CONTENT": the first speech verb whose subject opens the clause.
  for (let k = a + 1; k < b - MIN_CONTENT_TOKENS && k < a + 40; k++) {
    // Any reporting verb will do when "that" opens its clause; pledges and appeals take "to".
    const infinitive = PLEDGES.has(v.lower[k]!) && (v.lower[k + 1] === 'to' || v.lower[k + 2] === 'to' || v.lower[k + 3] === 'to');
    if (!isReportingVerb(v, k, true) && !(v.lower[k + 1] === 'that' && isReportingVerb(v, k, false)) && !infinitive) continue;
    if (NEEDS_THAT.has(v.lower[k]!) && v.lower[k + 1] !== 'that') continue;
    // "asked whether ...", "asked him about ...": a question, found by questions.ts.
    if (questionAt(v, k, b) >= 0) continue;
    let sp = phraseBefore(v, k, a);
    // The subject must open the sentence, or follow an opening phrase set off by a comma.
    if (!sp || !(sp.first === a || CLAUSE_OPENERS.has(v.lower[sp.first - 1]!))) {
      // A subject with a long apposition: "Ann Lee, a pollster at the firm, which ..., said".
      const subj = sentenceSubject(v, a, k + 1);
      sp = subj && subj.verb === k ? subj.speaker : null;
      // "X rejected the plan and said CONTENT": a second verb shares the sentence's subject.
      if (!sp && subj && subj.verb < k - 1 && COORDINATORS.has(v.lower[k - 1]!) && isReportingVerb(v, k, true)) sp = subj.speaker;
    }
    if (!sp) continue;
    const c = reportContentStart(v, k, b);
    // ", an ominous sign for ...": a closing apposition comments on the report, it is not said.
    const e = reportEnd(v, c, b);
    const span = contentSpan(v, c, e);
    if (span) return { ...span, attribution: { cueFirst: k, cueLast: k, speaker: sp, position: 'before', form: 'subject' } };
  }
  return null;
}
