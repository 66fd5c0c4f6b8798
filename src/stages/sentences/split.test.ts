import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../tokens/tokenize.js';
import { splitSentences } from './split.js';

const sents = (s: string) => splitSentences(s, tokenize(s)).map((x) => s.slice(x.start, x.end));

test('splits at terminal marks, keeps closing quotes, not after titles', () => {
  assert.deepEqual(sents('Mr. Odell left. “It is over,” he said. Then rain fell!'), ['Mr. Odell left.', '“It is over,” he said.', 'Then rain fell!']);
});

test('quote closing after the period stays with its sentence', () => {
  assert.deepEqual(sents('She said: “We will go.” They went.'), ['She said: “We will go.”', 'They went.']);
});

test('line breaks always end a sentence; decimals do not', () => {
  assert.deepEqual(sents('Prices rose 3.5 percent\nMarkets fell'), ['Prices rose 3.5 percent', 'Markets fell']);
});

test('abbreviation ending a sentence before a clear opener', () => {
  assert.deepEqual(sents('Troops went back to the U.S. The war was over.'), ['Troops went back to the U.S.', 'The war was over.']);
});
