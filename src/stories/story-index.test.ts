import assert from 'node:assert/strict';
import { test } from 'node:test';
import { settleRange } from './story-index.js';

test('each of a story\'s first documents is weighed again once, when the story has doubled since it joined', () => {
  // Settling at 2, 4, 8, 16, 32 weighs positions [0,1), [1,2), [2,4), [4,8), then none past the bound.
  const sizes = [2, 4, 8, 16, 32];
  let settled = 0;
  const weighed: number[] = [];
  for (const size of sizes) {
    const [from, to] = settleRange(settled, size, 10);
    for (let p = from; p < to; p++) weighed.push(p);
    settled = size;
  }
  assert.deepEqual(weighed, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
  // A story that grew past twice its size between two settlings weighs the whole gap once.
  assert.deepEqual(settleRange(2, 9, 10), [1, 4]);
  assert.deepEqual(settleRange(0, 3, 10), [0, 1]);
  assert.deepEqual(settleRange(40, 80, 10), [10, 10]);
});
