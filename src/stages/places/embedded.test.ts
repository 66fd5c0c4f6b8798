import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Entity, Mention, Place } from '../../core/layers.js';
import { markEmbedded } from './embedded.js';
import { focusCountries } from './focus.js';

const TEXT = 'Officials of the Tirana Water Board met in Tirana. Rep. Kola (D-Tirana) and a Tirana-based group came. '
  + 'Tirana Gov. Ana Kola spoke. Later, Brennick said the Brennick Institute would help.';
const at = (s: string, nth = 0) => {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = TEXT.indexOf(s, i + 1);
  return { start: i, end: i + s.length };
};
const place = (s: string, nth = 0, country = 'AL'): Place => ({ id: `p${nth}`, ...at(s, nth), text: s, name: s, lat: 41.3, lon: 19.8, country });
const mention = (s: string, type: Mention['type'], entity?: string): Mention => ({ ...at(s), text: s, type, kind: 'name', ...(entity ? { entity } : {}) });

test('a toponym inside a longer organisation name is embedded; one that names the place is not', () => {
  const mentions = [mention('Tirana Water Board', 'ORG'), mention('D-Tirana', 'ORG'), mention('Tirana-based', 'MISC'), mention('Tirana Gov. Ana Kola', 'PERSON')];
  const out = markEmbedded(TEXT, [0, 1, 2, 3, 4].map((n) => place('Tirana', n)), mentions, []);
  assert.deepEqual(out.map((p) => !!p.embedded), [true, false, false, false, false]);
});

test('a place whose words name a person or an organisation stands for that name', () => {
  const entities: Entity[] = [{ id: 'e1', type: 'ORG', name: 'Brennick Institute', aliases: ['Brennick'] }];
  const out = markEmbedded(TEXT, [place('Brennick', 0, 'US')], [mention('Brennick', 'ORG', 'e1')], entities);
  assert.equal(out[0]!.embedded, true);
});

test('embedded toponyms do not vote for what the document is about', () => {
  const ps: Place[] = [{ ...place('Tirana', 0, 'BR'), embedded: true }, { ...place('Tirana', 1, 'BR'), embedded: true }, place('Tirana', 2, 'AL')];
  assert.deepEqual(focusCountries(ps), ['AL']);
});
