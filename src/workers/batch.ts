import { Doc } from '../core/doc.js';
import { errorMessage, NewsgraphError } from '../core/errors.js';
import type { DocMeta } from '../core/meta.js';
import { fetchUrl, type FetchLimits } from '../ingest/fetch.js';
import type { BytesOrigin } from '../ingest/read.js';
import { readStdin, type Source } from '../ingest/sources.js';
import { failed, type RawDoc, type ReadItem, type ReadOptions } from '../ingest/types.js';
import type { NewsRecord, RecordOptions } from '../output/record.js';
import type { Collection } from '../pipeline/collection.js';
import type { Pipeline } from '../pipeline/pipeline.js';
import { knownDoc, landRecord } from '../pipeline/store-doc.js';
import type { Store, WriteGroup } from '../store/store.js';
import type { WorkerPool } from './pool.js';

/** An input of a batch: what `expandInputs` yields, or bytes already in hand (an upload, pasted text). */
export type BatchInput = Source | { readonly kind: 'bytes'; readonly bytes: Uint8Array; readonly origin: BytesOrigin };

/** What became of one article (or of an input that yielded none), in input order. */
export type BatchEvent =
  /** `read`: the article was read, and its extraction or storing failed. */
  | { readonly kind: 'failed'; readonly input: number; readonly source: string; readonly error: string; readonly read?: true; readonly locked?: boolean }
  | { readonly kind: 'stored'; readonly input: number; readonly source: string; readonly status: 'added' | 'present' | 'refreshed'; readonly id: string; readonly title?: string; readonly note?: string; readonly language?: string }
  | { readonly kind: 'extracted'; readonly input: number; readonly source: string; readonly record: NewsRecord; readonly note?: string }
  /** Every article of input `input` has been reported. */
  | { readonly kind: 'input'; readonly input: number };

export interface BatchOptions {
  readonly pool: WorkerPool;
  readonly read?: ReadOptions;
  /** Publication date for documents whose reader found none. */
  readonly published?: string;
  /** Fields that win over what the reader found, except a date the article states. */
  readonly meta?: DocMeta;
  readonly record?: RecordOptions;
  /**
   * Lands documents in groups of writes committed together (where the store has them): each
   * document's events are reported once its group is committed, so none is reported stored
   * that a crash could still take back.
   */
  readonly group?: GroupBounds;
  /** Awaited before each document is stored: a server lets the requests it is answering go first. */
  readonly beforeWrite?: () => Promise<void>;
}

/** When a group of writes is committed: after this many documents, or this long after it opened. */
export interface GroupBounds {
  readonly docs: number;
  readonly ms: number;
}

/**
 * For `ingest`: a group's shared pages (word frequencies, index roots) are written once per
 * 32 documents rather than once each; another writer waits for the lock a second at most, and
 * a crash takes back at most the last second of work, none of it reported stored.
 */
export const INGEST_GROUP: GroupBounds = { docs: 32, ms: 1000 };

/** Where extracted records land; without one, a batch only extracts. */
export interface BatchTarget {
  readonly store: Store;
  readonly pipeline: Pipeline;
  readonly collection?: Collection;
}

type Prepared =
  | { readonly kind: 'failed'; readonly source: string; readonly error: string }
  | { readonly kind: 'present'; readonly source: string; readonly id: string; readonly title?: string; readonly note?: string }
  | { readonly kind: 'record'; readonly source: string; readonly record: Promise<NewsRecord>; readonly title?: string; readonly note?: string };
type Slot = { readonly input: number; readonly prepared: Promise<Prepared> } | { readonly input: number; readonly end: true };

/**
 * Reads and extracts in the pool's worker threads, a few documents ahead, while this thread
 * lands each record in input order: collection stages and the store see documents one at a time
 * in the order given, so the result does not depend on the number of workers. An input or a
 * document that fails (over a limit, unreadable, refused by the store) is reported by name and
 * the batch goes on; after the store stays locked, the rest are reported not stored.
 */
export async function* runBatch(inputs: AsyncIterable<BatchInput> | Iterable<BatchInput>, o: BatchOptions, target?: BatchTarget): AsyncGenerator<BatchEvent> {
  const ahead = o.pool.size * 2;
  const window: Slot[] = [];
  let locked: string | undefined;
  const groups = target?.store.group && o.group ? new Groups(target.store, o.group) : undefined;
  const land = async function* (slot: Slot): AsyncGenerator<BatchEvent> {
    if ('end' in slot) return yield { kind: 'input', input: slot.input };
    const p = await slot.prepared;
    const base = { input: slot.input, source: p.source };
    if (p.kind === 'failed') return yield { kind: 'failed', ...base, error: p.error };
    if (locked) return yield { kind: 'failed', ...base, error: `not stored: ${locked}`, read: true };
    const note = p.note ? { note: p.note } : {};
    if (p.kind === 'present') return yield { kind: 'stored', ...base, status: 'present', id: p.id, ...(p.title ? { title: p.title } : {}), ...note };
    try {
      // The write lock is not held while waiting on extraction longer than the group may last.
      if (groups && !(await groups.waitFor(p.record))) yield* await groups.commit();
      const record = await p.record;
      if (!target) return yield { kind: 'extracted', ...base, record, ...note };
      // Before the write lock is taken: the wait is for this process's readers.
      await o.beforeWrite?.();
      await groups?.open();
      const put = await landRecord(target.store, record, target.pipeline, target.collection);
      yield { kind: 'stored', ...base, ...put, ...(p.title ? { title: p.title } : {}), ...note };
    } catch (err) {
      const isLock = err instanceof NewsgraphError && err.code === 'store.locked';
      if (isLock) locked = err.message;
      if (err instanceof NewsgraphError && err.code === 'store.group-lost') yield* groups?.lost(err) ?? [];
      yield { kind: 'failed', ...base, error: errorMessage(err), read: true, ...(isLock ? { locked: true } : {}) };
    }
  };
  // Inside a group, events wait for its commit, in input order.
  const report = async function* (events: AsyncGenerator<BatchEvent>): AsyncGenerator<BatchEvent> {
    for await (const e of events) {
      if (groups?.holds()) groups.hold(e);
      else yield e;
    }
    if (groups?.full()) yield* await groups.commit();
  };
  const reading = readAhead(inputs, o);
  try {
    for (;;) {
      const next = reading.next();
      // Nor while waiting on a slow input (a page being fetched).
      if (groups && !(await groups.waitFor(next))) yield* await groups.commit();
      const read = await next;
      if (read.done) break;
      const { input, items } = read.value;
      for (const item of items) {
        window.push({ input, prepared: prepare(item, o, target) });
        while (window.length > ahead) yield* report(land(window.shift()!));
      }
      window.push({ input, end: true });
    }
    while (window.length) yield* report(land(window.shift()!));
    if (groups) yield* await groups.commit();
  } finally {
    // Left early (the caller stopped reading, or a throw): what was never reported is not stored.
    await groups?.abandon();
    await reading.return(undefined);
  }
}

/** The open group of writes of a batch, and the events that wait for its commit. */
class Groups {
  private current?: { readonly group: WriteGroup; readonly since: number; docs: number; readonly held: BatchEvent[] };

  constructor(private readonly store: Store, private readonly bounds: GroupBounds) {}

  async open(): Promise<void> {
    if (!this.current) this.current = { group: await this.store.group!(), since: Date.now(), docs: 0, held: [] };
    this.current.docs++;
  }

  holds(): boolean {
    return !!this.current;
  }

  hold(e: BatchEvent): void {
    this.current!.held.push(e);
  }

  full(): boolean {
    return !!this.current && (this.current.docs >= this.bounds.docs || Date.now() - this.current.since >= this.bounds.ms);
  }

  /** True when `work` settles within what is left of the open group's time (at once when none is open). */
  async waitFor(work: Promise<unknown>): Promise<boolean> {
    if (!this.current) return true;
    const left = this.bounds.ms - (Date.now() - this.current.since);
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<false>((resolve) => { timer = setTimeout(() => resolve(false), Math.max(0, left)); });
    try {
      return await Promise.race([work.then(() => true, () => true), late]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Commits the open group; its events, or, when the commit fails, each document reported not stored. */
  async commit(): Promise<BatchEvent[]> {
    const c = this.current;
    if (!c) return [];
    this.current = undefined;
    try {
      await c.group.commit();
      return c.held;
    } catch (err) {
      return notStored(c.held, errorMessage(err));
    }
  }

  /** The group was taken back by SQLite itself: its documents are reported not stored. */
  lost(err: Error): BatchEvent[] {
    const c = this.current;
    this.current = undefined;
    return c ? notStored(c.held, err.message) : [];
  }

  async abandon(): Promise<void> {
    const c = this.current;
    this.current = undefined;
    await c?.group.rollback().catch(() => {});
  }
}

/** The events of a group that did not commit: every document it stored is reported not stored. */
function notStored(events: readonly BatchEvent[], why: string): BatchEvent[] {
  return events.map((e) => (e.kind === 'stored' ? { kind: 'failed', input: e.input, source: e.source, error: `not stored: ${why}`, read: true } : e));
}

/** The inputs' articles, each input read in the pool, a few inputs ahead of the one asked for. */
async function* readAhead(inputs: AsyncIterable<BatchInput> | Iterable<BatchInput>, o: BatchOptions): AsyncGenerator<{ input: number; items: ReadItem[] }> {
  const pending: Promise<ReadItem[]>[] = [];
  let next = 0;
  for await (const src of inputs) {
    const read = readInput(src, o);
    read.catch(() => {});
    pending.push(read);
    if (pending.length > o.pool.size) yield { input: next++, items: await pending.shift()! };
  }
  while (pending.length) yield { input: next++, items: await pending.shift()! };
}

async function readInput(src: BatchInput, o: BatchOptions): Promise<ReadItem[]> {
  const read = o.read ?? {};
  try {
    switch (src.kind) {
      case 'error':
        return [failed(src.source, src.error)];
      case 'file':
        return await o.pool.read({ kind: 'file', path: src.path }, read);
      case 'bytes':
        return await o.pool.read(src, read);
      case 'stdin':
        return await o.pool.read({ kind: 'bytes', bytes: await readStdin(), origin: { source: 'stdin' } }, read);
      case 'url': {
        // The network wait stays here; the page's bytes are read in a worker.
        const page = await fetchUrl(src.url, read as FetchLimits);
        const origin = { source: src.url, name: new URL(page.url).pathname, mediaType: page.mediaType, charset: page.charset, url: page.url };
        return await o.pool.read({ kind: 'bytes', bytes: page.bytes, origin }, read);
      }
    }
  } catch (err) {
    return [failed(src.kind === 'url' ? src.url : src.kind === 'file' ? src.path : src.kind === 'bytes' ? src.origin.source : 'stdin', errorMessage(err))];
  }
}

/** Makes the Doc here (normalised and hashed: cheap, and within the size limit), then extracts it in the pool unless it is known. */
async function prepare(item: ReadItem, o: BatchOptions, target?: BatchTarget): Promise<Prepared> {
  if (!item.ok) return { kind: 'failed', source: item.source, error: item.error };
  try {
    const doc = toDoc(item.doc, o);
    const title = doc.meta.title;
    const extra = { ...(title ? { title } : {}), ...(item.note ? { note: item.note } : {}) };
    const known = target && (await knownDoc(target.store, doc.hash, target.pipeline, target.collection));
    if (known) return { kind: 'present', source: item.source, id: known, ...extra };
    const record = o.pool.extract(doc, o.record ?? {});
    // Awaited when its turn comes; until then a failure must not count as unhandled.
    record.catch(() => {});
    return { kind: 'record', source: item.source, record, ...extra };
  } catch (err) {
    return { kind: 'failed', source: item.source, error: errorMessage(err) };
  }
}

/** The Doc a reader's output becomes: the caller's fields and fallback date applied, the text normalised and hashed. */
function toDoc(raw: RawDoc, o: BatchOptions): Doc {
  const stated = raw.meta.published ? { published: raw.meta.published } : {};
  const meta = { ...(o.published ? { published: o.published } : {}), ...raw.meta, ...o.meta, ...stated };
  return Doc.create(raw.text, meta, raw.id);
}
