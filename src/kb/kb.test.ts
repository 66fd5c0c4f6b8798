import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../core/doc.js';
import { defaultCollection, defaultPipeline } from '../pipeline/default.js';
import { storeDoc } from '../pipeline/store-doc.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import type { Store } from '../store/store.js';

// Invented reports: one armed group under five names, two people who share a surname.
const REPORTS = [
  'The Islamic State of Iraq and the Levant (ISIL) claimed responsibility for a bombing at a checkpoint near Kirkuk on Tuesday, the Iraqi interior ministry said. ISIL fighters have attacked the checkpoint twice this year.',
  'Kurdish commanders said Daesh militants had retreated from three villages south of Kirkuk. "Daesh is weaker than a year ago, but it still plants bombs on the roads," said commander Farhad Aziz.',
  'ISIS, also known as Daesh, still holds pockets of desert along the Syrian border, a United Nations report said on Monday. The report said ISIS had between 3,000 and 5,000 fighters in Iraq.',
  'The Islamic State group said in a statement that its fighters had killed two soldiers near Kirkuk. Islamic State has not held territory in Iraq since 2017.',
  'Former President Bill Clinton visited a clinic in Little Rock on Friday. Clinton said the clinic would open a second site next year.',
  'Hillary Clinton spoke to students in Denver on Thursday. Clinton said she would publish a new book in the spring.',
  'Hillary Clinton and Bill Clinton attended a fundraiser in New York on Saturday, where Hillary Clinton thanked volunteers.',
  'Islamic State, also known as ISIS, lost its last village in eastern Syria in March, the coalition said.',
];

async function ingest(order: readonly number[]): Promise<SqliteStore> {
  const store = new SqliteStore(':memory:');
  for (const i of order) await storeDoc(store, Doc.create(REPORTS[i]!, { published: `2024-03-0${i + 1}` }), defaultPipeline(), defaultCollection());
  return store;
}

/** Knowledge-base clusters as sets of names, independent of ids and order. */
async function clusters(store: Store): Promise<string[]> {
  const out: string[] = [];
  for (const e of await store.entities({ limit: 100 })) {
    if (e.type !== 'ORG' && e.type !== 'PERSON') continue;
    out.push([e.name, ...e.aliases].map((n) => n.toLowerCase()).sort().join(' | '));
  }
  return out.sort();
}

test('Daesh, ISIL, ISIS and Islamic State are one entity; Bill and Hillary Clinton stay two', async () => {
  const store = await ingest([0, 1, 2, 3, 4, 5, 6, 7]);
  const group = await store.entity('Daesh');
  assert.ok(group);
  for (const name of ['ISIL', 'ISIS', 'Islamic State', 'Islamic State of Iraq and the Levant']) {
    assert.equal((await store.entity(name))?.id, group.id, name);
  }
  assert.equal(group.documents, 5);
  const bill = await store.entity('Bill Clinton'), hillary = await store.entity('Hillary Clinton');
  assert.ok(bill && hillary && bill.id !== hillary.id);
  assert.equal(bill.documents, 2);
  assert.equal(hillary.documents, 2);
  // "Clinton" alone means the Clinton most documents call so; the other is a candidate.
  const clinton = await store.lookup('Clinton');
  assert.deepEqual(new Set(clinton.map((c) => c.id)), new Set([bill.id, hillary.id]));
  // Every stored record names its entities by their knowledge-base id; the sides of events named by a noun phrase stay its own.
  for await (const rec of store.export()) {
    for (const e of rec.entities) assert.ok(e.generic ? !e.kb : e.kb, `${rec.id}: ${e.name}`);
  }
  // The merges the documents proved are kept with their evidence.
  const merges = (await store.decisions()).filter((d) => d.action === 'merge');
  assert.ok(merges.length >= 1 && merges.every((d) => d.who === 'newsgraph' && d.doc && d.evidence));
  await store.close();
});

test('the clusters do not depend on the order the reports arrive in', async () => {
  const orders = [[0, 1, 2, 3, 4, 5, 6, 7], [7, 6, 5, 4, 3, 2, 1, 0], [2, 7, 4, 0, 6, 1, 5, 3]];
  const results: string[][] = [];
  for (const o of orders) {
    const store = await ingest(o);
    results.push(await clusters(store));
    await store.close();
  }
  assert.deepEqual(results[1], results[0]);
  assert.deepEqual(results[2], results[0]);
});

test('an old spelling and a new one meet; different people of one name do not', async () => {
  const store = new SqliteStore(':memory:');
  const put = (t: string) => storeDoc(store, Doc.create(t), defaultPipeline(), defaultCollection());
  await put('Al-Qaeda said it had kidnapped two engineers near Timbuktu, according to a statement read on Monday.');
  await put('Officials in Bamako blamed Al-Qaida for the kidnapping of the two engineers.');
  await put('Michelle Obama opened a school garden in Chicago. Obama said the garden would feed 200 pupils.');
  await put('Barack Obama met the governor in Springfield on Monday.');
  const a = await store.entity('Al-Qaeda'), b = await store.entity('Al Qaida');
  assert.ok(a && a.id === b?.id);
  assert.equal(a.documents, 2);
  assert.notEqual((await store.entity('Michelle Obama'))?.id, (await store.entity('Barack Obama'))?.id);
  await store.close();
});
