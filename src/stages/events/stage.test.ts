import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../core/doc.js';
import { Pipeline } from '../../pipeline/pipeline.js';
import type { Stage } from '../../pipeline/stage.js';
import { relationsStage } from '../relations/stage.js';
import { eventsStage } from './stage.js';

const given = (layers: Parameters<Doc['with']>[0]): Stage => ({
  name: 'given', version: '1', requires: [], provides: ['tokens', 'sentences', 'mentions', 'entities'], run: () => layers,
});

test('odd input: no layers, dangling entity ids, a long run-on sentence; nothing throws', () => {
  const empty = new Pipeline([given({}), relationsStage, eventsStage]).run(Doc.create(''));
  assert.deepEqual([empty.doc.layer('relations'), empty.doc.layer('events'), empty.diagnostics], [[], [], []]);
  const dangling = new Pipeline([given({ mentions: [{ start: 0, end: 3, text: 'Foo', type: 'ORG', entity: 'nowhere' }] }), relationsStage, eventsStage])
    .run(Doc.create('Foo attacked Bar.'));
  assert.deepEqual(dangling.doc.layer('relations'), []);
  let text = '';
  const mentions = [];
  for (let i = 0; i < 300; i++) {
    const s = text.length;
    text += `Band${i}`;
    mentions.push({ start: s, end: text.length, text: `Band${i}`, type: 'ORG' as const, entity: `e${i % 7}` });
    text += ' fighters attacked and the raid by ';
  }
  const entities = Array.from({ length: 7 }, (_, i) => ({ id: `e${i}`, type: 'ORG' as const, name: `Band${i}`, aliases: [] }));
  const r = new Pipeline([given({ mentions, entities, sentences: [{ start: 0, end: text.length, tokenStart: 0, tokenEnd: 0 }] }), relationsStage, eventsStage]).run(Doc.create(text));
  assert.equal(r.diagnostics.length, 0);
  assert.ok(r.doc.layer('events').every((e) => e.start >= 0 && e.end <= text.length && e.start < e.end));
});
