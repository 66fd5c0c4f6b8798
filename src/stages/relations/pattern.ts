import { CLOSE, OPEN } from '../../text/frame.js';

/**
 * A small pattern language over masked sentences, compiled once:
 *   <A:CLS> <B:CLS>  an argument slot (optionally preceded by "the"), CLS one of the class sets below
 *   <X>              any other argument placeholder
 *   <W>              one plain word (no placeholder, no clause punctuation)
 *   <POS>            a possessive ending ('s, ’s, ’)
 *   a space          one space (masked text has single spaces)
 */
export const CLASSES = {
  PER: 'P',
  ORG: 'O',
  GRP: 'OGN',
  AGT: 'POGN',
  PLC: 'GL',
  ANY: 'POGNLM',
  ORGPER: 'OP',
  ORGGPE: 'OG',
} as const;

export type ClassSet = keyof typeof CLASSES;

const WORD = `[^\\s${OPEN}${CLOSE},.;:()\\[\\]]+`;

export function compile(src: string, flags = 'gi'): RegExp {
  let out = src
    .replace(/<([AB]):([A-Z]+)>/g, (_, slot: string, cls: string) => {
      const set = CLASSES[cls as ClassSet];
      if (!set) throw new Error(`unknown class ${cls}`);
      return `(?:[Tt]he )?${OPEN}(?<${slot.toLowerCase()}>\\d+)[${set}]${CLOSE}`;
    })
    .replace(/<X>/g, `${OPEN}\\d+[A-Z]${CLOSE}`)
    .replace(/<W>/g, WORD)
    .replace(/<POS>/g, `(?:[’']s?)`);
  return new RegExp(out, flags);
}

/** Class letters allowed for a slot of a compiled pattern, read back from its source. */
export function slotClasses(src: string, slot: 'A' | 'B'): string | undefined {
  const m = new RegExp(`<${slot}:([A-Z]+)>`).exec(src);
  return m ? CLASSES[m[1] as ClassSet] : undefined;
}

/**
 * Sets of words every match of a pattern holds one of, lower-cased: when a sentence lacks every
 * word of one set the pattern need not run. A set is read where the pattern is sure to stand at
 * the start of a word (outside any group, after a word boundary, an argument, a character that is
 * not a letter, or a group whose every way through ends with one) and goes on with literal words
 * (in groups, alternatives, optional letters and optional or repeated groups); a pattern with none
 * of these, or with alternatives at its top level, has no set and always runs. A "word" here is a run of ASCII letters, as `WordTrie` reads a sentence:
 * "co-founded" begins with "co".
 */
export function requiredWords(pattern: string): string[][] {
  const src = pattern.replace(/<POS>/g, "(?:'s?|’s?)");
  // A top-level alternative could match anywhere.
  if (altEnd(src, 0, src.length) !== src.length) return [];
  const sets: string[][] = [];
  const seen = new Set<string>();
  const read = (at: number) => {
    if (at >= src.length || '?*+{'.includes(src[at]!)) return;
    const runs = readSeq(src, at, [{ text: '', closed: false }]);
    if (!runs?.done || runs.parts.some((p) => !p.closed || !p.text)) return;
    const words = [...new Set(runs.parts.map((p) => p.text))];
    const key = [...words].sort().join('|');
    if (!seen.has(key)) {
      seen.add(key);
      sets.push(words);
    }
  };
  // `edge`: the text just matched surely ends with a character that is not a letter (or a word
  // boundary), so a letter matched next starts a word.
  let edge = false;
  for (let i = 0; i < src.length; ) {
    const c = src[i]!;
    if (edge) read(i);
    let after: boolean;
    let next: number;
    if (c === '(') {
      const close = matchingParen(src, i);
      if (close < 0) return [];
      next = close + 1;
      if (/^\(\?(?:[=!]|<[=!])/.test(src.slice(i, i + 4))) {
        // A look-around matches nothing.
        i = next;
        continue;
      }
      // The body of a plain, non-capturing or named group.
      const body = src[i + 1] !== '?' ? i + 1 : src.startsWith('(?:', i) ? i + 3 : src.startsWith('(?<', i) ? src.indexOf('>', i) + 1 : -1;
      after = body > 0 && endsWithNonLetter(src.slice(body, close));
    } else if (c === '[') {
      next = classEnd(src, i, src.length) + 1;
      after = false;
    } else if (c === '<') {
      const token = /^<(?:[AB]:[A-Z]+|X|W)>/.exec(src.slice(i))?.[0];
      if (!token) return [];
      next = i + token.length;
      // An argument ends with a character that is not a letter; a plain word (<W>) may end anywhere.
      after = token !== '<W>';
    } else if (c === '\\') {
      next = i + 2;
      after = 'b.()-s'.includes(src[i + 1]!);
    } else {
      next = i + 1;
      // A character that is not a letter, or the start of the text ("." may be a letter).
      after = NON_LETTER.has(c) || c === '^';
    }
    const q = quantifier(src, next);
    // What may match nothing leaves the edge as it was; what matches something must end well.
    edge = q.optional ? edge && after : after;
    i = q.end;
  }
  // A set holding all of another's words adds nothing.
  return sets.filter((set, k) => !sets.some((other, j) => j !== k && other.length < set.length && other.every((w) => set.includes(w))));
}

/** The quantifier at `i`, if any: whether it allows no match, and where it ends. */
function quantifier(src: string, i: number): { optional: boolean; end: number } {
  const c = src[i];
  let end = i;
  let optional = false;
  if (c === '?' || c === '*') [optional, end] = [true, i + 1];
  else if (c === '+') end = i + 1;
  else if (c === '{') {
    const m = /^\{(\d*)(?:,\d*)?\}/.exec(src.slice(i));
    if (m) [optional, end] = [!Number(m[1]), i + m[0].length];
  }
  // A lazy quantifier matches the same texts.
  if (end > i && src[end] === '?') end++;
  return { optional, end };
}

/** Whether every alternative of a group's body ends with a literal character that is not a letter. */
function endsWithNonLetter(body: string): boolean {
  const alternatives: string[] = [];
  for (let from = 0; ; ) {
    const at = altEnd(body, from, body.length);
    alternatives.push(body.slice(from, at));
    if (at >= body.length) break;
    from = at + 1;
  }
  return alternatives.every((a) => a.length > 0 && NON_LETTER.has(a[a.length - 1]!) && a[a.length - 2] !== '\\');
}

/**
 * Words (runs of ASCII letters, either case) mapped to numbers, read off a text in one pass
 * without cutting it into strings: a trie over the 26 letters.
 */
export class WordTrie {
  private next = new Int32Array(26 * 64);
  private readonly values: (readonly number[] | undefined)[] = [undefined];

  constructor(entries: Iterable<readonly [string, readonly number[]]>) {
    for (const [word, vs] of entries) {
      let node = 0;
      for (const ch of word.toLowerCase()) {
        if (!/[a-z]/.test(ch)) throw new Error(`not a word of ASCII letters: ${word}`);
        const k = node * 26 + ch.charCodeAt(0) - 97;
        if (!this.next[k]) {
          this.values.push(undefined);
          if (this.values.length * 26 > this.next.length) {
            const grown = new Int32Array(this.next.length * 2);
            grown.set(this.next);
            this.next = grown;
          }
          this.next[k] = this.values.length - 1;
        }
        node = this.next[k]!;
      }
      this.values[node] = [...(this.values[node] ?? []), ...vs];
    }
  }

  /** Calls `hit` with the numbers of each whole letter run of `s` that is a word of the trie. */
  scan(s: string, hit: (v: number) => void): void {
    // node -1: inside a run that left the trie.
    let node = 0;
    for (let i = 0; i <= s.length; i++) {
      const c = i < s.length ? s.charCodeAt(i) | 0x20 : 0;
      // Only A-Z and a-z land in a-z when the lower-case bit is set.
      if (c >= 97 && c <= 122) {
        if (node >= 0) node = this.next[node * 26 + c - 97]! || -1;
        continue;
      }
      if (node > 0) for (const v of this.values[node] ?? []) hit(v);
      node = 0;
    }
  }
}

interface Part {
  readonly text: string;
  /** A letter-ending character followed the text: the run is whole. */
  readonly closed: boolean;
}
interface SeqResult {
  readonly parts: Part[];
  /** Where reading stopped: the closing parenthesis or `|` of a group, or the source's end. */
  readonly end: number;
  /** Every part is closed: what follows cannot change the runs. */
  readonly done: boolean;
}

const MAX_PARTS = 400;
const LETTER = /[A-Za-z]/;
/** Literal characters that are not letters. */
const NON_LETTER = new Set([' ', ',', "'", '’', '-', '"', '“', '”', ':', ';']);

/**
 * Reads a sequence from `i` up to a top-level `|`, `)` or the end, extending each part with what
 * the sequence matches; undefined on syntax it does not follow.
 */
function readSeq(src: string, i: number, parts: Part[]): SeqResult | undefined {
  while (i < src.length) {
    if (parts.every((p) => p.closed)) return { parts, end: i, done: true };
    const c = src[i]!;
    if (c === '|' || c === ')') return { parts, end: i, done: false };
    if (c === '(') {
      const close = matchingParen(src, i);
      if (close < 0) return undefined;
      // "(...)*" reads as "(...)?" for the opening word, when a pass through it cannot leave a word unfinished.
      const quant = src[close + 1];
      const q = quantifier(src, close + 1);
      const head = src.slice(i, i + 4);
      if (head.startsWith('(?<!') || head.startsWith('(?<=') || head.startsWith('(?!')) {
        // A look-behind or negative look-ahead only narrows where the pattern matches.
        i = close + 1;
        continue;
      }
      if (head.startsWith('(?=')) {
        // A look-ahead at a non-letter ends the run: "free(?= the)".
        if (!NON_LETTER.has(src[i + 3]!)) return undefined;
        parts = closeAll(parts);
        i = close + 1;
        continue;
      }
      if (!head.startsWith('(?:') || (quant && '+{'.includes(quant))) return undefined;
      const next: Part[] = q.optional ? [...parts] : [];
      for (let j = i + 3; ; ) {
        const alt = readSeq(src, j, parts);
        if (!alt || (quant === '*' && alt.parts.some((p) => !p.closed && p.text))) return undefined;
        // An alternative whose parts all closed early stops before the group's end: find its `|` or `)`.
        const at = alt.done ? altEnd(src, alt.end, close) : alt.end;
        next.push(...alt.parts);
        if (at >= close) break;
        j = at + 1;
      }
      parts = dedupe(next);
      if (parts.length > MAX_PARTS) return undefined;
      i = q.end;
      continue;
    }
    if (c === '\\') {
      // A word boundary, or an escaped character that is not a letter.
      if (!"b.-'()".includes(src[i + 1]!)) return undefined;
      parts = closeAll(parts);
      i += 2;
      continue;
    }
    if (LETTER.test(c)) {
      const optional = src[i + 1] === '?';
      if (src[i + 1] && '*+{'.includes(src[i + 1]!)) return undefined;
      const grown = parts.map((p) => (p.closed ? p : { text: p.text + c.toLowerCase(), closed: false }));
      // Distinct parts stay distinct when each takes the same letter.
      parts = optional ? dedupe([...parts, ...grown]) : grown;
      i += optional ? 2 : 1;
      continue;
    }
    if (NON_LETTER.has(c) && !(src[i + 1] && '*+{'.includes(src[i + 1]!))) {
      const optional = src[i + 1] === '?';
      parts = optional ? dedupe([...parts, ...closeAll(parts)]) : closeAll(parts);
      i += optional ? 2 : 1;
      continue;
    }
    return undefined;
  }
  return { parts, end: i, done: parts.every((p) => p.closed) };
}

/** A character that is not a letter ends the runs begun; before the first letter it changes nothing. */
function closeAll(parts: Part[]): Part[] {
  return parts.map((p) => (p.closed || !p.text ? p : { text: p.text, closed: true }));
}

function dedupe(parts: Part[]): Part[] {
  const seen = new Set<string>();
  return parts.filter((p) => {
    const k = `${p.closed ? 1 : 0}${p.text}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The index of the `]` closing the character class at `open` (or `limit`). */
function classEnd(src: string, open: number, limit: number): number {
  let i = open;
  while (i < limit && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
  return i;
}

/** The index of the parenthesis closing the one at `open`, or -1. */
function matchingParen(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') i = classEnd(src, i, src.length);
    else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

/** The top-level `|` or `)` at or after `from` within a group that closes at `close`. */
function altEnd(src: string, from: number, closeAt: number): number {
  for (let i = from; i < closeAt; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '(') {
      const j = matchingParen(src, i);
      if (j < 0) return closeAt;
      i = j;
    } else if (c === '[') i = classEnd(src, i, closeAt);
    else if (c === '|') return i;
  }
  return closeAt;
}
