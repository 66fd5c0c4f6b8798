import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ARTICLE_BEFORE_INITIAL, ARTICLE_SURNAME, cleanName, looseName, mentionKey, normalizeName } from './names.js';

test('the store form folds what outlets vary and nothing else', () => {
  assert.equal(normalizeName('The  Hay’at Tahrir al‐Sham'), "hay'at tahrir al-sham");
  assert.equal(normalizeName('U.N.'), 'un');
  assert.equal(normalizeName('Côte d’Ivoire'), normalizeName("cote d'ivoire"));
  assert.notEqual(normalizeName('Blomberg'), normalizeName('Bloomberg'));
});

test('mention keys meet across dots, case and possessives', () => {
  assert.equal(cleanName('the Red Cross’s'), 'Red Cross');
  assert.equal(mentionKey('U.N.'), mentionKey('UN'));
  assert.equal(mentionKey('the Hay’at'), "hay'at");
});

test('loose names keep spelling but not accents, punctuation or a joined article', () => {
  assert.equal(looseName('Ar-Raqqah'), looseName('raqqah'));
  assert.equal(looseName('Erbīl'), 'erbil');
  assert.notEqual(looseName('Blomberg'), looseName('Bloomberg'));
});

test('Arabic articles, as each reader takes them', () => {
  assert.ok(ARTICLE_BEFORE_INITIAL.test('ad-Dawla') && !ARTICLE_BEFORE_INITIAL.test('az-Zawahiri'));
  assert.ok(ARTICLE_SURNAME.test('al-Adnani') && ARTICLE_SURNAME.test('ud-Din') && !ARTICLE_SURNAME.test('al-adnani'));
});
