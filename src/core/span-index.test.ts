import assert from 'node:assert/strict';
import { test } from 'node:test';
import { overlaps, type Span } from './span.js';
import { SpanIndex, TakenPositions } from './span-index.js';

// Spans that nest, touch, repeat and come out of order, checked against a plain scan.
function spans(seed: number, n: number): Span[] {
  let x = seed;
  const next = () => ((x = (Math.imul(x, 1103515245) + 12345) >>> 0) / 4294967296);
  return Array.from({ length: n }, () => {
    const start = Math.floor(next() * 200);
    return { start, end: start + Math.floor(next() * (next() < 0.1 ? 80 : 8)) };
  });
}

test('SpanIndex answers what a scan answers, in list order', () => {
  for (const seed of [1, 2, 3]) {
    const items = spans(seed, 150);
    const idx = new SpanIndex(items);
    for (const q of spans(seed + 10, 300)) {
      assert.deepEqual(idx.overlapping(q.start, q.end), items.filter((s) => overlaps(s, q)), JSON.stringify(q));
      assert.equal(idx.overlapsAny(q.start, q.end), items.some((s) => overlaps(s, q)));
    }
  }
  assert.deepEqual(new SpanIndex([]).overlapping(0, 10), []);
});

test('TakenPositions keeps what a greedy scan over the kept spans keeps', () => {
  const cands = spans(7, 400).filter((s) => s.end > s.start);
  const kept: Span[] = [];
  for (const c of cands) if (!kept.some((k) => overlaps(k, c))) kept.push(c);
  const taken = new TakenPositions(300);
  const fast = cands.filter((c) => taken.free(c) && (taken.take(c), true));
  assert.deepEqual(fast, kept);
});
