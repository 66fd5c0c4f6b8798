import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Doc } from '../core/doc.js';
import type { Entity, Mention, Place } from '../core/layers.js';
import { defaultPipeline } from '../pipeline/default.js';
import { mergedPeople, placesInsideNames } from './article-facts.js';

const person = (id: string, name: string, aliases: string[]): Entity => ({ id, type: 'PERSON', name, aliases });

test('merged people: two given names on one surname, not a longer and a shorter form', () => {
  const found = mergedPeople([
    person('e1', 'Ana Ruiz', ['Tomas Ruiz', 'Ruiz']),
    person('e2', 'Ana María Ruiz Vidal', ['Ruiz Vidal', 'Ana Ruiz Vidal']),
    person('e3', 'Mayor Joan de Vries', ['De Vries']),
  ]);
  assert.deepEqual(found.map((x) => x.entity.id), ['e1']);
});

test('places inside names: a toponym inside an organisation name unless it is marked embedded', () => {
  const text = 'The Lisbon Harbour Authority met in Lisbon. A Lisbon-based firm and Rep. Hall (D-Lisbon) came.';
  const at = (s: string, nth = 0) => { let i = -1; for (let k = 0; k <= nth; k++) i = text.indexOf(s, i + 1); return { start: i, end: i + s.length }; };
  const place = (s: string, nth = 0, embedded = false): Place => ({ id: 'p1', ...at(s, nth), text: s, name: s, lat: 38.7, lon: -9.1, ...(embedded ? { embedded } : {}) });
  const mention = (s: string, type: Mention['type']): Mention => ({ ...at(s), text: s, type, kind: 'name' });
  const mentions = [mention('Lisbon Harbour Authority', 'ORG'), mention('Lisbon-based', 'MISC'), mention('D-Lisbon', 'ORG')];
  assert.equal(placesInsideNames(text, [place('Lisbon')], mentions).length, 1);
  assert.equal(placesInsideNames(text, [place('Lisbon', 0, true), place('Lisbon', 1), place('Lisbon', 2), place('Lisbon', 3)], mentions).length, 0);
});

const dev = resolve(process.cwd(), '../shared/data/polnear/dev/text');
const skip = !existsSync(dev) && 'needs ../shared/data (PolNeAR dev)';

test('PolNeAR dev: no person merged with another of the same surname, no place inside a longer name', { skip }, () => {
  const pipeline = defaultPipeline();
  const merged: string[] = [], inside: string[] = [];
  for (const f of readdirSync(dev).filter((x) => x.endsWith('.txt')).sort()) {
    const { doc } = pipeline.run(Doc.create(readFileSync(`${dev}/${f}`, 'utf8')));
    for (const m of mergedPeople(doc.layer('entities'))) merged.push(`${f}: ${m.names.join(' + ')}`);
    for (const x of placesInsideNames(doc.text, doc.layer('places'), doc.layer('mentions'))) inside.push(`${f}: ${x.place.text} in ${x.name.text}`);
  }
  assert.deepEqual(merged, []);
  assert.deepEqual(inside, []);
});
