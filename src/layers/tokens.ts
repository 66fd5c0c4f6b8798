import type { Span } from '../core/span.js';
import { SPAN, type LayerSpec } from './spec.js';

export interface Token extends Span {
  readonly text: string;
  /** Coarse part of speech when a stage has assigned one. */
  readonly pos?: string;
  /** True when whitespace (or the end of text) follows the token. */
  readonly spaceAfter?: boolean;
}

/** The record keeps token spans only, and only when asked: the words are the text's. */
export const tokenLayer: LayerSpec<'tokens', Token> = {
  name: 'tokens',
  record: [{ field: 'tokens', description: 'Only with --tokens.', optional: true }],
  schema: SPAN,
};
