import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { article, BRIDGE, HARBOUR, LIBRARY } from '../stories/fixture.js';
import { copiesCorpus, scoreCopies } from './copies.js';

test('copy pairs are scored within gold groups; boilerplate pairs marked are counted', async () => {
  const footer = 'Valley Courier is a reader-funded newsroom: sign up for the morning letter and become a member to keep every story free to read for all.';
  const s = await scoreCopies([
    { id: 'a', text: article(BRIDGE), meta: { published: '2024-03-04' }, group: 'bridge' },
    { id: 'b', text: article(BRIDGE.slice(0, 3)), meta: { published: '2024-03-05' }, group: 'bridge' },
    { id: 'c', text: article(HARBOUR), meta: {}, group: 'harbour' },
    // Gold says these two are copies; they are not, so the pair is missed.
    { id: 'd', text: article(LIBRARY), meta: {}, group: 'library' },
    { id: 'e', text: article([LIBRARY[0]!, 'Council members argued for an hour over the price of the new roof before approving it by a single vote late on Thursday.']), meta: {}, group: 'library' },
    { id: 'f', text: article(['Short one.', 'The valley choir will sing at the harvest fair on Sunday, its director said, after a year away from the stage.', footer]), meta: { outlet: 'Valley Courier' }, group: 'f', boilerplate: 'Valley Courier' },
  ]);
  assert.deepEqual([s.goldPairs, s.predictedPairs, s.p, s.r, s.boilerplatePairs], [2, 1, 1, 0.5, 0]);
  assert.deepEqual(s.errors.map((e) => [e.kind, e.a, e.b]), [['missed', 'd', 'e']]);
});

const polnear = resolve(process.cwd(), '../shared/data/polnear');

test('accuracy floor on variants of PolNeAR articles: copy F1 and no boilerplate pair', { skip: !existsSync(polnear) && 'needs ../shared/data/polnear' }, async () => {
  // A sample keeps the run short; `newsgraph eval copies ../shared/data/polnear` scores all.
  const { cases } = copiesCorpus(polnear, { limit: 450 });
  const s = await scoreCopies(cases);
  assert.ok(s.goldPairs > 300, `${s.goldPairs} gold pairs`);
  assert.ok(s.f >= 0.95, `copy F1 ${s.f.toFixed(3)} (P ${s.p.toFixed(3)}, R ${s.r.toFixed(3)})`);
  assert.equal(s.boilerplatePairs, 0);
});
