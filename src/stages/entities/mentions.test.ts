import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { tokenize } from '../tokens/tokenize.js';
import { splitSentences } from '../sentences/split.js';
import { findMentions } from './mentions.js';
import { defaultModel, defaultModelPath } from './model.js';
import { fineType } from './types.js';

const noModel = !existsSync(defaultModelPath()) && 'needs models/ner/model.bin (npm run train:ner)';

function mentions(text: string) {
  const toks = tokenize(text);
  return findMentions(text, toks, splitSentences(text, toks), defaultModel()!).map((m) => `${m.text}/${m.type}`);
}

test('fine types come from the gazetteer and the head word', () => {
  assert.equal(fineType('LOC', 'Idlib'), 'GPE');
  assert.equal(fineType('LOC', 'Euphrates'), 'LOC');
  assert.equal(fineType('LOC', 'Tabqa Dam'), 'FAC');
  assert.equal(fineType('LOC', 'Anbar province'), 'GPE');
  assert.equal(fineType('MISC', 'Sunni'), 'NORP');
  assert.equal(fineType('MISC', 'Iraqi'), 'NORP');
  assert.equal(fineType('MISC', 'World Cup'), 'EVENT');
  assert.equal(fineType('PER', 'Maria Olsen'), 'PERSON');
});

test('names in ordinary news sentences', { skip: noModel }, () => {
  const m = mentions('Prime Minister Jonas Berg flew to Baghdad on Monday to meet officials of the United Nations.');
  assert.ok(m.includes('Jonas Berg/PERSON'), m.join(', '));
  assert.ok(m.includes('Baghdad/GPE'), m.join(', '));
  assert.ok(m.includes('United Nations/ORG'), m.join(', '));
});

test('possessives stay outside the mention, with curly or straight apostrophes', { skip: noModel }, () => {
  for (const q of ['’', "'"]) {
    const m = mentions(`The militants said Daesh${q}s fighters had left Raqqa and moved towards Idlib.`);
    assert.ok(m.includes('Daesh/ORG'), m.join(', '));
    assert.ok(!m.some((x) => x.includes(`${q}s`)), m.join(', '));
  }
});

test('Arabic-derived and hyphenated names stay whole', { skip: noModel }, () => {
  const m = mentions('A spokesman for Hay’at Tahrir al-Sham denied that Abu Omar al-Rashidi had been killed near Aleppo.');
  assert.ok(m.includes('Hay’at Tahrir al-Sham/ORG'), m.join(', '));
  assert.ok(m.some((x) => x.startsWith('Abu Omar al-Rashidi/PERSON') || x.startsWith('Omar al-Rashidi/PERSON')), m.join(', '));
});

test('all-caps headlines and space-tokenised text', { skip: noModel }, () => {
  const m = mentions('KURDISH FORCES ENTER RAQQA\nMembers of the Kurdish-led SDF entered Raqqa , a spokesman said .');
  assert.ok(m.includes('Raqqa/GPE'), m.join(', '));
  assert.ok(m.includes('SDF/ORG'), m.join(', '));
});

test('odd text never throws', { skip: noModel }, () => {
  for (const t of ['', ' ', '\n\n', '’s', '""', 'A', '— —', '123 456']) assert.doesNotThrow(() => mentions(t));
});
