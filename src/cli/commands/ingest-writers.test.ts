import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { cliHarness } from '../harness.js';
import { ingest } from './ingest.js';

// Two processes ingesting into one store that neither has created yet: they race to set up its
// schema, then take turns writing; every document of both must be stored.
const { dir, cliAsync } = cliHarness('newsgraph-writers-');
const PEOPLE = ['Amara Okafor', 'Tomas Verde', 'Lina Haddad', 'Jonas Berg'];
const TOWNS = ['Port Elden', 'Kessel', 'Marrow', 'Dunmore'];
const PER_PROCESS = 12;

function articles(side: string, round: number): string {
  return Array.from({ length: PER_PROCESS }, (_, i) => {
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
