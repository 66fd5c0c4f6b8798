import assert from 'node:assert/strict';
import { test } from 'node:test';
import { blockingKeys, compareNames, fold, lookupKeys, nameForm } from './names.js';
import { givenNamesMatch } from './nicknames.js';

const cmp = (a: string, ta: 'PERSON' | 'ORG' | 'GPE', b: string, tb: 'PERSON' | 'ORG' | 'GPE' = ta) =>
  compareNames(nameForm(a, ta), nameForm(b, tb), ta === 'PERSON' || tb === 'PERSON');

test('folding: case, accents, apostrophes, hyphens and a leading article go', () => {
  assert.equal(fold("Da'esh"), 'daesh');
  assert.equal(fold('the Al-Qaeda'), 'al qaeda');
  assert.equal(fold('Hay’at Tahrir al-Sham'), 'hayat tahrir al sham');
  assert.equal(fold('São Tomé'), 'sao tome');
});

test('spellings a letter apart meet; different names with a shared skeleton do not', () => {
  assert.equal(cmp('al-Qaeda', 'ORG', 'Al Qaida'), 'variant');
  assert.equal(cmp('Duncan Rait', 'PERSON', 'Duncan Raite'), 'variant');
  assert.equal(cmp('Niger', 'GPE', 'Nigeria'), 'none');
  assert.equal(cmp('Iran', 'GPE', 'Iraq'), 'none');
});

test('people: one given name in two forms is one person; two given names on one surname are two', () => {
  assert.equal(cmp('Bill Clinton', 'PERSON', 'William Clinton'), 'person');
  assert.equal(cmp('Sen. Ted Cruz', 'PERSON', 'Ted Cruz'), 'person');
  assert.equal(cmp('J. Smith', 'PERSON', 'John Smith'), 'person');
  assert.equal(cmp('Bill Clinton', 'PERSON', 'Hillary Clinton'), 'conflict');
  assert.equal(cmp('Clinton', 'PERSON', 'Hillary Clinton'), 'surname');
  assert.equal(cmp('Sixers hire Maurice Cheeks', 'ORG', 'Maurice Cheeks', 'PERSON'), 'contains');
  assert.ok(givenNamesMatch('mo', 'maurice') && givenNamesMatch('alex', 'alexander') && !givenNamesMatch('bill', 'hillary'));
});

test('organisations: acronyms of their initials and a name heading a longer one', () => {
  assert.equal(cmp('ISIL', 'ORG', 'Islamic State of Iraq and the Levant'), 'acronym');
  assert.equal(cmp('Islamic State', 'ORG', 'Islamic State of Iraq and the Levant'), 'head');
  assert.equal(cmp('Islamic Jihad', 'ORG', 'Islamic State'), 'none');
});

test('blocking keys find spellings, acronyms, surnames and names inside headlines', () => {
  const keys = (n: string, t: 'PERSON' | 'ORG') => blockingKeys(nameForm(n, t));
  assert.ok(keys('Al-Qaida', 'ORG').some((k) => keys('al Qaeda', 'ORG').includes(k)));
  // An acronym and the long name it stands for find each other, long names of the same initials do not.
  const acronym = nameForm('ISIL', 'ORG'), long = nameForm('Islamic State of Iraq and the Levant', 'ORG');
  assert.ok(lookupKeys(acronym).some((k) => blockingKeys(long).includes(k)) && lookupKeys(long).some((k) => blockingKeys(acronym).includes(k)));
  assert.ok(!lookupKeys(long).some((k) => blockingKeys(nameForm('Islamic Society of India and the Levant', 'ORG')).includes(k) && k.startsWith('i:')));
  assert.ok(keys('Islamic State of Iraq and the Levant', 'ORG').includes('n:islamic state'));
  assert.ok(keys('Hillary Clinton', 'PERSON').includes('p:clinton') && keys('Clinton', 'PERSON').includes('p:clinton'));
  assert.ok(keys('Sixers hire Maurice Cheeks', 'PERSON').includes('n:maurice cheeks'));
});
