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


test('a copy collapses to the document it reproduces', () => {
  assert.equal(countIndependentSources([
    { id: 'w1', outlet: 'Meridian Press' },
    { id: 'c1', outlet: 'Harbor Ledger', copyOf: 'w1' },
  ]), 1);
  // The outlet that republished it keeps its own reports apart from the wire's.
  assert.equal(countIndependentSources([
    { id: 'w1', outlet: 'Meridian Press' },
    { id: 'c1', outlet: 'Harbor Ledger', copyOf: 'w1' },
    { id: 'h1', outlet: 'Harbor Ledger' },
  ]), 2);
});

test('documents with the same source are one source, whatever their outlets', () => {
  assert.equal(countIndependentSources([
    { id: 'a', outlet: 'Harbor Ledger', source: 'meridian press' },
    { id: 'b', outlet: 'Valley Courier', source: 'meridian press' },
    { id: 'c', outlet: 'Valley Courier', source: 'valley courier' },
  ]), 2);
});

test('without a source a document counts as its folded outlet, else as itself', () => {
  assert.equal(countIndependentSources([
    { id: 'a', outlet: 'The Harbor Ledger' },
    { id: 'b', outlet: 'harbor ledger' },
    { id: 'c', source: 'Harbor Ledger' },
    { id: 'd' },
    { id: 'e' },
  ]), 3);
});

test('copies chain: a copy of a wire story joins the wire\'s other documents', () => {
  assert.equal(countIndependentSources([
    { id: 'w1', source: 'meridian press', outlet: 'Meridian Press' },
    { id: 'w2', source: 'meridian press', outlet: 'Meridian Press' },
    { id: 'c1', copyOf: 'w1', outlet: 'Harbor Ledger' },
    { id: 'x', outlet: 'Valley Courier' },
  ]), 2);
  // A copy whose original is not among the documents still counts once, with its other copies.
  assert.equal(countIndependentSources([{ id: 'c1', copyOf: 'gone' }, { id: 'c2', copyOf: 'gone' }]), 1);
  assert.equal(countIndependentSources([]), 0);
});
