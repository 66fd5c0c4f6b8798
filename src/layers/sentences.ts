import type { Span } from '../core/span.js';
import { SPAN, type LayerSpec } from './spec.js';

export interface Sentence extends Span {
  /** Index of the first token and one past the last, into the tokens layer. */
  readonly tokenStart: number;
  readonly tokenEnd: number;
}

/** The record keeps sentence spans only; token indexes are for the stages. */
export const sentenceLayer: LayerSpec<'sentences', Sentence> = {
  name: 'sentences',
  record: [{ field: 'sentences', counted: true }],
  schema: SPAN,
};
