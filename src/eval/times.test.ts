import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Doc } from '../core/doc.js';
import { Pipeline } from '../pipeline/pipeline.js';
import { sentencesStage } from '../stages/sentences/stage.js';
import { timesStage } from '../stages/times/stage.js';
import { tokensStage } from '../stages/tokens/stage.js';
import { prf, readGoldTimes, scoreTimes, type GoldTimeDoc, type TimePredictor } from './times.js';

// Only the stages times need: the full pipeline would load every model.
const timesOnly = new Pipeline([tokensStage, sentencesStage, timesStage]);
const predict: TimePredictor = (d) => timesOnly.run(Doc.fromNormalized(d.text, { published: d.published }, d.id)).doc.layer('times');

const doc: GoldTimeDoc = {
  id: 'd1', published: '2017-07-24', text: 'Talks resumed last week and ran for three days.',
  times: [{ start: 14, end: 23, value: '2017-W29' }, { start: 36, end: 46, value: 'P3D' }],
};

test('scores overlap, exact span and value separately', () => {
  const s = scoreTimes([doc], () => [
    { start: 9, end: 23, text: 'resumed last week', value: '2017-W29' }, // overlaps, wrong span, right value
    { start: 36, end: 46, text: 'three days', value: 'P2D' }, // exact span, wrong value
    { start: 0, end: 5, text: 'Talks', value: 'X' }, // spurious
  ]);
  assert.deepEqual([s.gold, s.predicted, s.relaxed, s.strict, s.value], [2, 3, 2, 1, 1]);
  assert.equal(s.errors.length, 2);
  assert.deepEqual(prf(1, 2, 4), { p: 0.5, r: 0.25, f: 1 / 3 });
});

test('a small gold file is read and scored end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-times-'));
  const file = join(dir, 'gold.jsonl');
  writeFileSync(file, JSON.stringify(doc) + '\n\n');
  const docs = readGoldTimes(file);
  const s = scoreTimes(docs, predict);
  assert.equal(s.value, 2);
  assert.equal(s.predicted, 2);
});

test('a malformed gold line is named in the error', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-times-'));
  const file = join(dir, 'gold.jsonl');
  writeFileSync(file, JSON.stringify(doc) + '\n{"text": "x", "times": [{"start": 3, "end": 1, "value": "2017"}]}\n');
  assert.throws(() => readGoldTimes(file), /gold\.jsonl:2/);
});

const aquaint = resolve(process.cwd(), '../shared/data/timebank/aquaint.jsonl');
test('TimeML news: relaxed F1 and value F1 stay above their floors', { skip: !existsSync(aquaint) && 'needs ../shared/data' }, () => {
  const s = scoreTimes(readGoldTimes(aquaint), predict);
  const relaxed = prf(s.relaxed, s.predicted, s.gold), value = prf(s.value, s.predicted, s.gold);
  assert.ok(relaxed.f >= 0.85, `relaxed F1 ${relaxed.f}`);
  assert.ok(value.f >= 0.75, `value F1 ${value.f}`);
});
