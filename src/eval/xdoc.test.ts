import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { Doc } from '../core/doc.js';
import type { NewsRecord } from '../output/record.js';
import { defaultCollection, defaultPipeline } from '../pipeline/default.js';
import { storeDoc } from '../pipeline/store-doc.js';
import { record } from '../store/contract.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { scoreXdoc, type XdocGoldDoc } from './xdoc.js';

test('links and B-cubed count pairs across documents, within a group', () => {
  const a = record('Ana Ruiz met Lee.', {}, {
    entities: [{ id: 'e1', type: 'PERSON', name: 'Ana Ruiz', aliases: [], kb: 'K1' }, { id: 'e2', type: 'PERSON', name: 'Lee', aliases: [], kb: 'K2' }],
    mentions: [{ start: 0, end: 8, text: 'Ana Ruiz', type: 'PERSON', entity: 'e1' }, { start: 13, end: 16, text: 'Lee', type: 'PERSON', entity: 'e2' }],
  }, 'a');
  const b = record('Ruiz left.', {}, {
    entities: [{ id: 'e1', type: 'PERSON', name: 'Ruiz', aliases: [], kb: 'K2' }],
    mentions: [{ start: 0, end: 4, text: 'Ruiz', type: 'PERSON', entity: 'e1' }],
  }, 'b');
  const gold: XdocGoldDoc[] = [
    { id: 'a', group: 't', mentions: [{ start: 0, end: 8, cluster: 'ruiz' }, { start: 13, end: 16, cluster: 'lee' }] },
    { id: 'b', group: 't', mentions: [{ start: 0, end: 4, cluster: 'ruiz' }] },
  ];
  const s = scoreXdoc(gold, new Map([['a', a], ['b', b]]));
  // Gold links Ruiz to Ruiz; the prediction links Lee to Ruiz instead.
  assert.deepEqual([s.gold, s.aligned], [3, 3]);
  assert.deepEqual([s.links.p, s.links.r], [0, 0]);
  assert.ok(s.b3.p > 0.6 && s.b3.p < 0.7);
});

const dev = resolve(process.cwd(), '../shared/data/ecbplus/dev.jsonl');

test('accuracy floor on ECB+ dev: entities linked across documents as they land', { skip: !existsSync(dev) && 'needs ../shared/data' }, async () => {
  interface Line { id: string; topic: string; text: string; mentions: { start: number; end: number; kind: string; selected: boolean; named: boolean; cluster: string }[] }
  const lines = readFileSync(dev, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Line);
  const store = new SqliteStore(':memory:');
  for (const d of lines) await storeDoc(store, Doc.create(d.text, {}, d.id), defaultPipeline(), defaultCollection());
  const records = new Map<string, NewsRecord>();
  for await (const r of store.export()) records.set(r.id, r);
  await store.close();
  const gold: XdocGoldDoc[] = lines.map((d) => ({
    id: d.id, group: d.topic,
    mentions: d.mentions.filter((m) => m.kind === 'entity' && m.selected && m.named).map((m) => ({ start: m.start, end: m.end, cluster: String(m.cluster) })),
  }));
  // The same floors with every entity keyed by its own type and name, as before the knowledge base.
  const byName = new Map([...records].map(([id, r]) => [id, { ...r, entities: r.entities.map(({ kb: _kb, ...e }) => e) }]));
  const kb = scoreXdoc(gold, records), names = scoreXdoc(gold, byName);
  assert.ok(kb.links.r >= names.links.r + 0.1, `cross-document link recall ${kb.links.r.toFixed(3)} vs ${names.links.r.toFixed(3)} by name`);
  assert.ok(kb.links.p >= 0.8, `cross-document link precision ${kb.links.p.toFixed(3)}`);
  assert.ok(kb.b3.f >= names.b3.f + 0.05, `B-cubed F1 ${kb.b3.f.toFixed(3)} vs ${names.b3.f.toFixed(3)} by name`);
});
