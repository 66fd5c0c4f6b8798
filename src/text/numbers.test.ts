import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDigits, parseNumber, parseNumberWords } from './numbers.js';

test('digits with thousands separators and decimals', () => {
  assert.equal(parseDigits('60,000'), 60000);
  assert.equal(parseDigits('1.25'), 1.25);
  assert.equal(parseDigits('1,2'), undefined);
});

test('scales after digits', () => {
  assert.equal(parseNumber('1.2 million'), 1200000);
  assert.equal(parseNumber('3bn'), 3e9);
  assert.equal(parseNumber('2 dozen'), 24);
});

test('numbers in words', () => {
  assert.equal(parseNumberWords('twenty-five'), 25);
  assert.equal(parseNumberWords('one hundred and five'), 105);
  assert.equal(parseNumberWords('two dozen'), 24);
  assert.equal(parseNumberWords('a dozen'), 12);
  assert.equal(parseNumberWords('three thousand four hundred'), 3400);
  assert.equal(parseNumberWords('two million'), 2e6);
  assert.equal(parseNumberWords('many'), undefined);
});
