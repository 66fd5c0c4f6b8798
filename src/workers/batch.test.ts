import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { ingest } from '../cli/commands/ingest.js';
import type { NewsRecord } from '../output/record.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { cliHarness } from '../cli/harness.js';
import { longArticle } from './test-articles.js';
import { defaultCollection, defaultPipeline } from '../pipeline/default.js';
import type { Store } from '../store/store.js';
import { runBatch, type BatchEvent, type GroupBounds } from './batch.js';
import { WorkerPool } from './pool.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-batch-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Made-up reports sharing people and places, so the knowledge base links them across documents;
// one text comes twice, so the batch stores it once.
const ARTICLES = [
  'Amara Okafor, the mayor of Port Elden, said on Monday that the river bridge would reopen in May. "We have waited long enough," Okafor said.',
  'The Lowland Front claimed an attack near Kessel on Tuesday. Mayor Amara Okafor condemned the attack and said 12 people were hurt.',
  'Tomas Verde, a spokesman for the Lowland Front, denied that the group had fired on the convoy near Kessel.',
  'Port Elden council met on Wednesday. Okafor told reporters that the budget of $4 million would go to the bridge and the school.',
];

function writeInputs(sub: string): string[] {
  const folder = join(dir, sub);
  mkdirSync(folder, { recursive: true });
  return [...ARTICLES, ARTICLES[0]!].map((text, i) => {
    const path = join(folder, `${String(i).padStart(2, '0')}.txt`);
    writeFileSync(path, text + '\n');
    return path;
  });
}

/** Records as exported, without the stage timings (the one part that differs run to run). */
async function exported(path: string): Promise<NewsRecord[]> {
  const store = new SqliteStore(path, { readonly: true });
  try {
    const out: NewsRecord[] = [];
    for await (const r of store.export()) out.push({ ...r, stages: r.stages.map((s) => ({ ...s, ms: 0 })) });
    return out.sort((a, b) => a.id.localeCompare(b.id));
  } finally {
    await store.close();
  }
}

test('one worker and two store the same records: ids, layers, knowledge-base ids', async () => {
  const inputs = writeInputs('same');
  const sums = [];
  for (const workers of [1, 2]) {
    const store = new SqliteStore(join(dir, `w${workers}.db`));
    try {
      sums.push(await ingest(store, inputs, { pool: { workers } }));
    } finally {
      await store.close();
    }
  }
  for (const sum of sums) assert.deepEqual([sum.added, sum.present, sum.failed], [4, 1, []]);
  const [one, two] = [await exported(join(dir, 'w1.db')), await exported(join(dir, 'w2.db'))];
  assert.equal(one.length, 4);
  assert.deepEqual(two, one);
  // The knowledge base linked Amara Okafor across documents, the same way in both.
  const kbIds = one.flatMap((r) => r.entities.filter((e) => /Okafor/.test(e.name)).map((e) => e.kb));
  assert.ok(kbIds.length >= 2 && new Set(kbIds).size === 1, JSON.stringify(kbIds));
});

test('an input over the size limit is refused by name with the limit, and the next one is stored', async () => {
  const inputs = writeInputs('size').slice(0, 2);
  writeFileSync(inputs[0]!, 'The council met. '.repeat(200));
  const store = new SqliteStore(join(dir, 'size', 'size.db'));
  try {
    const sum = await ingest(store, inputs, { pool: { workers: 1, limits: { maxDocBytes: 2000 } } });
    assert.deepEqual(sum.failed, [{ input: inputs[0], reason: '3.4 kB of text, over the 2 kB limit (--max-doc-size)' }]);
    assert.equal(sum.added, 1);
  } finally {
    await store.close();
  }
});

test('a document over its time budget is stopped and reported, and the batch goes on', async () => {
  const inputs = writeInputs('time').slice(0, 3);
  // Some 4 MB of text: far more than a thread extracts within the budget, which the small
  // articles around it take a small fraction of.
  writeFileSync(inputs[1]!, longArticle(4_000_000));
  const store = new SqliteStore(join(dir, 'time', 'time.db'));
  try {
    const sum = await ingest(store, inputs, { pool: { workers: 1, limits: { maxDocMs: 1500 } } });
    assert.deepEqual(sum.failed, [{ input: inputs[1], reason: 'extraction stopped: over the 1.5 s limit (--max-doc-time)' }]);
    assert.equal(sum.added, 2);
  } finally {
    await store.close();
  }
});

test('the command line names the input and the limit in one line, and stores the rest', () => {
  const { dir: cwd, cli } = cliHarness('newsgraph-limits-');
  writeFileSync(join(cwd, 'a-big.txt'), 'The council met. '.repeat(200_000));
  writeFileSync(join(cwd, 'b-small.txt'), ARTICLES[1]!);
  const r = cli('ingest', 'a-big.txt', 'b-small.txt', '--db', 'l.db', '--no-progress', '--workers', '1', '--max-doc-size', '1');
  assert.equal(r.code, 1);
  assert.match(r.err, /^newsgraph: a-big\.txt: 3\.4 MB of text, over the 1 MB limit \(--max-doc-size\)$/m);
  assert.match(r.err, /1 added, 0 already present, 1 failed/);
});

/** Runs a batch over the inputs into the store, in groups when given; every event, and for each
 * document reported stored, whether a second connection to the file already saw it then. */
async function landed(store: Store, path: string, inputs: readonly string[], group?: GroupBounds): Promise<{ events: BatchEvent[]; seen: boolean[] }> {
  const pool = new WorkerPool({ workers: 1 });
  const other = new SqliteStore(path, { readonly: true });
  const events: BatchEvent[] = [], seen: boolean[] = [];
  try {
    const target = { store, pipeline: defaultPipeline(), collection: defaultCollection() };
    for await (const e of runBatch(inputs.map((p) => ({ kind: 'file' as const, path: p })), { pool, ...(group ? { group } : {}) }, target)) {
      events.push(e);
      if (e.kind === 'stored') seen.push(!!(await other.get(e.id)));
    }
  } finally {
    await other.close();
    await pool.close();
  }
  return { events, seen };
}

test('documents landed in groups of writes are the records stored one by one, each reported once it is committed', async () => {
  const inputs = writeInputs('group');
  const paths = [join(dir, 'group', 'one-by-one.db'), join(dir, 'group', 'grouped.db')];
  const runs = [];
  for (const [k, path] of paths.entries()) {
    const store = new SqliteStore(path);
    try {
      runs.push(await landed(store, path, inputs, k ? { docs: 2, ms: 60_000 } : undefined));
    } finally {
      await store.close();
    }
  }
  const [single, grouped] = runs;
  const order = (r: typeof single) => r!.events.map((e) => `${e.kind}:${e.input}${e.kind === 'stored' ? `:${e.status}` : ''}`);
  assert.deepEqual(order(grouped), order(single));
  assert.equal(grouped!.seen.length, 5);
  assert.ok(grouped!.seen.every(Boolean), 'a document was reported stored before its group was committed');
  assert.deepEqual(await exported(paths[1]!), await exported(paths[0]!));
});

test('a group of writes that fails to commit reports each of its documents not stored, and stores none', async () => {
  const inputs = writeInputs('group-fails').slice(0, 3);
  const path = join(dir, 'group-fails', 'g.db');
  const store = new SqliteStore(path);
  // The commit fails as a full disk would make it: the group's writes are taken back.
  const failing: Store = Object.assign(Object.create(store) as SqliteStore, {
    group: async () => {
      const g = await store.group();
      return { commit: async () => { await g.rollback(); throw new Error('disk full'); }, rollback: () => g.rollback() };
    },
  });
  try {
    const { events } = await landed(failing, path, inputs, { docs: 2, ms: 60_000 });
    const failed = events.filter((e) => e.kind === 'failed');
    assert.equal(events.filter((e) => e.kind === 'stored').length, 0);
    assert.deepEqual(failed.map((e) => e.kind === 'failed' && e.error), ['not stored: disk full', 'not stored: disk full', 'not stored: disk full']);
    assert.equal(await store.count(), 0);
    // The store takes documents again, and knows none of the ones taken back.
    assert.equal((await landed(store, path, inputs.slice(0, 1))).events.filter((e) => e.kind === 'stored' && e.status === 'added').length, 1);
  } finally {
    await store.close();
  }
});
