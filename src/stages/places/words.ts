/**
 * A word scan tuned for place names: hyphenated names split into parts (Ar-Raqqah, York-based)
 * with the hyphen remembered, possessives cut (Baghdad's), initialisms kept whole (U.S., D.C.).
 */

export interface Word {
  readonly start: number;
  readonly end: number;
  readonly text: string;
  /** Text between the previous word and this one. */
  readonly sep: string;
  /** Starts with a capital letter. */
  readonly cap: boolean;
  /** Two or more letters, all capitals. */
  readonly upper: boolean;
  /** First word of a sentence, line or headline, where capitals say little. */
  readonly initial: boolean;
}

const WORD = /(?:\p{Lu}\.){2,}|[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['’][\p{L}\p{M}]+)*/gu;
const ABBREV_DOT = new Set(['St', 'Ste', 'Mt', 'Ft', 'Pt']);
const CAP = /^\p{Lu}/u;
const LETTER_LOWER = /\p{Ll}/u;
const ENDS_SENTENCE = /[.!?:;\n|•]["'”’)\]]*\s*["'“‘(\[]*\s*$|\s[—–-]+\s*$/;

/** Words of text; sentenceStarts (offsets) mark sentence beginnings when a sentence layer exists. */
export function scanWords(text: string, sentenceStarts?: ReadonlySet<number>): Word[] {
  const out: Word[] = [];
  let prevEnd = 0;
  WORD.lastIndex = 0;
  for (let m = WORD.exec(text); m; m = WORD.exec(text)) {
    let s = m[0];
    const start = m.index;
    // Possessive and plural-possessive endings are not part of the name.
    if (/['’]s$/.test(s) && s.length > 3) s = s.slice(0, -2);
    let end = start + s.length;
    if (ABBREV_DOT.has(s) && text[end] === '.') { s += '.'; end++; WORD.lastIndex = Math.max(WORD.lastIndex, end); }
    const sep = text.slice(prevEnd, start);
    const first = out.length === 0;
    const initial = first || sentenceStarts?.has(start) === true || (sep !== ' ' && (ENDS_SENTENCE.test(sep) || sep.includes('\n')));
    out.push({
      start, end, text: s, sep,
      cap: CAP.test(s),
      upper: s.length >= 2 && !LETTER_LOWER.test(s) && /\p{Lu}/u.test(s),
      initial,
    });
    prevEnd = end;
  }
  return out;
}

/** Words joined into one name only across a single space or a hyphen. */
export function joins(sep: string): boolean {
  return sep === ' ' || sep === '-' || sep === '‐';
}
