import type { Paragraph, Sentence, Token } from '../../core/layers.js';
import { ABBREVIATED_TITLES } from '../../text/titles.js';

/*
 * Sentence boundaries from tokens. A sentence ends at . ! ? … (plus any closing quotes
 * or brackets that follow) when the next token can open a sentence, and always at a
 * line break: news paragraphs never run sentences across lines. Titles ("Mr.", "Gen.")
 * never end a sentence; other abbreviations ("U.S.", "Inc.") do when a capitalised
 * sentence opener follows.
 */

const TERMINAL = new Set(['.', '!', '?', '…', '...', '?!', '!?']);
const CLOSERS = new Set(['"', '”', '’', "'", ')', ']', '»']);
const OPENERS_AFTER_ABBREV = new Set([
  'The', 'A', 'An', 'He', 'She', 'It', 'They', 'We', 'I', 'But', 'And', 'In', 'On', 'At', 'This', 'That', 'There',
  'His', 'Her', 'Their', 'Its', 'Our', 'Some', 'Many', 'Most', 'Officials', 'Meanwhile', 'However', 'Still', 'Yet',
]);

function canOpen(t: Token): boolean {
  const c = t.text[0]!;
  return /[\p{Lu}\p{N}"“‘'(\[«¿¡—–-]/u.test(c);
}

export function splitSentences(text: string, tokens: readonly Token[]): Sentence[] {
  const out: Sentence[] = [];
  let first = 0;
  const close = (lastIncl: number) => {
    if (lastIncl < first) return;
    out.push({ start: tokens[first]!.start, end: tokens[lastIncl]!.end, tokenStart: first, tokenEnd: lastIncl + 1 });
    first = lastIncl + 1;
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const next = tokens[i + 1];
    if (!next) break;
    const gap = text.slice(t.end, next.start);
    if (gap.includes('\n')) {
      close(i);
      continue;
    }
    let end = -1;
    if (TERMINAL.has(t.text)) {
      end = i;
    } else if (t.text.endsWith('.') && t.text.length > 1) {
      // Abbreviation carrying its period: may end a sentence unless it is a title.
      const bare = t.text.slice(0, -1).toLowerCase();
      if (!ABBREVIATED_TITLES.has(bare) && OPENERS_AFTER_ABBREV.has(next.text) && gap.length > 0) end = i;
    }
    if (end < 0) continue;
    // Take closing quotes and brackets that hug the terminal mark.
    let j = end;
    while (j + 1 < tokens.length && CLOSERS.has(tokens[j + 1]!.text) && tokens[j + 1]!.start === tokens[j]!.end) j++;
    const after = tokens[j + 1];
    if (!after) break;
    const gap2 = text.slice(tokens[j]!.end, after.start);
    if (gap2.length === 0 && !CLOSERS.has(tokens[j]!.text)) continue; // "3.5" style or "U.S.-led"
    if (canOpen(after) || gap2.includes('\n')) {
      close(j);
      i = j;
    }
  }
  if (first < tokens.length) close(tokens.length - 1);
  return out;
}

export function splitParagraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  const re = /[^\n]+/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    let s = m.index;
    let e = s + m[0].length;
    while (s < e && /\s/.test(text[s]!)) s++;
    while (e > s && /\s/.test(text[e - 1]!)) e--;
    if (e > s) out.push({ start: s, end: e });
  }
  return out;
}
