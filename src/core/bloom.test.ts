import assert from 'node:assert/strict';
import { test } from 'node:test';
import { BloomFilter } from './bloom.js';

/** Deterministic 32-bit numbers spread like hashes. */
function numbers(n: number, seed: number): number[] {
  const out: number[] = [];
  let x = seed >>> 0;
  for (let i = 0; i < n; i++) {
    x = (Math.imul(x, 1664525) + 1013904223) >>> 0;
    out.push(x);
  }
  return out;
}

test('every number added is a maybe; about 1% of others are', () => {
  const f = new BloomFilter(20_000);
  const added = numbers(20_000, 1);
  for (const n of added) f.add(n);
  assert.ok(added.every((n) => f.has(n)));
  const others = numbers(50_000, 2).filter((n) => !added.includes(n));
  const maybe = others.filter((n) => f.has(n)).length / others.length;
  assert.ok(maybe < 0.02, `false maybe rate ${maybe}`);
  assert.equal(f.entries, 20_000);
  assert.ok(f.capacity >= 20_000);
});

test('read back from its bytes, a filter answers the same', () => {
  const f = new BloomFilter(1000);
  for (const n of numbers(1000, 3)) f.add(n);
  const copy = Buffer.from(f.bytes());
  const g = new BloomFilter(0, { bits: copy, entries: f.entries });
  const probe = numbers(5000, 4);
  assert.deepEqual(probe.map((n) => g.has(n)), probe.map((n) => f.has(n)));
  assert.equal(g.entries, 1000);
  assert.throws(() => new BloomFilter(0, { bits: new Uint8Array(12), entries: 0 }), /not a Bloom filter/);
});

test('an empty filter says no', () => {
  const f = new BloomFilter(10);
  assert.ok(numbers(100, 5).every((n) => !f.has(n)));
});
