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
import { storyFeatures } from '../../stories/story-features.js';
import { STORY_INDEX, weightKeys } from '../../stories/story-index.js';

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

test('openStore refuses a missing database for read commands and a folder that does not exist', () => {
  assert.throws(() => openStore(join(dir, 'absent.db'), { mustExist: true }), /no database at/);
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

test('sqlite: a query matching more than rankCap documents is ranked among the newest matches and says so', async () => {
  const s = new SqliteStore(tmpDb(), { rankCap: 2 });
  const best = record('Harbour harbour harbour: the harbour story.', { title: 'Harbour', outlet: 'Bay Post' }, {});
  await s.put(best);
  await s.put(record('A quiet day at the harbour, then rain over the hills and the fields.', { outlet: 'Bay Post' }, {}));
  await s.put(record('Rain fell on the town; the harbour stayed closed for most of the long day.', {}, {}));
  const capped = await s.search({ q: 'harbour', limit: 1 });
  assert.equal(capped.total, 3);
  assert.equal(capped.rankedOver, 2);
  assert.notEqual(capped.hits[0]!.id, best.id);
  // A page past the window ranks as many matches as it needs.
  const full = await s.search({ q: 'harbour', limit: 3 });
  assert.equal(full.hits[0]!.id, best.id);
  assert.equal(full.rankedOver, undefined);
  // Filters rank within the same window, counted after filtering.
  const filtered = await s.search({ q: 'harbour', outlet: 'bay post', limit: 1 });
  assert.equal(filtered.total, 2);
  assert.equal(filtered.rankedOver, undefined);
  assert.equal(filtered.hits[0]!.id, best.id);
  assert.equal((await s.search({ q: 'harbour', limit: 1, from: '1900' })).total, 0);
  await s.close();
});

test('sqlite: totals past countCap are capped and flagged', async () => {
  const s = new SqliteStore(tmpDb(), { countCap: 2, rankCap: 1 });
  for (const r of sampleRecords()) await s.put(r);
  const browse = await s.search({ limit: 1 });
  assert.deepEqual([browse.total, browse.totalCapped], [2, true]);
  const word = await s.search({ q: 'Dalmora', limit: 1 });
  assert.deepEqual([word.total, word.totalCapped, word.rankedOver], [2, undefined, 1]);
  assert.equal((await s.search({ q: 'harvest' })).totalCapped, undefined);
  // One entity alone: its stored document count, exact at any size.
  const one = await s.search({ entity: 'GPE:dalmora', limit: 1 });
  assert.deepEqual([one.total, one.totalCapped], [2, undefined]);
  await s.close();
});

test('sqlite: facets count the first facetCap hits in result order and say so', async () => {
  const s = new SqliteStore(tmpDb(), { facetCap: 2 });
  for (const r of sampleRecords()) await s.put(r);
  const all = await s.search({ facets: true });
  assert.equal(all.total, 3);
  assert.equal(all.facets!.over, 2);
  assert.equal(all.facets!.approximate, true);
  // Browsing is newest first: the two articles of April and mid-March (Valley Post, Harbour Times).
  assert.deepEqual(all.facets!.month, [{ value: '2023-03', count: 1 }, { value: '2023-04', count: 1 }]);
  const dal = await s.search({ q: 'Dalmora', facets: true, limit: 1 });
  assert.deepEqual([dal.facets!.over, dal.facets!.approximate], [2, undefined]);
  assert.deepEqual(dal.facets!.place, [{ value: 'Dalmora', count: 2 }]);
  assert.equal((await s.search({ q: 'harvest', facets: true })).facets!.approximate, undefined);
  await s.close();
});

test('sqlite: each document has one facet row, equal to its entity and place rows, through replace and delete', async () => {
  const path = tmpDb();
  const s = new SqliteStore(path);
  const recs = sampleRecords();
  for (const r of recs) await s.put(r);
  await s.replace({ ...recs[0]!, entities: recs[0]!.entities.filter((e) => e.id !== 'e1'), mentions: recs[0]!.mentions.filter((m) => m.entity !== 'e1') });
  await s.delete(recs[2]!.id);
  const raw = new Database(path, { readonly: true });
  const rows = raw.prepare('SELECT d.rowid AS doc, f.entities, f.places FROM documents d LEFT JOIN doc_facets f ON f.doc = d.rowid ORDER BY d.rowid').all() as { doc: number; entities: Buffer | null; places: string | null }[];
  assert.equal(rows.length, 2);
  assert.equal((raw.prepare('SELECT count(*) AS n FROM doc_facets').get() as { n: number }).n, 2);
  for (const r of rows) {
    const ids = [];
    for (let k = 0; r.entities && k < r.entities.length; k += 4) ids.push(r.entities.readUInt32BE(k));
    assert.deepEqual(ids.sort(), (raw.prepare('SELECT entity FROM doc_entities WHERE doc = ?').pluck().all(r.doc) as number[]).sort());
    const norms = (r.places ?? '').split('\x02').filter(Boolean).map((p) => p.split('\x01')[0]).sort();
    assert.deepEqual(norms, (raw.prepare('SELECT DISTINCT norm FROM places WHERE doc = ?').pluck().all(r.doc) as string[]).sort());
  }
  raw.close();
  await s.close();
});

test('sqlite: mentions per month are kept at put and delete', async () => {
  const s = new SqliteStore(tmpDb());
  const recs = sampleRecords();
  for (const r of recs) await s.put(r);
  const before = await s.mentionsOverTime('PERSON:amara okafor');
  assert.deepEqual(before.map((p) => p.period), ['2023-03', '2023-04']);
  assert.deepEqual((await s.mentionsOverTime('PERSON:amara okafor', 'day')).map((p) => p.period), ['2023-03-02', '2023-04-10']);
  const april = recs.find((r) => r.meta.published?.startsWith('2023-04'))!;
  await s.delete(april.id);
  assert.deepEqual((await s.mentionsOverTime('PERSON:amara okafor')).map((p) => p.period), ['2023-03']);
  await s.put(april);
  assert.deepEqual(await s.mentionsOverTime('PERSON:amara okafor'), before);
  await s.close();
});

test('sqlite: co-occurrence over the newest maxDocs documents of an entity', async () => {
  const s = new SqliteStore(tmpDb());
  for (const r of sampleRecords()) await s.put(r);
  assert.ok((await s.coOccurring('PERSON:amara okafor', 50)).some((c) => c.id === 'ORG:northern relief agency'));
  // Her newest article, the harvest report, names nobody else.
  assert.deepEqual(await s.coOccurring('PERSON:amara okafor', 50, 1), []);
  assert.deepEqual((await s.coOccurring('PERSON:amara okafor', 50, 2)).map((c) => c.documents), [1, 1, 1]);
  await s.close();
});

test('sqlite: putMany stores a batch in one transaction, or none of it when one record fails', async () => {
  const s = new SqliteStore(tmpDb());
  const [a, b, c] = sampleRecords();
  assert.deepEqual((await s.putMany([a!, b!, a!])).map((r) => r.status), ['added', 'added', 'present']);
  const broken = record('A short note about the harbour wall.', {}, { quotes: [{ ...c!.quotes[0]!, start: null as unknown as number }] });
  await assert.rejects(s.putMany([c!, broken]));
  assert.equal(await s.count(), 2);
  assert.equal((await s.search({ q: 'harvest' })).total, 0);
  await s.close();
});

test('sqlite: a group of writes commits as one, a refused write inside it taken out alone; other connections see it only once committed', async () => {
  const path = tmpDb();
  const s = new SqliteStore(path);
  const other = new SqliteStore(path, { readonly: true });
  const [a, b, c] = sampleRecords();
  const broken = record('A short note about the harbour wall.', {}, { quotes: [{ ...c!.quotes[0]!, start: null as unknown as number }] });
  const g = await s.group();
  await assert.rejects(s.group(), /already open/);
  await s.put(a!);
  await assert.rejects(s.put(broken));
  await s.put(b!);
  assert.equal(await s.count(), 2);
  assert.equal(await other.count(), 0);
  await g.commit();
  await assert.rejects(g.commit(), /already closed/);
  assert.equal(await other.count(), 2);
  const again = await s.group();
  await s.put(c!);
  await again.rollback();
  assert.equal(await s.count(), 2);
  assert.equal(await s.has(c!.hash), false);
  // Outside a group, each write commits on its own again.
  await s.put(c!);
  assert.equal(await other.count(), 3);
  await other.close();
  await s.close();
});

test('sqlite: inside a group of writes a write taken back leaves none of its word counts', async () => {
  const words = 'Cranes stood idle at the Velmora harbour while the dockers met.';
  const recs = [
    record(words, {}, { story: 'story:docks' }, 'd1'),
    record(`${words} The dockers voted.`, {}, { story: 'story:docks' }, 'd2'),
    record(`Dockers and cranes: a strike at Velmora. ${words}`, {}, { story: 'story:refused' }, 'refused'),
    record(`The harbour master said the cranes would move again.`, {}, { story: 'story:master' }, 'd3'),
  ];
  const f = storyFeatures(record(`${words} Cranes, dockers, a harbour master.`, {}, {}));
  const pool = async (s: SqliteStore) => {
    const p = await s.storyPool('probe', f);
    return { documents: p.documents, df: weightKeys(f).map((k) => p.df.get(k)) };
  };
  const oneByOne = new SqliteStore(tmpDb());
  for (const r of recs) if (r.id !== 'refused') await oneByOne.put(r);
  const path = tmpDb();
  const s = new SqliteStore(path);
  const raw = new Database(path);
  // Refused after its words are counted (the centroid is written last).
  raw.exec(`CREATE TRIGGER refuse AFTER UPDATE OF centroid ON stories WHEN new.id = 'story:refused' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
  const g = await s.group();
  for (const r of recs) {
    if (r.id === 'refused') await assert.rejects(s.put(r), /refused/);
    else await s.put(r);
  }
  const expected = await pool(oneByOne);
  assert.deepEqual(await pool(s), expected);
  await g.commit();
  assert.deepEqual(await pool(s), expected);
  const fresh = new SqliteStore(path);
  assert.deepEqual(await pool(fresh), expected);
  raw.close();
  for (const x of [fresh, s, oneByOne]) await x.close();
});

test('sqlite: word frequencies folded into their table every few documents read the same as those left in the documents\' rows, through deletes and replacements', async () => {
  const words = 'Cranes stood idle at the Velmora harbour while the dockers met.';
  const port = { id: 'e1', type: 'ORG' as const, name: 'Velmora Port', aliases: [], kb: 'ORG:velmora port' };
  // Replacements keep the text: what they change is the entities, so the probe names one.
  const f = storyFeatures(record(`${words} Cranes, dockers, a harbour master.`, {}, { entities: [port] }));
  const pool = async (s: SqliteStore) => {
    const p = await s.storyPool('probe', f);
    return { documents: p.documents, df: weightKeys(f).map((k) => p.df.get(k)) };
  };
  const extra = ['The dockers voted.', 'The harbour master spoke.', 'Cranes moved at dawn.', 'Velmora slept.', 'The strike ended.', 'Dockers went home.'];
  const recs = extra.map((x, i) => record(`${words} ${x}`, {}, { story: 'story:docks' }, `d${i}`));
  // Folded every two documents, and never (the rows alone); each also read by a fresh connection.
  const folded = tmpDb(), logged = tmpDb();
  const a = new SqliteStore(folded, { storyFoldEvery: 2 }), b = new SqliteStore(logged);
  const g = await a.group();
  for (const r of recs.slice(0, 3)) await a.put(r);
  await g.commit();
  for (const r of recs.slice(3)) await a.put(r);
  for (const r of recs) await b.put(r);
  for (const s of [a, b]) {
    await s.delete('d0');
    await s.replace(record(`${words} ${extra[1]}`, {}, { story: 'story:docks', entities: [port] }, 'd1'));
  }
  // Folded documents replaced inside a group: their counts are written as it commits, and a
  // replacement refused after counting its words takes its counts back.
  const refuse = new Database(folded);
  refuse.exec(`CREATE TRIGGER refuse AFTER UPDATE OF centroid ON stories WHEN new.id = 'story:refused' BEGIN SELECT RAISE(ABORT, 'refused'); END`);
  const again = await a.group();
  await a.replace(record(`${words} ${extra[2]}`, {}, { story: 'story:docks', entities: [port] }, 'd2'));
  await assert.rejects(a.replace(record(`${words} ${extra[3]}`, {}, { story: 'story:refused', entities: [port] }, 'd3')), /refused/);
  await again.commit();
  refuse.close();
  await b.replace(record(`${words} ${extra[2]}`, {}, { story: 'story:docks', entities: [port] }, 'd2'));
  const raw = new Database(folded, { readonly: true });
  const through = Number(raw.prepare('SELECT through FROM story_df_through').pluck().get());
  raw.close();
  assert.ok(through >= 4, `frequencies folded through row ${through}`);
  const expected = await pool(b);
  assert.equal(expected.documents, (await pool(new SqliteStore(tmpDb()))).documents + 5);
  assert.deepEqual(await pool(a), expected);
  for (const path of [folded, logged]) {
    const fresh = new SqliteStore(path);
    assert.deepEqual(await pool(fresh), expected);
    await fresh.close();
  }
  await a.close();
  await b.close();
});

test('sqlite: the copies\' and stories\' postings read the same whether recent rows were moved to the large tables or not, through deletes', async () => {
  const words = 'Cranes stood idle at the Velmora harbour while the dockers met to vote on the new contract from the port authority';
  const extra = ['The dockers voted.', 'The harbour master spoke.', 'Cranes moved at dawn.', 'Velmora slept.', 'The strike ended.', 'Dockers went home.'];
  const recs = extra.map((x, i) => record(`${words}. ${x}`, { published: `2024-03-0${i + 1}` }, { story: i % 2 ? 'story:a' : 'story:b' }, `d${i}`));
  const f = storyFeatures(record(`${words}. Cranes, dockers, a harbour master.`, {}, {}));
  const { sketch } = await import('../../stories/shingles.js');
  const sample = sketch(`${words}. Cranes, dockers, a harbour master.`).sample;
  const read = async (s: SqliteStore) => ({
    pool: await s.storyPool('probe', f).then((p) => ({ stories: p.stories, order: p.order })),
    copies: (await s.copyCandidates(sample, { limit: 10 })).map((c) => [c.id, c.shared]),
  });
  const moved = tmpDb(), kept = tmpDb();
  const a = new SqliteStore(moved, { postingsMoveEvery: 2, postingsMidMoves: 2 }), b = new SqliteStore(kept, { postingsMoveEvery: 1e9 });
  for (const s of [a, b]) {
    const g = await s.group();
    for (const r of recs.slice(0, 3)) await s.put(r);
    await g.commit();
  }
  const rows = (path: string, table: string) => {
    const raw = new Database(path, { readonly: true });
    const n = Number(raw.prepare(`SELECT count(*) FROM ${table}`).pluck().get());
    raw.close();
    return n;
  };
  // As the connection that moved them reads them, between moves (some in the middle tables), then after a delete.
  let middle = false;
  for (const r of recs.slice(3)) {
    assert.deepEqual(await read(a), await read(b));
    for (const s of [a, b]) await s.put(r);
    middle ||= rows(moved, 'copy_sketch_mid') > 0 && rows(moved, 'story_keys_mid') > 0;
  }
  assert.ok(middle, 'postings read from the middle tables');
  assert.deepEqual(await read(a), await read(b));
  for (const s of [a, b]) await s.delete('d1');
  const expected = await read(b);
  assert.ok(expected.copies.length >= 4, 'documents found by their shingles');
  assert.ok(expected.pool.stories.length === 2, 'both stories found by their keys');
  assert.deepEqual(await read(a), expected);
  await a.close();
  await b.close();
  assert.ok(rows(moved, 'copy_sketch') > 0 && rows(moved, 'story_keys') > 0, 'postings moved to the large tables');
  assert.equal(rows(kept, 'copy_sketch') + rows(kept, 'story_keys') + rows(kept, 'copy_sketch_mid'), 0);
  assert.equal(rows(moved, 'copy_sketch') + rows(moved, 'copy_sketch_mid') + rows(moved, 'copy_sketch_new'), rows(kept, 'copy_sketch_new'));
});

test('sqlite: references (descriptions, pronouns) count as mentions of their entity and place quotes about it', async () => {
  const s = new SqliteStore(tmpDb());
  const t = 'The Harbour Guild met on Monday. “The guild will not strike,” said Ines Varga.';
  const span = (x: string) => ({ start: t.indexOf(x), end: t.indexOf(x) + x.length });
  const r = record(t, { published: '2023-05-02' }, {
    entities: [{ id: 'g', type: 'ORG', name: 'Harbour Guild', aliases: [] }, { id: 'p', type: 'PERSON', name: 'Ines Varga', aliases: [] }],
    mentions: [
      { ...span('Harbour Guild'), text: 'Harbour Guild', type: 'ORG', entity: 'g', kind: 'name' },
      { ...span('Ines Varga'), text: 'Ines Varga', type: 'PERSON', entity: 'p', kind: 'name' },
    ],
    references: [{ ...span('The guild'), text: 'The guild', type: 'ORG', entity: 'g', kind: 'nominal' }],
    quotes: [{ id: 'q1', ...span('“The guild will not strike,”'), kind: 'direct', speaker: 'p', speakerText: 'Ines Varga' }],
  });
  await s.put(r);
  assert.equal((await s.entity('ORG:harbour guild'))!.mentions, 2);
  assert.deepEqual((await s.mentionsOverTime('ORG:harbour guild')).map((p) => p.mentions), [2]);
  assert.deepEqual((await s.quotes({ about: 'ORG:harbour guild' })).map((q) => q.speakerName), ['Ines Varga']);
  assert.deepEqual(await s.get(r.id), r);
  await s.close();
});

test('sqlite: a database written by an older schema is migrated in place, its data kept', async () => {
  const path = tmpDb();
  const old = new Database(path);
  old.exec(MIGRATIONS[0] as string);
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
  // Entity facets read the per-document rows the migration filled from the old tables.
  assert.deepEqual(res.facets!.entity, [{ value: 'GPE:harbour town', label: 'Harbour Town', count: 1 }]);
  assert.equal((await s.get('d1'))!.text, 'An old story about the harbour.');
  await s.close();
});

test('sqlite: a write waits for another process holding the store, and fails naming the store when it holds it too long', async () => {
  const path = tmpDb();
  const s = new SqliteStore(path, { lockWaitMs: 300 });
  const [r1, r2] = sampleRecords();
  const other = new Database(path);
  other.prepare('BEGIN IMMEDIATE').run();
  await assert.rejects(s.put(r1!), (err: Error) => err.message === `${path}: locked by another writer for 0.3 s`);
  other.prepare('ROLLBACK').run();
  assert.equal(await s.count(), 0);
  // Released while the write waits: it goes through.
  other.prepare('BEGIN IMMEDIATE').run();
  const release = setTimeout(() => other.prepare('COMMIT').run(), 100);
  const patient = new SqliteStore(path);
  assert.equal((await patient.put(r1!)).status, 'added');
  clearTimeout(release);
  assert.equal((await s.put(r2!)).status, 'added');
  assert.equal(await s.count(), 2);
  other.close();
  await patient.close();
  await s.close();
});

test('sqlite: a record whose knowledge-base and story ids were merged away before it landed is stored under the survivors', async () => {
  const s = new SqliteStore(tmpDb());
  const [r1, r2, r3] = sampleRecords();
  await s.put({ ...r1!, story: 'story:one' });
  await s.put({ ...r2!, story: 'story:two' });
  await s.mergeStories('story:one', 'story:two');
  await s.mergeEntities('ORG:northern relief agency', 'ORG:river brigade', { who: 'ana' });
  const late = { ...r3!, story: 'story:two', entities: r3!.entities.map((e) => ({ ...e, kb: 'ORG:river brigade' })) };
  await s.put(late);
  const stored = await s.get(r3!.id);
  assert.equal(stored!.story, 'story:one');
  assert.deepEqual(stored!.entities.map((e) => e.kb), r3!.entities.map(() => 'ORG:northern relief agency'));
  await s.close();
});

test('sqlite: the index postings a connection keeps read as the tables do, through its own and another connection\'s writes, deletes and a refused write', async () => {
  const path = tmpDb();
  const a = new SqliteStore(path), b = new SqliteStore(path);
  const words = 'Cranes stood idle at the Velmora harbour while the dockers of Ostrell met the guild.';
  const f = storyFeatures(record(words, {}, {}));
  const stories = async (s: SqliteStore) => (await s.storyPool('probe', f)).stories.map((c) => c.story).sort();
  const same = async () => {
    const fresh = new SqliteStore(path);
    const truth = await stories(fresh);
    await fresh.close();
    assert.deepEqual(await stories(a), truth);
    return truth;
  };
  // More documents than a key keeps postings of, each its own story: the oldest fall out of the pool.
  for (let i = 0; i < STORY_INDEX.postings + 3; i++) await a.put(record(`${words} Item ${i}.`, {}, { story: `story:s${i}` }, `d${i}`));
  const first = await same();
  assert.ok(!first.includes('story:s0') && first.includes(`story:s${STORY_INDEX.postings + 2}`));
  await a.put(record(`${words} By a.`, {}, { story: 'story:by-a' }, 'by-a'));
  assert.ok((await same()).includes('story:by-a'));
  await b.put(record(`${words} By b.`, {}, { story: 'story:by-b' }, 'by-b'));
  assert.ok((await same()).includes('story:by-b'));
  await a.delete('by-b');
  await a.delete('by-a');
  assert.deepEqual(await same(), first);
  const raw = new Database(path);
  raw.exec(`CREATE TRIGGER refuse AFTER UPDATE OF centroid ON stories BEGIN SELECT RAISE(ABORT, 'refused'); END`);
  // Read after the trigger's commit, which another connection's commit would make a drop.
  assert.deepEqual(await same(), first);
  await assert.rejects(a.put(record(`${words} Refused.`, {}, { story: 'story:s3' }, 'refused')), /refused/);
  assert.deepEqual(await same(), first);
  raw.exec('DROP TRIGGER refuse');
  raw.close();
  await a.close();
  await b.close();
});

test('sqlite: the word frequencies and story centroids a connection keeps follow commits of another connection and forget a rolled-back write', async () => {
  const path = tmpDb();
  const a = new SqliteStore(path), b = new SqliteStore(path);
  const words = 'Cranes stood idle at the Velmora harbour while the dockers met.';
  const f = storyFeatures(record(words, {}, {}));
  // What a connection that has kept nothing reads: the table as it is.
  const same = async () => {
    const fresh = new SqliteStore(path);
    const truth = await fresh.storyPool('probe', f), kept = await a.storyPool('probe', f);
    await fresh.close();
    assert.equal(kept.documents, truth.documents);
    for (const k of weightKeys(f)) assert.equal(kept.df.get(k), truth.df.get(k), k);
    assert.deepEqual(kept.stories, truth.stories);
    return truth.documents;
  };
  const base = await same();
  await b.put(record(words, {}, { story: 'story:docks' }, 'by-b'));
  assert.equal(await same(), base + 1);
  assert.equal((await a.storyPool('probe', f)).stories.length, 1);
  await a.put(record(`${words} Again.`, {}, { story: 'story:docks' }, 'by-a'));
  assert.equal(await same(), base + 2);
  // Another connection rewrites a document of the story: as many documents, another centroid.
  const port = { id: 'e1', type: 'ORG' as const, name: 'Velmora Port', aliases: [], kb: 'ORG:velmora port' };
  await b.replace(record(words, {}, { story: 'story:docks', entities: [port] }, 'by-b'));
  assert.equal(await same(), base + 2);
  // A write that fails after counting its words leaves the table, and what a reads, as they were.
  const raw = new Database(path);
  raw.exec(`CREATE TRIGGER refuse AFTER UPDATE OF centroid ON stories BEGIN SELECT RAISE(ABORT, 'refused'); END`);
  await same();
  await assert.rejects(a.put(record(`${words} Once more.`, {}, { story: 'story:docks' }, 'refused')), /refused/);
  assert.equal(await same(), base + 2);
  raw.exec('DROP TRIGGER refuse');
  raw.close();
  await a.close();
  await b.close();
});
