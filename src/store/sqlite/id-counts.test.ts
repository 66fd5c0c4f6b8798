import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IdCounts } from './id-counts.js';

const packed = (...ids: number[]) => {
  const b = Buffer.alloc(4 * ids.length);
  ids.forEach((id, i) => b.writeUInt32BE(id, 4 * i));
  return b;
};

test('ids from packed lists are counted, one skipped, and the counts start again after each take', () => {
  const c = new IdCounts();
  c.add(packed(3, 70000, 5));
  c.add(packed(5, 3, 9), 9);
  assert.deepEqual(c.take().sort((a, b) => a[0] - b[0]), [[3, 2], [5, 2], [70000, 1]]);
  c.add(packed(5));
  assert.deepEqual(c.take(), [[5, 1]]);
  assert.deepEqual(c.take(), []);
});

test('the top counts keep every id tied with the k-th, and the counts start again', () => {
  const c = new IdCounts();
  c.add(packed(1, 2, 3, 4));
  c.add(packed(2, 3, 4));
  c.add(packed(3, 4));
  c.add(packed(4));
  const byId = (xs: [number, number][]) => xs.sort((a, b) => a[0] - b[0]);
  assert.deepEqual(byId(c.takeTop(2)), [[3, 3], [4, 4]]);
  assert.deepEqual(c.take(), []);
  c.add(packed(7, 8, 9));
  assert.deepEqual(byId(c.takeTop(1)), [[7, 1], [8, 1], [9, 1]], 'a tie at the last count keeps them all');
  c.add(packed(5, 6));
  c.add(packed(5));
  assert.deepEqual(c.takeTop(5).sort((a, b) => a[0] - b[0]), [[5, 2], [6, 1]], 'fewer ids than asked: all of them');
  assert.deepEqual(c.takeTop(3), []);
});
