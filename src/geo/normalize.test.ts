import { test } from 'node:test';
import assert from 'node:assert/strict';
import { keyVariants, nameKey, withoutArticle } from './normalize.js';

test('transliteration variants fold to one key', () => {
  assert.equal(nameKey('Tall ‘Afar'), nameKey('Tal Afar'));
  assert.equal(nameKey('Raqqah'), nameKey('Raqqa'));
  assert.equal(nameKey('Fallujah'), nameKey('Falluja'));
  assert.equal(nameKey('Côte d’Ivoire'), nameKey("Cote d'Ivoire"));
  assert.equal(nameKey('São Paulo'), 'sao paulo');
  assert.equal(nameKey('Stoke-on-Trent'), 'stoke on trent');
  assert.notEqual(nameKey('Irbil'), nameKey('Erbil'));
});

test('a leading Arabic article can be dropped; saint and st are interchangeable', () => {
  assert.equal(withoutArticle(nameKey('Ar-Raqqah')), nameKey('Raqqa'));
  assert.equal(withoutArticle(nameKey('al-Bab')), 'bab');
  assert.equal(withoutArticle(nameKey('Baghdad')), undefined);
  assert.ok(keyVariants(nameKey('Saint Louis')).includes(nameKey('St. Louis')));
  assert.ok(keyVariants(nameKey('Mount Sinjar')).includes('mt sinjar'));
});
