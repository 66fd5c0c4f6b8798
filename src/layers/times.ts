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
  /** On the first end of a range, the TIMEX3 value of its last end ("between August and October": 2017-10). */
  readonly to?: string;
  /** Beside a date counted from another time, the stretch counted ("in two weeks": P2W). */
  readonly duration?: string;
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
    to: { type: 'string', minLength: 1, description: "On a range's first end, the TIMEX3 value of its last end." },
    duration: { type: 'string', pattern: '^P', description: 'Beside a counted date ("in two weeks"), the stretch counted: P2W.' },
  }),
  table: {
    name: 'times',
    columns: [
      DOC, SEQ, START, END, TEXT,
      { name: 'value', type: 'TEXT', notNull: true, value: (t) => t.value },
      { name: 'type', type: 'TEXT', value: (t) => t.type },
      { name: 'mod', type: 'TEXT', value: (t) => t.mod },
      { name: 'to_value', type: 'TEXT', value: (t) => t.to },
      { name: 'duration', type: 'TEXT', value: (t) => t.duration },
    ],
  },
};
