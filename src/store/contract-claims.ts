import assert from 'node:assert/strict';
import { test } from 'node:test';
import { record, sampleRecords } from './contract.js';
import type { Store } from './store.js';

/**
 * The claims part of the store contract: the assertions a record makes are kept with it (put,
 * replace, delete), found by the entities they are about on either side, by kind, key and
 * period, and follow merges. Called by storeContract.
 */
export function claimsContract(withStore: (fn: (s: Store) => Promise<void>) => () => Promise<void>): void {
  test('claims: a record\'s assertions are found by entity on either side, with their documents and spans', withStore(async (s) => {
    const [r1, r2, r3] = sampleRecords();
    for (const r of [r1!, r2!, r3!]) await s.put(r);
    const brigade = await s.claimRows({ entity: 'ORG:river brigade' });
    assert.deepEqual(brigade.map((r) => [r.kind, r.key, r.subject, r.other, r.day]).sort(), [
      ['event', 'attack', 'ORG:river brigade', 'ORG:northern relief agency', '2023-03-01'],
      // A relation without a date of its own is about the day it was published.
      ['relation', 'fights', 'ORG:northern relief agency', 'ORG:river brigade', '2023-03-02'],
    ]);
    for (const r of brigade) {
      assert.equal(r.doc, r1!.id);
      assert.equal(r.outlet, 'Harbour Times');
      assert.equal(r.published, '2023-03-02');
      assert.equal(r.detail.text, r1!.text.slice(r.start, r.end));
    }
    assert.equal(brigade.find((r) => r.kind === 'event')!.subjectName, 'River Brigade');
    // The agency is the event's target: found from its side too.
    assert.deepEqual((await s.claimRows({ entity: 'ORG:northern relief agency', kind: 'event' })).map((r) => r.kind), ['event']);
    const quotes = await s.claimRows({ entity: 'PERSON:amara okafor', kind: 'quote' });
    assert.deepEqual(quotes.map((q) => q.doc), [r3!.id, r1!.id], 'newest first');
    assert.deepEqual(await s.claimRows({ kind: 'event', key: 'attack', from: '2023-03', to: '2023-03' }).then((x) => x.map((r) => r.doc)), [r1!.id]);
    assert.deepEqual(await s.claimRows({ kind: 'event', key: 'attack', from: '2023-04-01' }), []);
    assert.deepEqual(await s.claimRows({ entity: 'ORG:nobody' }), []);
  }));

  test('claims: assertions leave with their record, are not doubled by a replacement, and carry copyOf and source', withStore(async (s) => {
    const [r1] = sampleRecords();
    const copy = record(`${r1!.text} The report was republished.`, { outlet: 'Coast Daily', published: '2023-03-03' }, {
      entities: r1!.entities, mentions: r1!.mentions, events: r1!.events, relations: r1!.relations, quotes: r1!.quotes,
      copyOf: r1!.id, source: 'harbour times',
    });
    await s.put(r1!);
    await s.put(copy);
    await s.replace(r1!);
    const rows = await s.claimRows({ entity: 'ORG:river brigade', kind: 'event' });
    assert.equal(rows.length, 2);
    const copied = rows.find((r) => r.doc === copy.id)!;
    assert.deepEqual([copied.copyOf, copied.source, copied.outlet], [r1!.id, 'harbour times', 'Coast Daily']);
    await s.delete(copy.id);
    assert.deepEqual((await s.claimRows({ entity: 'ORG:river brigade' })).map((r) => r.doc), [r1!.id, r1!.id]);
    await s.delete(r1!.id);
    assert.deepEqual(await s.claimRows({ entity: 'ORG:river brigade' }), []);
  }));

  test('claims: a merge moves the assertions about B to A, and B\'s id leads to them', withStore(async (s) => {
    for (const r of sampleRecords()) await s.put(r);
    await s.mergeEntities('ORG:northern relief agency', 'ORG:river brigade', { who: 'ana' });
    const rows = await s.claimRows({ entity: 'ORG:northern relief agency', kind: 'event' });
    assert.deepEqual(rows.map((r) => [r.subject, r.subjectName]), [['ORG:northern relief agency', 'Northern Relief Agency']]);
    assert.deepEqual((await s.claimRows({ entity: 'ORG:river brigade', kind: 'event' })).map((r) => r.subject), ['ORG:northern relief agency']);
  }));
}
