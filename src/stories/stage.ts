import type { CollectionStage } from '../pipeline/collection.js';
import { defineStage } from '../pipeline/version.js';
import { findCopy } from './copies.js';
import { outletFromName, outletOf } from './outlets.js';
import { wireCredit } from './wires.js';

/**
 * Copies and sources as a document lands: `copyOf` and `copyShare` when it reproduces most of a
 * stored original (src/stories/copies.ts), and `source`, the independent source it counts as:
 * the wire its dateline or credit line names, else the source of the document it copies, else
 * its own outlet, folded. Reads the record's text and metadata only.
 */
export const copiesStage = defineStage<CollectionStage>(import.meta.url, {
  name: 'copies',
  requires: [],
  updates: ['copyOf', 'copyShare', 'source'],
  async run(rec, ctx) {
    const { match, boilerplate } = await findCopy(rec, ctx.store);
    const credit = wireCredit(rec.text);
    if (credit) ctx.diagnostic({ level: 'info', rule: 'sources.wire', message: `credits ${credit.wire}`, start: credit.start, end: credit.end });
    if (boilerplate) ctx.diagnostic({ level: 'info', rule: 'copies.boilerplate', message: `${boilerplate} line(s) left out as the outlet's boilerplate` });
    if (match) {
      ctx.diagnostic({ level: 'info', rule: 'copies.copy', message: `reproduces ${match.copyOf} (${Math.round(match.share * 100)}% of its own text)` });
      if (match.earlier) ctx.diagnostic({ level: 'info', rule: 'copies.earlier', message: `dated before ${match.copyOf}, which was stored first and stays the origin` });
    }
    const copied = match && (match.candidate.source ?? (match.candidate.outlet ? outletFromName(match.candidate.outlet) : undefined));
    const source = credit?.wire ?? copied ?? outletOf(rec.meta ?? {});
    return { copyOf: match?.copyOf, copyShare: match?.share, source };
  },
});
