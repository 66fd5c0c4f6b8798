import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ReaderGate } from './reader-gate.js';

const pending = async (p: Promise<void>, ms: number) => (await Promise.race([p.then(() => 'resolved'), new Promise((r) => setTimeout(() => r('pending'), ms))])) === 'pending';

test('a writer waits for the requests in hand, and goes at once when there are none', async () => {
  const gate = new ReaderGate();
  assert.equal(await pending(gate.turn(10_000), 200), false, 'no reader: no wait');
  const a = gate.reader(), b = gate.reader();
  const turn = gate.turn(10_000);
  assert.equal(await pending(turn, 50), true, 'two readers in hand');
  a();
  a();
  assert.equal(gate.inHand, 1, 'ending a reader twice counts once');
  assert.equal(await pending(turn, 50), true, 'one reader still in hand');
  b();
  assert.equal(await pending(turn, 1000), false, 'the last reader ended');
});

test('a writer under constant reading still goes after its longest wait', async () => {
  const gate = new ReaderGate();
  gate.reader();
  const t0 = performance.now();
  await gate.turn(30);
  assert.ok(performance.now() - t0 >= 25);
  assert.equal(gate.inHand, 1);
});
