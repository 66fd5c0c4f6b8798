import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from './tokenize.js';

const words = (s: string) => tokenize(s).map((t) => t.text);

test('possessives and clitics split off, names kept whole', () => {
  assert.deepEqual(words('Qadir’s men (ISIL) don’t stay in al-Bab.'), ['Qadir', '’s', 'men', '(', 'ISIL', ')', 'do', 'n’t', 'stay', 'in', 'al-Bab', '.']);
  assert.deepEqual(words('Jabhat Fath’at al-Zubair'), ['Jabhat', 'Fath’at', 'al-Zubair']);
});

test('acronyms, abbreviations, numbers and money', () => {
  assert.deepEqual(words('The U.N. said Mr. Odell paid $1,250.50 on Jan. 3.'), ['The', 'U.N.', 'said', 'Mr.', 'Odell', 'paid', '$', '1,250.50', 'on', 'Jan.', '3', '.']);
});

test('offsets are exact UTF-16 spans and spaceAfter is set', () => {
  const text = 'Hé said “yes,” 😀 ok';
  for (const t of tokenize(text)) assert.equal(text.slice(t.start, t.end), t.text);
  const toks = tokenize('a ,b');
  assert.equal(toks[0]!.spaceAfter, true);
  assert.equal(toks[1]!.spaceAfter, false);
});
