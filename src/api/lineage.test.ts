import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { RelationHit, RelationQuery } from '../store/store.js';
import { LINEAGE_DEPTH, lineage } from './lineage.js';

// A store that knows only relations, written as "A rebrand B" lines between invented groups;
// each one's evidence is dated by its position so the order is known.
function fakeStore(lines: readonly string[]) {
  const hits: RelationHit[] = lines.map((line, i) => {
    const [a, type, b] = line.split(' ') as [string, string, string];
    const published = `20${String(10 + i).padStart(2, '0')}-01-01`;
    return { type, a: { id: `ORG:${a}`, name: a }, b: { id: `ORG:${b}`, name: b }, documents: 1, evidence: [{ doc: `d${i}`, published, start: 0, end: 4, text: line }] };
  });
  let queries = 0;
  return {
    get queries() { return queries; },
    async relations(q: RelationQuery = {}) {
      queries++;
      return hits.filter((h) => (!q.type || h.type === q.type) && (!q.entity || h.a.id === q.entity || h.b.id === q.entity)).slice(0, q.limit ?? 100);
    },
    async get() { return undefined; },
  };
}

const self = (name: string) => ({ id: `ORG:${name}`, name });

test('a cycle of renames ends, each step listed once', async () => {
  const store = fakeStore(['A rebrand B', 'B rebrand C', 'C rebrand A']);
  const l = await lineage(store, self('A'));
  assert.deepEqual(l.steps.map((s) => `${s.a.name}>${s.b.name}`), ['A>B', 'B>C', 'C>A']);
  assert.equal(new Set(l.chain.map((e) => e.id)).size, l.chain.length, 'no name twice in the chain');
  assert.ok(l.chain.some((e) => e.id === 'ORG:A'));
});

test('a long chain is followed only so many steps out', async () => {
  const names = Array.from({ length: 10 }, (_, i) => `G${i}`);
  const store = fakeStore(names.slice(1).map((n, i) => `${names[i]} rebrand ${n}`));
  const l = await lineage(store, self('G5'));
  assert.deepEqual(l.chain.map((e) => e.name), names.slice(5 - LINEAGE_DEPTH, 5 + LINEAGE_DEPTH + 1));
  assert.equal(l.steps.length, 2 * LINEAGE_DEPTH);
});

test('a chain stops where a group splits in two; splits and merges are steps', async () => {
  const store = fakeStore(['Old rebrand Mid', 'Mid rebrand East', 'Mid rebrand West', 'East merge Other', 'West split Rebels']);
  const l = await lineage(store, self('Mid'));
  assert.deepEqual(l.chain.map((e) => e.name), ['Old', 'Mid']);
  assert.deepEqual(l.steps.map((s) => s.type), ['rebrand', 'rebrand', 'rebrand', 'merge', 'split']);
  assert.deepEqual(l.steps.map((s) => s.date), ['2010-01-01', '2011-01-01', '2012-01-01', '2013-01-01', '2014-01-01']);
});

test('many relatives are bounded and said to be', async () => {
  const store = fakeStore(Array.from({ length: 30 }, (_, i) => `Root split S${i}`));
  const l = await lineage(store, self('Root'));
  assert.equal(l.truncated, true);
  assert.ok(l.steps.length <= 20);
  assert.ok(store.queries < 50, `${store.queries} queries`);
});
