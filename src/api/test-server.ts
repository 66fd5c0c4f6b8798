import { rmSync } from 'node:fs';
import { join } from 'node:path';
import type { NewsRecord } from '../output/record.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { createNewsgraphServer, type NewsgraphServer, type ServerOptions } from './server.js';

/** A server over a temporary SQLite store holding the given records, for the API tests. */
export interface Running {
  app: NewsgraphServer;
  store: SqliteStore;
  base: string;
}

export async function startServer(dir: string, name: string, records: readonly NewsRecord[], opts: Omit<ServerOptions, 'store'> = {}): Promise<Running> {
  const store = new SqliteStore(join(dir, `${name}.db`));
  for (const r of records) await store.put(r);
  const app = createNewsgraphServer({ store, ...opts });
  return { app, store, base: `http://127.0.0.1:${(await app.listen(0)).port}` };
}

/** Closes the servers and their stores, then removes the folder that held them. */
export async function stopServers(dir: string, running: readonly (Running | undefined)[]): Promise<void> {
  for (const r of running) {
    await r?.app.close();
    await r?.store.close();
  }
  rmSync(dir, { recursive: true, force: true });
}
