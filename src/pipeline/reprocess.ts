import { NewsgraphError } from '../core/errors.js';
import { LAYER_NAMES, type LayerName } from '../core/layers.js';
import { docFromRecord, refreshedRecord } from '../output/restore.js';
import type { CollectionField } from '../output/record.js';
import type { Store } from '../store/store.js';
import type { Collection } from './collection.js';
import type { Pipeline } from './pipeline.js';
import { writesOf } from './stage.js';
import { staleStages } from './store-doc.js';

export interface ReprocessOptions {
  /** Count what would be re-run, change nothing. */
  readonly dryRun?: boolean;
  /** Only the stages that write these layers (and what depends on them). */
  readonly layers?: readonly string[];
  /** The collection stages that run as documents land (the knowledge base). */
  readonly collection?: Collection;
  /** Called after each record with how many are done and how many are stale. */
  readonly progress?: (done: number, total: number) => void;
}

export interface ReprocessSummary {
  /** Records looked at. */
  checked: number;
  /** Records with at least one stale stage (within `layers` when given). */
  stale: number;
  refreshed: number;
  failed: { id: string; reason: string }[];
  /** Stale records per stage whose version changed. */
  byStage: Record<string, number>;
}

/**
 * Brings stored records up to this build: for each record whose stage versions differ from the
 * pipeline's, re-runs the stale stages and those that read their layers, and replaces the
 * record in place, one transaction per document. A record that fails is reported and left as
 * it was; the rest go on.
 */
export async function reprocess(store: Store, pipeline: Pipeline, opts: ReprocessOptions = {}): Promise<ReprocessSummary> {
  const collection = opts.collection;
  const only = opts.layers ? stagesWriting(pipeline, collection, opts.layers) : undefined;
  const all = [...pipeline.stages, ...(collection?.stages ?? [])];
  const sum: ReprocessSummary = { checked: 0, stale: 0, refreshed: 0, failed: [], byStage: {} };
  // Listed first, then rewritten: no read stays open while records change.
  const todo: { id: string; stale: string[] }[] = [];
  for await (const stamp of store.stamps()) {
    sum.checked++;
    const stale = staleStages(stamp, all).filter((n) => !only || only.has(n));
    if (!stale.length) continue;
    for (const n of stale) sum.byStage[n] = (sum.byStage[n] ?? 0) + 1;
    todo.push({ id: stamp.id, stale });
  }
  sum.stale = todo.length;
  if (opts.dryRun) return sum;
  const order = all.map((s) => s.name);
  for (const [i, job] of todo.entries()) {
    try {
      const rec = await store.get(job.id);
      if (!rec) throw new NewsgraphError('store.not-found', 'removed while reprocessing');
      const docStale = job.stale.filter((n) => pipeline.stages.some((s) => s.name === n));
      let next = rec;
      const changed = new Set<LayerName | CollectionField>();
      if (docStale.length) {
        const result = pipeline.rerun(docFromRecord(rec), docStale, { published: rec.meta?.published });
        for (const t of result.timings) for (const l of writesOf(pipeline.stages.find((s) => s.name === t.name)!)) changed.add(l);
        next = refreshedRecord(rec, result, order);
      }
      if (collection) {
        // A collection stage re-runs when it changed or something it reads did, an earlier
        // collection stage's output included.
        const rerun = new Set<string>();
        for (const s of collection.stages) {
          if (!job.stale.includes(s.name) && ![...s.requires, ...(s.optional ?? []), ...s.updates].some((l) => changed.has(l))) continue;
          rerun.add(s.name);
          for (const l of s.updates) changed.add(l);
        }
        if (rerun.size) next = await collection.run(next, store, rerun);
      }
      await store.replace(next);
      sum.refreshed++;
    } catch (err) {
      sum.failed.push({ id: job.id, reason: err instanceof Error ? err.message : String(err) });
    }
    opts.progress?.(i + 1, todo.length);
  }
  if (collection && sum.refreshed) await collection.settle(store);
  return sum;
}

function stagesWriting(pipeline: Pipeline, collection: Collection | undefined, layers: readonly string[]): Set<string> {
  for (const l of layers) {
    if (!(LAYER_NAMES as readonly string[]).includes(l)) {
      throw new NewsgraphError('reprocess.bad-layer', `unknown layer "${l}"; layers are ${LAYER_NAMES.join(', ')}`);
    }
  }
  const writers = [...pipeline.stages.filter((s) => writesOf(s).some((w) => layers.includes(w))), ...(collection?.stages ?? []).filter((s) => s.updates.some((w) => layers.includes(w)))];
  return new Set(writers.map((s) => s.name));
}
