import { existsSync } from 'node:fs';
import { NewsgraphError } from '../core/errors.js';
import { PgStore, redactUrl } from './postgres/pg-store.js';
import { SqliteStore } from './sqlite/sqlite-store.js';
import type { Store } from './store.js';

/** The store commands use without --db: NEWSGRAPH_DB when set, else ./newsgraph.db. */
export const DEFAULT_DB = process.env.NEWSGRAPH_DB?.trim() || 'newsgraph.db';

export interface OpenOptions {
  /** Refuse to create a database that does not exist yet (for read commands). */
  readonly mustExist?: boolean;
}

/** What --db takes, for the commands' help. */
export const DB_HELP = 'SQLite file or postgres://user@host:port/db URL; NEWSGRAPH_DB sets the default';

/** A --db value as messages show it: a server URL without its password. */
export function describeDb(location: string): string {
  return isServerUrl(location) ? redactUrl(location) : location;
}

/** True when a --db value names a PostgreSQL server rather than a SQLite file. */
export function isServerUrl(location: string): boolean {
  return /^postgres(ql)?:\/\//i.test(location);
}

/**
 * Opens the store a --db value names: a postgres:// (or postgresql://) URL opens the
 * PostgreSQL store on that server, anything else is a SQLite file path.
 */
export function openStore(location: string = DEFAULT_DB, opts: OpenOptions = {}): Store {
  // A server database is created by its administrator; its schema is set up on first use.
  if (isServerUrl(location)) return new PgStore(location);
  if (opts.mustExist && location !== ':memory:' && !existsSync(location)) {
    throw new NewsgraphError('store.missing', `no database at ${location} (run \`newsgraph ingest --db ${location} ...\` first)`, 404);
  }
  return new SqliteStore(location);
}
