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
