import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { Doc } from '../core/doc.js';
import type { NewsRecord } from '../output/record.js';
import { Collection } from '../pipeline/collection.js';
import { defaultCollection, defaultCollectionStages, defaultPipeline } from '../pipeline/default.js';
import { reprocess } from '../pipeline/reprocess.js';
import { storeDoc } from '../pipeline/store-doc.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

// Invented reports: one flood told by three outlets, a flood of the same river elsewhere a year
// later, and a council vote.
const REPORTS: [string, string, string, string][] = [
  ['Valley Post', '2024-03-05', 'Tamsin river floods Velmora', 'The Tamsin river burst its banks in Velmora on Tuesday, flooding 300 homes. Mayor Ilse Konrad said rescue boats reached the old quarter by night. Two people are missing.'],
  ['Harbour Times', '2024-03-05', 'Brenmouth raises berth fees', 'The harbour council of Brenmouth voted on Tuesday to raise berth fees by four percent from April, citing repairs to the northern pier.'],
  ['Harbour Times', '2024-03-06', 'Velmora counts the damage', 'Rescue boats reached the old quarter of Velmora after the Tamsin river flooded 300 homes, Mayor Ilse Konrad said. Two residents remain missing after Tuesday’s flood in Velmora.'],
  ['Ridge Daily', '2025-02-11', 'Flood in Ostrava Lake', 'The Tamsin river burst its banks in Ostrava Lake on Monday, flooding 120 homes. Mayor Petr Halas said rescue boats were sent to the lower town. No one is missing.'],
  ['Ridge Daily', '2024-03-07', 'Velmora searches for the missing', 'In Velmora, rescue boats kept searching for two people missing since the Tamsin river flooded 300 homes on Tuesday, Mayor Ilse Konrad said.'],
];

async function landAll(store: SqliteStore): Promise<NewsRecord[]> {
  for (const [outlet, published, title, text] of REPORTS) await storeDoc(store, Doc.create(text, { outlet, published, title }), defaultPipeline(), defaultCollection());
  const out: NewsRecord[] = [];
  for await (const r of store.export()) out.push(r);
  return out;
}

test('stories as documents land: one flood from three outlets is one story, the flood a year later another', async () => {
  const store = new SqliteStore(':memory:');
  const recs = await landAll(store);
  const [flood1, council, flood2, later, flood3] = recs.map((r) => r.story);
  assert.ok(flood1);
  assert.equal(flood2, flood1);
  assert.equal(flood3, flood1);
  assert.notEqual(later, flood1);
  assert.notEqual(council, flood1);
  assert.equal(flood1, `story:${recs[0]!.id}`);
  const list = await store.stories();
  assert.deepEqual(list[0], { id: flood1, title: 'Tamsin river floods Velmora', documents: 3, outlets: ['Valley Post', 'Harbour Times', 'Ridge Daily'], first: '2024-03-05', last: '2024-03-07' });
  const one = (await store.story(flood1!))!;
  assert.deepEqual(one.items.map((d) => [d.outlet, d.published]), [['Valley Post', '2024-03-05'], ['Harbour Times', '2024-03-06'], ['Ridge Daily', '2024-03-07']]);
  assert.equal(await store.story('story:nothing'), undefined);
  await store.close();
});

test('story ids survive reprocess', async () => {
  const store = new SqliteStore(':memory:');
  const before = (await landAll(store)).map((r) => r.story);
  // A newer build of the stories stage: every record is clustered again, in store order.
  const newer = new Collection(defaultCollectionStages().map((s) => (s.name === 'stories' ? { ...s, version: 'newer' } : s)));
  const done = await reprocess(store, defaultPipeline(), { collection: newer });
  assert.equal(done.refreshed, REPORTS.length);
  const after: (string | undefined)[] = [];
  for await (const r of store.export()) after.push(r.story);
  assert.deepEqual(after, before);
  assert.equal((await store.stories())[0]!.documents, 3);
  await store.close();
});

test('a copy goes to its original’s story', async () => {
  const store = new SqliteStore(':memory:');
  const recs = await landAll(store);
  const stage = defaultCollectionStages().find((s) => s.name === 'stories')!;
  const copy = { ...recs[3]!, id: 'copy', copyOf: recs[0]!.id, story: undefined };
  const patch = await stage.run(copy, { store, diagnostic: () => {} });
  assert.equal(patch.story, recs[0]!.story);
  await store.close();
});

const dev = resolve(process.cwd(), '../shared/data/ecbplus/dev.jsonl');

test('accuracy floor on ECB+ dev: same-story pairs as documents land', { skip: !existsSync(dev) && 'needs ../shared/data' }, async () => {
  interface Line { id: string; subtopic: string; text: string }
  const lines = readFileSync(dev, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  const store = new SqliteStore(':memory:');
  for (const d of lines) await storeDoc(store, Doc.create(d.text, {}, d.id), defaultPipeline(), defaultCollection());
  // As ingest ends a batch: the stories' first documents weighed again.
  await defaultCollection().settle(store);
  const story = new Map<string, string | undefined>();
  for await (const r of store.export()) story.set(r.id, r.story);
  let tp = 0, fp = 0, fn = 0;
  for (let i = 0; i < lines.length; i++) for (let j = i + 1; j < lines.length; j++) {
    const gold = lines[i]!.subtopic === lines[j]!.subtopic, got = story.get(lines[i]!.id) === story.get(lines[j]!.id);
    if (gold && got) tp++; else if (got) fp++; else if (gold) fn++;
  }
  const p = tp / (tp + fp), r = tp / (tp + fn), f = (2 * p * r) / (p + r);
  // Pairwise F1 as ../shared/eval/samestory-ecbplus.mjs counts it (see src/stories/README.md).
  assert.ok(f >= FLOOR, `same-story F1 ${(100 * f).toFixed(1)} below ${100 * FLOOR}`);
  await store.close();
});
// Measured 86.5 with the scorer; the floor leaves room for changes elsewhere in the pipeline.
const FLOOR = 0.84;
