import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultTriggerModel, trainTriggers, TriggerModel, type Example } from './trigger-model.js';

const toy: Example[] = [];
for (let i = 0; i < 40; i++) {
  toy.push({ features: ['w=bombing', `n${i % 3}`], label: 1 });
  toy.push({ features: ['w=attack', 'n1=helicopters', `n${i % 3}`], label: 0 });
}

test('training is deterministic and learns the toy split', () => {
  const o = { epochs: 6, rate: 0.2, l2: 0.001, seed: 3, minCount: 2 };
  const a = trainTriggers(toy, o), b = trainTriggers(toy, o);
  assert.deepEqual(a, b);
  const m = new TriggerModel({ ...a, threshold: 0.5, thresholdWithArgs: 0.3 });
  assert.ok(m.keeps(['w=bombing'], false));
  assert.ok(!m.keeps(['w=attack', 'n1=helicopters'], false));
});

test('the committed model loads with sane thresholds', () => {
  const m = defaultTriggerModel();
  assert.ok(m, 'models/events/triggers.json is missing');
  assert.ok(m.w.threshold > 0 && m.w.threshold < 1 && m.w.thresholdWithArgs <= m.w.threshold);
  assert.ok(Object.keys(m.w.weights).length > 100);
});
