import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../core/doc.js';
import type { DocMeta } from '../core/meta.js';
import { Collection } from '../pipeline/collection.js';
import { defaultCollection, defaultCollectionStages, defaultPipeline } from '../pipeline/default.js';
import { reprocess } from '../pipeline/reprocess.js';
import { storeDoc } from '../pipeline/store-doc.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { article, BRIDGE, HARBOUR, LIBRARY } from './fixture.js';
import { COPY_MIN } from './copies.js';

const land = async (store: SqliteStore, text: string, meta: DocMeta) => {
  const { id } = await storeDoc(store, Doc.create(text, meta), defaultPipeline(), defaultCollection());
  return (await store.get(id))!;
};

test('a republished copy gets copyOf, copyShare and the wire as source; an unrelated article does not', async () => {
  const store = new SqliteStore(':memory:');
  const original = await land(store, article(BRIDGE), { outlet: 'The Valley Courier', published: '2024-03-04' });
  assert.equal(original.copyOf, undefined);
  assert.equal(original.source, 'valley courier');
  const [title, ...body] = BRIDGE;
  const wire = await land(store, article([title!.toUpperCase(), `KESSEL (AP) — ${body[0]}`, ...body.slice(1, 3)]), { outlet: 'Pinecrest Sentinel', published: '2024-03-05' });
  assert.equal(wire.copyOf, original.id);
  assert.ok(wire.copyShare! >= COPY_MIN && wire.copyShare! <= 1, String(wire.copyShare));
  assert.equal(wire.source, 'associated press');
  const credit = wire.diagnostics.find((d) => d.rule === 'sources.wire')!;
  assert.equal(wire.text.slice(credit.start, credit.end), 'AP');
  // No wire named: the copy counts as the source of what it copies.
  const plain = await land(store, article(BRIDGE.slice(0, 5)), { url: 'https://www.harbour-times.example/kessel-bridge', published: '2024-03-06' });
  assert.equal(plain.copyOf, original.id);
  assert.equal(plain.source, 'valley courier');
  const other = await land(store, article(LIBRARY), { outlet: 'Valley Courier', published: '2024-03-06' });
  assert.equal(other.copyOf, undefined);
  assert.equal(other.copyShare, undefined);
  assert.equal(other.source, 'valley courier');
  const bare = await land(store, article(HARBOUR), {});
  assert.deepEqual([bare.copyOf, bare.source], [undefined, undefined]);
  assert.deepEqual(await store.docSources([wire.id, other.id]), [
    { id: wire.id, source: 'associated press', copyOf: original.id, outlet: 'Pinecrest Sentinel', published: '2024-03-05' },
    { id: other.id, source: 'valley courier', outlet: 'Valley Courier', published: '2024-03-06' },
  ]);
  await store.close();
});

test('an outlet’s footer, once seen in two of its articles, is boilerplate: sharing only it is no copy', async () => {
  const store = new SqliteStore(':memory:');
  const footer = 'The Harbour Times is a member-supported newsroom covering the northern coast. Sign up for our free morning letter to get every story from the harbour, the islands and the fishing towns in your inbox each weekday, and become a member to keep our reporting free for everyone who lives here.';
  const meta = { outlet: 'Harbour Times' };
  await land(store, article([...HARBOUR, footer]), meta);
  await land(store, article([...LIBRARY.slice(0, 4), footer]), meta);
  // Short pieces: the footer is most of each, yet none is a copy of another.
  for (const [i, p] of [BRIDGE[1]!, LIBRARY[4]!, BRIDGE[4]!].entries()) {
    const r = await land(store, article([`Brief ${i + 1}.`, p, footer]), meta);
    assert.equal(r.copyOf, undefined, `brief ${i + 1}`);
    assert.ok(r.diagnostics.some((d) => d.rule === 'copies.boilerplate'));
  }
  // Another outlet's piece that reproduces a brief, footer and all, is a copy.
  const copy = await land(store, article(['Brief 3 again.', BRIDGE[4]!, footer]), { outlet: 'Valley Courier' });
  assert.ok(copy.copyOf);
  await store.close();
});

test('a document dated before the stored one it reproduces links to it, which stays the origin', async () => {
  const store = new SqliteStore(':memory:');
  const cut = await land(store, article(BRIDGE.slice(0, 3)), { outlet: 'Pinecrest Sentinel', published: '2024-03-05' });
  const full = await land(store, article(BRIDGE), { outlet: 'Valley Courier', published: '2024-03-04' });
  assert.equal(full.copyOf, cut.id);
  assert.ok(full.copyShare! < COPY_MIN);
  assert.ok(full.diagnostics.some((d) => d.rule === 'copies.earlier'));
  await store.close();
});

test('reprocess keeps copyOf, copyShare and source when the copies stage runs again', async () => {
  const store = new SqliteStore(':memory:');
  const original = await land(store, article(BRIDGE), { outlet: 'Valley Courier', published: '2024-03-04' });
  const copy = await land(store, `${article(BRIDGE.slice(0, 4))}\nBy Reuters\n`, { outlet: 'Pinecrest Sentinel', published: '2024-03-05' });
  const changed = new Collection(defaultCollectionStages().map((s) => (s.name === 'copies' ? { ...s, version: 'changed' } : s)));
  const sum = await reprocess(store, defaultPipeline(), { collection: changed });
  assert.equal(sum.refreshed, 2);
  const again = (await store.get(copy.id))!;
  assert.deepEqual([again.copyOf, again.copyShare, again.source], [original.id, copy.copyShare, 'reuters']);
  assert.equal(again.stages.find((s) => s.name === 'copies')?.version, 'changed');
  const first = (await store.get(original.id))!;
  assert.deepEqual([first.copyOf, first.source], [undefined, 'valley courier']);
  await store.close();
});
