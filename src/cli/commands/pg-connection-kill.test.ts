import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { SKIP_PG, TEST_PG, TestDatabases } from '../../store/postgres/test-server.js';
import { cliHarness } from '../harness.js';

// The database connections of `ingest` and `worker` cut again and again in the middle of their
// work (as a server restart or a network fault would): no document is half-written, no job is
// lost, and running again completes the batch with every document stored once.
const { dir, cli, cliAsync } = cliHarness('newsgraph-pg-kill-');
const dbs = TEST_PG ? new TestDatabases(TEST_PG) : undefined;
after(() => dbs?.dropAll());

const TOWNS = ['Portmere', 'Harwick', 'Velkar', 'Ostrand', 'Caldby', 'Merrow', 'Tessaly', 'Brannock'];
/** Invented local news, each article its own text. */
const ARTICLES = Array.from({ length: 24 }, (_, i) => {
  const town = TOWNS[i % TOWNS.length]!, other = TOWNS[(i + 3) % TOWNS.length]!;
  return {
    title: `${town} council report ${i + 1}`, outlet: i % 2 ? 'Coastal Ledger' : 'Plains Herald', published: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}`,
    text: `The ${town} council voted ${5 + (i % 4)} to ${i % 3} on item ${i + 1} to repair the road to ${other}, councillor Mara Ellison-${i} said on Tuesday. ` +
      `Work will cost ${(1.5 + i / 10).toFixed(1)} million pounds and take ${3 + (i % 9)} months, the ${other} roads office said. ` +
      `Residents of ${town} told the Coastal Ledger that the road had been closed ${i + 2} times since ${2015 + (i % 8)}.`,
  };
});

const writeJsonl = (name: string, rows: readonly object[]) => {
  writeFileSync(join(dir, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return name;
};

/** Ends every other connection to the database every `ms`, `times` times or until `done` settles; how many it ended. */
async function cutConnections(url: string, done: Promise<unknown>, ms: number, times = 5): Promise<number> {
  // On the database itself (its own connection is spared), to see when the first document lands.
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const db = decodeURIComponent(new URL(url).pathname.slice(1));
  const stored = async () => Number((await admin.query('SELECT count(*) AS n FROM documents').catch(() => ({ rows: [{ n: 0 }] }))).rows[0].n);
  let over = false, cut = 0;
  void done.finally(() => { over = true; });
  try {
    // From the first stored document on, so the cuts land in the middle of the batch.
    while (!over && !(await stored())) await sleep(50);
    for (let i = 0; i < times && !over; i++) {
      await sleep(ms);
      const r = await admin.query('SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [db]);
      cut += Number(r.rows[0].n);
    }
  } finally {
    await admin.end();
  }
  return cut;
}

/** Every stored document is whole (metadata, text and record), and each text is stored once. */
async function storedWhole(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    const r = await c.query(`SELECT (SELECT count(*) FROM documents) AS docs, (SELECT count(*) FROM texts) AS texts,
      (SELECT count(*) FROM records) AS records, (SELECT count(DISTINCT hash) FROM documents) AS hashes`);
    const { docs, texts, records, hashes } = r.rows[0];
    assert.deepEqual([Number(texts), Number(records), Number(hashes)], [Number(docs), Number(docs), Number(docs)], 'no half-written or repeated document');
    return Number(docs);
  } finally {
    await c.end();
  }
}

test('ingest whose connections are cut stores whole documents only, and running it again completes', { skip: SKIP_PG }, async () => {
  const url = await dbs!.fresh();
  const input = writeJsonl('ingest.jsonl', ARTICLES);
  // The schema first, so the cuts land on documents rather than on setting up the store.
  assert.equal(cli('export', '--db', url, '--format', 'jsonl').code, 0);
  const run = cliAsync('ingest', input, '--db', url, '--workers', '1');
  const cut = await cutConnections(url, run, 400);
  const first = await run;
  assert.ok(cut > 0, 'connections were cut while it ran');
  // Whatever it stored is whole; what it could not store it reported, one line per input.
  const stored = await storedWhole(url);
  if (stored < ARTICLES.length) assert.notEqual(first.err, '', 'the documents it could not store are reported');
  const again = await cliAsync('ingest', input, '--db', url);
  assert.equal(again.code, 0, again.err);
  assert.equal(await storedWhole(url), ARTICLES.length);
});

test('a worker whose connections are cut loses no job: another run stores every document once', { skip: SKIP_PG }, async () => {
  const url = await dbs!.fresh();
  assert.equal(cli('enqueue', writeJsonl('queue.jsonl', ARTICLES), '--db', url).code, 0);
  const run = cliAsync('worker', '--db', url, '--exit-when-empty', '--poll', '0.1', '--lease', '2');
  const cut = await cutConnections(url, run, 400);
  await run;
  assert.ok(cut > 0, 'connections were cut while it worked');
  await storedWhole(url);
  // Jobs that ran out of attempts to the cuts are queued again; the lease of a job held when the worker died ends.
  assert.equal(cli('queue', '--db', url, '--retry-failed').code, 0);
  const again = await cliAsync('worker', '--db', url, '--exit-when-empty', '--poll', '0.1', '--lease', '2', '--json');
  assert.equal(again.code, 0, again.err);
  assert.equal(await storedWhole(url), ARTICLES.length);
  const counts = (JSON.parse(cli('queue', '--db', url, '--json').out) as { counts: Record<string, number> }).counts;
  assert.equal(counts.pending + counts.running + counts.failed, 0, JSON.stringify(counts));
});
