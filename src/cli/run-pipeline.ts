import { Doc } from '../core/doc.js';
import type { RawDoc } from '../ingest/types.js';
import { toRecord, type NewsRecord, type RecordOptions } from '../output/record.js';
import { defaultPipeline } from '../pipeline/default.js';

export interface RunOptions extends RecordOptions {
  /** Publication date for documents whose reader found none. */
  readonly published?: string;
}

/** The Doc a reader's output becomes: text normalised and hashed, the fallback date applied. */
export function toDoc(raw: RawDoc, opts: RunOptions = {}): Doc {
  const meta = raw.meta.published || !opts.published ? raw.meta : { ...raw.meta, published: opts.published };
  return Doc.create(raw.text, meta, raw.id);
}

/** Runs the default pipeline over one document and returns its newsgraph/1 record. */
export function runPipeline(doc: Doc, opts: RunOptions = {}): NewsRecord {
  const result = defaultPipeline().run(doc, { published: doc.meta.published });
  return toRecord(result, opts);
}
