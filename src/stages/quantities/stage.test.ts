import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../core/doc.js';
import type { Quote } from '../../core/layers.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import type { Stage } from '../../pipeline/stage.js';
import { sentencesStage } from '../sentences/stage.js';
import { timesStage } from '../times/stage.js';
import { tokensStage } from '../tokens/stage.js';
import { linkToQuotes, quantitiesStage } from './stage.js';

test('numbers read as times are left to the times layer', () => {
  const p = new Pipeline([tokensStage, sentencesStage, timesStage, quantitiesStage]);
  const doc = p.run(Doc.create('For three months, 400 fighters held the town until March 2016.', { published: '2017-07-24' })).doc;
  assert.deepEqual(doc.layer('quantities').map((x) => x.text), ['400']);
  assert.deepEqual(doc.layer('times').map((x) => x.value), ['P3M', '2016-03']);
});

test('a number inside a quote is linked to it', () => {
  const text = 'The commander said: “We have 300 men ready.” Another 50 waited.';
  const quoteStart = text.indexOf('“'), quoteEnd = text.indexOf('”') + 1;
  const quotes: Quote[] = [{ id: 'q1', start: quoteStart, end: quoteEnd, kind: 'direct' }];
  const fakeQuotes: Stage = { name: 'q', version: '1', requires: [], provides: ['quotes'], run: () => ({ quotes }) };
  const p = new Pipeline([tokensStage, sentencesStage, fakeQuotes, quantitiesStage]);
  const qs = p.run(Doc.create(text)).doc.layer('quantities');
  assert.equal(qs.length, 2);
  assert.equal(qs[0]!.quote, 'q1');
  assert.equal(qs[1]!.quote, undefined);
});

test('linkToQuotes prefers the innermost quote', () => {
  const q = { start: 10, end: 12, text: '12', value: 12 };
  const linked = linkToQuotes([q], [{ id: 'q1', start: 0, end: 50 }, { id: 'q2', start: 8, end: 20 }]);
  assert.equal(linked[0]!.quote, 'q2');
});
