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
  return quantities.map((q) => {
    let best = -1;
    quotes.forEach((quote, i) => {
      if (contains(quote, q) && (best < 0 || quote.end - quote.start < quotes[best]!.end - quotes[best]!.start)) best = i;
    });
    return best >= 0 ? { ...q, quote: quotes[best]!.id } : q;
  });
}
