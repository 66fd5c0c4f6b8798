import { NewsgraphError } from '../core/errors.js';
import { LAYER_NAMES, type LayerName } from '../core/layers.js';
import { docFromRecord, refreshedRecord } from '../output/restore.js';
import type { Store } from '../store/store.js';
import type { Pipeline } from './pipeline.js';
import { writesOf } from './stage.js';
import { staleStages } from './store-doc.js';

export interface ReprocessOptions {
  /** Count what would be re-run, change nothing. */
  readonly dryRun?: boolean;
  /** Only the stages that write these layers (and what depends on them). */
  readonly layers?: readonly string[];
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
  const only = opts.layers ? stagesWriting(pipeline, opts.layers) : undefined;
  const sum: ReprocessSummary = { checked: 0, stale: 0, refreshed: 0, failed: [], byStage: {} };
  // Listed first, then rewritten: no read stays open while records change.
  const todo: { id: string; stale: string[] }[] = [];
  for await (const stamp of store.stamps()) {
    sum.checked++;
    const stale = staleStages(stamp, pipeline).filter((n) => !only || only.has(n));
    if (!stale.length) continue;
    for (const n of stale) sum.byStage[n] = (sum.byStage[n] ?? 0) + 1;
    todo.push({ id: stamp.id, stale });
  }
  sum.stale = todo.length;
  if (opts.dryRun) return sum;
  const order = pipeline.stages.map((s) => s.name);
  for (const [i, job] of todo.entries()) {
    try {
      const rec = await store.get(job.id);
      if (!rec) throw new NewsgraphError('store.not-found', 'removed while reprocessing');
      const result = pipeline.rerun(docFromRecord(rec), job.stale, { published: rec.meta?.published });
      await store.replace(refreshedRecord(rec, result, order));
      sum.refreshed++;
    } catch (err) {
      sum.failed.push({ id: job.id, reason: err instanceof Error ? err.message : String(err) });
    }
    opts.progress?.(i + 1, todo.length);
  }
  return sum;
}

function stagesWriting(pipeline: Pipeline, layers: readonly string[]): Set<string> {
  for (const l of layers) {
    if (!(LAYER_NAMES as readonly string[]).includes(l)) {
      throw new NewsgraphError('reprocess.bad-layer', `unknown layer "${l}"; layers are ${LAYER_NAMES.join(', ')}`);
    }
  }
  return new Set(pipeline.stages.filter((s) => writesOf(s).some((w) => layers.includes(w as LayerName))).map((s) => s.name));
}
