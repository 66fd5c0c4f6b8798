import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NT } from './tags.js';
import { FrozenWeights, TrainWeights } from './weights.js';

test('lazy averaging equals the plain average over all steps', () => {
  const w = new TrainWeights(4);
  const r = w.ensure(42);
  // Weight of tag 1 over 4 steps: 0, 1, 1, 3 -> average 5/4.
  w.step = 1; w.update(r, 1, 1);
  w.step = 3; w.update(r, 1, 2);
  w.step = 4;
  const { hashes, w: avg } = w.averaged(0);
  assert.deepEqual([...hashes], [42]);
  assert.ok(Math.abs(avg[1]! - 5 / 4) < 1e-6, String(avg[1]));
});

test('frozen weights find every key and nothing else', () => {
  const keys = Uint32Array.from([1, 2, 0xffffffff, 123456789, 0]);
  const f = new FrozenWeights(keys, new Float32Array(keys.length * NT));
  keys.forEach((k, i) => assert.equal(f.row(k), i));
  assert.equal(f.row(77), -1);
});
