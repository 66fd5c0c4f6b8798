import type { Token } from '../../core/layers.js';
import { isAbbreviation } from './abbreviations.js';

/*
 * A rule-based news tokenizer. Offsets are exact (UTF-16, end exclusive); nothing is
 * rewritten. Possessives and clitics are split off ("Daesh’s" -> "Daesh" "’s") so that
 * names stay clean; hyphenated and apostrophe-bearing names stay whole ("al-Adnani",
 * "Hay’at"); dotted acronyms stay whole ("U.N."); numbers keep their separators ("60,000").
 */

const L = '\\p{L}\\p{M}';
const LN = '\\p{L}\\p{M}\\p{N}';
const PATTERNS = new RegExp(
  [
    '(?<ws>\\s+)',
    '(?<url>(?:https?://|www\\.)[^\\s<>"“”]+)',
    '(?<email>[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+)',
    // Dotted acronyms and initials: U.N., U.S.A., J.
    `(?<acr>(?:[${L}]\\.){2,}|\\p{Lu}\\.(?=\\s+\\p{Lu}))`,
    // Numbers with thousands separators, decimals, times, fractions, ordinals: 60,000 1.2 10:30 1/2 21st 1990s
    '(?<num>\\d+(?:[.,:/]\\d+)*(?:st|nd|rd|th|s)?(?![\\p{L}]))',
    // Words, allowing inner hyphens and apostrophes: al-Adnani, Hay’at, O’Brien, don't
    `(?<word>[${LN}]+(?:[-'’‘][${LN}]+)*)`,
    '(?<ellipsis>\\.{2,}|…)',
    '(?<dash>-{2,}|[–—])',
    '(?<punct>[^\\s])',
  ].join('|'),
  'gu',
);

const CLITIC = /^(.+?)(['’](?:s|re|ve|ll|d|m|S|RE|VE|LL|D|M)|n['’]t|N['’]T)$/u;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const push = (start: number, end: number) => {
    out.push({ start, end, text: text.slice(start, end) });
  };
  PATTERNS.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PATTERNS.exec(text)) !== null) {
    const g = m.groups!;
    const start = m.index;
    let end = start + m[0].length;
    if (g.ws !== undefined) continue;
    if (g.url !== undefined) {
      // Sentence punctuation after a URL is not part of it.
      while (end > start && /[.,;:!?)\]'’]/.test(text[end - 1]!)) end--;
      PATTERNS.lastIndex = end;
      push(start, end);
      continue;
    }
    if (g.word !== undefined) {
      const word = g.word;
      // A period after an abbreviation or a single letter belongs to the word.
      if (text[end] === '.' && isAbbreviation(word)) {
        PATTERNS.lastIndex = end + 1;
        push(start, end + 1);
        continue;
      }
      const c = CLITIC.exec(word);
      if (c && c[1]!.length >= 1 && !/^[’'‘]/.test(c[1]!)) {
        const cut = start + c[1]!.length;
        push(start, cut);
        push(cut, end);
        continue;
      }
      push(start, end);
      continue;
    }
    push(start, end);
  }
  for (let i = 0; i < out.length; i++) {
    const next = out[i + 1];
    const t = out[i]!;
    (t as { spaceAfter?: boolean }).spaceAfter = next ? next.start > t.end : true;
  }
  return out;
}
