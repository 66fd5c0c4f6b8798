import { existsSync } from 'node:fs';
import { NewsgraphError } from '../core/errors.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

export const DEFAULT_DB = 'newsgraph.db';

export interface OpenOptions {
  /** Refuse to create a database that does not exist yet (for read commands). */
  readonly mustExist?: boolean;
}

/**
 * Opens the store a --db value names. Today every value is a SQLite file path; a
 * postgres:// URL will select the server implementation behind the same interface.
 */
export function openStore(location: string = DEFAULT_DB, opts: OpenOptions = {}): Store {
  if (/^postgres(ql)?:\/\//i.test(location)) {
    throw new NewsgraphError('store.unsupported', 'PostgreSQL stores are not supported yet; give a SQLite file path');
  }
  if (opts.mustExist && location !== ':memory:' && !existsSync(location)) {
    throw new NewsgraphError('store.missing', `no database at ${location} (run \`newsgraph ingest --db ${location} ...\` first)`, 404);
  }
  return new SqliteStore(location);
}
