// Scores the places layer on the local-news dev set written for the project
// (src/stages/places/local-news.dev.jsonl): accuracy within 161 km on the toponyms found, and
// end to end over all of them, as ../shared/eval/geo.mjs counts them.
// Usage: node scripts/score-local-places.mjs      (run `npm run build` first)
import { readFileSync } from 'node:fs';
import { Doc } from '../dist/core/doc.js';
import { defaultPipeline } from '../dist/pipeline/default.js';
import { km } from '../dist/stages/places/resolve.js';

const file = new URL('../src/stages/places/local-news.dev.jsonl', import.meta.url);
const docs = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l));
const pipeline = defaultPipeline();
let gold = 0, found = 0, right = 0;
for (const d of docs) {
  const places = pipeline.run(Doc.create(d.text)).doc.layer('places');
  for (const t of d.toponyms) {
    if (t.lat === null || t.lon === null) continue;
    gold++;
    const p = places.find((x) => x.start < t.end && t.start < x.end);
    if (!p) continue;
    found++;
    if (km(p, t) <= 161) right++;
    else console.log(`${d.id}\t${t.text}\t-> ${p.name} (${p.country ?? '?'}), ${Math.round(km(p, t))} km`);
  }
}
const pct = (a, b) => (b ? (100 * a / b).toFixed(1) : '0.0');
console.log(`local news: ${docs.length} reports, ${gold} toponyms; acc@161km ${pct(right, found)} (${right}/${found}), end-to-end ${pct(right, gold)}`);
