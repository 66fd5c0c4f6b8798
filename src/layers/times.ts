import type { Span } from '../core/span.js';
import { DOC, END, SEQ, START, TEXT, spanItem, type LayerSpec } from './spec.js';

export interface Time extends Span {
  readonly text: string;
  /** TIMEX3 value: 2017-06, 2016-SU, 2017-W29, PRESENT_REF, P1Y, ... */
  readonly value: string;
  readonly type?: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  /** TIMEX3 mod: START, END, MID, MORE_THAN, LESS_THAN, APPROX, ... */
  readonly mod?: string;
  /** True when a relative expression could not be anchored (no publication date). */
  readonly unresolved?: boolean;
}

export const timeLayer: LayerSpec<'times', Time> = {
  name: 'times',
  record: [{ field: 'times', counted: true }],
  def: 'time',
  schema: spanItem<Time>(['text', 'value'], {
    text: { type: 'string' },
    value: { type: 'string', minLength: 1, description: 'TIMEX3 value: 2017-06, 2016-SU, 2017-W29, PRESENT_REF, P1Y, ...' },
    type: { enum: ['DATE', 'TIME', 'DURATION', 'SET'] },
    mod: { type: 'string' },
    unresolved: { type: 'boolean' },
  }),
  table: {
    name: 'times',
    columns: [
      DOC, SEQ, START, END, TEXT,
      { name: 'value', type: 'TEXT', notNull: true, value: (t) => t.value },
      { name: 'type', type: 'TEXT', value: (t) => t.type },
      { name: 'mod', type: 'TEXT', value: (t) => t.mod },
    ],
  },
};
