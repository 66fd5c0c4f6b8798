import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeRange, intersect, overlaps, rangeOf } from './ranges.js';

test('qualifiers set the values a figure allows', () => {
  assert.deepEqual(rangeOf({ value: 100, min: 100, qualifier: 'more_than' }), { lo: 100 });
  assert.deepEqual(rangeOf({ value: 100, min: 100, qualifier: 'at_least' }), { lo: 100 });
  assert.deepEqual(rangeOf({ value: 40, max: 40, qualifier: 'up_to' }), { lo: 0, hi: 40 });
  assert.deepEqual(rangeOf({ value: 120, qualifier: 'about' }), { lo: 108, hi: 132 });
  assert.deepEqual(rangeOf({ value: 100, max: 100, qualifier: 'nearly' }), { lo: 90, hi: 100 });
  assert.deepEqual(rangeOf({ min: 10, max: 15, qualifier: 'range' }), { lo: 10, hi: 15 });
  assert.deepEqual(rangeOf({ value: 7 }), { lo: 7, hi: 7 });
  assert.equal(rangeOf({ qualifier: 'about' }), undefined);
});

test('"more than 100" and "about 120" agree; "about 30" disagrees with both', () => {
  const more100 = rangeOf({ value: 100, qualifier: 'more_than' })!;
  const about120 = rangeOf({ value: 120, qualifier: 'about' })!;
  const about30 = rangeOf({ value: 30, qualifier: 'about' })!;
  assert.ok(overlaps(more100, about120));
  assert.deepEqual(intersect(more100, about120), { lo: 108, hi: 132 });
  assert.ok(!overlaps(more100, about30));
  assert.ok(!overlaps(about120, about30));
  assert.equal(describeRange(intersect(more100, about120)!), '108-132');
});

test('bounds touch: "up to 100" and "at least 100" share 100; exact figures must be equal', () => {
  assert.deepEqual(intersect({ lo: 0, hi: 100 }, { lo: 100 }), { lo: 100, hi: 100 });
  assert.ok(!overlaps({ lo: 99, hi: 99 }, { lo: 100, hi: 100 }));
  assert.ok(overlaps({ lo: 95, hi: 105 }, { lo: 100, hi: 100 }));
  assert.equal(describeRange({ lo: 100 }), 'at least 100');
  assert.equal(describeRange({ lo: 0, hi: 40 }), 'up to 40');
});
