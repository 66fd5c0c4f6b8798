import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../core/doc.js';
import type { NewsRecord } from '../output/record.js';
import { quantitiesStage } from '../stages/quantities/stage.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { defaultStages } from './default.js';
import { Pipeline } from './pipeline.js';
import { reprocess } from './reprocess.js';
import type { Stage } from './stage.js';
import { storeDoc } from './store-doc.js';

const ARTICLES = [
  'Rescue teams in Vellmar said on Tuesday that 40 people were missing after the dam gave way. “We have reached 12 villages,” said Ines Marlow, who leads the teams.',
  'The Harbour Council voted 7 to 2 to close the northern pier. Its chairman, Otto Brandt, said repairs would cost 3 million euros.',
  'Farmers near Kessel said the harvest began two weeks early this year.',
];

/** This build's pipeline with the quantities stage's rules changed: every unit is now "items". */
function newerBuild(): Pipeline {
  const newer: Stage = {
    ...quantitiesStage, version: 'newer',
    run: (doc, ctx) => ({ quantities: (quantitiesStage.run(doc, ctx).quantities ?? []).map((q) => ({ ...q, unit: 'items' })) }),
  };
  return new Pipeline(defaultStages().map((s) => (s.name === 'quantities' ? newer : s)));
}

async function all(store: SqliteStore): Promise<NewsRecord[]> {
  const out: NewsRecord[] = [];
  for await (const r of store.export()) out.push(r);
  return out;
}

test('a changed stage version refreshes exactly the records it made, and only its layers and their readers', async () => {
  const store = new SqliteStore(':memory:');
  const older = new Pipeline(defaultStages()), newer = newerBuild();
  const doc = (t: string) => Doc.create(t, { published: '2024-05-07' });
  await storeDoc(store, doc(ARTICLES[0]!), older);
  await storeDoc(store, doc(ARTICLES[1]!), older);
  await storeDoc(store, doc(ARTICLES[2]!), newer);
  const before = await all(store);
  assert.ok(before[0]!.quantities.length && before[1]!.quantities.length);

  const dry = await reprocess(store, newer, { dryRun: true });
  assert.deepEqual(dry, { checked: 3, stale: 2, refreshed: 0, failed: [], byStage: { quantities: 2 } });
  assert.deepEqual(await all(store), before);

  const done = await reprocess(store, newer);
  assert.equal(done.refreshed, 2);
  const after = await all(store);
  // The record the newer build made is untouched.
  assert.deepEqual(after[2], before[2]);
  for (const i of [0, 1]) {
    const a = after[i]!, b = before[i]!;
    assert.ok(a.quantities.length && a.quantities.every((q) => q.unit === 'items'));
    assert.deepEqual(a.quantities.map((q) => [q.start, q.end]), b.quantities.map((q) => [q.start, q.end]));
    for (const layer of ['mentions', 'references', 'entities', 'quotes', 'times', 'places', 'relations', 'events', 'sentences', 'paragraphs'] as const) {
      assert.deepEqual(a[layer], b[layer], layer);
    }
    const timing = (r: NewsRecord) => Object.fromEntries(r.stages.map((s) => [s.name, s]));
    const ta = timing(a), tb = timing(b);
    assert.equal(ta.quantities!.version, 'newer');
    // Stages that do not read quantities did not run: their stored timings stand.
    for (const name of ['mentions', 'resolve', 'times', 'quotes', 'places']) assert.deepEqual(ta[name], tb[name], name);
    assert.deepEqual(a.stages.map((s) => s.name), b.stages.map((s) => s.name));
  }
  // Nothing is stale any more; a newer build's re-ingest of a current record is "present".
  assert.equal((await reprocess(store, newer)).stale, 0);
  assert.equal((await storeDoc(store, doc(ARTICLES[0]!), newer)).status, 'present');
  // Re-ingesting with the older build again refreshes the record instead of answering "present".
  assert.deepEqual(await storeDoc(store, doc(ARTICLES[0]!), older), { status: 'refreshed', id: before[0]!.id, language: 'eng' });
  assert.deepEqual((await all(store))[0]!.quantities, before[0]!.quantities);
  assert.equal(await store.count(), 3);
  await store.close();
});

test('reprocess --layers keeps to the stages that write those layers', async () => {
  const store = new SqliteStore(':memory:');
  await storeDoc(store, Doc.create(ARTICLES[0]!), new Pipeline(defaultStages()));
  const newer = newerBuild();
  assert.equal((await reprocess(store, newer, { layers: ['places'], dryRun: true })).stale, 0);
  assert.deepEqual((await reprocess(store, newer, { layers: ['quantities'], dryRun: true })).byStage, { quantities: 1 });
  await assert.rejects(reprocess(store, newer, { layers: ['quantity'] }), /unknown layer "quantity"/);
  await store.close();
});
