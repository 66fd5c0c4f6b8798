import type { Paragraph } from '../core/layers.js';
import type { Span } from '../core/span.js';

/* Stretches of text inside double quotation marks, for the quotes stage and pronoun resolution. */

/** A stretch of text inside double quotation marks, marks included. */
export interface QuotedSpan extends Span {
  /** Offsets of the words inside the marks. */
  readonly innerStart: number;
  readonly innerEnd: number;
  /** True when no closing mark was found and the span stops at a paragraph end. */
  readonly unclosed?: boolean;
  /** True when the span runs over several paragraphs, each reopening with a mark. */
  readonly multiParagraph?: boolean;
}

const isSpace = (c: string | undefined) => c === undefined || /[\s([{\u2014\u2013\-/]/.test(c);
const isWordy = (c: string | undefined) => c !== undefined && /[\p{L}\p{N}$£€#@.…'‘’\[]/u.test(c);

/**
 * Double quotation marks decide the spans; single marks inside them are nested quotes and
 * are left alone. A straight mark opens when it follows space and precedes a word, and
 * closes otherwise. An unclosed quote whose next paragraph opens with a mark continues
 * there (the news convention for quotes over several paragraphs).
 */
export function findQuotedSpans(text: string, paragraphs: readonly Paragraph[]): QuotedSpan[] {
  const raw: { start: number; end: number; unclosed: boolean; para: number }[] = [];
  const paras = paragraphs.length ? paragraphs : [{ start: 0, end: text.length }];
  for (let p = 0; p < paras.length; p++) {
    const para = paras[p]!;
    let open = -1;
    for (let i = para.start; i < para.end; i++) {
      const c = text[i]!;
      if (c !== '"' && c !== '“' && c !== '”' && c !== '„' && c !== '«' && c !== '»') continue;
      const before = text[i - 1];
      const after = text[i + 1];
      let role: 'open' | 'close';
      if (c === '“' || c === '„' || c === '«') role = 'open';
      else if (c === '”' || c === '»') role = 'close';
      else role = open < 0 ? 'open' : 'close';
      // A straight mark glued to a word with nothing open (6'2", a stray mark) opens nothing.
      if (c === '"' && role === 'open' && !isSpace(before) && !isWordy(after)) continue;
      if (role === 'open') {
        // A second opening mark while one is open: the first was never closed; restart here.
        if (open >= 0) raw.push({ start: open, end: i, unclosed: true, para: p });
        open = i;
      } else if (open >= 0) {
        raw.push({ start: open, end: i + 1, unclosed: false, para: p });
        open = -1;
      }
    }
    if (open >= 0) raw.push({ start: open, end: para.end, unclosed: true, para: p });
  }
  const out: QuotedSpan[] = [];
  for (let k = 0; k < raw.length; k++) {
    let cur = raw[k]!;
    let multi = false;
    // Merge an unclosed paragraph-final quote with the quote that opens the next paragraph.
    while (cur.unclosed && cur.end === paras[cur.para]!.end) {
      const next = raw[k + 1];
      const nextPara = paras[cur.para + 1];
      if (!next || !nextPara || next.para !== cur.para + 1 || next.start !== nextPara.start) break;
      cur = { start: cur.start, end: next.end, unclosed: next.unclosed, para: next.para };
      multi = true;
      k++;
    }
    if (cur.end - cur.start < 2) continue;
    const closeMark = !cur.unclosed;
    out.push({
      start: cur.start,
      end: cur.end,
      innerStart: cur.start + 1,
      innerEnd: closeMark ? cur.end - 1 : cur.end,
      ...(cur.unclosed ? { unclosed: true } : {}),
      ...(multi ? { multiParagraph: true } : {}),
    });
  }
  return out;
}
