import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Lru } from './lru.js';

test('entries used since the last turn over stay; the rest go when the young generation fills twice', () => {
  const c = new Lru<string, number>(2);
  c.set('a', 1);
  c.set('b', 2);
  c.set('c', 3); // young {c}, old {a, b}
  assert.equal(c.get('a'), 1); // a moves to the young generation: {c, a}
  c.set('d', 4); // young full: old {c, a}, young {d}
  c.set('e', 5);
  assert.deepEqual([c.get('b'), c.get('c'), c.get('d'), c.get('e')], [undefined, 3, 4, 5]);
  assert.ok(c.size <= 4);
  c.set('d', 6);
  assert.equal(c.get('d'), 6);
  assert.ok(c.delete('d'));
  assert.equal(c.get('d'), undefined);
});
