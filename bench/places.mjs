// Benchmark of the places stage: gazetteer load time and memory, and cost per article.
// Usage: npm run build && node bench/places.mjs [DIR_OF_TXT | FILE.jsonl] [maxDocs]
// Without an argument it reads ../shared/data/polnear/train/text when present, else built-in sentences.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const mb = (x) => (x / 1048576).toFixed(1);
const m0 = process.memoryUsage();
const { Gazetteer } = await import('../dist/geo/gazetteer.js');
const t0 = performance.now();
const gaz = Gazetteer.fromFile();
const loadMs = performance.now() - t0;
const m1 = process.memoryUsage();
console.log(`gazetteer: ${gaz.size} entries, load ${loadMs.toFixed(0)} ms, rss +${mb(m1.rss - m0.rss)} MB (heap +${mb(m1.heapUsed - m0.heapUsed)} MB, buffers +${mb(m1.arrayBuffers - m0.arrayBuffers)} MB)`);

const { Doc } = await import('../dist/core/doc.js');
const { Pipeline } = await import('../dist/pipeline/pipeline.js');
const { defaultStages } = await import('../dist/pipeline/default.js');
const { findPlaces } = await import('../dist/stages/places/stage.js');

const [arg, maxArg] = process.argv.slice(2);
const max = Number(maxArg ?? 300);
function texts() {
  const src = arg ?? (existsSync('../shared/data/polnear/train/text') ? '../shared/data/polnear/train/text' : undefined);
  if (!src) {
    const own = 'Fighting spread from Tal Afar to the outskirts of Mosul on Monday, officials in Baghdad said. ' +
      'Aid groups in Irbil and Dohuk prepared for families fleeing Nineveh province, while in Syria the push on Raqqa went on. ' +
      'Ministers from France, Germany and the United States met in London to discuss the Middle East.';
    return Array.from({ length: 50 }, () => own);
  }
  if (src.endsWith('.jsonl')) return readFileSync(src, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l).text);
  return readdirSync(src).filter((f) => statSync(join(src, f)).isFile()).sort().map((f) => readFileSync(join(src, f), 'utf8'));
}
const docs = texts().slice(0, max);
// Layers the stage reads (tokens, sentences, entity mentions) are made first and not timed.
const upstream = defaultStages();
const before = new Pipeline(upstream.slice(0, upstream.findIndex((s) => s.name === 'places')).filter((s) => ['tokens', 'sentences', 'mentions'].some((l) => s.provides.includes(l))));
const prepared = docs.map((t) => before.run(Doc.create(t)).doc);
for (const d of prepared.slice(0, 5)) findPlaces(d, gaz); // warm-up
const times = [];
let places = 0, chars = 0;
const t1 = performance.now();
for (const d of prepared) {
  const s = performance.now();
  places += findPlaces(d, gaz).length;
  times.push(performance.now() - s);
  chars += d.text.length;
}
const total = performance.now() - t1;
times.sort((a, b) => a - b);
const m2 = process.memoryUsage();
console.log(`places stage: ${prepared.length} articles, ${places} places, mean ${(total / prepared.length).toFixed(2)} ms/article, median ${times[times.length >> 1].toFixed(2)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(2)} ms, ${(chars / 1e3 / (total / 1e3)).toFixed(0)} k chars/s`);
console.log(`process rss ${mb(m2.rss)} MB after the run`);
