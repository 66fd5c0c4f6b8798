import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../../core/doc.js';
import { sharedGazetteer } from '../../geo/gazetteer.js';
import { outletHome } from './outlet-home.js';
import { findPlaces } from './stage.js';

const gaz = sharedGazetteer();
const home = (outlet: string) => {
  const h = outletHome(outlet, gaz);
  return h && `${h.name}, ${h.country}.${h.admin1}`;
};

test("an outlet's name gives its home town or state; a country, a masthead word or no place gives none", () => {
  assert.equal(home('The Denver Post'), 'Denver, US.CO');
  assert.equal(home('Chicago Tribune'), 'Chicago, US.IL');
  assert.equal(home('Arizona Republic'), 'Arizona, US.AZ');
  for (const national of ['USA Today', 'The Globe and Mail', 'The Hill', 'Reuters', 'The Guardian', '']) assert.equal(home(national), undefined, national);
});

test("a name many towns bear is placed by the outlet's home, as a local reader would", () => {
  const text = 'Police closed a street in Aurora on Tuesday after a water main broke, the city said.';
  const aurora = (outlet?: string) => findPlaces(Doc.create(text, outlet ? { outlet } : {}), gaz).find((p) => p.name === 'Aurora');
  assert.equal(aurora('Chicago Tribune')?.admin1, 'Illinois');
  assert.equal(aurora('The Denver Post')?.admin1, 'Colorado');
  // A place named outright in the text still outweighs the outlet.
  const named = findPlaces(Doc.create('Police in Aurora, Colorado, closed a street on Tuesday.', { outlet: 'Chicago Tribune' }), gaz);
  assert.equal(named.find((p) => p.name === 'Aurora')?.admin1, 'Colorado');
});
