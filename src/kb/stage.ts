import { NewsgraphError } from '../core/errors.js';
import type { CollectionStage } from '../pipeline/collection.js';
import { defineStage } from '../pipeline/version.js';
import { resolveRecord } from './resolve.js';

/**
 * Cross-document resolution as a document lands: each of its entities is linked to a
 * knowledge-base entity, new or existing (`entities[].kb`); when the document shows two existing
 * entities to be one, they are merged in the store, with the evidence kept as a decision.
 */
export const kbStage = defineStage<CollectionStage>(import.meta.url, {
  name: 'kb',
  requires: ['entities'],
  // Mentions give the merge evidence its span; places give toponyms their GeoNames id;
  // alias relations make single-word names evidence.
  optional: ['mentions', 'places', 'relations'],
  updates: ['entities'],
  async run(rec, ctx) {
    const { links, merges } = await resolveRecord(rec, { candidates: (keys) => ctx.store.kbCandidates(keys), context: (ids) => ctx.store.kbContext(ids) });
    const into = new Map<string, string>();
    for (const m of merges) {
      const a = into.get(m.into) ?? m.into, b = into.get(m.from) ?? m.from;
      if (a === b) continue;
      try {
        await ctx.store.mergeEntities(a, b, {
          who: 'newsgraph', note: 'one entity of this document goes by names of both', doc: rec.id,
          start: m.evidence.start, end: m.evidence.end, evidence: m.evidence.text,
        });
      } catch (err) {
        // Another process writing the store merged or removed them since resolution read it.
        if (!(err instanceof NewsgraphError && (err.code === 'kb.same-entity' || err.code === 'kb.unknown-entity'))) throw err;
        ctx.diagnostic({ level: 'info', rule: 'kb.merge-gone', message: `${b} and ${a}: ${err.message}`, start: m.evidence.start, end: m.evidence.end });
        continue;
      }
      for (const [k, v] of into) if (v === b) into.set(k, a);
      into.set(b, a);
      ctx.diagnostic({ level: 'info', rule: 'kb.merge', message: `${b} merged into ${a}`, start: m.evidence.start, end: m.evidence.end });
    }
    return { entities: rec.entities.map((e) => {
      const kb = links.get(e.id);
      return kb ? { ...e, kb: into.get(kb) ?? kb } : e;
    }) };
  },
});
