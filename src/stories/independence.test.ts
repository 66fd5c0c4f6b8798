import assert from 'node:assert/strict';
import { test } from 'node:test';
import { countIndependentSources, independentGroups } from './independence.js';

test('copies collapse to their origin; one source counts once; others count apart', () => {
  const docs = [
    { id: 'a', source: 'associated press' },
    { id: 'b', source: 'associated press', copyOf: 'a' },
    { id: 'c', source: 'valley courier' },
    { id: 'd', source: 'harbour times' },
    { id: 'e', source: 'harbourtimes' },
    { id: 'f' },
  ];
  assert.deepEqual(independentGroups(docs), [['a', 'b'], ['c'], ['d', 'e'], ['f']]);
  assert.equal(countIndependentSources(docs), 4);
});

test('two copies of one origin outside the set are one source; chains join', () => {
  assert.equal(countIndependentSources([{ id: 'x', copyOf: 'o', source: 'valley courier' }, { id: 'y', copyOf: 'o', source: 'pinecrest sentinel' }]), 1);
  assert.equal(countIndependentSources([{ id: 'x', copyOf: 'y' }, { id: 'y', copyOf: 'z' }, { id: 'z' }]), 1);
  assert.equal(countIndependentSources([]), 0);
});
