import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { evalGeo } from '../../eval/geo.js';
import { DEFAULT_GAZETTEER } from '../../geo/gazetteer.js';

/*
 * Local news: short reports written for this test about real small US towns and counties
 * (local-news.dev.jsonl, GeoWebNews-style: each toponym with its coordinates, states left
 * unscored), read by the whole pipeline and scored as `newsgraph eval geo` does. The floor
 * guards what the places stage does with "Town, St." datelines, counties, local bodies
 * ("Kokomo police") and streets named after places.
 */
const FILE = fileURLToPath(new URL('../../../src/stages/places/local-news.dev.jsonl', import.meta.url));
const skip = (!existsSync(DEFAULT_GAZETTEER) && 'models/geo/gazetteer.tsv not built') || (!existsSync(FILE) && 'local-news.dev.jsonl not found');

test('local news: toponyms found are placed within 161 km', { skip }, () => {
  const s = evalGeo(FILE);
  assert.ok(s.gold > 150, `${s.gold} toponyms scored`);
  assert.ok(s.acc161 >= 0.9, `accuracy within 161 km ${(100 * s.acc161).toFixed(1)}%; ${s.errors.join('; ')}`);
  assert.ok(s.endToEnd >= 0.75, `end to end ${(100 * s.endToEnd).toFixed(1)}%`);
});
