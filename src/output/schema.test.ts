import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Doc } from '../core/doc.js';
import type { Mention } from '../core/layers.js';
import { defaultPipeline } from '../pipeline/default.js';
import { sampleRecords } from '../store/contract.js';
import { toRecord, type NewsRecord } from './record.js';
import { validateRecord } from './validate.js';

const ARTICLES: [string, Record<string, string>][] = [
  [
    'KESSEL, March 3 (Harbour Times) - The Northern Relief Agency said on Tuesday that 1,200 families had fled the fighting ' +
      'around Kessel since January. “We are running out of tents,” said Amara Okafor, the agency’s field director. ' +
      'Officials in the capital, Varena, said talks with the River Brigade would resume next week.',
    { title: 'Families flee fighting near Kessel', outlet: 'Harbour Times', published: '2023-03-03' },
  ],
  [
    'The defence minister, Tomas Reyl, told parliament the army had spent $4.5 million on drones last year. ' +
      'Opposition leader Ines Varga called the figure “a scandal”. The ministry did not respond to a request for comment.',
    { author: 'Lena Brisk' },
  ],
  // Nothing for any layer to find.
  ['...', {}],
  ['', {}],
  // Astral characters: offsets are UTF-16 code units, so each emoji counts two.
  ['Protesters 🪧 gathered in Orlan Square 🇺🇦 on Friday, police said.', { published: '2022-05-06T08:00:00Z' }],
];

const records = (): NewsRecord[] =>
  ARTICLES.map(([text, meta], i) => toRecord(defaultPipeline().run(Doc.create(text, { ...meta, origin: `t${i}` })), { tokens: i === 0 }));

test('the pipeline’s own output validates against schema/newsgraph-1.schema.json', () => {
  for (const r of records()) assert.deepEqual(validateRecord(JSON.parse(JSON.stringify(r))), [], r.meta.origin);
});

test('a record with every layer filled validates', () => {
  for (const r of sampleRecords()) assert.deepEqual(validateRecord(r), []);
});

test('the schema refuses records that break the core contract', () => {
  const good = sampleRecords()[0]!;
  const bad = (patch: Record<string, unknown>) => validateRecord({ ...good, ...patch });
  const { id: _id, ...noId } = good;
  assert.match(validateRecord(noId).join('\n'), /must have required property 'id'/);
  assert.notDeepEqual(bad({ schema: 'newsgraph/2' }), []);
  assert.notDeepEqual(bad({ mentions: [{ start: 0, end: 3, text: 'Gun', type: 'PEOPLE' }] }), []);
  assert.notDeepEqual(bad({ sentences: [{ start: -1, end: 3 }] }), []);
  assert.notDeepEqual(bad({ places: [{ start: 0, end: 3, text: 'Gun', name: 'Gun', lat: 91, lon: 0 }] }), []);
  assert.notDeepEqual(bad({ quotes: [{ start: 0, end: 3, kind: 'hearsay' }] }), []);
  assert.notDeepEqual(bad({ meta: { published: 'last week' } }), []);
  // What a schema cannot check: spans inside the text and ids that exist.
  assert.match(bad({ sentences: [{ start: 0, end: good.text.length + 1 }] }).join(), /outside the text/);
  assert.match(bad({ relations: [{ start: 0, end: 3, type: 'fights', a: 'e1', b: 'zz' }] }).join(), /"zz" is not an id in entities/);
  assert.match(bad({ events: [{ start: 0, end: 3, type: 'attack', placeId: 'p9' }] }).join(), /"p9" is not an id in places/);
  assert.match(bad({ events: [{ start: 0, end: 3, type: 'attack', quantities: ['n1', 'n9'] }] }).join(), /quantities "n9" is not an id in quantities/);
  assert.match(bad({ quantities: [{ id: 'n1', start: 0, end: 3, text: 'Gun', quote: 'q9' }] }).join(), /"q9" is not an id in quotes/);
  // Layers point at each other by id, not by array index.
  assert.notDeepEqual(bad({ events: [{ start: 0, end: 3, type: 'attack', placeIndex: 0, placeId: 0 }] }), []);
  // Unknown optional fields on layer items are allowed: later stages may add them.
  assert.deepEqual(bad({ mentions: [{ ...good.mentions[0]!, confidence: 0.9 }] }), []);
});

test('names are mentions; descriptions and pronouns resolved to an entity are references', () => {
  const text = 'Police said the Tarn Liberation Front claimed the blast near Orlan. The group has cells in the hills. Ivo Petrov studied the data. The results were poor, he said.';
  const rec = toRecord(defaultPipeline().run(Doc.create(text)));
  const byText = (xs: readonly Mention[] | undefined, t: string) => xs?.find((m) => m.text === t);
  assert.ok(byText(rec.mentions, 'Tarn Liberation Front') && byText(rec.mentions, 'Ivo Petrov'));
  assert.equal(byText(rec.mentions, 'The group'), undefined);
  assert.equal(byText(rec.references, 'The group')?.entity, byText(rec.mentions, 'Tarn Liberation Front')?.entity);
  assert.equal(byText(rec.references, 'he')?.entity, byText(rec.mentions, 'Ivo Petrov')?.entity);
  assert.ok(rec.references?.every((m) => m.entity && (m.kind === 'nominal' || m.kind === 'pronoun')));
});
