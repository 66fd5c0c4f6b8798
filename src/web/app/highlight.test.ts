import assert from 'node:assert/strict';
import { test } from 'node:test';
import { segments } from './highlight.js';

test('segments split the text at every boundary and list the marks covering each piece', () => {
  const text = 'Ana said “the port is open” today.';
  const quote = { key: 'q0', layer: 'quotes', start: 9, end: 27 };
  const name = { key: 'm0', layer: 'mentions', start: 0, end: 3 };
  const place = { key: 'p0', layer: 'places', start: 14, end: 18 };
  const segs = segments(text.length, [quote, place, name]);
  assert.deepEqual(segs.map((s) => [text.slice(s.start, s.end), s.marks.map((m) => m.key)]), [
    ['Ana', ['m0']],
    [' said ', []],
    ['“the ', ['q0']],
    ['port', ['q0', 'p0']],
    [' is open”', ['q0']],
    [' today.', []],
  ]);
  // The pieces cover the text exactly once.
  assert.equal(segs.map((s) => text.slice(s.start, s.end)).join(''), text);
});

test('marks out of range or empty are ignored', () => {
  const segs = segments(5, [{ key: 'a', layer: 'x', start: 3, end: 9 }, { key: 'b', layer: 'x', start: 2, end: 2 }, { key: 'c', layer: 'x', start: -1, end: 2 }]);
  assert.deepEqual(segs, [{ start: 0, end: 5, marks: [] }]);
});
