import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureDoc } from '../fixture.js';
import { extractEvents } from './extract.js';
import { impliedRelations } from './implied.js';

test('a group killing or attacking a resolved target implies fights; a person actor or a place target does not', () => {
  const d = fixtureDoc('[Samir Qadi|PERSON|qadi] was killed in a raid by [the Mountain Guard|ORG|mg] {in 2008|2008}. [Red Cell|ORG|rc] may have attacked [Doma|GPE|doma]. [Omar Dali|PERSON|dali] attacked [Red Cell|ORG|rc].');
  const rs = impliedRelations(d, extractEvents(d));
  const mg = rs.find((r) => r.a === 'mg' && r.b === 'qadi');
  assert.equal(mg?.time, '2008');
  assert.deepEqual([mg?.aText, mg?.bText], ['the Mountain Guard', 'Samir Qadi']);
  const doma = rs.find((r) => r.a === 'doma' || r.b === 'doma');
  assert.equal(doma?.hedged, true);
  assert.ok(!rs.some((r) => r.a === 'dali' || r.b === 'dali'));
});
