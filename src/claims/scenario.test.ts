import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../core/doc.js';
import { defaultCollection, defaultPipeline } from '../pipeline/default.js';
import { storeDoc } from '../pipeline/store-doc.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { claimEntity, claimsFor } from './query.js';

// Invented reports of one invented attack: a wire story, its republication by another outlet,
// an independent report, an official figure that disagrees, and a denial.
const WIRE = 'DALMARA, March 5 (Meridian Press) - The Lowland Front attacked the town of Dalmara on Tuesday with more than 100 fighters, ' +
  'seizing the police station and the grain depot, local officials said.\n\n' +
  '"They came at dawn from the hills," said Ilse Varga, the town\'s deputy mayor. Residents said the fighting lasted several hours.\n';
const REPORTS = [
  { name: 'wire', text: WIRE, meta: { outlet: 'Meridian Press', published: '2024-03-05' } },
  { name: 'copy', text: `${WIRE}\nThe Harbor Ledger carries reports from Meridian Press.\n`, meta: { outlet: 'Harbor Ledger', published: '2024-03-05' } },
  {
    name: 'independent', meta: { outlet: 'Valley Courier', published: '2024-03-06' },
    text: 'About 120 Lowland Front fighters attacked Dalmara on Tuesday, according to a council member, Tomas Reyl, who said he had ' +
      'counted the trucks as they crossed the market square.\n\nShops in the town stayed shut on Wednesday.\n',
  },
  {
    name: 'official', meta: { outlet: 'Northern Times', published: '2024-03-06' },
    text: 'The interior ministry said on Wednesday that the Lowland Front attacked Dalmara on Tuesday with about 30 fighters and ' +
      'that the army drove them out by evening.\n',
  },
  {
    name: 'denial', meta: { outlet: 'Coastal Herald', published: '2024-03-07' },
    text: 'The Lowland Front on Thursday denied carrying out the attack on Dalmara, saying in a statement that its units had not ' +
      'left their positions in the hills.\n',
  },
];

async function scenario(): Promise<{ store: SqliteStore; ids: Record<string, string> }> {
  const store = new SqliteStore(':memory:');
  const pipeline = defaultPipeline(), collection = defaultCollection();
  const ids: Record<string, string> = {};
  // Plain ingestion: the copies stage finds that the second report reproduces the wire story.
  for (const r of REPORTS) ids[r.name] = (await storeDoc(store, Doc.create(r.text, r.meta), pipeline, collection)).id;
  return { store, ids };
}

test('a wire figure, its copy and an independent report are one claim: 3 documents, 2 independent sources; the official figure and the denial conflict', async () => {
  const { store, ids } = await scenario();
  try {
    const front = await claimEntity(store, 'Lowland Front');
    const claims = await claimsFor(store, { entity: front.id });
    const byId = new Map(claims.map((c) => [c.id, c]));
    const figures = claims.filter((c) => c.kind === 'quantity' && c.subject.id === front.id && c.unit === 'fighters');
    assert.equal(figures.length, 2, figures.map((c) => c.statement).join('; '));
    const [agreed, official] = figures;
    // "more than 100" (wire, copy) and "about 120" (independent) overlap: 108-132.
    assert.deepEqual([agreed!.documents, agreed!.sources], [3, 2]);
    assert.deepEqual([agreed!.min, agreed!.max], [108, 132]);
    assert.deepEqual(new Set(agreed!.evidence.map((e) => e.doc)), new Set([ids.wire, ids.copy, ids.independent]));
    assert.equal(agreed!.evidence.find((e) => e.doc === ids.copy)!.copyOf, ids.wire);
    assert.equal(agreed!.evidence.find((e) => e.doc === ids.wire)!.speaker, 'local officials');
    // "about 30" cannot hold with it.
    assert.deepEqual([official!.documents, official!.sources, official!.min, official!.max], [1, 1, 27, 33]);
    assert.ok(agreed!.conflicts.includes(official!.id) && official!.conflicts.includes(agreed!.id));

    // The attack is asserted by four documents (three sources) and denied by one.
    const attack = claims.find((c) => c.kind === 'event' && c.type === 'attack' && !c.negated && c.subject.id === front.id)!;
    const denial = claims.find((c) => c.kind === 'event' && c.type === 'attack' && c.negated)!;
    assert.equal(attack.object?.name, 'Dalmara');
    assert.deepEqual([attack.documents, attack.sources], [4, 3]);
    assert.deepEqual([denial.documents, denial.evidence[0]!.doc], [1, ids.denial]);
    assert.ok(attack.conflicts.includes(denial.id) && denial.conflicts.includes(attack.id));
    // The figure stated with the attack is contradicted by the denial too.
    assert.ok(agreed!.conflicts.includes(denial.id));
    for (const c of claims) for (const id of c.conflicts) assert.ok(byId.has(id), `conflict ${id} of ${c.id} is listed`);

    // Every piece of evidence is a span of a stored document.
    for (const c of claims) {
      for (const e of c.evidence) {
        const rec = await store.get(e.doc);
        assert.ok(rec && e.start >= 0 && e.end <= rec.text.length && e.start < e.end);
        assert.equal(e.text, rec.text.slice(e.start, e.end).replace(/\s+/g, ' ').trim());
      }
    }
    // Ids are derived from what the claims say: the same on every read.
    assert.deepEqual((await claimsFor(store, { entity: front.id })).map((c) => c.id), claims.map((c) => c.id));
    assert.deepEqual((await claimsFor(store, { entity: front.id, kind: 'quantity' })).map((c) => c.kind).filter((k) => k !== 'quantity'), []);
  } finally {
    await store.close();
  }
});
