import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ABBREVIATED_TITLES, GAZETTEER_TITLES, NAME_TITLES, OFFICE_WORD, PERSON_TITLES, TITLE_TABLE, TITLE_USES } from './titles.js';

test('the title table: each word once, each use known', () => {
  assert.equal(new Set(TITLE_TABLE.map(([w]) => w)).size, TITLE_TABLE.length);
  for (const [w, uses] of TITLE_TABLE) {
    assert.match(w, /^[a-z-]+$/, w);
    for (const u of uses.split(' ')) assert.ok((TITLE_USES as readonly string[]).includes(u), `${w}: ${u}`);
  }
});

test('each stage reads its own subset', () => {
  assert.ok(PERSON_TITLES.has('gen') && PERSON_TITLES.has('uncle') && !PERSON_TITLES.has('former'));
  assert.ok(NAME_TITLES.has('former') && NAME_TITLES.has('sen') && !NAME_TITLES.has('uncle'));
  assert.ok(OFFICE_WORD.test('The Foreign Secretary') && !OFFICE_WORD.test('Jane Roe') && !OFFICE_WORD.test('Headley'));
  assert.ok(ABBREVIATED_TITLES.has('mt') && ABBREVIATED_TITLES.has('gen') && !ABBREVIATED_TITLES.has('general'));
  const gaz = GAZETTEER_TITLES.split('|');
  assert.ok(gaz.includes('gen.') && !gaz.includes('gen') && gaz.includes('lt') && gaz.includes('lt.') && gaz.includes('secretary of state'));
});
