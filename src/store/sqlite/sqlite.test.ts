import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { record, sampleRecords, storeContract } from '../contract.js';
import { openStore } from '../open.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { SqliteStore } from './sqlite-store.js';
import { toFtsQuery } from './fts-query.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const tmpDb = () => {
  const sub = join(dir, `t${++n}`);
  mkdirSync(sub);
  return join(sub, 'news.db');
};

storeContract('sqlite', () => new SqliteStore(tmpDb()));

test('sqlite: WAL, migrations recorded in user_version, data kept across reopen', async () => {
  const path = tmpDb();
  const s = new SqliteStore(path);
  for (const r of sampleRecords()) await s.put(r);
  await s.close();
  const raw = new Database(path, { readonly: true });
  assert.equal(raw.pragma('journal_mode', { simple: true }), 'wal');
  assert.equal(raw.pragma('user_version', { simple: true }), SCHEMA_VERSION);
  raw.close();
  const again = openStore(path);
  assert.equal(await again.count(), 3);
  assert.equal((await again.search({ q: 'harvest' })).total, 1);
  await again.close();
});

test('sqlite: a database from a newer schema is refused with a clear message', () => {
  const path = tmpDb();
  new SqliteStore(path).close();
  const raw = new Database(path);
  raw.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
  raw.close();
  assert.throws(() => new SqliteStore(path), /newer than this newsgraph supports/);
});

test('openStore refuses a missing database for read commands and a postgres URL for now', () => {
  assert.throws(() => openStore(join(dir, 'absent.db'), { mustExist: true }), /no database at/);
  assert.throws(() => openStore('postgres://localhost/news'), /not supported yet/);
  assert.throws(() => openStore(join(dir, 'no', 'such', 'news.db')), /cannot open database .*: folder .* does not exist/);
});

test('fts query: user text becomes a safe FTS5 expression', () => {
  assert.equal(toFtsQuery('al-Qaeda attack'), '"al Qaeda" AND "attack"');
  assert.equal(toFtsQuery('"aid convoy" OR truce'), '("aid convoy" OR "truce")');
  assert.equal(toFtsQuery('convoy -truce dal*'), '("convoy" AND "dal"*) NOT "truce"');
  assert.equal(toFtsQuery('say "it'), '"say" AND "it"');
  assert.equal(toFtsQuery('-only'), undefined);
  assert.equal(toFtsQuery('?! ...'), undefined);
});

test('sqlite: a query matching more than rankCap documents is ranked among the newest matches; the total stays exact', async () => {
  const s = new SqliteStore(tmpDb(), { rankCap: 2 });
  const best = record('Harbour harbour harbour: the harbour story.', { title: 'Harbour' }, {});
  await s.put(best);
  await s.put(record('A quiet day at the harbour, then rain over the hills and the fields.', {}, {}));
  await s.put(record('Rain fell on the town; the harbour stayed closed for most of the long day.', {}, {}));
  const capped = await s.search({ q: 'harbour', limit: 1 });
  assert.equal(capped.total, 3);
  assert.notEqual(capped.hits[0]!.id, best.id);
  const full = await s.search({ q: 'harbour', limit: 3 });
  assert.equal(full.hits[0]!.id, best.id);
  // Filters always rank every match.
  assert.equal((await s.search({ q: 'harbour', limit: 1, from: '1900' })).total, 0);
  await s.close();
});

test('sqlite: facets over more matches than facetCap count the newest ones and say so', async () => {
  const s = new SqliteStore(tmpDb(), { facetCap: 2 });
  for (const r of sampleRecords()) await s.put(r);
  const all = await s.search({ facets: true });
  assert.equal(all.total, 3);
  assert.equal(all.facets!.sampled, 2);
  // The two newest stored: the ceasefire report (Harbour Times) and the harvest report (Valley Post).
  assert.deepEqual(all.facets!.outlet, [{ value: 'Harbour Times', count: 1 }, { value: 'Valley Post', count: 1 }]);
  assert.equal((await s.search({ q: 'harvest', facets: true })).facets!.sampled, undefined);
  await s.close();
});

test('sqlite: a database written by an older schema is migrated in place, its data kept', async () => {
  const path = tmpDb();
  const old = new Database(path);
  old.exec(MIGRATIONS[0]!);
  old.pragma('user_version = 1');
  old.exec(`INSERT INTO documents (rowid, id, hash, title, added) VALUES (1, 'd1', 'aaaaaaaaaaaaaaaa', 'Old', '2020-01-01');
    INSERT INTO documents_fts (rowid, title, text) VALUES (1, 'Old', 'An old story about the harbour.');
    INSERT INTO records (rowid, record) VALUES (1, '{"schema":"newsgraph/1","id":"d1","hash":"aaaaaaaaaaaaaaaa","meta":{"title":"Old"}}');
    INSERT INTO entities (rowid, key, type, name, documents, mentions) VALUES (1, 'GPE:harbour town', 'GPE', 'Harbour Town', 1, 1);
    INSERT INTO doc_entities (doc, entity, mentions) VALUES (1, 1, 1);`);
  old.close();
  const s = new SqliteStore(path);
  const res = await s.search({ q: 'harbour', facets: true });
  assert.equal(res.hits[0]!.id, 'd1');
  assert.deepEqual(res.facets!.type, [{ value: 'GPE', count: 1 }]);
  assert.equal((await s.get('d1'))!.text, 'An old story about the harbour.');
  await s.close();
});
