import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { sampleRecords, storeContract } from '../contract.js';
import { STORED_LAYERS } from '../sqlite/layer-rows.js';
import { openStore } from '../open.js';
import { PgStore, redactUrl } from './pg-store.js';
import { MIGRATIONS, SCHEMA_VERSION } from './schema.js';
import { TEXT_PARTITION_ROWS } from './text-partitions.js';
import { SKIP_PG, TEST_PG, TestDatabases } from './test-server.js';
import { toTsQuery } from './tsquery.js';

test('tsquery: user text becomes a safe to_tsquery input with phrases, OR, exclusion and prefixes', () => {
  assert.equal(toTsQuery('al-Qaeda attack'), `('al' <-> 'Qaeda') & 'attack'`);
  assert.equal(toTsQuery('"aid convoy" OR truce'), `(('aid' <-> 'convoy') | 'truce')`);
  assert.equal(toTsQuery('convoy -truce dal*'), `'convoy' & 'dal':* & !'truce'`);
  assert.equal(toTsQuery(`it's "a b*"`), `('it' <-> 's') & ('a' <-> 'b')`);
  assert.equal(toTsQuery('-only'), undefined);
  assert.equal(toTsQuery(`?! ... '&|!:*<->()`), undefined);
});

test('a connection URL is shown without its password', () => {
  assert.equal(redactUrl('postgres://ana:s3cret@db.example:5432/news'), 'postgres://ana:***@db.example:5432/news');
  assert.equal(redactUrl('postgresql://ana@db.example/news'), 'postgresql://ana@db.example/news');
});

test('openStore opens a postgres:// or postgresql:// URL as the PostgreSQL store, anything else as SQLite', async () => {
  for (const url of ['postgres://127.0.0.1:1/news', 'POSTGRESQL://ana@127.0.0.1:1/news']) {
    const s = openStore(url, { mustExist: true });
    assert.ok(s instanceof PgStore, url);
    await s.close();
  }
  const lite = openStore(':memory:');
  assert.ok(!(lite instanceof PgStore));
  await lite.close();
});

if (!TEST_PG) {
  test('PostgreSQL store contract', { skip: SKIP_PG }, () => undefined);
} else {
  const dbs = new TestDatabases(TEST_PG);
  after(() => dbs.dropAll());

  storeContract('postgres', async () => new PgStore(await dbs.fresh()));

  test('postgres: ranked search read in many small ranges of rowids finds what one range finds', async () => {
    const url = await dbs.fresh();
    const s = new PgStore(url);
    const t = (i: number) => `Report ${i} from the valley. ${i % 3 === 0 ? 'The ferry ' + 'ferry '.repeat(i % 5) + 'sailed late.' : 'Roads were closed.'} ${i % 7 === 0 ? 'A red lantern hung at the pier.' : 'Nothing else.'}`;
    const records = Array.from({ length: 40 }, (_, i) => {
      const base = sampleRecords()[1]!;
      return { ...base, id: `valley-${i}`, hash: `valley-hash-${i}`, text: t(i), quotes: [], places: [], events: [], mentions: [], meta: { ...base.meta, title: `Valley report ${i}` } };
    });
    for (const r of records) await s.put(r);
    await s.close();
    // A window of 4 over 40 texts is read in several ranges; a count cap of 5 is passed by projection.
    const whole = new PgStore(url), small = new PgStore(url, { rangeRows: 2, rankCap: 4 }), capped = new PgStore(url, { rangeRows: 2, rankCap: 4, countCap: 5 });
    try {
      for (const q of ['ferry', '"red lantern"', 'valley', 'ferry OR lantern', 'nosuchword', 'ferry -lantern']) {
        const a = await whole.search({ q, limit: 10 });
        // A window of 4 ranks the 4 newest matches (stored last); the count is still every match.
        const every = (await whole.search({ q, limit: 40 })).hits.map((h) => h.id);
        const newest = records.map((r) => r.id).filter((id) => every.includes(id)).slice(-4);
        const c = await small.search({ q, limit: 3 });
        assert.equal(c.total, a.total, q);
        assert.equal(c.rankedOver, a.total > 4 ? 4 : undefined, q);
        assert.equal(c.hits.length, Math.min(3, a.total), q);
        assert.ok(c.hits.every((h) => newest.includes(h.id)), q);
        if (a.total <= 4) assert.deepEqual(c.hits, a.hits.slice(0, 3), q);
        const d = await capped.search({ q, limit: 3 });
        assert.deepEqual([d.total, !!d.totalCapped], a.total > 5 ? [5, true] : [a.total, false], q);
      }
      assert.equal((await small.search({ q: 'ferry', limit: 3 })).total, 14);
    } finally {
      await Promise.all([whole.close(), small.close(), capped.close()]);
    }
  });

  /** A fresh database holding the sample records, and a plain client on it. */
  const filled = async (): Promise<{ url: string; raw: pg.Client }> => {
    const url = await dbs.fresh();
    const s = new PgStore(url);
    for (const r of sampleRecords()) await s.put(r);
    await s.close();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    return { url, raw };
  };

  test('postgres: migrations recorded, data kept across reopen, openStore picks the server by URL', async () => {
    const { url, raw } = await filled();
    assert.equal((await raw.query('SELECT version FROM newsgraph_schema')).rows[0].version, SCHEMA_VERSION);
    await raw.end();
    const again = openStore(url);
    assert.ok(again instanceof PgStore);
    assert.equal(await again.count(), 3);
    assert.equal((await again.search({ q: 'harvest' })).total, 1);
    await again.close();
  });

  test('postgres: a database from a newer schema is refused with a clear message', async () => {
    const url = await dbs.fresh();
    await new PgStore(url).close();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    await raw.query('UPDATE newsgraph_schema SET version = version + 1');
    await raw.end();
    const s = new PgStore(url);
    await assert.rejects(s.count(), /newer than this newsgraph supports/);
    await s.close();
  });

  test('postgres: a server that cannot be reached fails with the URL, its password hidden', async () => {
    const s = new PgStore('postgres://ana:s3cret@127.0.0.1:1/none');
    await assert.rejects(s.count(), (err: Error) => /cannot open database postgres:\/\/ana:\*\*\*@127\.0\.0\.1:1\/none/.test(err.message) && !err.message.includes('s3cret'));
    await s.close();
    await s.close(); // closing twice is harmless, as for SQLite
  });

  test('postgres: each layer table has the columns its declaration in src/layers gives, one row per item', async () => {
    const { raw } = await filled();
    const TYPES = { INTEGER: 'bigint', REAL: 'double precision', TEXT: 'text' };
    for (const layer of STORED_LAYERS) {
      const { table } = layer;
      const actual = (await raw.query(`SELECT column_name, data_type, is_nullable FROM information_schema.columns
        WHERE table_schema = current_schema() AND table_name = $1 ORDER BY ordinal_position`, [table.name])).rows
        .map((c) => `${c.column_name} ${c.data_type}${c.is_nullable === 'NO' ? ' NOT NULL' : ''}`);
      const declared = table.columns.map((c) => `${c.name} ${TYPES[c.type]}${c.notNull ? ' NOT NULL' : ''}`);
      assert.deepEqual(actual, declared, `table ${table.name}: append a migration (postgres/schema.ts) or fix the declaration`);
      const items = sampleRecords().reduce((n, r) => n + layer.record.reduce((k, f) => k + ((r as unknown as Record<string, unknown[] | undefined>)[f.field]?.length ?? 0), 0), 0);
      assert.ok(items > 0, `the sample records have no ${layer.name}`);
      assert.equal(Number((await raw.query(`SELECT count(*) AS n FROM ${table.name}`)).rows[0].n), items, layer.name);
    }
    await raw.end();
  });

  /** A record of its own with `text`, numbered `i`. */
  const textRecord = (i: number, text: string) => {
    const base = sampleRecords()[1]!;
    return { ...base, id: `part-${i}`, hash: `part-hash-${i}`, text, quotes: [], places: [], events: [], mentions: [], meta: { ...base.meta, title: `Part ${i}` } };
  };
  const partitions = async (raw: pg.Client) => (await raw.query(
    "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'texts'::regclass ORDER BY c.relname",
  )).rows.map((r) => String(r.name));

  test('postgres: texts past the partitions made get new ones, ahead or on a failed insert', async () => {
    const url = await dbs.fresh();
    const s = new PgStore(url);
    assert.equal(await s.count(), 0);
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    try {
      // Opening makes the partition of the first rowids and one ahead.
      assert.deepEqual(await partitions(raw), ['texts_0', 'texts_1']);
      // Rowids run into a range without a partition (other writers filled the one ahead): the insert fails and is retried.
      await raw.query(`ALTER TABLE documents ALTER COLUMN rowid RESTART WITH ${2 * TEXT_PARTITION_ROWS - 2}`);
      for (let i = 0; i < 4; i++) assert.equal((await s.put(textRecord(i, `Ferry ${i} crossed the strait at dawn.`))).status, 'added');
      assert.deepEqual(await partitions(raw), ['texts_0', 'texts_1', 'texts_2', 'texts_3']);
      // A text stored in the partition made ahead makes the next one.
      await raw.query(`ALTER TABLE documents ALTER COLUMN rowid RESTART WITH ${3 * TEXT_PARTITION_ROWS + 5}`);
      await s.put(textRecord(9, 'Ferry 9 waited for the tide.'));
      assert.ok((await partitions(raw)).includes('texts_4'));
      const found = await s.search({ q: 'ferry', limit: 10 });
      assert.equal(found.total, 5);
      assert.deepEqual(found.hits.map((h) => h.id).sort(), ['part-0', 'part-1', 'part-2', 'part-3', 'part-9']);
    } finally {
      await raw.end();
      await s.close();
    }
  });

  test('postgres: a database of schema 4 gets its texts moved into partitions', async () => {
    const url = await dbs.fresh();
    const raw = new pg.Client({ connectionString: url });
    await raw.connect();
    try {
      await raw.query('BEGIN');
      for (const m of MIGRATIONS.slice(0, 4)) await raw.query(m);
      await raw.query('CREATE TABLE newsgraph_schema (version integer NOT NULL); INSERT INTO newsgraph_schema VALUES (4)');
      await raw.query(`INSERT INTO documents (rowid, id, hash, added) VALUES (7, 'old-7', 'old-hash-7', '2020-01-01'), (${TEXT_PARTITION_ROWS + 3}, 'old-8', 'old-hash-8', '2020-01-02')`);
      await raw.query(`INSERT INTO texts (rowid, text, tsv) SELECT rowid, 'A lantern by the pier.', to_tsvector('newsgraph', 'A lantern by the pier.') FROM documents`);
      await raw.query('COMMIT');
      const s = new PgStore(url);
      assert.equal((await s.search({ q: 'lantern' })).total, 2);
      await s.close();
      assert.equal((await raw.query("SELECT relkind FROM pg_class WHERE relname = 'texts'")).rows[0].relkind, 'p');
      assert.deepEqual(await partitions(raw), ['texts_0', 'texts_1', 'texts_2']);
      assert.equal(Number((await raw.query('SELECT count(*) AS n FROM texts_1')).rows[0].n), 1);
    } finally {
      await raw.end();
    }
  });

  test('postgres: two stores writing at once keep one entity per key and every count', async () => {
    const url = await dbs.fresh();
    const [a, b] = [new PgStore(url), new PgStore(url)];
    const recs = sampleRecords();
    // The same three records from two writers, interleaved: each stored once, counted once.
    await Promise.all([...recs.map((r) => a.put(r)), ...recs.map((r) => b.put(r))]);
    assert.equal(await a.count(), 3);
    const e = await b.entity('PERSON:amara okafor');
    assert.equal(e?.documents, 2);
    assert.equal(e?.mentions, 3);
    assert.equal((await a.entities({ q: 'amara' })).length, 1);
    await Promise.all([a.close(), b.close()]);
  });
}
