import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureDoc } from '../fixture.js';
import { extractRelations } from './extract.js';
import { acronymOf } from './features.js';
import { defaultRelationModel, PAIR_LABELS, RelationModel, trainRelations, type PairExample } from './model.js';

// Sentences written for these tests: "versus" marks a fight, "inside" a membership (person first),
// "visited" and "thanked" nothing.
const TOY: [string, string][] = [
  ['[The Red Cell|ORG|rc] versus [Blue Dawn|ORG|bd] went on for a week.', 'fights'],
  ['Residents said [the Lions Brigade|ORG|lb] versus [the Southern Army|ORG|sa] was the worst round yet.', 'fights'],
  ['[Harbor Watch|ORG|hw] versus [Kestrel Unit|ORG|ku] ended at dawn.', 'fights'],
  ['[Jane Roe|PERSON|jr] inside [Harbor Union|ORG|hu] wrote the letter.', 'member'],
  ['Officials named [Omar Tal|PERSON|ot] inside [the Valley Guard|ORG|vg] as the contact.', 'member'],
  ['[Lena Park|PERSON|lp] inside [North Relief|ORG|nr] answered the calls.', 'member'],
  ['[The Red Cell|ORG|rc] visited [Blue Dawn|ORG|bd] on Monday.', 'none'],
  ['[Harbor Watch|ORG|hw] thanked [Kestrel Unit|ORG|ku] for the food.', 'none'],
  ['[Jane Roe|PERSON|jr] visited [Harbor Union|ORG|hu] last spring.', 'none'],
  ['[Lena Park|PERSON|lp] thanked [North Relief|ORG|nr] twice.', 'none'],
];

function toyExamples(): PairExample[] {
  const out: PairExample[] = [];
  for (const [text, label] of TOY) {
    extractRelations(fixtureDoc(text), { model: null, candidates: (c) => out.push({ features: c.features, label }) });
  }
  return out;
}

const OPTS = { epochs: 30, rate: 0.3, l2: 0.001, seed: 5, minCount: 2, positiveWeight: 1 };

test('training on a fixture is deterministic', () => {
  const ex = toyExamples();
  assert.equal(ex.length, TOY.length);
  const a = trainRelations(ex, PAIR_LABELS, OPTS), b = trainRelations(ex, PAIR_LABELS, OPTS);
  assert.deepEqual(a, b);
  assert.equal(a.bias.length, PAIR_LABELS.length);
});

test('a model trained on the fixture reads new sentences, with evidence and direction', () => {
  const model = new RelationModel({ labels: PAIR_LABELS, ...trainRelations(toyExamples(), PAIR_LABELS, OPTS), threshold: 0.5 });
  const doc = fixtureDoc('At noon [Green Hand|ORG|gh] versus [Iron Gate|ORG|ig] began. Later [Iron Gate|ORG|ig] visited [Green Hand|ORG|gh] again.');
  const rs = extractRelations(doc, { model });
  assert.equal(rs.length, 1, JSON.stringify(rs));
  const r = rs[0]!;
  assert.equal(r.type, 'fights');
  assert.deepEqual([r.a, r.b], ['gh', 'ig']);
  assert.equal(doc.text.slice(r.start, r.end), 'Green Hand versus Iron Gate');
  const m = extractRelations(fixtureDoc('Reporters reached [Ana Diaz|PERSON|ad] inside [Coast Aid|ORG|ca] by phone.'), { model });
  assert.deepEqual(m.map((x) => [x.type, x.a, x.b]), [['member', 'ad', 'ca']]);
  // Without a model only the patterns speak.
  assert.deepEqual(extractRelations(doc, { model: null }), []);
});

test('the committed model loads', () => {
  const m = defaultRelationModel();
  assert.ok(m, 'models/relations/pairs.json is missing');
  assert.deepEqual([...m.w.labels], [...PAIR_LABELS]);
  assert.ok(m.w.threshold > 0 && m.w.threshold < 1);
  assert.ok(Object.keys(m.w.weights).length > 100);
  for (const v of Object.values(m.w.weights)) assert.equal(v.length, PAIR_LABELS.length);
});

test('acronyms', () => {
  assert.ok(acronymOf('NLF', 'National Liberation Front'));
  assert.ok(acronymOf('MOTR', 'Ministry of the Roads'));
  assert.ok(!acronymOf('Front', 'National Liberation Front'));
});
