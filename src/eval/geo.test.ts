import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Place } from '../core/layers.js';
import { evalGeo, goldPlaces, scoreGeo, type GoldGeoDoc } from './geo.js';

const text = 'Shelling hit Aleppo and the Iraqi border town of Qaim.';
const doc: GoldGeoDoc = {
  id: 'a',
  text,
  toponyms: [
    { start: 13, end: 19, text: 'Aleppo', type: 'Literal', lat: 36.2, lon: 37.16 },
    { start: 28, end: 33, text: 'Iraqi', type: 'Demonym', lat: 33, lon: 44 },
    { start: 49, end: 53, text: 'Qaim', type: 'Literal', lat: 34.37, lon: 41.09 },
  ],
};
const place = (start: number, end: number, lat: number, lon: number): Place => ({ id: `p${start}`, start, end, text: text.slice(start, end), name: text.slice(start, end), lat, lon });

test('gold keeps place types with coordinates only', () => {
  assert.deepEqual(goldPlaces(doc).map((t) => t.text), ['Aleppo', 'Qaim']);
});

test('overlap and strict recognition, accuracy within 161 km over what was found', () => {
  const s = scoreGeo([doc], new Map([['a', [place(13, 19, 36.2, 37.2), place(44, 53, 10, 10), place(0, 8, 1, 1)]]]));
  assert.equal(s.gold, 2);
  assert.equal(s.predicted, 3);
  assert.ok(Math.abs(s.strict.p - 1 / 3) < 1e-9);
  assert.ok(Math.abs(s.overlap.p - 2 / 3) < 1e-9);
  assert.equal(s.overlap.r, 1);
  assert.equal(s.acc161, 0.5);
  assert.equal(s.endToEnd, 0.5);
  assert.ok(s.errors.some((e) => e.includes('spurious')) && s.errors.some((e) => e.includes('km off')));
});

const dev = resolve(process.cwd(), '../shared/data/geowebnews/gwn-dev.jsonl');
test('accuracy floor on GeoWebNews dev', { skip: !existsSync(dev) && 'needs ../shared/data' }, () => {
  const s = evalGeo(dev, 0);
  assert.ok(s.overlap.f >= 0.78, `overlap F1 ${s.overlap.f}`);
  assert.ok(s.acc161 >= 0.85, `acc@161km ${s.acc161}`);
});
