import type { Mention, Sentence } from '../../core/layers.js';

export interface Description {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

const LEAD = '(?:an?|the|his|her|its|their|[\\p{Ll}]+(?:’s|\'s)?)';
// "NAME, an analyst with the RAND think tank," — the apposition after a name.
const AFTER = new RegExp(`^,\\s+((?:an?|the)\\s+[^,;()\\n]{2,160}?)(?=\\s*(?:,|;|\\s[—–]\\s|\\(|$))`, 'u');
// "the group's spokesman, NAME," — the apposition before a name.
const BEFORE = new RegExp(`(?:^|[\\s(—–:])((?:[Aa]n?|[Tt]he)\\s+${LEAD}?[^,;()\\n—–]{1,100}?),\\s*$`, 'u');
/** Finite verbs mean a clause, not an apposition ("Smith, the city said, ..."). */
const FINITE = /\b(?:is|are|was|were|has|have|had|said|says|told|will|would|can|could|did|does|do)\b/;

/** Trims the sentence-final period or closing punctuation of a description. */
function trimEnd(text: string, start: number, end: number): number {
  while (end > start && /[\s.,;:]/.test(text[end - 1]!)) end--;
  return end;
}

/**
 * A description the text gives for a name: "Colin Clarke, an analyst with RAND" or
 * "the group's spokesman, Abu Omar,". Looks only inside the mention's sentence.
 */
export function descriptionFor(text: string, m: Mention, sentence: Sentence | undefined): Description | undefined {
  const sEnd = sentence ? sentence.end : Math.min(text.length, m.end + 200);
  const sStart = sentence ? sentence.start : Math.max(0, m.start - 120);
  const after = text.slice(m.end, sEnd);
  const a = AFTER.exec(after);
  if (a && !FINITE.test(a[1]!)) {
    const start = m.end + a[0].indexOf(a[1]!);
    let end = start + a[1]!.length;
    // Run to the sentence end when no comma closes the apposition ("..., author of “X.”").
    if (m.end + a[0].length >= sEnd - 2) end = sEnd;
    end = trimEnd(text, start, end);
    if (end > start) return { text: text.slice(start, end), start, end };
  }
  if (text[m.end] === ',') {
    // Bounded look-back: the pattern is anchored at the end, so a long sentence costs little.
    const from = Math.max(sStart, m.start - 120);
    const b = BEFORE.exec(text.slice(from, m.start));
    if (b && !FINITE.test(b[1]!)) {
      const start = from + b.index + b[0].indexOf(b[1]!);
      const end = start + b[1]!.length;
      return { text: text.slice(start, end), start, end };
    }
  }
  return undefined;
}
