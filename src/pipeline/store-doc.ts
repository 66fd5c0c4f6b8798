import type { Doc } from '../core/doc.js';
import { toRecord, type RecordOptions } from '../output/record.js';
import type { RecordStamp, Store } from '../store/store.js';
import type { Collection } from './collection.js';
import type { Pipeline } from './pipeline.js';

export interface StoreDocResult {
  /** `refreshed`: the document was stored by a build whose stages differ, and is stored anew. */
  readonly status: 'added' | 'present' | 'refreshed';
  /** The stored document's id (for a known text, the id it was first stored under). */
  readonly id: string;
  /** The language detected in a document extracted now (ISO 639-3, see core/language.ts). */
  readonly language?: string;
}

/** The stages (of those given) whose version differs from the one that made a stored record. */
export function staleStages(stamp: RecordStamp, stages: readonly { readonly name: string; readonly version: string }[]): string[] {
  const made = new Map(stamp.stages.map((s) => [s.name, s.version]));
  return stages.filter((s) => made.get(s.name) !== s.version).map((s) => s.name);
}

/**
 * Runs the document stages over a document, then the collection stages as it lands, and stores
 * its record. Known text skips all that unless an older build made its record, in which case it
 * is extracted again and replaces it.
 */
export async function storeDoc(store: Store, doc: Doc, pipeline: Pipeline, collection?: Collection, opts: RecordOptions = {}): Promise<StoreDocResult> {
  const stamp = await store.stampOf(doc.hash);
  const all = [...pipeline.stages, ...(collection?.stages ?? [])];
  if (stamp && stamp.hash === doc.hash && !staleStages(stamp, all).length) return { status: 'present', id: stamp.id };
  let record = toRecord(pipeline.run(doc, { published: doc.meta.published }), opts);
  if (stamp && stamp.hash === doc.hash) record = { ...record, id: stamp.id };
  if (collection) record = await collection.run(record, store);
  const language = record.meta.language;
  if (!stamp || stamp.hash !== doc.hash) return { ...(await store.put(record)), ...(language ? { language } : {}) };
  await store.replace(record);
  return { status: 'refreshed', id: stamp.id, ...(language ? { language } : {}) };
}
