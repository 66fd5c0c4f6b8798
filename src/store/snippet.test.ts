import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseQuery } from './query-terms.js';
import { cutSnippet, snippetTerms } from './snippet.js';

const cut = (text: string, q: string, tokens?: number) => cutSnippet(text, snippetTerms(parseQuery(q)!), ['[', ']'], tokens);

test('a snippet marks every form of a stemmed word, in any case', () => {
  // Porter reads "attackers" as "attack" too, as the full-text index does.
  assert.equal(cut('Rebels attacked the depot. Attacks went on; the attackers fled.', 'attack'),
    'Rebels [attacked] the depot. [Attacks] went on; the [attackers] fled.');
  // Stems that end unlike the word: y -> i, an added e.
  assert.equal(cut('The city was quiet while the cities nearby were hoping for rain.', 'city hope'),
    'The [city] was quiet while the [cities] nearby were [hoping] for rain.');
});

test('phrases are marked whole and only where their words follow each other', () => {
  assert.equal(cut('The town hall burned. Near the town, a hall stood.', '"town hall"'), 'The [town hall] burned. Near the town, a hall stood.');
  assert.equal(cut('Talks on the cease-fire resumed.', '"cease fire"'), 'Talks on the [cease-fire] resumed.');
});

test('prefixes, accents and excluded words', () => {
  assert.equal(cut('The convoy and its convoys crossed.', 'conv*'), 'The [convoy] and its [convoys] crossed.');
  assert.equal(cut('President Pérez met PEREZ supporters.', 'perez'), 'President [Pérez] met [PEREZ] supporters.');
  // An excluded word is not marked; a word that only contains the query is no match.
  assert.equal(cut('Army units and armored cars left the barracks.', 'army -cars'), '[Army] units and armored cars left the barracks.');
  assert.equal(cut('The rearmament went on.', 'arm'), undefined);
  // Other scripts: a word of any case, up to the punctuation that ends it.
  assert.equal(cut('Talks in Москва, then МОСКВА again.', 'москва'), 'Talks in [Москва], then [МОСКВА] again.');
});

test('a long text gives a window of words around the most query terms, with ellipses where it goes on', () => {
  const filler = (n: number, w: string) => Array.from({ length: n }, (_, i) => `${w}${i}`).join(' ');
  const text = `${filler(40, 'a')} drone seen. ${filler(40, 'b')} drone strike hit ${filler(40, 'c')}`;
  const s = cut(text, 'drone strike', 10)!;
  assert.match(s, /^….*\[drone\] \[strike\].*…$/);
  assert.equal(s.replace(/[…[\]]/g, '').split(/\s+/).filter(Boolean).length, 10);
  assert.ok(text.includes(s.replace(/[…[\]]/g, '')), 'cut from the text itself');
  // At the text's start: no leading ellipsis.
  assert.match(cut(`drone ${filler(40, 'd')}`, 'drone', 10)!, /^\[drone\] d0 .*…$/);
});
