import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import { NewsgraphError } from '../core/errors.js';
import type { SearchQuery, Store } from '../store/store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { entityViewJson } from './entity-view.js';
import { JsonText } from './http.js';
import type { ReadAnswer, ReadTask } from './read-worker.js';
import { searchPageText, type SearchPageText } from './search-page.js';

/** The two reads that cost a page: what the search and entity endpoints ask. */
export interface PageReads {
  /** Threads reading (1: the server's own). */
  readonly threads: number;
  /** Pages and entity views come as JSON text: text crosses threads cheaply and is sent as it is. */
  search(query: SearchQuery): Promise<SearchPageText>;
  entityView(id: string): Promise<JsonText | undefined>;
  close(): Promise<void>;
}

const asText = (text: string | undefined) => (text === undefined ? undefined : new JsonText(text));

/** Reads on the server's own thread, through the store it was given. */
export function localReads(store: Store): PageReads {
  return { threads: 1, search: (q) => searchPageText(store, q), entityView: async (id) => asText(await entityViewJson(store, id)), close: async () => {} };
}

/**
 * Searches and entity pages in threads of their own, each with a read-only connection to the
 * SQLite file: one connection answers one query at a time, so on one thread concurrent users
 * queue behind each other's pages. Other stores (a PostgreSQL server runs queries in parallel
 * itself), an in-memory database, or a single core read on the server's thread.
 */
export function pageReads(store: Store, threads = availableParallelism()): PageReads {
  if (!(store instanceof SqliteStore) || store.path === ':memory:' || threads < 2) return localReads(store);
  const pool = new Piscina({
    filename: fileURLToPath(new URL('./read-worker.js', import.meta.url)),
    workerData: { path: store.path, options: store.readOptions },
    minThreads: threads,
    maxThreads: threads,
    idleTimeout: Infinity,
  });
  const run = async <T>(task: ReadTask): Promise<T> => {
    const a = (await pool.run(task)) as ReadAnswer;
    if ('error' in a) throw a.error.code ? new NewsgraphError(a.error.code, a.error.message, a.error.status) : new Error(a.error.message);
    return a.value as T;
  };
  return {
    threads,
    search: (query) => run<SearchPageText>({ kind: 'search', query }),
    entityView: async (id) => asText(await run<string | undefined>({ kind: 'entity', id })),
    close: () => pool.destroy(),
  };
}
