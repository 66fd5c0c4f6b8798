import { workerData } from 'node:worker_threads';
import { NewsgraphError } from '../core/errors.js';
import type { SearchQuery } from '../store/store.js';
import { SqliteStore, type SqliteStoreOptions } from '../store/sqlite/sqlite-store.js';
import { entityViewJson } from './entity-view.js';
import { searchPageText } from './search-page.js';

/** What a read thread is asked: a search, or a whole entity page. */
export type ReadTask = { readonly kind: 'search'; readonly query: SearchQuery } | { readonly kind: 'entity'; readonly id: string };

/** An answer, or the error it raised as plain data (a class does not cross threads). */
export type ReadAnswer = { readonly value: unknown } | { readonly error: { readonly code?: string; readonly message: string; readonly status?: number } };

const { path, options } = workerData as { path: string; options: SqliteStoreOptions };
// Its own read-only connection: SQLite in WAL mode lets readers run beside each other and the writer.
const store = new SqliteStore(path, { ...options, readonly: true });

export default async function read(task: ReadTask): Promise<ReadAnswer> {
  try {
    return { value: task.kind === 'search' ? await searchPageText(store, task.query) : await entityViewJson(store, task.id) };
  } catch (err) {
    const e = err as Error;
    return { error: err instanceof NewsgraphError ? { code: err.code, message: err.message, status: err.status } : { message: e.message } };
  }
}
