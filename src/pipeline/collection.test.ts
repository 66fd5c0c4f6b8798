import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../core/doc.js';
import { kbStage } from '../kb/stage.js';
import { toRecord } from '../output/record.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { Collection, type CollectionStage } from './collection.js';
import { defaultPipeline } from './default.js';
import { reprocess } from './reprocess.js';
import { storeDoc } from './store-doc.js';

const TEXT = 'Ana Ruiz, a spokeswoman for the Northern Relief Agency, said the convoy reached Dalmora.';

test('a collection stage reading an undeclared layer fails the run under strict checking', async () => {
  const store = new SqliteStore(':memory:');
  const sneaky: CollectionStage = { ...kbStage, name: 'sneaky', requires: ['entities'], optional: [], async run(rec) { return { entities: rec.entities.filter(() => rec.quotes.length >= 0) }; } };
  const rec = toRecord(defaultPipeline().run(Doc.create(TEXT)));
  await assert.rejects(new Collection([sneaky], { strict: true }).run(rec, store), /"sneaky" reads layer "quotes"/);
  const lenient = await new Collection([sneaky], { strict: false }).run(rec, store);
  assert.ok(lenient.diagnostics.some((d) => d.rule === 'pipeline.undeclared-read' && d.stage === 'sneaky'));
  await store.close();
});

test('a collection stage sets the record fields it declares, and reads those an earlier one set', async () => {
  const store = new SqliteStore(':memory:');
  const rec = toRecord(defaultPipeline().run(Doc.create(TEXT)));
  const teller: CollectionStage = { ...kbStage, name: 'teller', requires: [], optional: [], updates: ['story'], async run() { return { story: 's1' }; } };
  const reader: CollectionStage = { ...kbStage, name: 'reader', requires: [], optional: ['story'], updates: ['copyOf'], async run(r) { return { copyOf: `after ${r.story}` }; } };
  const out = await new Collection([teller, reader], { strict: true }).run(rec, store);
  assert.deepEqual([out.story, out.copyOf], ['s1', 'after s1']);
  const liar: CollectionStage = { ...teller, name: 'liar', updates: [] };
  await assert.rejects(new Collection([liar], { strict: true }).run(rec, store), /"liar" writes "story"/);
  const peeker: CollectionStage = { ...reader, name: 'peeker', optional: [] };
  await assert.rejects(new Collection([teller, peeker], { strict: true }).run(rec, store), /"peeker" reads layer "story"/);
  await store.close();
});

test('a record whose resolution crashed is stored unlinked, and reprocess links it', async () => {
  const store = new SqliteStore(':memory:');
  const broken: CollectionStage = { ...kbStage, async run() { throw new Error('disk hiccup'); } };
  const pipeline = defaultPipeline();
  assert.equal((await storeDoc(store, Doc.create(TEXT), pipeline, new Collection([broken]))).status, 'added');
  const [stored] = await all(store);
  assert.ok(stored!.entities.length && stored!.entities.every((e) => e.kb === undefined));
  assert.ok(stored!.diagnostics.some((d) => d.rule === 'stage.crash' && d.stage === 'kb'));
  assert.ok(!stored!.stages.some((s) => s.name === 'kb'));
  const done = await reprocess(store, pipeline, { collection: new Collection([kbStage]) });
  assert.deepEqual([done.refreshed, done.byStage], [1, { kb: 1 }]);
  const [linked] = await all(store);
  assert.ok(linked!.entities.every((e) => e.kb));
  assert.ok(!linked!.diagnostics.some((d) => d.rule === 'stage.crash'));
  await store.close();
});

async function all(store: SqliteStore) {
  const out = [];
  for await (const r of store.export()) out.push(r);
  return out;
}
