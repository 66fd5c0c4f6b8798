import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import pg from 'pg';
import { sampleRecords, storeContract } from '../contract.js';
import { STORED_LAYERS } from '../sqlite/layer-rows.js';
import { openStore } from '../open.js';
import { PgStore, redactUrl } from './pg-store.js';
import { SCHEMA_VERSION } from './schema.js';
import { SKIP_PG, TEST_PG, TestDatabases } from './test-server.js';
import { pairsAlone, pairsQuery, phraseGroups, toTsQuery } from './tsquery.js';

test('tsquery: user text becomes a safe to_tsquery input with phrases, OR, exclusion and prefixes', () => {
  assert.equal(toTsQuery('al-Qaeda attack'), `('al' <-> 'Qaeda') & 'attack'`);
  assert.equal(toTsQuery('"aid convoy" OR truce'), `(('aid' <-> 'convoy') | 'truce')`);
  assert.equal(toTsQuery('convoy -truce dal*'), `'convoy' & 'dal':* & !'truce'`);
  assert.equal(toTsQuery(`it's "a b*"`), `('it' <-> 's') & ('a' <-> 'b')`);
  assert.equal(toTsQuery('-only'), undefined);
  assert.equal(toTsQuery(`?! ... '&|!:*<->()`), undefined);
});

test('tsquery: the phrases a match must contain become a word-pair query, groups with a single word left out', () => {
  assert.deepEqual(phraseGroups('"aid convoy" OR "food trucks" border'), [['aid convoy', 'food trucks']]);
  assert.deepEqual(phraseGroups('"aid convoy" OR truce'), []);
  assert.deepEqual(phraseGroups('al-Qaeda "three word phrase" -"not this"'), [['al Qaeda'], ['three word phrase']]);
  assert.deepEqual(phraseGroups('al-qae*'), []);
  assert.deepEqual(phraseGroups('new-york-ti*'), [['new york']]);
  assert.equal(pairsQuery([['aid convoy', 'food trucks'], ['a b c']], [['aid convoy'], ['food truck'], ['a b', 'b c']]),
    `(('aid convoy') | ('food truck')) & (('a b' & 'b c'))`);
  assert.equal(pairsQuery([['x y']], [[]]), undefined);
  assert.equal(pairsQuery([['o\'brien said']], [["o'brien said"]]), `(('o''brien said'))`);
});

test('tsquery: a query of two-word phrases, nothing excluded, is answered by its pairs alone', () => {
  assert.ok(pairsAlone('"aid convoy"', [['aid convoy']]));
  assert.ok(pairsAlone('"aid convoy" OR "food trucks" al-Qaeda', [['aid convoy'], ['food truck'], ['al qaeda']]));
  assert.ok(!pairsAlone('"aid convoy" border', [['aid convoy']]));
  assert.ok(!pairsAlone('"aid convoy" -"food trucks"', [['aid convoy']]));
  assert.ok(!pairsAlone('"three word phrase"', [['three word', 'word phrase']]));
  assert.ok(!pairsAlone('new-york-ti*', [['new york']]));
  assert.ok(!pairsAlone('"aid convoy" al-qae*', [['aid convoy']]));
  // A phrase whose words normalise to more or fewer pairs than one.
  assert.ok(!pairsAlone('"aid convoy"', [['aid convoy', 'convoy x']]));
  assert.ok(!pairsAlone('"aid convoy"', [[]]));
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
      return { ...base, id: `valley-${i}`, hash: `valley-hash-${i}`, text: t(i), quotes: [], places: [], events: [], mentions: [], meta: { ...base.meta, title: `Valley report ${i}`, outlet: i % 10 === 0 ? 'North Ferry Post' : 'Valley Times' } };
    });
    for (const r of records) await s.put(r);
    await s.close();
    // Statistics, as autovacuum gathers them: the planner's estimate of the matches decides whether a filter drives.
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('ANALYZE');
    await c.end();
    // A window of 4 over 40 texts is read in several ranges, whole, or scanned from the newest;
    // a count cap of 5 is passed by projection.
    const whole = new PgStore(url), small = new PgStore(url, { rangeRows: 2, rankCap: 4 }), window4 = new PgStore(url, { rankCap: 4 });
    const readings = (['ranges', 'all', 'scan'] as const).map((textReading) => ({
      textReading, small: new PgStore(url, { rangeRows: 2, rankCap: 4, textReading }), capped: new PgStore(url, { rangeRows: 2, rankCap: 4, countCap: 5, textReading }),
    }));
    try {
      // "ferry roads OR lantern": common terms that meet twice, once in the rows a scan reads first;
      // "roads ferry" never meet and "ferry sailed" always do, where the planner takes them as independent.
      for (const q of ['ferry', '"red lantern"', 'valley', 'ferry OR lantern', 'nosuchword', 'ferry -lantern', '"ferry sailed"', '"ferry ferry" OR "red lantern"', 'red-lantern pier', '"lantern red"', 'ferry roads OR lantern', 'roads ferry', 'ferry sailed']) {
        const a = await whole.search({ q, limit: 10 });
        // A window of 4 ranks the 4 newest matches (stored last); the count is still every match.
        const every = (await whole.search({ q, limit: 40 })).hits.map((h) => h.id);
        const newest = records.map((r) => r.id).filter((id) => every.includes(id)).slice(-4);
        const ranked = await window4.search({ q, limit: 3 });
        for (const { textReading, small, capped } of readings) {
          const c = await small.search({ q, limit: 3 });
          const what = `${q} (${textReading})`;
          assert.equal(c.total, a.total, what);
          assert.equal(c.rankedOver, a.total > 4 ? 4 : undefined, what);
          assert.equal(c.hits.length, Math.min(3, a.total), what);
          assert.ok(c.hits.every((h) => newest.includes(h.id)), what);
          if (a.total <= 4) assert.deepEqual(c.hits, a.hits.slice(0, 3), what);
          // Whichever way the window was read, it is ranked the same.
          assert.deepEqual(c.hits.map((h) => [h.id, h.score]), ranked.hits.map((h) => [h.id, h.score]), what);
          const d = await capped.search({ q, limit: 3 });
          assert.deepEqual([d.total, !!d.totalCapped], a.total > 5 ? [5, true] : [a.total, false], what);
        }
      }
      assert.equal((await small.search({ q: 'ferry', limit: 3 })).total, 14);
      // Phrases, read through the word-pair index: words in order and next to each other only.
      for (const [q, n] of [['"ferry sailed"', 14], ['"red lantern"', 6], ['red-lantern pier', 6], ['"lantern red"', 0], ['"sailed ferry"', 0], ['"ferry ferry" OR "red lantern"', 16]] as const) {
        assert.equal((await whole.search({ q, limit: 3 })).total, n, q);
      }
      // An outlet with fewer documents than the word matches drives the search: its documents, newest first.
      for (const [q, want] of [['valley', [30, 20, 10, 0]], ['"red lantern"', [0]], ['ferry', [30, 0]], ['nosuchword', []]] as const) {
        for (const store of [whole, small, ...readings.map((r) => r.small)]) {
          const r = await store.search({ q, outlet: 'North Ferry Post', limit: 10 });
          assert.equal(r.total, want.length, q);
          assert.deepEqual(r.hits.map((h) => h.id).sort(), want.map((i) => `valley-${i}`).sort(), q);
        }
      }
    } finally {
      await Promise.all([whole, small, window4, ...readings.flatMap((r) => [r.small, r.capped])].map((x) => x.close()));
    }
  });

  test('postgres: older matches counted by reading them all again give the count a range gives', async () => {
    const url = await dbs.fresh();
    const s = new PgStore(url);
    const base = sampleRecords()[1]!;
    // A word in every twentieth of 120 texts: a window of 2 is filled by the newest 45 rows, and
    // the 75 rows left are counted again through the index alone.
    for (let i = 0; i < 120; i++) {
      await s.put({ ...base, id: `hill-${i}`, hash: `hill-hash-${i}`, text: `Note ${i} on the hill road.${i % 20 === 0 ? ' A kestrel circled.' : ''}`, quotes: [], places: [], events: [], mentions: [], meta: { ...base.meta, title: `Hill note ${i}` } });
    }
    await s.close();
    const c = new pg.Client({ connectionString: url });
    await c.connect();
    await c.query('ANALYZE');
    await c.end();
    const stores = (['ranges', 'scan'] as const).map((textReading) => new PgStore(url, { rangeRows: 2, rankCap: 2, countCap: 10, textReading }));
    try {
      for (const store of stores) {
        const r = await store.search({ q: 'kestrel', limit: 2 });
        assert.deepEqual([r.total, !!r.totalCapped, r.hits.map((h) => h.id)], [6, false, ['hill-100', 'hill-80']]);
      }
    } finally {
      await Promise.all(stores.map((x) => x.close()));
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
