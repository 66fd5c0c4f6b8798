import type { Mention } from '../../core/layers.js';

/*
 * A name in quotation marks after "author of", "the book", "his film" ... is the title of a
 * work, whatever the tagger called it: “Inside Terrorism.” is a book, not an organisation.
 * Sentence punctuation printed inside the closing mark is not part of the title.
 */

const OPEN = /[“"‘']\s*$/;
const CLOSE = /^[.,!?;:]*\s*[”"’']/;
const LEAD = /\b(?:author|authors|co-author|writer|director|producer|editor|host|star|creator)\s+of\s*$|\b(?:book|books|memoir|novel|film|movie|documentary|album|song|single|show|series|programme|program|play|essay|report|column|podcast|paper|article|poem|opera|musical|episode|titled|entitled|called)\s*,?\s*$/i;

export function retypeTitles(text: string, mentions: readonly Mention[]): Mention[] {
  return mentions.map((m) => {
    let end = m.end;
    while (end > m.start + 1 && /[.,!?;:]/.test(text[end - 1]!)) end--;
    const before = text.slice(Math.max(0, m.start - 40), m.start);
    if (!OPEN.test(before) || !CLOSE.test(text.slice(end, end + 3))) return m;
    if (!LEAD.test(before.replace(OPEN, ''))) return m;
    return { ...m, end, text: text.slice(m.start, end), type: 'WORK' };
  });
}
