import type { TokenView } from './view.js';

/*
 * Some archives print quotation marks as doubled apostrophes (''We will,'' she said). The
 * tokenizer splits them into two apostrophe tokens; a glued pair is a mark, a lone one an
 * apostrophe or a nested quote.
 */

const APOSTROPHE = /^['’]$/;

/** True when tokens i and i+1 are two apostrophes written as one mark. */
export function isDoubledMark(v: TokenView, i: number): boolean {
  const a = v.tokens[i], b = v.tokens[i + 1];
  return !!a && !!b && APOSTROPHE.test(a.text) && APOSTROPHE.test(b.text) && a.end === b.start;
}

/**
 * The token index of the closing mark of a doubled-apostrophe quote that opens at token `a`,
 * searched up to `hi`, or -1. The closing mark follows a word or punctuation without a space.
 */
export function doubledClose(v: TokenView, a: number, hi: number): number {
  if (!isDoubledMark(v, a)) return -1;
  for (let k = a + 3; k < hi - 1; k++) {
    if (isDoubledMark(v, k) && v.tokens[k - 1]!.end === v.tokens[k]!.start) return k;
  }
  return -1;
}
