import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowed, NT, O, Part, spansFromTags, tagOf, tagsFromSpans, TAG_NAMES } from './tags.js';

test('BILOU tags round-trip through spans', () => {
  const spans = [{ start: 0, end: 2, cls: 0 }, { start: 3, end: 4, cls: 2 }, { start: 5, end: 8, cls: 1 }];
  const tags = tagsFromSpans(9, spans);
  assert.deepEqual([...tags].map((t) => TAG_NAMES[t]), ['B-PER', 'L-PER', 'O', 'U-LOC', 'O', 'B-ORG', 'I-ORG', 'L-ORG', 'O']);
  assert.deepEqual(spansFromTags(tags), spans);
  assert.equal(TAG_NAMES.length, NT);
});

test('transitions: an open name must continue with its own class', () => {
  assert.ok(allowed(O, tagOf(0, Part.B)));
  assert.ok(!allowed(O, tagOf(0, Part.I)));
  assert.ok(allowed(tagOf(0, Part.B), tagOf(0, Part.L)));
  assert.ok(!allowed(tagOf(0, Part.B), tagOf(1, Part.L)));
  assert.ok(!allowed(tagOf(0, Part.I), O));
  assert.ok(allowed(tagOf(0, Part.U), tagOf(1, Part.U)));
});

test('ill-formed sequences still give spans', () => {
  assert.deepEqual(spansFromTags([tagOf(1, Part.I), tagOf(1, Part.I), O]), [{ start: 0, end: 2, cls: 1 }]);
});
