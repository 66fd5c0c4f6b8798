import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { kbFixtureRecords } from '../../api/kb-test-fixtures.js';
import { fixtureRecords } from '../../api/test-fixtures.js';
import type { NewsRecord } from '../../output/record.js';
import { kbRecords } from '../../store/contract-kb.js';
import { sampleRecords } from '../../store/contract.js';
import { article, BRIDGE, HARBOUR } from '../../stories/fixture.js';
import { storyFixtureRecords } from '../../stories/story-fixtures.js';
import { SKIP_PG, TEST_PG, TestDatabases } from '../../store/postgres/test-server.js';
import { cliHarness } from '../harness.js';

// The command line on a PostgreSQL server (NEWSGRAPH_TEST_PG), compared with the same commands on SQLite.
const EXAMPLES = fileURLToPath(new URL('../../../examples', import.meta.url));
const { dir, cli, cliAsync } = cliHarness('newsgraph-pg-cli-');
const dbs = TEST_PG ? new TestDatabases(TEST_PG) : undefined;
after(() => dbs?.dropAll());

/** --json output: one JSON value per line. */
const values = (out: string) => out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as unknown);

/** Exported records without the stages' timings, which differ from run to run. */
const records = (jsonl: string) => jsonl.split('\n').filter(Boolean).map((l) => {
  const r = JSON.parse(l) as NewsRecord;
  return { ...r, stages: r.stages.map(({ ms: _ms, ...s }) => s) };
});

test('the same articles give the same exported records, searches and entities on SQLite and PostgreSQL', { skip: SKIP_PG }, async () => {
  const url = await dbs!.fresh();
  for (const db of ['same.db', url]) assert.equal(cli('ingest', EXAMPLES, '--db', db).code, 0, db);
  const [lite, server] = ['same.db', url].map((db) => records(cli('export', '--db', db, '--format', 'jsonl').out));
  assert.ok(lite!.length >= 5);
  // Ids, layers, knowledge-base ids, copies and stories: record for record, in the order stored.
  assert.deepEqual(server, lite);
  for (const args of [['search', 'ceasefire'], ['search', 'water OR bread'], ['entities'], ['quotes'], ['stories']]) {
    const [a, b] = ['same.db', url].map((db) => values(cli(...args, '--db', db, '--json').out));
    assert.ok(a.length > 0, args.join(' '));
    const ids = (x: unknown) => JSON.stringify(x, (k, v) => (k === 'score' || k === 'snippet' ? undefined : v));
    assert.equal(ids(b), ids(a), args.join(' '));
  }
});

test('invented articles that share names, events and wording resolve, cluster and copy alike on both stores', { skip: SKIP_PG }, async () => {
  // The texts of the test fixtures as articles to ingest: the pipeline's own resolution, copies
  // and stories run on them, reading each store as the articles land.
  const articles = [...sampleRecords(), ...kbRecords(), ...fixtureRecords(), ...kbFixtureRecords(), ...storyFixtureRecords()]
    .map((r) => JSON.stringify({ text: r.text, title: r.meta.title, outlet: r.meta.outlet, published: r.meta.published }));
  // An article, a cut copy of it elsewhere a day later, and another article of the same outlet.
  articles.push(JSON.stringify({ text: article(BRIDGE), outlet: 'Valley Courier', published: '2024-03-04' }),
    JSON.stringify({ text: article(BRIDGE.slice(0, 3)), outlet: 'Pinecrest Sentinel', published: '2024-03-05' }),
    JSON.stringify({ text: article(HARBOUR), outlet: 'Valley Courier', published: '2024-03-06' }));
  writeFileSync(join(dir, 'articles.jsonl'), articles.join('\n') + '\n');
  const url = await dbs!.fresh();
  for (const db of ['articles.db', url]) assert.equal(cli('ingest', 'articles.jsonl', '--db', db).code, 0, db);
  const [lite, server] = ['articles.db', url].map((db) => records(cli('export', '--db', db, '--format', 'jsonl').out));
  assert.ok(lite!.length >= 30);
  assert.ok(lite!.some((r) => r.copyOf), 'a copy');
  assert.ok(new Set(lite!.map((r) => r.story)).size < lite!.length, 'stories of several articles');
  assert.deepEqual(server, lite);
});

test('NEWSGRAPH_DB names the store when --db is not given; messages hide the password', { skip: SKIP_PG }, async () => {
  const url = new URL(await dbs!.fresh());
  url.password = 'not-shown';
  const before = process.env.NEWSGRAPH_DB;
  process.env.NEWSGRAPH_DB = url.toString();
  try {
    const r = cli('ingest', join(EXAMPLES, 'mosul-water.txt'));
    assert.equal(r.code, 0, r.err);
    assert.match(r.err, /ingested into postgres:\/\/postgres:\*\*\*@.* 1 added/);
    assert.doesNotMatch(r.err + r.out, /not-shown/);
    assert.equal(records(cli('export', '--format', 'jsonl').out).length, 1);
  } finally {
    if (before === undefined) delete process.env.NEWSGRAPH_DB;
    else process.env.NEWSGRAPH_DB = before;
  }
});

test('two ingests into one PostgreSQL store at once store every article once', { skip: SKIP_PG }, async () => {
  const url = await dbs!.fresh();
  // The store's schema first, so both processes find it (they would also wait for each other's migration).
  assert.equal(cli('ingest', join(EXAMPLES, 'mosul-water.txt'), '--db', url).code, 0);
  const runs = await Promise.all([cliAsync('ingest', EXAMPLES, '--db', url, '--json'), cliAsync('ingest', EXAMPLES, '--db', url, '--json')]);
  for (const r of runs) assert.equal(r.code, 0, r.err);
  const sums = runs.map((r) => JSON.parse(r.out) as { added: number; present: number; failed: unknown[] });
  const exported = records(cli('export', '--db', url, '--format', 'jsonl').out);
  assert.equal(sums[0]!.added + sums[1]!.added + 1, exported.length);
  assert.equal(new Set(exported.map((r) => r.hash)).size, exported.length);
  // Every knowledge-base id a record links to is an entity of the store.
  const entities = new Set((values(cli('entities', '--db', url, '--json', '--limit', '1000').out) as { id: string }[]).map((e) => e.id));
  for (const r of exported) for (const e of r.entities) if (e.kb) assert.ok(entities.has(e.kb), e.kb);
});
