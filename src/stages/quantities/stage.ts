import { SpanIndex } from '../../core/span-index.js';
import type { Quantity, Quote } from '../../core/layers.js';
import { contains } from '../../core/span.js';
import { quantityLayer } from '../../layers/quantities.js';
import { numbered, type Unnumbered } from '../../layers/spec.js';
import { defineStage } from '../../pipeline/version.js';
import { recognizeQuantities } from './recognize.js';

/**
 * Quantities: numbers in digits or words with their qualifier, range, currency, rate and the
 * thing counted. Numbers that are dates or durations (the times layer, when present) are left
 * out; a number stated inside a quote is linked to it when the quotes layer is present.
 */
export const quantitiesStage = defineStage(import.meta.url, {
  name: 'quantities',
  languages: ['eng'],
  requires: [],
  optional: ['times', 'quotes'],
  provides: ['quantities'],
  run(doc) {
    const found = recognizeQuantities(doc.text, doc.layer('times'));
    return { quantities: numbered(quantityLayer, linkToQuotes(found, doc.layer('quotes'))) };
  },
});

/** Sets Quantity.quote to the id of the innermost quote holding the number. */
export function linkToQuotes(quantities: readonly Unnumbered<Quantity>[], quotes: readonly Pick<Quote, 'id' | 'start' | 'end'>[]): Unnumbered<Quantity>[] {
  if (!quotes.length) return [...quantities];
  const index = new SpanIndex(quotes);
  return quantities.map((q) => {
    let best: Pick<Quote, 'id' | 'start' | 'end'> | undefined;
    for (const quote of index.overlapping(q.start, q.end)) {
      if (contains(quote, q) && (!best || quote.end - quote.start < best.end - best.start)) best = quote;
    }
    return best ? { ...q, quote: best.id } : q;
  });
}
