import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { createNewsgraphServer } from '../../api/server.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { cliHarness } from '../harness.js';
import { ingest } from './ingest.js';

// Two processes ingesting into one store that neither has created yet: they race to set up its
// schema, then take turns writing; every document of both must be stored.
const { dir, cliAsync } = cliHarness('newsgraph-writers-');
const PEOPLE = ['Amara Okafor', 'Tomas Verde', 'Lina Haddad', 'Jonas Berg'];
const TOWNS = ['Port Elden', 'Kessel', 'Marrow', 'Dunmore'];
const PER_PROCESS = 12;
// Documents of a server upload: enough that the server is still storing them while a command line ingests.
const UPLOADED = 400;

function articles(side: string, round: number, n = PER_PROCESS): string {
  return Array.from({ length: n }, (_, i) => {
    const who = PEOPLE[i % PEOPLE.length]!, town = TOWNS[(i + round) % TOWNS.length]!;
    const text = `${who} visited ${town} on Monday, round ${round}, report ${side}${i}. ` +
      `“We will rebuild the ${side === 'a' ? 'bridge' : 'school'} number ${i},” said ${who}, who leads the ${town} council.`;
    return JSON.stringify({ text, title: `${town} report ${side}${i}`, outlet: side === 'a' ? 'Coastal Herald' : 'Valley Times', published: '2024-05-06' });
  }).join('\n') + '\n';
}

test('two ingest processes on one new store: schema set up once, no document lost', async () => {
  for (let round = 1; round <= 3; round++) {
    const db = `round${round}.db`;
    writeFileSync(join(dir, `a${round}.jsonl`), articles('a', round));
    writeFileSync(join(dir, `b${round}.jsonl`), articles('b', round));
    const runs = await Promise.all(['a', 'b'].map((side) => cliAsync('ingest', `${side}${round}.jsonl`, '--db', db, '--json', '--no-progress')));
    for (const r of runs) {
      assert.equal(r.code, 0, `round ${round}: ${r.err}`);
      const sum = JSON.parse(r.out) as { added: number; failed: unknown[] };
      assert.deepEqual([sum.added, sum.failed], [PER_PROCESS, []], `round ${round}: ${r.err}`);
    }
    const store = new SqliteStore(join(dir, db), { readonly: true });
    try {
      assert.equal(await store.count(), 2 * PER_PROCESS, `round ${round}`);
    } finally {
      await store.close();
    }
  }
});

test('a command-line ingest beside a server ingest job on one store: every document of both is stored', async () => {
  const TOKEN = 'writers-token-0123456789';
  for (let round = 4; round <= 5; round++) {
    const db = join(dir, `served${round}.db`);
    const store = new SqliteStore(db);
    const app = createNewsgraphServer({ store, token: TOKEN, pool: { workers: 1 } });
    try {
      const base = `http://127.0.0.1:${(await app.listen(0)).port}`;
      const res = await fetch(`${base}/api/ingest/file?name=upload${round}.jsonl`, {
        method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' }, body: articles('b', round, UPLOADED),
      });
      assert.equal(res.status, 202);
      const id = ((await res.json()) as { job: string }).job;
      const job = async () => (await fetch(`${base}/api/jobs/${id}`)).json() as Promise<{ state: string; added: number; errors: unknown[] }>;
      // The command line starts once the server is storing the upload, so both write at once.
      while (await store.count() === 0) await new Promise((r) => setTimeout(r, 20));
      writeFileSync(join(dir, `cli${round}.jsonl`), articles('a', round));
      const run = await cliAsync('ingest', `cli${round}.jsonl`, '--db', db, '--json', '--no-progress');
      let j = await job();
      assert.equal(run.code, 0, run.err);
      const sum = JSON.parse(run.out) as { added: number; failed: unknown[] };
      assert.deepEqual([sum.added, sum.failed], [PER_PROCESS, []], run.err);
      assert.notEqual(j.state, 'done', 'the upload is still being stored when the command line ends');
      while (j.state !== 'done') { await new Promise((r) => setTimeout(r, 50)); j = await job(); }
      assert.deepEqual([j.added, j.errors], [UPLOADED, []], `round ${round}`);
      assert.equal(await store.count(), PER_PROCESS + UPLOADED, `round ${round}`);
    } finally {
      await app.close();
      await store.close();
    }
  }
});

test('a store held by another process past the lock wait: every document is reported failed by name', async () => {
  const path = join(dir, 'held.db');
  const store = new SqliteStore(path, { lockWaitMs: 200 });
  const other = new Database(path);
  other.prepare('BEGIN IMMEDIATE').run();
  try {
    writeFileSync(join(dir, 'held.jsonl'), articles('h', 9).split('\n').slice(0, 3).join('\n') + '\n');
    const sum = await ingest(store, [join(dir, 'held.jsonl')]);
    assert.equal(sum.added, 0);
    assert.deepEqual(sum.failed.map((f) => f.input), [1, 2, 3].map((n) => `${join(dir, 'held.jsonl')}:${n}`));
    assert.equal(sum.failed[0]!.reason, `${path}: locked by another writer for 0.2 s`);
    assert.equal(sum.failed[2]!.reason, `not stored: ${path}: locked by another writer for 0.2 s`);
  } finally {
    other.prepare('ROLLBACK').run();
    other.close();
    await store.close();
  }
});
