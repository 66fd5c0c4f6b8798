import type { Attribution } from './cue.js';
import type { TokenView } from './view.js';

/*
 * A paragraph opened by a name and a colon gives the rest of the paragraph to that name: a
 * headline ("Ruiz: Bridge Will Reopen in May") or a turn of a transcript ("LEE: Well, I think
 * …"). Words such as "Update" or "Note" label the paragraph, they do not speak it.
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

/** The labelled turn opening at token `a`, when `a` opens a paragraph. */
export function labelledTurn(v: TokenView, a: number): LabelledTurn | null {
  if (a > 0 && !v.breakAfter(a - 1)) return null;
  let colon = a;
  while (colon < v.length && colon < a + MAX_LABEL_TOKENS + 1 && v.tokens[colon]!.text !== ':' && !v.breakAfter(colon)) colon++;
  if (colon === a || colon >= v.length || v.tokens[colon]!.text !== ':' || colon > a + MAX_LABEL_TOKENS) return null;
  for (let k = a; k < colon; k++) {
    if (NOT_SPEAKERS.has(v.lower[k]!)) return null;
    if (!v.isCapitalized(k) && !/^(of|the|on|camp|campaign|['’]s|\.)$/.test(v.lower[k]!)) return null;
  }
  let last = colon + 1;
  while (last < v.length - 1 && !v.breakAfter(last)) last++;
  let e = last;
  while (e > colon && /^[.,;:!?—–]$/.test(v.tokens[e]!.text)) e--;
  if (e - colon < MIN_CONTENT_TOKENS) return null;
  return {
    start: v.tokens[colon + 1]!.start,
    end: v.tokens[e]!.end,
    lastToken: last,
    attribution: { cueFirst: colon, cueLast: colon, speaker: { first: a, last: colon - 1 }, position: 'before', form: 'subject' },
  };
}
