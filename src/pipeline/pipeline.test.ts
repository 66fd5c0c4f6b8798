import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../core/doc.js';
import { Pipeline } from './pipeline.js';
import type { Stage } from './stage.js';
import { defaultPipeline } from './default.js';

const stage = (name: string, requires: Stage['requires'], provides: Stage['provides'], run: Stage['run'] = () => ({})): Stage => ({ name, version: '1', requires, provides, run });

test('a stage whose required layer is not provided earlier is refused at build time', () => {
  assert.throws(() => new Pipeline([stage('b', ['tokens'], ['mentions'])]), /requires layer "tokens"/);
  assert.throws(() => new Pipeline([stage('a', [], ['tokens']), stage('b', [], ['tokens'])]), /both provide/);
});

test('a crashing stage leaves a diagnostic and empty layers, and the run goes on', () => {
  const p = new Pipeline([
    stage('boom', [], ['mentions'], () => { throw new Error('bad'); }),
    stage('ok', [], ['times'], () => ({ times: [{ start: 0, end: 1, text: 'x', value: '2017' }] })),
  ]);
  const r = p.run(Doc.create('x'));
  assert.equal(r.diagnostics[0]!.rule, 'stage.crash');
  assert.deepEqual(r.doc.layer('mentions'), []);
  assert.equal(r.doc.layer('times').length, 1);
  assert.equal(r.timings.length, 2);
});

test('the same text gives the same id; layers never mutate the original doc', () => {
  const a = Doc.create('Café  news\r\n'), b = Doc.create('Cafe\u0301  news\n');
  assert.equal(a.id, b.id);
  const r = defaultPipeline().run(a);
  assert.ok(r.doc.layer('tokens').length > 0);
  assert.equal(a.layer('tokens').length, 0);
});
