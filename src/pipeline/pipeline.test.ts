import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../core/doc.js';
import { Pipeline } from './pipeline.js';
import type { Stage } from './stage.js';
import { defaultPipeline, defaultStages } from './default.js';
import type { NewsgraphError } from '../core/errors.js';

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

test('a stage that reads a layer it does not declare fails the run under strict checking', () => {
  const sneaky: Stage = { ...stage('sneaky', ['tokens'], ['times']), run: (doc) => ({ times: doc.layer('mentions').map((m) => ({ start: m.start, end: m.end, text: m.text, value: 'X' })) }) };
  const stages = [stage('t', [], ['tokens']), stage('m', ['tokens'], ['mentions']), sneaky];
  assert.throws(() => new Pipeline(stages, { strict: true }).run(Doc.create('x')), (e: NewsgraphError) => e.code === 'pipeline.undeclared-read' && /"sneaky" reads layer "mentions"/.test(e.message));
  // Outside strict checking the read goes through and the record says what happened.
  const r = new Pipeline(stages, { strict: false }).run(Doc.create('x'));
  assert.deepEqual(r.diagnostics.map((d) => [d.stage, d.rule]), [['sneaky', 'pipeline.undeclared-read']]);
  // Declared as optional, the same read is fine.
  const honest = { ...sneaky, optional: ['mentions'] as const };
  assert.deepEqual(new Pipeline([stages[0]!, stages[1]!, honest], { strict: true }).run(Doc.create('x')).diagnostics, []);
});

test('a stage that writes a layer it does not declare fails the run under strict checking', () => {
  const p = new Pipeline([stage('t', [], ['tokens'], () => ({ tokens: [], times: [] }))], { strict: true });
  assert.throws(() => p.run(Doc.create('x')), /writes layer "times"/);
});

test('the default stages declare every layer they read: strict checking passes on a real article', () => {
  const text = 'Ana Ruiz, a spokeswoman for the U.N. in Geneva, said on Monday that "at least 40 people were killed" in Aleppo. ISIS, also known as Daesh, claimed the attack.';
  const r = new Pipeline(defaultStages(), { strict: true }).run(Doc.create(text, { published: '2017-10-20' }));
  assert.ok(r.doc.layer('quotes').length && r.doc.layer('places').length && r.doc.layer('quantities').length);
  assert.deepEqual(r.diagnostics.filter((d) => d.rule.startsWith('pipeline.')), []);
});

test('an order that breaks the declarations is refused, and Pipeline.ordered restores one', () => {
  const stages = defaultStages();
  const at = (n: string) => stages.findIndex((s) => s.name === n);
  // Quantities read quotes: running them first would silently lose the link.
  const swapped = [...stages];
  [swapped[at('quotes')], swapped[at('quantities')]] = [swapped[at('quantities')]!, swapped[at('quotes')]!];
  assert.throws(() => new Pipeline(swapped), (e: NewsgraphError) => e.code === 'pipeline.order' && /"quantities" reads layer "quotes"/.test(e.message));
  // Places read mentions, which resolution updates.
  const early = stages.filter((s) => s.name !== 'places');
  early.splice(at('resolve'), 0, stages[at('places')]!);
  assert.throws(() => new Pipeline(early), /"places" reads layer "mentions", which the later stage "resolve" writes/);
  const shuffled = [...stages].reverse();
  const ordered = Pipeline.ordered(shuffled).stages.map((s) => s.name);
  assert.doesNotThrow(() => new Pipeline(Pipeline.ordered(shuffled).stages));
  assert.ok(ordered.indexOf('resolve') < ordered.indexOf('quotes') && ordered.indexOf('quotes') < ordered.indexOf('quantities'));
  assert.ok(ordered.indexOf('relations') < ordered.indexOf('events'));
});

test('a cycle in the declarations is refused', () => {
  const a = { ...stage('a', [], ['tokens']), optional: ['mentions'] as const };
  const b = stage('b', ['tokens'], ['mentions']);
  assert.throws(() => Pipeline.ordered([a, b]), (e: NewsgraphError) => e.code === 'pipeline.cycle');
});

test('rerun runs the stale stage, what reads its layers, and the providers of layers the doc lacks', () => {
  const p = defaultPipeline();
  const have = new Set(['mentions', 'entities', 'quotes', 'quantities', 'times', 'places', 'relations', 'events']);
  const names = (stale: string[]) => p.affected(stale, (l) => have.has(l)).map((s) => s.name);
  // Events add to the relations layer, so they re-run from a fresh one.
  assert.deepEqual(names(['quantities']), ['tokens', 'sentences', 'quantities', 'relations', 'events']);
  assert.deepEqual(names(['quotes']), ['tokens', 'sentences', 'quotes', 'quantities', 'relations', 'events']);
  assert.deepEqual(names([]), []);
  // Resolution revises the tagger's mentions, so it re-runs from them, and everything that reads them follows.
  assert.deepEqual(names(['resolve']), ['tokens', 'sentences', 'mentions', 'resolve', 'quotes', 'quantities', 'places', 'relations', 'events']);
  assert.deepEqual(names(['events']), ['tokens', 'sentences', 'relations', 'events']);
});

test('every default stage carries a content version from the build', () => {
  for (const s of defaultStages()) assert.match(s.version, /^[0-9a-f]{12}$/, s.name);
});

test('a stage that appends to a layer keeps every item there; readers need not wait for it, and a re-run withdraws what it added', () => {
  const m = (start: number, text: string) => ({ start, end: start + text.length, text, type: 'PERSON' as const });
  const names = stage('names', [], ['mentions'], () => ({ mentions: [m(0, 'Ann')] }));
  const reader = stage('reader', ['mentions'], ['times'], (doc) => ({ times: doc.layer('mentions').map((x) => ({ start: x.start, end: x.end, text: x.text, value: 'X' })) }));
  const adder: Stage = {
    ...stage('adder', ['mentions'], ['quotes']), appends: ['mentions'],
    run: (doc) => ({ quotes: [], mentions: [...doc.layer('mentions'), m(8, 'crowd')] }),
    withdraw: (doc) => ({ mentions: doc.layer('mentions').filter((x) => x.text !== 'crowd') }),
  };
  // Either order is accepted and kept: a reader after the appender sees what it added, one before does not.
  assert.deepEqual(Pipeline.ordered([names, adder, reader]).run(Doc.create('Ann saw crowds.')).doc.layer('times').map((x) => x.text), ['Ann', 'crowd']);
  const r = Pipeline.ordered([names, reader, adder], { strict: true }).run(Doc.create('Ann saw crowds.'));
  assert.deepEqual(r.doc.layer('mentions').map((x) => x.text), ['Ann', 'crowd']);
  assert.deepEqual(r.doc.layer('times').map((x) => x.text), ['Ann']);
  // Re-run, the appender's own items are withdrawn first: a stale reader sees what a first run shows it, nothing is added twice.
  const first = new Pipeline([names, reader, adder], { strict: true });
  const done = first.run(Doc.create('Ann saw crowds.')).doc;
  assert.deepEqual(first.affected(['reader'], () => true).map((s) => s.name), ['reader', 'adder']);
  const again = first.rerun(done, ['reader']).doc;
  assert.deepEqual(again.layer('times').map((x) => x.text), ['Ann']);
  assert.deepEqual(again.layer('mentions').map((x) => x.text), ['Ann', 'crowd']);
  assert.throws(() => new Pipeline([names, { ...adder, withdraw: undefined }]), /cannot withdraw/);
  // A stage that updates the layer after the appender would revise what it added: refused.
  const updater: Stage = { ...stage('updater', [], []), updates: ['mentions'] };
  assert.throws(() => new Pipeline([names, adder, updater]), /reads layer "mentions", which the later stage "updater" writes/);
  // Changing or dropping an item already there is not appending.
  const rewriter: Stage = { ...adder, name: 'rewriter', run: (doc) => ({ quotes: [], mentions: doc.layer('mentions').map((x) => ({ ...x, text: 'Bob' })) }) };
  assert.throws(() => new Pipeline([names, rewriter], { strict: true }).run(Doc.create('Ann saw crowds.')), (e: NewsgraphError) => e.code === 'pipeline.append-changed');
  const lenient = new Pipeline([names, rewriter], { strict: false }).run(Doc.create('Ann saw crowds.'));
  assert.deepEqual(lenient.doc.layer('mentions').map((x) => x.text), ['Ann']);
  assert.deepEqual(lenient.diagnostics.map((d) => d.rule), ['pipeline.append-changed']);
});
