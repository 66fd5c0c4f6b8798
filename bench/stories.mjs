#!/usr/bin/env node
// Story clustering as a store grows: synthetic records of made-up text (events of a few reports
// each, some near misses that reuse an event's words at another date) are stored with the stories
// stage run as each lands, and a batch ending (stories settling) at each checkpoint. Prints, at
// each checkpoint, the milliseconds per document the stage (settling included), writing its index
// (storing against a second store that takes the same records without a story) and storing take
// over the documents since the last one, and the stage with its index as a share of a full ingest
// (extraction and storing with the default collection, measured in the same run on real
// articles, whose lengths the made-up ones take: sampled during the run, see ingestBaseline).
// Flat rows mean the cost per document stays bounded as the store grows.
//
//   node bench/stories.mjs                 # 20,000 documents
//   node bench/stories.mjs --docs 100000
//
// Results: a table on stdout and bench/results/stories.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, flag, groupedWrites, ingestBaseline, realTexts, ROOT } from './lib.mjs';

const N = Number(flag('--docs', '20000'));
const { Collection } = await dist('pipeline/collection.js');
const { storiesStage } = await dist('stories/story-stage.js');
const { SqliteStore } = await dist('store/sqlite/sqlite-store.js');

// A seeded generator, so every run sees the same documents.
let seed = 12345;
const rand = () => ((seed = Math.imul(seed ^ (seed >>> 15), 2246822507) + 0x6d2b79f5 >>> 0) / 2 ** 32);
const pick = (a) => a[Math.floor(rand() * a.length)];
const SYL = ['ka', 'lo', 'mi', 'ren', 'tu', 'sha', 'vel', 'dor', 'in', 'ba', 'cor', 'eth', 'ul', 'zan', 'pri', 'mo', 'gar', 'fe', 'nis', 'ol'];
const word = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, () => pick(SYL)).join('');
// Common words (Zipf-like draws) shared by all documents, and a few rare ones per event.
const COMMON = Array.from({ length: 3000 }, word);
const common = () => COMMON[Math.floor(COMMON.length * rand() ** 3)];
const FILLER = ['the', 'of', 'and', 'in', 'said', 'on', 'a', 'to'];

function event(i) {
  return { words: Array.from({ length: 12 }, word), people: [`PERSON:${word()} ${word()}`, `ORG:${word()}`], place: 100000 + Math.floor(rand() * 5000), day: Date.UTC(2015, 0, 1) + i * 3_600_000 * 6 };
}
// Made-up articles as long as real ones: each takes the length of a real article.
const { texts: real } = await realTexts(150);
const LENGTHS = real.map((t) => t.split(/\s+/).length);
function text(ev) {
  const out = [];
  for (let k = 0, n = pick(LENGTHS); k < n; k++) out.push(rand() < 0.12 ? pick(ev.words) : rand() < 0.3 ? pick(FILLER) : common());
  return out.join(' ') + '.';
}
function makeRecord(n, ev, dayShift) {
  const t = text(ev);
  const published = new Date(ev.day + dayShift * 86_400_000).toISOString().slice(0, 10);
  return {
    schema: 'newsgraph/1', id: `d${n}`, hash: `h${n}`, text: t, meta: { published, outlet: `Outlet ${n % 40}` },
    sentences: [], paragraphs: [], mentions: [], quotes: [], quantities: [], relations: [], events: [], stages: [], diagnostics: [],
    entities: ev.people.map((kb, j) => ({ id: `e${j + 1}`, type: kb.split(':')[0], name: kb.split(':')[1], aliases: [], kb })),
    places: [{ id: 'p1', start: 0, end: 1, text: 'x', name: 'x', geonameId: ev.place, lat: 0, lon: 0 }],
    times: [],
  };
}

process.stderr.write(`bench/stories: full ingest of ${real.length} real articles for the baseline\n`);
const baseline = await ingestBaseline(real);

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-stories-bench-'));
const store = new SqliteStore(join(dir, 'stories.db'));
// The same records without a story, so without the story index: what storing costs without the stage.
const plain = new SqliteStore(join(dir, 'plain.db'));
const collection = new Collection([storiesStage]);
const writes = await groupedWrites(store), plainWrites = await groupedWrites(plain);
const marks = new Set([1000, 2000, 5000, 10000, 20000, 50000, 100000, N].filter((m) => m <= N));
const results = [];
let stageMs = 0, putMs = 0, plainMs = 0, since = 0, n = 0, events = 0;
// The baseline is sampled at each checkpoint and every BASELINE_EVERY documents in between.
const BASELINE_EVERY = 10_000;
let stretch = baseline.mark();
const live = [];
while (n < N) {
  // A new event, or another report of a recent one (most stories get 3-6 reports).
  if (!live.length || rand() < 0.25) { live.push(event(events++)); if (live.length > 50) live.shift(); }
  const ev = rand() < 0.03 ? { ...pick(live), day: pick(live).day + 400 * 86_400_000 } : pick(live); // a near miss: the same words a year on
  const rec = makeRecord(n, ev, Math.floor(rand() * 3));
  await writes.open();
  await plainWrites.open();
  const t0 = performance.now();
  const done = await collection.run(rec, store);
  const t1 = performance.now();
  await store.put(done);
  await writes.landed();
  const t2 = performance.now();
  await plain.put(rec);
  await plainWrites.landed();
  stageMs += t1 - t0;
  putMs += t2 - t1;
  plainMs += performance.now() - t2;
  n++; since++;
  if (n % BASELINE_EVERY === 0 && !marks.has(n)) await baseline.sample();
  if (marks.has(n)) {
    // A batch ends at each checkpoint: its last writes are committed, then stories that doubled settle.
    putMs += await writes.commit();
    plainMs += await plainWrites.commit();
    const ts = performance.now();
    await collection.settle(store);
    const settleMs = performance.now() - ts;
    stageMs += settleMs;
    const stories = store['db'].prepare('SELECT count(*) AS n FROM stories').get().n;
    const indexMs = Math.max(0, putMs - plainMs) / since;
    await baseline.sample();
    results.push({ documents: n, stories, storiesMsPerDoc: stageMs / since, settleMsPerDoc: settleMs / since, indexMsPerDoc: indexMs, storeMsPerDoc: plainMs / since, ingestMsPerDoc: baseline.since(stretch) });
    stretch = baseline.mark();
    process.stderr.write(`bench/stories: ${n} documents\n`);
    stageMs = 0; putMs = 0; plainMs = 0; since = 0;
  }
}
await store.close();
await plain.close();
rmSync(dir, { recursive: true, force: true });
const rows = [['documents', 'stories', 'stage ms/doc', 'of it settle', 'index ms/doc', 'store ms/doc', 'ingest ms/doc', 'stories / ingest']];
for (const row of results) {
  row.ratioToIngest = (row.storiesMsPerDoc + row.indexMsPerDoc) / row.ingestMsPerDoc;
  rows.push([row.documents, row.stories, row.storiesMsPerDoc.toFixed(2), row.settleMsPerDoc.toFixed(2), row.indexMsPerDoc.toFixed(2), row.storeMsPerDoc.toFixed(2), row.ingestMsPerDoc.toFixed(1), `${(100 * row.ratioToIngest).toFixed(1)}%`]);
}
const { samples } = baseline;
console.log(`full ingest (extract + store with the default collection) on ${real.length} real articles, sampled ${samples.length} times during the run: ${Math.min(...samples).toFixed(1)} to ${Math.max(...samples).toFixed(1)} ms/doc; each row is a share of the samples taken over its own documents; writes committed ${writes.size > 1 ? `${writes.size} documents at a time` : 'one document at a time'}`);
for (const r of rows) console.log(r.map((c, i) => String(c).padStart(i ? 18 : 10)).join(''));
const first = results[0], last = results[results.length - 1];
const cost = (r) => r.storiesMsPerDoc + r.indexMsPerDoc;
console.log(`stories (stage, settling, index) ms/doc at ${last.documents} / at ${first.documents}: ${(cost(last) / cost(first)).toFixed(2)}x`);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/stories.json'), JSON.stringify({ date: new Date().toISOString(), documents: N, ingestSamples: samples, results }, null, 2) + '\n');
