import { test } from 'node:test';
import assert from 'node:assert/strict';
import { tokenize } from '../tokens/tokenize.js';
import { nameEdges } from './name-edges.js';

/** The name nameEdges keeps of the whole of `text` taken as one span. */
function keep(text: string): string | undefined {
  const t = tokenize(text);
  const r = nameEdges(t, 0, t.length);
  return r ? text.slice(t[r[0]]!.start, t[r[1] - 1]!.end) : undefined;
}

test('a name does not start or end with a conjunction or a stray preposition', () => {
  assert.equal(keep('Ms. Adeyemi and'), 'Ms. Adeyemi');
  assert.equal(keep('and Harlow Mills'), 'Harlow Mills');
  assert.equal(keep('Bank of'), 'Bank');
  assert.equal(keep('Bank of Tallinn'), 'Bank of Tallinn');
});

test('a bracket the name does not pair cuts it', () => {
  assert.equal(keep('Teodor] Vasquez'), 'Vasquez');
  assert.equal(keep('Corvane (Holdings'), 'Corvane');
  assert.equal(keep('Corvane (Holdings)'), 'Corvane (Holdings)');
});

test('articles, titles, pronouns with clitics, e-mail and web addresses are not names', () => {
  assert.equal(keep('The'), undefined);
  assert.equal(keep('Mr.'), undefined);
  assert.equal(keep('Vice President'), undefined);
  assert.equal(keep('You’re'), undefined);
  assert.equal(keep("They'll"), undefined);
  assert.equal(keep('press@harbourcouncil.org'), undefined);
  assert.equal(keep('www.harbourcouncil.org'), undefined);
  assert.equal(keep('The Hague'), 'The Hague');
  assert.equal(keep('President Okafor'), 'President Okafor');
});
