import { Doc } from '../core/doc.js';
import type { Diagnostic } from '../core/diagnostics.js';
import type { LayerName, Layers } from '../core/layers.js';
import { compareSpans } from '../core/span.js';
import type { PipelineResult, StageTiming } from '../pipeline/pipeline.js';
import { toRecord, type CollectionField, type NewsRecord } from './record.js';
import { COLLECTION_SCHEMA } from './record-schema.js';

/**
 * Layers a record keeps whole, so a stored record can be turned back into a Doc that carries
 * them. Tokens are not kept and sentences keep their spans only: the stages that make them
 * re-run (cheaply) whenever a re-run stage reads them.
 */
export const RESTORABLE: ReadonlySet<LayerName> = new Set(['mentions', 'entities', 'quotes', 'quantities', 'times', 'places', 'relations', 'events']);

/** The Doc a stored record describes, with every layer the record keeps whole. */
export function docFromRecord(rec: NewsRecord): Doc {
  const layers: Record<string, unknown> = {};
  for (const name of RESTORABLE) {
    // The pipeline's mentions layer holds names and references alike; the record splits them.
    const items = name === 'mentions' ? [...(rec.mentions ?? []), ...(rec.references ?? [])].sort(compareSpans) : rec[name];
    if (items) layers[name] = items;
  }
  return Doc.fromNormalized(rec.text, rec.meta ?? {}, rec.id, layers as Partial<Layers>);
}

/**
 * The stored record with what a re-run made: the layers, timings and diagnostics of the stages
 * that ran replace theirs; everything else stays as stored.
 */
export function refreshedRecord(old: NewsRecord, rerun: PipelineResult, order: readonly string[]): NewsRecord {
  const ran = new Set(rerun.timings.map((t) => t.name));
  const timings: StageTiming[] = [...old.stages.filter((t) => !ran.has(t.name)), ...rerun.timings]
    .sort((a, b) => order.indexOf(a.name) - order.indexOf(b.name));
  const diagnostics: Diagnostic[] = [...old.diagnostics.filter((d) => !ran.has(d.stage)), ...rerun.diagnostics]
    .sort((a, b) => order.indexOf(a.stage) - order.indexOf(b.stage));
  const fresh = toRecord({ doc: rerun.doc, timings, diagnostics }, { tokens: !!old.tokens });
  // Layers the re-run did not rebuild and the Doc could not carry come from the stored record.
  for (const [layer, field] of [['sentences', 'sentences'], ['paragraphs', 'paragraphs'], ['tokens', 'tokens']] as const) {
    if (!rerun.doc.has(layer)) {
      if (old[field]) fresh[field] = old[field] as never;
      else delete fresh[field];
    }
  }
  // What collection stages set (copyOf, source...) stays until they run again.
  const kept: Partial<NewsRecord> = {};
  for (const f of Object.keys(COLLECTION_SCHEMA) as CollectionField[]) if (old[f] !== undefined) (kept as Record<string, unknown>)[f] = old[f];
  return { ...fresh, id: old.id, hash: old.hash, meta: old.meta, ...kept };
}
