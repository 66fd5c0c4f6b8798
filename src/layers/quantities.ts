import type { Span } from '../core/span.js';
import { DOC, END, SEQ, START, TEXT, idSchema, num, spanItem, type Column, type LayerSpec } from './spec.js';

export interface Quantity extends Span {
  /** `n1`, `n2`… in document order. */
  readonly id: string;
  readonly text: string;
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  /** e.g. more_than, at_least, up_to, about, nearly, range */
  readonly qualifier?: string;
  /** The thing counted ("fighters") or a unit ("percent"). */
  readonly unit?: string;
  /** ISO 4217 code. */
  readonly currency?: string;
  /** Rate period: "month", "day", ... */
  readonly per?: string;
  readonly vague?: boolean;
  /** Id of the quote (`q3`) when the number is stated inside an attributed quote. */
  readonly quote?: string;
}

const real = (name: 'value' | 'min' | 'max'): Column<Quantity> => ({ name, type: 'REAL', value: (q) => num(q[name]) });
const text = (name: 'unit' | 'currency' | 'qualifier' | 'per'): Column<Quantity> => ({ name, type: 'TEXT', value: (q) => q[name] });

export const quantityLayer: LayerSpec<'quantities', Quantity> = {
  name: 'quantities',
  record: [{ field: 'quantities', counted: true }],
  def: 'quantity',
  idPrefix: 'n',
  schema: spanItem<Quantity>(['id', 'text'], {
    id: idSchema('n'),
    text: { type: 'string' },
    value: { type: 'number' },
    min: { type: 'number' },
    max: { type: 'number' },
    qualifier: { type: 'string' },
    unit: { type: 'string' },
    currency: { type: 'string', pattern: '^[A-Z]{3}$' },
    per: { type: 'string' },
    vague: { type: 'boolean' },
    quote: { ...idSchema('q'), description: 'Id of the quote (`quotes[].id`) that states the number.' },
  }),
  refs: [{ field: 'quote', to: 'quotes' }],
  table: {
    name: 'quantities',
    columns: [DOC, SEQ, START, END, TEXT, real('value'), real('min'), real('max'), text('unit'), text('currency'), text('qualifier'), text('per')],
  },
};
