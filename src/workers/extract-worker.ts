// The module each worker thread of the pool runs: it reads an input, or extracts one document,
// per task. Everything a runaway input can exhaust (time, heap) belongs to this thread, which
// the pool stops and replaces; the process that stores the results is not touched.
import { setPriority } from 'node:os';
import { workerData } from 'node:worker_threads';
import { Doc } from '../core/doc.js';
import type { DocMeta } from '../core/meta.js';
import { readBytes, readFileInput, type BytesOrigin } from '../ingest/read.js';
import { failed, type ReadItem, type ReadOptions } from '../ingest/types.js';
import { toRecord, type NewsRecord, type RecordOptions } from '../output/record.js';
import { defaultPipeline } from '../pipeline/default.js';
import { docSizeError } from './limits.js';

export type ReadSource = { readonly kind: 'file'; readonly path: string } | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly origin: BytesOrigin };

interface TaskBase {
  /**
   * Shared with the pool: the time (ms since the epoch) the task started, written here so its
   * time budget counts from then, not from the queue or the thread's start.
   */
  readonly started: Float64Array;
}
export interface ReadTask extends TaskBase {
  readonly kind: 'read';
  readonly source: ReadSource;
  readonly read: ReadOptions;
  readonly maxDocBytes: number;
}
export interface ExtractTask extends TaskBase {
  readonly kind: 'extract';
  /** Normalised text (a Doc's), with the metadata and id the Doc has. */
  readonly text: string;
  readonly meta: DocMeta;
  readonly id: string;
  readonly record: RecordOptions;
}

// A background pool's thread lowers its own priority (on Linux the nice value is per thread).
const nice = Number((workerData as { nice?: number } | undefined)?.nice ?? 0);
if (nice) {
  try {
    setPriority(nice);
  } catch {
    // Not permitted here: the thread keeps the process's priority.
  }
}

// Models and gazetteers load as the thread starts, outside any document's time budget.
defaultPipeline().run(Doc.create('Ann Lee said on Monday in Paris that 12 people had left.\n'));

export default async function run(task: ReadTask | ExtractTask): Promise<ReadItem[] | NewsRecord> {
  task.started[0] = Date.now();
  return task.kind === 'read' ? readSource(task) : extract(task);
}

async function readSource(task: ReadTask): Promise<ReadItem[]> {
  const s = task.source;
  const items = s.kind === 'file' ? readFileInput(s.path, task.read) : readBytes(s.bytes, s.origin, task.read);
  const out: ReadItem[] = [];
  for await (const item of items) {
    const tooBig = item.ok ? docSizeError(item.doc.text, task.maxDocBytes) : undefined;
    out.push(tooBig ? failed(item.source, tooBig) : item);
  }
  return out;
}

function extract(task: ExtractTask): NewsRecord {
  const doc = Doc.fromNormalized(task.text, task.meta, task.id);
  return toRecord(defaultPipeline().run(doc, { published: doc.meta.published }), task.record);
}
