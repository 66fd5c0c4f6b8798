import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { sampleRecords } from '../contract.js';
import { STORED_LAYERS } from './layer-rows.js';
import { SqliteStore } from './sqlite-store.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-tables-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function freshStore(name: string, fill = false): Promise<Database.Database> {
  const path = join(dir, name);
  const s = new SqliteStore(path);
  if (fill) for (const r of sampleRecords()) await s.put(r);
  await s.close();
  return new Database(path, { readonly: true });
}

test('each layer table the migrations build has exactly the columns its declaration in src/layers gives', async () => {
  const db = await freshStore('schema.db');
  for (const { table } of STORED_LAYERS) {
    const actual = (db.pragma(`table_info(${table.name})`) as { name: string; type: string; notnull: number }[])
      .map((c) => `${c.name} ${c.type}${c.notnull ? ' NOT NULL' : ''}`);
    const declared = table.columns.map((c) => `${c.name} ${c.type}${c.notNull ? ' NOT NULL' : ''}`);
    assert.deepEqual(actual, declared, `table ${table.name}: append a migration (schema.ts) or fix the declaration`);
  }
  db.close();
});

test('every item of a stored layer is one row of its table', async () => {
  const db = await freshStore('rows.db', true);
  for (const layer of STORED_LAYERS) {
    const items = sampleRecords().reduce((n, r) => n + layer.record.reduce((k, f) => k + ((r as unknown as Record<string, unknown[] | undefined>)[f.field]?.length ?? 0), 0), 0);
    assert.ok(items > 0, `the sample records have no ${layer.name}`);
    assert.equal((db.prepare(`SELECT count(*) AS n FROM ${layer.table.name}`).get() as { n: number }).n, items, layer.name);
  }
  db.close();
});
