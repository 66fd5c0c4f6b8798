import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../core/doc.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import { sentencesStage } from '../sentences/stage.js';
import { tokensStage } from '../tokens/stage.js';
import { timesStage } from './stage.js';

const pipeline = new Pipeline([tokensStage, sentencesStage, timesStage]);

test('the publication date comes from metadata, else from the run options', () => {
  const text = 'The convoy was hit yesterday.';
  const fromMeta = pipeline.run(Doc.create(text, { published: '2017-07-24' })).doc.layer('times');
  assert.equal(fromMeta[0]!.value, '2017-07-23');
  const fromOptions = pipeline.run(Doc.create(text), { published: '2017-03-01' }).doc.layer('times');
  assert.equal(fromOptions[0]!.value, '2017-02-28');
});

test('no publication date: unresolved times and a diagnostic that says so', () => {
  const r = pipeline.run(Doc.create('The convoy was hit yesterday and again last week.'));
  const times = r.doc.layer('times');
  assert.equal(times.length, 2);
  assert.ok(times.every((t) => t.unresolved));
  const d = r.diagnostics.find((x) => x.rule === 'times.unresolved');
  assert.ok(d, 'a diagnostic');
  assert.match(d.message, /2 relative/);
});

test('a malformed publication date is reported, never thrown', () => {
  const r = pipeline.run(Doc.create('It happened on Monday.', { published: 'sometime' }));
  assert.ok(r.diagnostics.some((x) => x.rule === 'times.bad-published'));
  assert.equal(r.doc.layer('times')[0]!.unresolved, true);
});

test('spans point into the text', () => {
  const doc = Doc.create('Since early 2016, “two years of war” have passed; in 2018 talks began.', { published: '2018-05-01' });
  for (const t of pipeline.run(doc).doc.layer('times')) assert.equal(doc.text.slice(t.start, t.end), t.text);
});

test('without metadata, a dated dateline anchors relative dates', () => {
  const r = pipeline.run(Doc.create('KABUL, March 3, 2016 (Wire) - Two convoys were hit yesterday near the pass, officials said on Friday.'));
  assert.deepEqual(r.doc.layer('times').map((t) => t.value), ['2016-03-03', '2016-03-02', '2016-02-26']);
  assert.ok(r.diagnostics.some((d) => d.rule === 'times.dateline'));
  // A day and month alone do not make a dateline.
  const r2 = pipeline.run(Doc.create('KABUL, March 3 (Wire) - Two convoys were hit yesterday.'));
  assert.ok(r2.doc.layer('times').some((t) => t.unresolved));
});
