import type { Span } from '../core/span.js';
import { DOC, END, OFFSET, SEQ, SPAN, START, idSchema, spanItem, type LayerSpec } from './spec.js';

export interface Quote extends Span {
  /** `q1`, `q2`… in document order. */
  readonly id: string;
  readonly kind: 'direct' | 'indirect';
  /** Entity id of the speaker, when the speaker is a resolved entity. */
  readonly speaker?: string;
  /** The words naming the source (a person, "the U.N. report", "security officials"). */
  readonly speakerText?: string;
  readonly speakerStart?: number;
  readonly speakerEnd?: number;
  readonly cueStart?: number;
  readonly cueEnd?: number;
  readonly cue?: string;
  /**
   * The quoted stretches of a passage interrupted by its attribution ("“A,” she said. “B.”"),
   * in text order; absent when the quote is one stretch. The quote's span covers them all.
   */
  readonly parts?: readonly Span[];
}

export const quoteLayer: LayerSpec<'quotes', Quote> = {
  name: 'quotes',
  record: [{ field: 'quotes', counted: true }],
  def: 'quote',
  idPrefix: 'q',
  schema: spanItem<Quote>(['id', 'kind'], {
    id: idSchema('q'),
    kind: { enum: ['direct', 'indirect'] },
    speaker: { type: 'string', description: 'Entity id of the speaker.' },
    speakerText: { type: 'string' },
    speakerStart: OFFSET,
    speakerEnd: OFFSET,
    cueStart: OFFSET,
    cueEnd: OFFSET,
    cue: { type: 'string' },
    parts: {
      type: 'array', minItems: 2, items: SPAN,
      description: "The quoted stretches of one passage interrupted by its attribution (“A,” she said. “B.”), in text order; the quote's span covers them. Absent for a single stretch.",
    },
  }),
  refs: [{ field: 'speaker', to: 'entities' }],
  table: {
    name: 'quotes',
    columns: [
      DOC, SEQ, START, END,
      { name: 'kind', type: 'TEXT', notNull: true, value: (q) => q.kind },
      { name: 'text', type: 'TEXT', notNull: true, value: (q, c) => c.text.slice(q.start, q.end) },
      { name: 'speaker', type: 'INTEGER', value: (q, c) => c.entity(q.speaker)?.row },
      { name: 'speaker_text', type: 'TEXT', value: (q) => q.speakerText },
      // Speakers no entity claims ("security officials") are still found by name.
      { name: 'speaker_norm', type: 'TEXT', value: (q, c) => (q.speakerText ? c.normalizeName(q.speakerText) : undefined) },
      { name: 'cue', type: 'TEXT', value: (q) => q.cue },
    ],
  },
};
