import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../core/doc.js';
import { defaultPipeline } from '../../pipeline/default.js';
import { toRecord } from '../../output/record.js';
import { genericIn, isNamedEntity } from '../../layers/entities.js';

const record = (text: string) => toRecord(defaultPipeline().run(Doc.create(text, { published: '2021-03-02' })));

test('noun-phrase sides of events become generic entities of the document, each with its phrase as a mention', () => {
  const r = record('Three villagers were killed by gunmen in northern Kivu on Tuesday, officials said.');
  const killing = r.events.find((e) => e.type === 'killing')!;
  const byId = new Map(r.entities.map((e) => [e.id, e]));
  const target = byId.get(killing.target!)!, actor = byId.get(killing.actor!)!;
  assert.deepEqual([target.name, target.type, target.generic], ['Three villagers', 'PERSON', true]);
  assert.deepEqual([actor.name, actor.type, actor.generic], ['gunmen', 'PERSON', true]);
  // Each side is found in the text as a reference of its entity, where the event's argument is.
  for (const side of [target, actor]) {
    const refs = (r.references ?? []).filter((m) => m.entity === side.id);
    assert.equal(refs.length, 1);
    assert.equal(r.text.slice(refs[0]!.start, refs[0]!.end), side.name);
    assert.equal(refs[0]!.kind, 'nominal');
    assert.ok(killing.args!.some((a) => a.start === refs[0]!.start && a.end === refs[0]!.end));
  }
  // Generic entities are no knowledge-base entities.
  assert.deepEqual(r.entities.filter(isNamedEntity).map((e) => e.name), ['Kivu']);
  assert.ok(genericIn(r)(actor.id) && !genericIn(r)(r.entities.find((e) => e.name === 'Kivu')!.id));
});

test('one phrase named by two events is one entity; a site is a facility; a pronoun nothing resolved stays an argument', () => {
  const r = record('A suicide bomber attacked a crowded market in Vellora, wounding 14 people. He was shot by guards.');
  const attack = r.events.find((e) => e.type === 'attack' && e.actor)!, injury = r.events.find((e) => e.type === 'injury')!;
  const byId = new Map(r.entities.map((e) => [e.id, e]));
  assert.equal(attack.actor, injury.actor);
  assert.equal(byId.get(attack.actor!)!.name, 'A suicide bomber');
  assert.deepEqual([byId.get(attack.target!)!.name, byId.get(attack.target!)!.type], ['a crowded market', 'FAC']);
  assert.equal(byId.get(injury.target!)!.name, '14 people');
  assert.ok(!r.entities.some((e) => /^he$/i.test(e.name)), 'no entity is made of a bare pronoun');
  // Ids follow the text and never clash with the named entities'.
  const generic = r.entities.filter((e) => e.generic);
  assert.deepEqual(generic.map((e) => e.id), generic.map((_, i) => `g${i + 1}`));
  const firstAt = (id: string) => Math.min(...(r.references ?? []).filter((m) => m.entity === id).map((m) => m.start));
  const starts = generic.map((e) => firstAt(e.id));
  assert.deepEqual(starts, [...starts].sort((x, y) => x - y));
});
