import { Doc } from '../core/doc.js';
import { readInputs } from '../ingest/read.js';
import type { ReadOptions } from '../ingest/types.js';
import type { JobQueue, NewJob } from './job-queue.js';

export interface EnqueueSummary {
  /** Jobs added. */
  queued: number;
  /** Documents whose text is already waiting in the queue. */
  waiting: number;
  /** Inputs that could not be read. */
  failed: { input: string; reason: string }[];
  warnings: { input: string; warning: string }[];
}

/**
 * Reads every input with the readers `ingest` uses and adds one job per document, as the
 * reader made it (the fallback date applied), for workers to extract and store. Unreadable
 * inputs are reported and the rest goes on.
 */
export async function enqueueInputs(queue: JobQueue, inputs: readonly string[], opts: { published?: string; read?: ReadOptions } = {}): Promise<EnqueueSummary> {
  const sum: EnqueueSummary = { queued: 0, waiting: 0, failed: [], warnings: [] };
  let batch: NewJob[] = [];
  const flush = async () => {
    const added = await queue.enqueue(batch);
    sum.queued += added;
    sum.waiting += batch.length - added;
    batch = [];
  };
  for await (const item of readInputs(inputs, opts.read ?? {})) {
    if (!item.ok) {
      sum.failed.push({ input: item.source, reason: item.error });
      continue;
    }
    if (item.note) sum.warnings.push({ input: item.source, warning: item.note });
    const raw = item.doc;
    // As toDoc builds it for ingest: the worker rebuilds the same Doc from these fields.
    const meta = raw.meta.published || !opts.published ? raw.meta : { ...raw.meta, published: opts.published };
    const hash = Doc.create(raw.text, meta, raw.id).hash;
    batch.push({ source: item.source, text: raw.text, meta, hash, ...(raw.id !== undefined ? { id: raw.id } : {}) });
    if (batch.length >= 200) await flush();
  }
  await flush();
  return sum;
}
