import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { after } from 'node:test';
import type { NewsRecord } from '../output/record.js';
import { PgStore } from '../store/postgres/pg-store.js';
import { TEST_PG, TestDatabases } from '../store/postgres/test-server.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';
import { createNewsgraphServer, type NewsgraphServer, type ServerOptions } from './server.js';

/**
 * A server over a temporary store holding the given records, for the API tests: a SQLite file,
 * or with NEWSGRAPH_TEST_STORE=postgres a fresh database on the NEWSGRAPH_TEST_PG server
 * (.ci/run runs the API tests both ways).
 */
export interface Running {
  app: NewsgraphServer;
  store: Store;
  base: string;
  /** The database on the test server, when it runs on PostgreSQL. */
  database?: string;
}

const onServer = process.env.NEWSGRAPH_TEST_STORE === 'postgres';
if (onServer && !TEST_PG) throw new Error('NEWSGRAPH_TEST_STORE=postgres needs NEWSGRAPH_TEST_PG=postgres://… (a role that may create databases)');
const databases = onServer ? new TestDatabases(TEST_PG!) : undefined;
// Databases of servers a test closed itself are dropped when the test file ends.
after(() => databases?.dropAll());

export async function startServer(dir: string, name: string, records: readonly NewsRecord[], opts: Omit<ServerOptions, 'store'> = {}): Promise<Running> {
  const database = await databases?.fresh();
  const store = database ? new PgStore(database) : new SqliteStore(join(dir, `${name}.db`));
  for (const r of records) await store.put(r);
  const app = createNewsgraphServer({ store, ...opts });
  return { app, store, base: `http://127.0.0.1:${(await app.listen(0)).port}`, ...(database ? { database } : {}) };
}

/** Closes the servers and their stores, then removes the folder (and the databases) that held them. */
export async function stopServers(dir: string, running: readonly (Running | undefined)[]): Promise<void> {
  for (const r of running) {
    await r?.app.close();
    await r?.store.close();
    if (r?.database) await databases?.drop(r.database);
  }
  rmSync(dir, { recursive: true, force: true });
}
