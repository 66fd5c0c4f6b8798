import type { Sentence, Token } from '../../core/layers.js';

/** Token-level access the attribution rules share: lower-cased forms and offset lookups. */
export class TokenView {
  readonly lower: string[];
  /** Index of the sentence holding each token. */
  readonly sentenceOf: Int32Array;

  constructor(
    readonly text: string,
    readonly tokens: readonly Token[],
    readonly sentences: readonly Sentence[],
  ) {
    this.lower = tokens.map((t) => t.text.toLowerCase());
    this.sentenceOf = new Int32Array(tokens.length).fill(-1);
    sentences.forEach((s, i) => {
      for (let k = s.tokenStart; k < s.tokenEnd && k < tokens.length; k++) this.sentenceOf[k] = i;
    });
  }

  get length(): number {
    return this.tokens.length;
  }

  /** First token whose end is after offset (the token at or after it). */
  tokenAtOrAfter(offset: number): number {
    let lo = 0, hi = this.tokens.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.tokens[mid]!.end <= offset) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  isCapitalized(i: number): boolean {
    const t = this.tokens[i];
    return !!t && /^\p{Lu}/u.test(t.text);
  }

  isPunct(i: number): boolean {
    const t = this.tokens[i];
    return !!t && !/[\p{L}\p{N}]/u.test(t.text);
  }

  /** True when a line break separates token i from token i+1. */
  breakAfter(i: number): boolean {
    const a = this.tokens[i], b = this.tokens[i + 1];
    return !a || !b || this.text.slice(a.end, b.start).includes('\n');
  }
}
