import assert from 'node:assert/strict';
import { test } from 'node:test';
import { asString, matchKeys, normalizeDate } from './fields.js';

test('field names match without case or punctuation, explicit names first', () => {
  const { map, missing } = matchKeys(['Headline', 'Article Body', 'Published_At', 'Source', 'ID']);
  assert.deepEqual(map, { text: 'Article Body', title: 'Headline', outlet: 'Source', published: 'Published_At', id: 'ID' });
  assert.deepEqual(missing, []);
  const m2 = matchKeys(['story', 'notes'], { text: 'notes', author: 'writer' });
  assert.equal(m2.map.text, 'notes');
  assert.deepEqual(m2.missing, [{ field: 'author', name: 'writer' }]);
});

test('values: arrays joined, objects by name', () => {
  assert.equal(asString([{ name: 'A. One' }, { name: 'B. Two' }]), 'A. One, B. Two');
  assert.equal(asString({ id: 'x', name: 'Wire Service' }), 'Wire Service');
  assert.equal(asString(42), '42');
  assert.equal(asString(null), undefined);
});

test('dates: ISO kept, RFC 822 keeps the local day and offset', () => {
  assert.equal(normalizeDate('2024-05-06'), '2024-05-06');
  assert.equal(normalizeDate('2024-05-06 10:11:12'), '2024-05-06T10:11:12');
  assert.equal(normalizeDate('Mon, 06 May 2024 23:30:00 -0500'), '2024-05-06T23:30:00-05:00');
  assert.equal(normalizeDate('6 May 2024 08:00 GMT'), '2024-05-06T08:00:00Z');
  assert.equal(normalizeDate('May 6, 2024'), new Date(Date.parse('May 6, 2024')).toISOString());
  assert.equal(normalizeDate('not a date'), undefined);
});
