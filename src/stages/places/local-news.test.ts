import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { Doc } from '../../core/doc.js';
import { DEFAULT_GAZETTEER } from '../../geo/gazetteer.js';
import { defaultPipeline } from '../../pipeline/default.js';
import { km } from './resolve.js';

/*
 * Local news: short reports written for this test about real small US towns and counties
 * (local-news.dev.jsonl: each toponym with its coordinates, states left unscored), read by the
 * whole pipeline. The floor guards what the places stage does with "Town, St." datelines,
 * counties, local bodies ("Kokomo police") and streets named after places.
 */
interface Toponym { start: number; end: number; text: string; lat: number | null; lon: number | null }
const FILE = new URL('../../../src/stages/places/local-news.dev.jsonl', import.meta.url);
const skip = (!existsSync(DEFAULT_GAZETTEER) && 'models/geo/gazetteer.tsv not built') || (!existsSync(FILE) && 'local-news.dev.jsonl not found');

test('local news: toponyms found are placed within 161 km', { skip }, () => {
  const docs = readFileSync(FILE, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; text: string; toponyms: Toponym[] });
  const pipeline = defaultPipeline();
  let found = 0, right = 0, gold = 0;
  const wrong: string[] = [];
  for (const d of docs) {
    const places = pipeline.run(Doc.create(d.text)).doc.layer('places');
    for (const t of d.toponyms) {
      if (t.lat === null || t.lon === null) continue;
      gold++;
      const p = places.find((x) => x.start < t.end && t.start < x.end);
      if (!p) continue;
      found++;
      if (km(p, { lat: t.lat, lon: t.lon }) <= 161) right++;
      else wrong.push(`${d.id} ${t.text} -> ${p.name} (${p.country ?? '?'})`);
    }
  }
  assert.ok(gold > 150, `${gold} toponyms scored`);
  assert.ok(right / found >= 0.9, `accuracy within 161 km ${(100 * right / found).toFixed(1)}% of ${found} found; wrong: ${wrong.join('; ')}`);
  assert.ok(right / gold >= 0.75, `end to end ${(100 * right / gold).toFixed(1)}% of ${gold}`);
});
