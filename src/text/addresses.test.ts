import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inAddress, isAddress } from './addresses.js';

test('e-mail and web addresses and handles are addresses; words beside them are not', () => {
  assert.ok(isAddress('tips@tirana-news.com'));
  assert.ok(isAddress('www.tirana.gov.al'));
  assert.ok(isAddress('https://example.org/port'));
  assert.ok(isAddress('@CityOfTirana'));
  assert.ok(!isAddress('Tirana'));
  assert.ok(!isAddress('U.S.'));
  const text = 'Write to tips@tirana-news.com or see www.tirana.gov.al for the Tirana schedule.';
  const at = (s: string) => text.indexOf(s);
  assert.equal(inAddress(text, at('tirana-news'), at('tirana-news') + 6), true);
  assert.equal(inAddress(text, at('tirana.gov'), at('tirana.gov') + 6), true);
  assert.equal(inAddress(text, at('Tirana schedule'), at('Tirana schedule') + 6), false);
});
