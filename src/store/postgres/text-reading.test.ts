import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countWhole, scanRows, textReading } from './text-reading.js';

const at = (estimate: number, rows = 1_000_000, filtered = false) => textReading({ estimate, rows, window: 2000, filtered }).reading;

test('a rare word is read whole, a common one from the newest texts, the rest in ranges', () => {
  assert.equal(at(5_000), 'all');
  assert.equal(at(0), 'all');
  assert.equal(at(50_000), 'ranges');
  assert.equal(at(100_000), 'ranges');
  assert.equal(at(250_000), 'scan');
  assert.equal(at(734_800), 'scan');
  // A small store: reading every match costs less than any range.
  assert.equal(at(300, 1_000), 'all');
});

test('a phrase, its positions checked on every text with its pairs, is read whole only when rarer than a word', () => {
  const phrase = (estimate: number) => textReading({ estimate, rows: 1_000_000, window: 2000, filtered: false, phrase: true }).reading;
  assert.equal(at(20_000), 'ranges');
  assert.equal(phrase(5_000), 'all');
  assert.equal(phrase(12_000), 'ranges');
  assert.equal(phrase(58_000), 'ranges');
  assert.equal(phrase(400_000), 'scan');
});

test('filters are never scanned past: a common word under a filter is read in ranges', () => {
  assert.equal(at(734_800, 1_000_000, true), 'ranges');
  assert.equal(at(5_000, 1_000_000, true), 'all');
  const { cost } = textReading({ estimate: 734_800, rows: 1_000_000, window: 2000, filtered: true });
  assert.equal(cost.scan, Infinity);
});

test('the cost of a range falls as the word grows common, of reading whole rises', () => {
  const c = (e: number) => textReading({ estimate: e, rows: 1_000_000, window: 2000, filtered: false }).cost;
  assert.ok(c(10_000).all < c(100_000).all);
  assert.ok(c(10_000).scan > c(100_000).scan);
  // An estimate past the table is the table.
  assert.deepEqual(c(2_000_000), c(1_000_000));
});

test('a scan reads twice the rows the densest terms need, never more than the table', () => {
  assert.equal(scanRows(500_000, 1_000_000, 2000), 8000);
  assert.equal(scanRows(1, 1_000_000, 2000), 1_000_000);
  assert.equal(scanRows(0, 40, 4), 40);
});

test('older matches are counted again whole unless the rows left are few', () => {
  assert.ok(countWhole({ read: 2000, left: 800_000 }));
  assert.ok(!countWhole({ read: 2000, left: 10_000 }));
  // A phrase's matches cost three times as much to read again.
  assert.ok(countWhole({ read: 2000, left: 40_000 }));
  assert.ok(!countWhole({ read: 2000, left: 40_000, phrase: true }));
});

test('terms that go together may be scanned at the density hoped for', () => {
  // "Hillary Clinton": each name in a fifth of the texts, together in more than their product.
  const both = textReading({ estimate: 50_000, decoded: 450_000, dense: 100_000, rows: 1_000_000, window: 2000, filtered: false });
  assert.equal(both.reading, 'scan');
  assert.equal(textReading({ estimate: 50_000, rows: 1_000_000, window: 2000, filtered: false }).reading, 'ranges');
});
