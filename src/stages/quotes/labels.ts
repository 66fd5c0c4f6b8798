import type { Attribution } from './cue.js';
import { SPEECH_VERBS } from '../../text/reporting-verbs.js';
import type { TokenView } from './view.js';

/*
 * A paragraph opened by a name and a colon gives the rest of the paragraph to that name: a
 * headline ("Ruiz: Bridge Will Reopen in May") or a turn of a transcript ("LEE: Well, I think
 * …"). Words such as "Update" or "Note" label the paragraph, they do not speak it. A headline
 * in title case reports with its verb capitalised: "Ruiz Says Bridge Will Reopen".
 */

const MAX_LABEL_TOKENS = 5;
const MIN_CONTENT_TOKENS = 3;
const NOT_SPEAKERS = new Set(['update', 'updated', 'note', 'editor', 'editors', 'photo', 'video', 'watch', 'read', 'related', 'correction',
  'source', 'sources', 'disclosure', 'warning', 'breaking', 'exclusive', 'live', 'transcript', 'q', 'a', 'question', 'answer', 'see', 'also']);

export interface LabelledTurn {
  readonly start: number;
  readonly end: number;
  readonly attribution: Attribution;
  /** Last token of the paragraph (inclusive). */
  readonly lastToken: number;
}

/** The labelled turn or reporting headline opening at token `a`, when `a` opens a paragraph. */
export function labelledTurn(v: TokenView, a: number): LabelledTurn | null {
  if (a > 0 && !v.breakAfter(a - 1)) return null;
  return colonTurn(v, a) ?? headlineReport(v, a);
}

/** The last token of the paragraph holding token i. */
function lastOfParagraph(v: TokenView, i: number): number {
  while (i < v.length - 1 && !v.breakAfter(i)) i++;
  return i;
}

/** The end (inclusive) of tokens after `from` up to `last`, less closing punctuation. */
function trimEnd(v: TokenView, from: number, last: number): number {
  let e = last;
  while (e > from && /^[.,;:!?—–]$/.test(v.tokens[e]!.text)) e--;
  return e;
}

const MAX_HEADLINE_TOKENS = 30;

/** "Ruiz Says Bridge Will Reopen in May": a title-case line whose capitalised verb reports. */
function headlineReport(v: TokenView, a: number): LabelledTurn | null {
  let last = a;
  while (last < v.length - 1 && last - a <= MAX_HEADLINE_TOKENS && !v.breakAfter(last)) last++;
  if (last - a > MAX_HEADLINE_TOKENS) return null;
  let words = 0, capitals = 0;
  for (let k = a; k <= last; k++) if (!v.isPunct(k)) { words++; if (v.isCapitalized(k)) capitals++; }
  if (capitals < 0.6 * words) return null;
  for (let k = a + 1; k <= a + MAX_LABEL_TOKENS && k < last; k++) {
    if (!v.isCapitalized(k) || !SPEECH_VERBS.has(v.lower[k]!) || (/(ing|ed)$/.test(v.lower[k]!) && v.lower[k] !== 'said')) continue;
    const e = trimEnd(v, k, last);
    if (e - k < MIN_CONTENT_TOKENS) return null;
    return {
      start: v.tokens[k + 1]!.start, end: v.tokens[e]!.end, lastToken: last,
      attribution: { cueFirst: k, cueLast: k, speaker: { first: a, last: k - 1 }, position: 'before', form: 'subject' },
    };
  }
  return null;
}

function colonTurn(v: TokenView, a: number): LabelledTurn | null {
  let colon = a;
  while (colon < v.length && colon < a + MAX_LABEL_TOKENS + 1 && v.tokens[colon]!.text !== ':' && !v.breakAfter(colon)) colon++;
  if (colon === a || colon >= v.length || v.tokens[colon]!.text !== ':' || colon > a + MAX_LABEL_TOKENS) return null;
  for (let k = a; k < colon; k++) {
    if (NOT_SPEAKERS.has(v.lower[k]!)) return null;
    if (!v.isCapitalized(k) && !/^(of|the|on|camp|campaign|['’]s|\.)$/.test(v.lower[k]!)) return null;
  }
  const last = lastOfParagraph(v, colon + 1);
  const e = trimEnd(v, colon, last);
  if (e - colon < MIN_CONTENT_TOKENS) return null;
  return {
    start: v.tokens[colon + 1]!.start,
    end: v.tokens[e]!.end,
    lastToken: last,
    attribution: { cueFirst: colon, cueLast: colon, speaker: { first: a, last: colon - 1 }, position: 'before', form: 'subject' },
  };
}
