import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatRelationScores, readRe3d, scoreRelations, type Re3dDoc } from './relations.js';

const doc: Re3dDoc = {
  id: 'x',
  text: 'Red Cell fought Blue Dawn. Ann Lee joined Blue Dawn.',
  relations: [
    { type: 'FightingAgainst', confidence: 1, sourceBegin: 16, sourceEnd: 25, targetBegin: 0, targetEnd: 8 },
    { type: 'BelongsTo', confidence: 1, sourceBegin: 27, sourceEnd: 34, targetBegin: 42, targetEnd: 51 },
    { type: 'Likes', confidence: 1, sourceBegin: 0, sourceEnd: 1, targetBegin: 2, targetEnd: 3 },
  ],
};
const mentions = [
  { start: 0, end: 8, text: 'Red Cell', type: 'ORG' as const, entity: 'rc' },
  { start: 16, end: 25, text: 'Blue Dawn', type: 'ORG' as const, entity: 'bd' },
  { start: 27, end: 34, text: 'Ann Lee', type: 'PERSON' as const, entity: 'al' },
  { start: 42, end: 51, text: 'Blue Dawn', type: 'ORG' as const, entity: 'bd' },
];

test('symmetric types match in either order; directed ones only a -> b; unscored types ignored', () => {
  const s = scoreRelations([doc], () => ({
    mentions,
    relations: [
      { type: 'fights', a: 'rc', b: 'bd', start: 0, end: 25 },
      { type: 'member', a: 'bd', b: 'al', start: 27, end: 51 },
      { type: 'located', a: 'rc', b: 'bd', start: 0, end: 1 },
    ],
  }));
  assert.deepEqual(s.byType.FightingAgainst, { tp: 1, predicted: 1, gold: 1 });
  assert.deepEqual(s.byType.BelongsTo, { tp: 0, predicted: 1, gold: 1 });
  assert.equal(s.total.predicted, 2);
  assert.match(formatRelationScores(s), /FightingAgainst: P 100\.0 R 100\.0/);
});

const re3d = resolve(process.cwd(), '../shared/data/re3d/train.jsonl');
test('reads the re3d file', { skip: !existsSync(re3d) && 'needs ../shared/data' }, () => {
  const docs = readRe3d(re3d);
  assert.ok(docs.length > 10 && docs.every((d) => d.text.length > 0));
});
