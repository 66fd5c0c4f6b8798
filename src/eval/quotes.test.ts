import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Quote } from '../core/layers.js';
import { isDirectContent, parseBratAttributions, readBratQuotes, scoreQuotes } from './quotes.js';

const TEXT = '“The pier is safe,” said Lena Ortiz. Repairs will take a month, the council said.';
const at = (s: string) => ({ start: TEXT.indexOf(s), end: TEXT.indexOf(s) + s.length });
const ann = [
  `T1\tContent ${at('“The pier is safe,”').start} ${at('“The pier is safe,”').end}\t“The pier is safe,”`,
  `T2\tCue ${at('said').start} ${at('said').end}\tsaid`,
  `T3\tSource ${at('Lena Ortiz').start} ${at('Lena Ortiz').end}\tLena Ortiz`,
  'E1\tAttribution:T2 Content:T1 Cue:T2 Source:T3',
  `T4\tContent ${at('Repairs').start} ${at('month').end}\tRepairs will take a month`,
  `T5\tSource ${at('the council').start} ${at('the council').end}\tthe council`,
  'E2\tAttribution:T2 Content:T4 Source:T5',
].join('\n');

test('brat attributions: roles from E lines, fragments spanned first to last', () => {
  const atts = parseBratAttributions(ann + '\nT9\tContent 0 3;10 12\tx\nE9\tContent:T9');
  assert.equal(atts.length, 3);
  assert.deepEqual(atts[2]!.content, { start: 0, end: 12 });
  assert.deepEqual(atts[0]!.source, at('Lena Ortiz'));
  assert.ok(isDirectContent(TEXT, atts[0]!.content));
  assert.ok(!isDirectContent(TEXT, atts[1]!.content));
});

test('scores: half-overlap matching both ways, speaker by overlap with the gold source', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ng-quotes-'));
  writeFileSync(join(dir, 'a.txt'), TEXT);
  writeFileSync(join(dir, 'a.ann'), ann);
  const docs = readBratQuotes(dir);
  assert.equal(docs.length, 1);
  const good: Quote[] = [
    { id: 'q1', ...at('“The pier is safe,”'), kind: 'direct', speakerStart: at('Ortiz').start, speakerEnd: at('Ortiz').end, speakerText: 'Ortiz' },
    { id: 'q2', ...at('Repairs will take a month'), kind: 'indirect' },
  ];
  const s = scoreQuotes(docs, new Map([['a', good]]));
  assert.equal(s.direct.f, 1);
  assert.equal(s.all.f, 1);
  assert.equal(s.speakerRight, 1);
  const bad: Quote[] = [{ id: 'q1', start: 0, end: TEXT.length, kind: 'direct', speakerStart: 0, speakerEnd: 3 }];
  const t = scoreQuotes(docs, new Map([['a', bad]]));
  assert.equal(t.direct.p, 0, 'a prediction mostly outside the gold content does not match');
  assert.equal(t.speakerTotal, 0);
});
