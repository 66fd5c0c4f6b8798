import assert from 'node:assert/strict';
import { test } from 'node:test';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { markedHit, searchPageText, withFacets } from './search-page.js';
import { fixtureRecords } from './test-fixtures.js';

test('marks in a snippet become offsets into the unmarked text', () => {
  const h = markedHit({ id: 'd', snippet: 'the \uE000rebels\uE001 took \uE000the town\uE001', meta: {}, score: 1 });
  assert.equal(h.snippet, 'the rebels took the town');
  assert.deepEqual(h.marks.map(([s, e]) => h.snippet.slice(s, e)), ['rebels', 'the town']);
  // An empty or unclosed mark gives no offsets.
  assert.deepEqual(markedHit({ id: 'd', snippet: 'a \uE000\uE001b \uE000c', meta: {}, score: 1 }).marks, []);
});

test('a page joined to its facets is the search answer with its facets last', async () => {
  const store = new SqliteStore(':memory:');
  for (const r of fixtureRecords()) await store.put(r);
  const text = await searchPageText(store, { q: 'attack', facets: true });
  assert.ok(text.facets);
  const page = JSON.parse(withFacets(text.page, text.facets).text);
  assert.deepEqual(Object.keys(page).slice(-2), ['hits', 'facets']);
  assert.deepEqual(page.facets, JSON.parse(text.facets));
  const bare = await store.search({ q: 'attack' });
  assert.equal(page.total, bare.total);
  assert.deepEqual(page.hits.map((h: { id: string }) => h.id), bare.hits.map((h) => h.id));
  assert.deepEqual(JSON.parse(withFacets(text.page, undefined).text), JSON.parse(text.page));
  await store.close();
});
