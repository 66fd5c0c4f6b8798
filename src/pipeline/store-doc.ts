import type { Doc } from '../core/doc.js';
import { toRecord, type NewsRecord, type RecordOptions } from '../output/record.js';
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
  const known = await knownDoc(store, doc.hash, pipeline, collection);
  if (known) return { status: 'present', id: known };
  return landRecord(store, toRecord(pipeline.run(doc, { published: doc.meta.published }), opts), pipeline, collection);
}

/** The id of the stored document with this text when this build's stages made its record. */
export async function knownDoc(store: Store, hash: string, pipeline: Pipeline, collection?: Collection): Promise<string | undefined> {
  const stamp = await store.stampOf(hash);
  return stamp && current(stamp, hash, pipeline, collection) ? stamp.id : undefined;
}

function current(stamp: RecordStamp, hash: string, pipeline: Pipeline, collection?: Collection): boolean {
  return stamp.hash === hash && !staleStages(stamp, [...pipeline.stages, ...(collection?.stages ?? [])]).length;
}

/**
 * Stores a record the document stages made (here or in a worker thread): the collection stages
 * run as it lands. Whether its text is known is asked again now, so records extracted ahead of
 * their turn land exactly as they would one after another (a text twice in a batch is stored once).
 */
export async function landRecord(store: Store, extracted: NewsRecord, pipeline: Pipeline, collection?: Collection): Promise<StoreDocResult> {
  const stamp = await store.stampOf(extracted.hash);
  const same = stamp?.hash === extracted.hash;
  if (stamp && current(stamp, extracted.hash, pipeline, collection)) return { status: 'present', id: stamp.id };
  let record = stamp && same ? { ...extracted, id: stamp.id } : extracted;
  if (collection) record = await collection.run(record, store);
  const language = record.meta.language;
  if (!stamp || !same) return { ...(await store.put(record)), ...(language ? { language } : {}) };
  await store.replace(record);
  return { status: 'refreshed', id: stamp.id, ...(language ? { language } : {}) };
}
