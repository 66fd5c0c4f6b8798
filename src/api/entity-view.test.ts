import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Entity, Relation, RelationType } from '../core/layers.js';
import { contentHash } from '../core/hash.js';
import { SCHEMA_ID, type NewsRecord } from '../output/record.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { RelationHit } from '../store/store.js';
import { entityView, NEIGHBOUR_RELATIONS } from './entity-view.js';
import { createNewsgraphServer, type NewsgraphServer } from './server.js';

// An invented story over two articles: one group breaks away from another, which later takes a
// new name; a spokesman belongs to the renamed group. Layers are written by hand so the entity
// page is tested apart from the extraction stages.

function article(text: string, published: string, ents: Entity[], rels: [RelationType, string, string, string][]): NewsRecord {
  const hash = contentHash(text);
  const mentions = ents.flatMap((e) => {
    const start = text.indexOf(e.name);
    return start < 0 ? [] : [{ start, end: start + e.name.length, text: e.name, type: e.type, entity: e.id, kind: 'name' as const }];
  });
  const relations: Relation[] = rels.map(([type, a, b, evidence]) => {
    const start = text.indexOf(evidence);
    if (start < 0) throw new Error(`evidence not in text: ${evidence}`);
    return { type, a, b, start, end: start + evidence.length };
  });
  return {
    schema: SCHEMA_ID, id: hash, hash, text, meta: { title: text.slice(0, 40), outlet: 'Test Gazette', published },
    sentences: [], paragraphs: [], mentions, entities: ents, quotes: [], quantities: [], times: [], places: [],
    relations, events: [], stages: [], diagnostics: [],
  } as NewsRecord;
}

const SPLIT_TEXT = 'The Grey Falcon Brigade broke away from the Northern Dawn Council in 2016 and has fought it ever since, commanders said.';
const RENAME_TEXT = 'The Northern Dawn Council now calls itself the Amber Dawn Union, said Teodor Vasko, a spokesman for the Amber Dawn Union.';

function records(): NewsRecord[] {
  const split = article(SPLIT_TEXT, '2021-05-02', [
    { id: 'e1', type: 'ORG', name: 'Grey Falcon Brigade', aliases: [] },
    { id: 'e2', type: 'ORG', name: 'Northern Dawn Council', aliases: [] },
  ], [
    ['split', 'e1', 'e2', 'Grey Falcon Brigade broke away from the Northern Dawn Council'],
    ['fights', 'e1', 'e2', 'Grey Falcon Brigade broke away from the Northern Dawn Council in 2016 and has fought it'],
  ]);
  const rename = article(RENAME_TEXT, '2022-08-10', [
    { id: 'e1', type: 'ORG', name: 'Northern Dawn Council', aliases: [] },
    { id: 'e2', type: 'ORG', name: 'Amber Dawn Union', aliases: [] },
    { id: 'e3', type: 'PERSON', name: 'Teodor Vasko', aliases: [] },
  ], [
    ['rebrand', 'e1', 'e2', 'Northern Dawn Council now calls itself the Amber Dawn Union'],
    ['member', 'e3', 'e2', 'Teodor Vasko, a spokesman for the Amber Dawn Union'],
  ]);
  return [split, rename];
}

const edge = (r: RelationHit) => `${r.a.name} ${r.type} ${r.b.name}`;

describe('entity page: relations one hop further', () => {
  let dir: string;
  let store: SqliteStore;
  let app: NewsgraphServer;
  let base: string;
  const [split, rename] = records();
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-entity-'));
    store = new SqliteStore(join(dir, 'news.db'));
    for (const r of [split!, rename!]) await store.put(r);
    app = createNewsgraphServer({ store });
    base = `http://127.0.0.1:${(await app.listen(0)).port}`;
  });
  after(async () => {
    await app.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a breakaway group shows its parent and what the parent was renamed to, each with its source span', async () => {
    const v = (await entityView(store, 'ORG:grey falcon brigade'))!;
    assert.deepEqual(v.relations.map(edge).sort(), [
      'Grey Falcon Brigade fights Northern Dawn Council',
      'Grey Falcon Brigade split Northern Dawn Council',
    ]);
    // Two hops from the brigade: the rename is shown, the spokesman of the renamed group is not.
    assert.deepEqual(v.neighbourRelations.map(edge), ['Northern Dawn Council rebrand Amber Dawn Union']);
    const ev = v.neighbourRelations[0]!.evidence[0]!;
    assert.equal(ev.doc, rename!.id);
    assert.equal(RENAME_TEXT.slice(ev.start, ev.end), 'Northern Dawn Council now calls itself the Amber Dawn Union');
    assert.equal(ev.text, RENAME_TEXT.slice(ev.start, ev.end));
    assert.equal(v.coOccurringOver, 1);
  });

  test('the middle group lists both sides directly and nothing of its own twice', async () => {
    const v = (await entityView(store, 'Northern Dawn Council'))!;
    assert.deepEqual(v.relations.map(edge).sort(), [
      'Grey Falcon Brigade fights Northern Dawn Council',
      'Grey Falcon Brigade split Northern Dawn Council',
      'Northern Dawn Council rebrand Amber Dawn Union',
    ]);
    assert.deepEqual(v.neighbourRelations.map(edge), ['Teodor Vasko member Amber Dawn Union']);
    assert.ok(v.neighbourRelations.length <= NEIGHBOUR_RELATIONS);
  });

  test('GET /api/entities/:id carries the relations one hop further', async () => {
    const res = await fetch(`${base}/api/entities/${encodeURIComponent('ORG:Grey Falcon Brigade')}`);
    assert.equal(res.status, 200);
    const v = (await res.json()) as { neighbourRelations: RelationHit[]; coOccurringOver: number };
    assert.deepEqual(v.neighbourRelations.map(edge), ['Northern Dawn Council rebrand Amber Dawn Union']);
    assert.deepEqual(v.neighbourRelations[0]!.b, { id: 'ORG:amber dawn union', name: 'Amber Dawn Union' });
    assert.equal(v.neighbourRelations[0]!.evidence[0]!.doc, rename!.id);
    // The spokesman's page shows the earlier name of the group he speaks for.
    const person = (await (await fetch(`${base}/api/entities/${encodeURIComponent('PERSON:teodor vasko')}`)).json()) as { neighbourRelations: RelationHit[] };
    assert.deepEqual(person.neighbourRelations.map(edge), ['Northern Dawn Council rebrand Amber Dawn Union']);
  });
});
