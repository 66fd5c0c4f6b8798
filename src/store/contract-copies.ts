import assert from 'node:assert/strict';
import { test } from 'node:test';
import { article, BRIDGE, HARBOUR } from '../stories/fixture.js';
import { sketch } from '../stories/shingles.js';
import { record } from './contract.js';
import type { Store } from './store.js';

/**
 * The copies part of the store contract: the index `put` writes from each record's text
 * (src/stories/shingles.ts), the candidates and outlet line counts read from it, and the
 * document fields independence is decided on. Records carry copyOf, copyShare and source set by
 * hand, as the copies stage would set them. Called by storeContract.
 */
export function copiesContract(withStore: (fn: (s: Store) => Promise<void>) => () => Promise<void>): void {
  const original = record(article(BRIDGE), { outlet: 'Valley Courier', published: '2024-03-04' }, { source: 'valley courier' }, 'orig');
  const cut = article(BRIDGE.slice(0, 3));
  const footer = 'Sign up for the Harbour Times morning letter to get every story from the coast in your inbox each weekday.';

  test('copies: candidates share sampled shingles, most shared first, with text, date and source', withStore(async (s) => {
    await s.put(original);
    await s.put(record(article(HARBOUR), { outlet: 'Harbour Times' }, {}, 'harbour'));
    const found = await s.copyCandidates(sketch(cut).sample);
    assert.deepEqual(found.map((c) => c.id), ['orig']);
    const c = found[0]!;
    assert.equal(c.text, original.text);
    assert.deepEqual([c.published, c.outlet, c.source], ['2024-03-04', 'Valley Courier', 'valley courier']);
    assert.equal(c.shared, sketch(cut).sample.length);
    assert.deepEqual(await s.copyCandidates([]), []);
    // Only documents stored before a stored one: what was there when it landed.
    assert.deepEqual(await s.copyCandidates(sketch(cut).sample, { before: 'orig' }), []);
    assert.deepEqual((await s.copyCandidates(sketch(cut).sample, { before: 'harbour' })).map((c) => c.id), ['orig']);
    // A document sharing fewer hashes than asked is not proposed (nor its text read).
    const mixed = [...sketch(cut).sample.slice(0, 2), ...sketch(article(HARBOUR)).sample];
    assert.deepEqual((await s.copyCandidates(mixed)).map((x) => [x.id, x.shared]).sort(), [['harbour', sketch(article(HARBOUR)).sample.length], ['orig', 2]]);
    assert.deepEqual((await s.copyCandidates(mixed, { minShared: 3 })).map((x) => x.id), ['harbour']);
  }));

  test('copies: a close copy is not indexed, one with much text of its own is; delete and replace keep the index true', withStore(async (s) => {
    await s.put(record(cut, {}, { copyOf: 'elsewhere', copyShare: 1 }, 'close'));
    assert.deepEqual(await s.copyCandidates(sketch(cut).sample), []);
    await s.put(record(article(BRIDGE.slice(0, 4)), {}, { copyOf: 'elsewhere', copyShare: 0.7 }, 'fuller'));
    assert.deepEqual((await s.copyCandidates(sketch(cut).sample)).map((c) => c.id), ['fuller']);
    const fuller = (await s.get('fuller'))!;
    await s.replace({ ...fuller, copyShare: 0.95 });
    assert.deepEqual(await s.copyCandidates(sketch(cut).sample), []);
    await s.replace({ ...fuller, copyOf: undefined, copyShare: undefined });
    assert.deepEqual((await s.copyCandidates(sketch(cut).sample)).map((c) => c.id), ['fuller']);
    assert.equal(await s.delete('fuller'), true);
    assert.deepEqual(await s.copyCandidates(sketch(cut).sample), []);
  }));

  test('copies: an outlet’s first and last lines are counted over its originals, up to the cap', withStore(async (s) => {
    const withFooter = (paras: string[], outlet: string, id: string, layers = {}) => record(article([...paras, footer]), { outlet }, layers, id);
    await s.put(withFooter(HARBOUR.slice(0, 2), 'Harbour Times', 'h1'));
    await s.put(withFooter(BRIDGE.slice(0, 2), 'The Harbour Times', 'h2'));
    await s.put(withFooter(BRIDGE.slice(2, 4), 'Harbour Times', 'copy', { copyOf: 'h2', copyShare: 1 }));
    await s.put(withFooter(BRIDGE.slice(3, 5), 'Valley Courier', 'v1'));
    const sk = sketch(article([...HARBOUR.slice(1, 3), footer]));
    const last = sk.lines[sk.edges[sk.edges.length - 1]!]!;
    const first = sk.lines[sk.edges[0]!]!;
    // The footer is in two originals of the outlet (named two ways), the first line in one; the
    // copy and the other outlet do not count.
    assert.deepEqual(await s.outletLines('harbour times', [last, first]), [2, 1]);
    assert.deepEqual(await s.outletLines('harbour times', [last], { cap: 1 }), [1]);
    assert.deepEqual(await s.outletLines('harbour times', [last], { before: 'h2' }), [1]);
    assert.deepEqual(await s.outletLines('valley courier', [last]), [1]);
    assert.deepEqual(await s.outletLines('', [last]), [0]);
  }));

  test('copies: docSources gives source, copyOf, outlet and date of the stored ids asked, in order', withStore(async (s) => {
    await s.put(original);
    await s.put(record(cut, { outlet: 'Pinecrest Sentinel', published: '2024-03-05' }, { copyOf: 'orig', copyShare: 1, source: 'valley courier' }, 'copy'));
    await s.put(record(article(HARBOUR), {}, {}, 'bare'));
    assert.deepEqual(await s.docSources(['copy', 'missing', original.hash, 'bare']), [
      { id: 'copy', source: 'valley courier', copyOf: 'orig', outlet: 'Pinecrest Sentinel', published: '2024-03-05' },
      { id: 'orig', source: 'valley courier', outlet: 'Valley Courier', published: '2024-03-04' },
      { id: 'bare' },
    ]);
    assert.equal((await s.get('copy'))?.copyShare, 1);
  }));
}
