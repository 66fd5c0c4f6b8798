import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TokenMention } from './model.js';
import { extendPersonNames, joinPatronymics, widenToGazetteer } from './names.js';
import { lowerForm } from './features.js';

const end = (n: number) => () => n;

test('person names extend over lowercase particles and al- surnames', () => {
  const words = ['Yusuf', 'bin', 'Khalid', 'met', 'Abu', 'Karim', 'al-Tamimi', 'today'];
  const ms: TokenMention[] = [{ start: 0, end: 1, cls: 'PER' }, { start: 2, end: 3, cls: 'LOC' }, { start: 4, end: 6, cls: 'PER' }];
  const out = extendPersonNames(ms, words, end(words.length));
  assert.deepEqual(out.map((m) => words.slice(m.start, m.end).join(' ')), ['Yusuf bin Khalid', 'Abu Karim al-Tamimi']);
  assert.ok(out.every((m) => m.cls === 'PER'));
});

test('a particle followed by a lowercase word does not extend a name', () => {
  const words = ['Maria', 'de', 'facto', 'led'];
  const out = extendPersonNames([{ start: 0, end: 1, cls: 'PER' }], words, end(words.length));
  assert.equal(out[0]!.end, 1);
});

test('an al- word that names an organisation is not taken as a surname', () => {
  const words = ['Omar', 'al-Qaeda', 'fighters'];
  const out = extendPersonNames([{ start: 0, end: 1, cls: 'PER' }], words, end(words.length));
  assert.equal(out[0]!.end, 1);
});

test('a mention inside a longer gazetteer name widens to it', () => {
  const words = ['leaders', 'of', 'Hay’at', 'Tahrir', 'al-Sham', 'met'];
  const out = widenToGazetteer([{ start: 3, end: 5, cls: 'PER' }], words, words.map(lowerForm), end(words.length));
  assert.deepEqual(out, [{ start: 2, end: 5, cls: 'ORG' }]);
});

test('"X bin Y" becomes one person name whatever the parts were tagged', () => {
  const words = ['and', 'Hamza', 'bin', 'Saleh', 'left'];
  const out = joinPatronymics([{ start: 1, end: 2, cls: 'LOC' }, { start: 3, end: 4, cls: 'LOC' }], words, () => words.length);
  assert.deepEqual(out, [{ start: 1, end: 4, cls: 'PER' }]);
  assert.deepEqual(joinPatronymics([], ['Omar', 'ibn', 'Ali'], () => 3), [{ start: 0, end: 3, cls: 'PER' }]);
});
