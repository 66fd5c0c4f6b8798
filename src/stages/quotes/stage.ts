import type { Mention } from '../../core/layers.js';
import { compareSpans } from '../../core/span.js';
import { SpanIndex } from '../../core/span-index.js';
import { quoteLayer, type Quote as NumberedQuote } from '../../layers/quotes.js';
import { numbered, type Unnumbered } from '../../layers/spec.js';
import { defineStage } from '../../pipeline/version.js';
import type { Attribution } from './cue.js';
import { findDirectQuotes } from './direct.js';
import { findIndirectQuotes } from './indirect.js';
import { findQuestions } from './questions.js';
import { findHedges } from './hedges.js';
import { phraseCore, type Phrase } from './speaker.js';
import { TokenView } from './view.js';

/** Quotes get their ids (`q1`…) once all are found and sorted. */
type Quote = Unnumbered<NumberedQuote>;

const PERSONAL = new Set(['he', 'she', 'him', 'her']);
const SPEAKER_TYPES = new Set(['PERSON', 'ORG', 'GPE', 'NORP']);

/**
 * The document's mentions in span order, with the lookups attribution makes for each quote done
 * by binary search: a long document with many quotes and names stays linear.
 */
class SortedMentions {
  readonly index: SpanIndex<Mention>;

  constructor(readonly all: readonly Mention[]) {
    this.index = new SpanIndex(all);
  }

  /** One past the last mention that starts at or before `pos`. */
  upTo(pos: number): number {
    let lo = 0, hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.all[mid]!.start <= pos) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

/** Finds the entity a speaker phrase names: a resolved mention inside the phrase's core. */
function speakerEntity(v: TokenView, p: Phrase, mentions: SortedMentions): string | undefined {
  const core = phraseCore(v, p);
  const from = v.tokens[core.first]!.start, to = v.tokens[core.last]!.end;
  let best: Mention | undefined;
  for (const m of mentions.index.overlapping(from, to)) {
    if (m.end <= from || m.start >= to || !m.entity || !SPEAKER_TYPES.has(m.type)) continue;
    // "Clinton’s spokesman", "Ruiz's lawyer": the possessor is not the one speaking.
    if (isPossessor(v.text, m, to)) continue;
    // "Libertarian presidential candidate …": a nationality or party word modifying the head is not the source.
    if (m.type === 'NORP' && /\p{L}/u.test(v.text.slice(m.end, to))) continue;
    // A person outranks an organisation it belongs to; otherwise the rightmost (head) mention.
    if (!best || (m.type === 'PERSON' && best.type !== 'PERSON') || (m.type === best.type && m.start > best.start)) best = m;
  }
  return best?.entity;
}

/** A mention written as a possessive ("Ruiz’s") with more of the phrase after it. */
function isPossessor(text: string, m: Mention, to: number): boolean {
  const own = /['’]s?$/.test(m.text) ? m.end : /^['’]s?\b/.test(text.slice(m.end, m.end + 2)) ? m.end + (text[m.end + 1] === 's' ? 2 : 1) : -1;
  return own >= 0 && /\p{L}/u.test(text.slice(own, to));
}

/** "Ana Ruiz, who said ...": the entity of the name a relative pronoun stands for. */
function relativeAntecedent(v: TokenView, p: Phrase, mentions: SortedMentions): string | undefined {
  if (p.first !== p.last || v.lower[p.first] !== 'who') return undefined;
  const at = v.tokens[p.first]!.start;
  // Mentions that start after `at` end after it too: the scan starts below them.
  for (let i = mentions.upTo(at) - 1; i >= 0; i--) {
    const m = mentions.all[i]!;
    if (m.end > at) continue;
    return m.entity && SPEAKER_TYPES.has(m.type) && /^\s*,\s*$/.test(v.text.slice(m.end, at)) ? m.entity : undefined;
  }
  return undefined;
}

const PERSON = new Set(['PERSON']);
const BODIES = new Set(['ORG']);

/** The most recent entity of the types named before `offset`, within `reach` characters. */
function recentNamed(mentions: SortedMentions, offset: number, reach: number, types: ReadonlySet<string>): string | undefined {
  for (let i = mentions.upTo(offset) - 1; i >= 0; i--) {
    const m = mentions.all[i]!;
    if (m.end > offset) continue;
    if (m.start < offset - reach) break;
    if (types.has(m.type) && m.entity && m.kind !== 'pronoun') return m.entity;
  }
  return undefined;
}

/** Words that stand for a source without naming it: shown through the entity they resolve to, or not at all. */
const STAND_INS = new Set(['he', 'she', 'him', 'her', 'it', 'they', 'we', 'i', 'who', 'you']);

function quoteFrom(v: TokenView, kind: Quote['kind'], start: number, end: number, att: Attribution, mentions: SortedMentions, lastSpeaker?: string): Quote {
  const sp = att.speaker;
  const speakerStart = v.tokens[sp.first]!.start, speakerEnd = v.tokens[sp.last]!.end;
  const cueStart = v.tokens[att.cueFirst]!.start, cueEnd = v.tokens[att.cueLast]!.end;
  let speaker = speakerEntity(v, sp, mentions) ?? relativeAntecedent(v, sp, mentions);
  const word = sp.first === sp.last ? v.lower[sp.first]! : '';
  if (!speaker && PERSONAL.has(word)) {
    // A bare "he"/"she" the resolver left open: the last speaker, else the last person named.
    speaker = lastSpeaker ?? recentNamed(mentions, speakerStart, 600, PERSON);
  }
  // "it said": the organisation named just before, in this sentence or the last.
  if (!speaker && word === 'it') speaker = recentNamed(mentions, speakerStart, 250, BODIES);
  return {
    start, end, kind,
    ...(speaker ? { speaker } : {}),
    // A pronoun is where the text names the source, not its name: no speaker text reads "who".
    ...(STAND_INS.has(word) ? {} : { speakerText: v.text.slice(speakerStart, speakerEnd) }),
    speakerStart, speakerEnd, cueStart, cueEnd,
    cue: v.text.slice(cueStart, cueEnd),
  };
}

/** A report whose source the text does not name: the content and its cue only. */
function cueOnly(v: TokenView, q: { start: number; end: number; cueFirst: number; cueLast: number }): Quote {
  const cueStart = v.tokens[q.cueFirst]!.start, cueEnd = v.tokens[q.cueLast]!.end;
  return { start: q.start, end: q.end, kind: 'indirect', cueStart, cueEnd, cue: v.text.slice(cueStart, cueEnd) };
}

/**
 * A content is a direct quote when quotation marks open or close it; a reported clause with
 * a few quoted words in its middle is indirect speech.
 */
function openOrCloseQuoted(text: string, start: number, end: number): boolean {
  return /[“"„«]/.test(text.slice(start, Math.min(end, start + 2))) || /[”"»]/.test(text.slice(Math.max(start, end - 3), end));
}

const MAX_FRAGMENT_WORDS = 3;

/**
 * A few quoted words inside a sentence ("called the plan “a disaster”") mark a term or a
 * scare quote more often than a quotation; only a cue after them (“Never,” she said) makes
 * them one.
 */
function isFragment(text: string, q: Quote): boolean {
  const s = text.slice(q.start, q.end);
  if (!/^[“"„«]/.test(s) || !/[”"»]$/.test(s)) return false;
  return (s.match(/[\p{L}\p{N}]+/gu) ?? []).length <= MAX_FRAGMENT_WORDS;
}

export const quotesStage = defineStage(import.meta.url, {
  name: 'quotes',
  languages: ['eng'],
  // Mentions as resolution left them: a speaker is the entity its mention links to.
  requires: ['tokens', 'sentences', 'mentions'],
  optional: ['paragraphs'],
  provides: ['quotes'],
  run(doc, ctx) {
    const v = new TokenView(doc.text, doc.layer('tokens'), doc.layer('sentences'));
    if (!v.length || !v.sentences.length) return { quotes: [] };
    const mentions = new SortedMentions([...doc.layer('mentions')].sort(compareSpans));
    const direct = findDirectQuotes(v, doc.layer('paragraphs'));
    const quotes: Quote[] = [];
    const byDirect: (Quote | undefined)[] = [];
    let lastSpeaker: string | undefined;
    const chainHead = new Map<Quote, Quote>();
    // Where each quote is in `quotes`, rather than a search of the list per continuation.
    const indexOf = new Map<Quote, number>();
    for (const d of direct) {
      let q: Quote;
      if (d.attribution) {
        q = quoteFrom(v, openOrCloseQuoted(doc.text, d.start, d.end) ? 'direct' : 'indirect', d.start, d.end, d.attribution, mentions, lastSpeaker);
      } else if (d.continues !== undefined && byDirect[d.continues]) {
        const p = byDirect[d.continues]!;
        // One attribution, one quote: the continuation widens the quote it continues, as
        // "“A,” she said. “B.”" states a single attributed passage interrupted by its cue.
        const head = d.sameParagraph ? (indexOf.get(chainHead.get(p) ?? p) ?? -1) : -1;
        if (head >= 0) {
          const h = quotes[head]!;
          const parts = [...(h.parts ?? [{ start: h.start, end: h.end }]), { start: d.start, end: d.end }];
          const merged: Quote = { ...h, end: d.end, kind: openOrCloseQuoted(doc.text, h.start, d.end) ? 'direct' : 'indirect', parts };
          quotes[head] = merged;
          indexOf.delete(h);
          indexOf.set(merged, head);
          chainHead.set(p, merged);
          byDirect.push(p);
          continue;
        }
        q = {
          start: d.start, end: d.end, kind: 'direct',
          ...(p.speaker ? { speaker: p.speaker } : {}),
          ...(p.speakerText ? { speakerText: p.speakerText } : {}),
          ...(p.speakerStart !== undefined ? { speakerStart: p.speakerStart, speakerEnd: p.speakerEnd! } : {}),
        };
      } else {
        q = { start: d.start, end: d.end, kind: 'direct' };
      }
      if (isFragment(doc.text, q) && d.attribution?.position !== 'after') {
        byDirect.push(undefined);
        continue;
      }
      if (d.quoted.unclosed) ctx.diagnostic({ level: 'info', rule: 'quotes.unclosed', message: 'quotation mark never closed; the quote stops at the paragraph end', start: d.quoted.start, end: d.quoted.end });
      byDirect.push(q);
      if (q.speaker) lastSpeaker = q.speaker;
      indexOf.set(q, quotes.length);
      quotes.push(q);
    }
    // Sentences holding a quotation mark span are left to the direct rules.
    const covered = new Set<number>();
    for (const d of direct) {
      for (let k = d.firstToken; k < d.endToken && k < v.length; k++) covered.add(v.sentenceOf[k]!);
      if (d.attribution) covered.add(v.sentenceOf[d.attribution.cueLast]!);
    }
    for (const ind of findIndirectQuotes(v, (s) => covered.has(s), quotes)) {
      quotes.push(quoteFrom(v, 'indirect', ind.start, ind.end, ind.attribution, mentions));
    }
    for (const q of findQuestions(v, (s) => covered.has(s), quotes)) {
      if (q.speaker) {
        quotes.push(quoteFrom(v, 'indirect', q.start, q.end, { cueFirst: q.cueFirst, cueLast: q.cueLast, speaker: q.speaker, position: 'before', form: 'subject' }, mentions));
        continue;
      }
      // Nobody named as asking: the question and its cue only.
      quotes.push(cueOnly(v, q));
    }
    for (const h of findHedges(v, (s) => covered.has(s), quotes)) quotes.push(cueOnly(v, h));
    quotes.sort(compareSpans);
    return { quotes: numbered(quoteLayer, quotes) };
  },
});
