import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { localReads, pageReads, type PageReads } from './read-pool.js';
import { fixtureRecords } from './test-fixtures.js';

describe('page reads in threads of their own', () => {
  let dir: string;
  let store: SqliteStore;
  let pooled: PageReads;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-read-pool-'));
    store = new SqliteStore(join(dir, 'store.db'));
    for (const r of fixtureRecords()) await store.put(r);
    pooled = pageReads(store, 2);
  });
  after(async () => {
    await pooled.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a threaded pool answers as the store does on this thread', async () => {
    assert.equal(pooled.threads, 2);
    const local = localReads(store);
    for (const query of [{ q: 'attack', facets: true }, { q: '"press conference"' }, { facets: true, limit: 3 }]) {
      assert.deepEqual(await pooled.search(query), await local.search(query));
    }
    const ids = (await store.entities({ limit: 50 })).map((e) => e.id);
    assert.ok(ids.length > 3);
    for (const id of ids) assert.deepEqual(await pooled.entityView(id), await local.entityView(id));
  });

  test('an unknown entity is no page', async () => {
    assert.equal(await pooled.entityView('ORG:no such group'), undefined);
  });

  test('an in-memory store or one thread reads on this thread', () => {
    const mem = new SqliteStore(':memory:');
    assert.equal(pageReads(mem, 4).threads, 1);
    assert.equal(pageReads(store, 1).threads, 1);
    void mem.close();
  });
});
