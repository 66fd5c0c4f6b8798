#!/usr/bin/env node
// Throughput of the whole pipeline against the compromise library, on the same articles, in
// one run; per-stage cost from the records' own stage timings; search latency on the store.
// Each side runs in its own child process so peak memory is its own.
//
//   npm run bench                         # ../shared/data/polnear/train/text, else examples/
//   node bench/run.mjs --corpus DIR --limit 200 --repeat 2 --no-search --no-workers --no-long-doc --no-load
//
// Then bench/workers.mjs: ingest and extract throughput by number of worker threads (300 articles),
// bench/long-doc.mjs: one document of 1, 2 and 4 MB and pages of deeply nested HTML,
// and bench/load.mjs: the HTTP API under 10 concurrent clients on a 2,000-document store
// (`node bench/load.mjs --docs 10000` for the 10,000-document figure).
//
// Results: a table on stdout and bench/results/latest.json.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { groupedWrites } from './lib.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const DIST = (p) => new URL(`../dist/${p}`, import.meta.url).href;
const argv = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};

if (argv[0] === '--worker') await worker(argv[1], argv[2], argv[3]);
else await main();

async function main() {
  const shared = [resolve(process.cwd(), '../shared/data/polnear/train/text'), join(ROOT, '../shared/data/polnear/train/text')].find(existsSync);
  const corpusDir = flag('--corpus', shared ?? join(ROOT, 'examples'));
  const limit = Number(flag('--limit', '0')) || Infinity;
  const repeat = Number(flag('--repeat', '1'));
  const texts = (await loadCorpus(corpusDir)).slice(0, limit);
  if (!texts.length) throw new Error(`no articles in ${corpusDir}`);
  const docs = [];
  for (let r = 0; r < repeat; r++) docs.push(...texts);
  const words = docs.reduce((n, t) => n + t.split(/\s+/).filter(Boolean).length, 0);
  const chars = docs.reduce((n, t) => n + t.length, 0);

  const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-bench-'));
  const input = join(tmp, 'corpus.json');
  writeFileSync(input, JSON.stringify(docs));
  console.log(`corpus: ${corpusDir}`);
  console.log(`        ${docs.length} articles (${texts.length} x ${repeat}), ${words} words, ${(chars / 1e6).toFixed(2)} M chars\n`);

  const peer = run('compromise', input, tmp);
  const ours = run('newsgraph', input, tmp);
  const rows = [
    ['', 'articles/s', 'words/s', 'first doc ms', 'total s', 'peak RSS MiB'],
    ...[['compromise', peer], ['newsgraph', ours]].map(([name, r]) => [
      name, (docs.length / r.secs).toFixed(1), Math.round(words / r.secs), r.firstMs.toFixed(0), r.secs.toFixed(2), r.rssMiB.toFixed(0),
    ]),
  ];
  table(rows);
  const ratio = (docs.length / ours.secs) / (docs.length / peer.secs);
  console.log(`\nnewsgraph / compromise throughput: ${ratio.toFixed(2)}x (in-process, after module import; model loading counts in the first doc)\n`);

  // Steady state: the first article pays each stage's one-time costs (model and gazetteer
  // loading, compilation), shown apart as "first doc ms"; tokens/s is over the other articles.
  console.log('per stage (from the records\' stage timings; one process, one core):');
  const stageRows = [['stage', 'version', 'total ms', 'ms/article', 'first doc ms', 'tokens/s (warm)', 'share']];
  const totalMs = ours.stages.reduce((a, s) => a + s.ms, 0);
  const warmTokens = ours.tokens - ours.firstTokens;
  const rate = (ms) => (ms > 0 ? Math.round(warmTokens / (ms / 1000)).toLocaleString('en') : '-');
  for (const s of ours.stages) {
    stageRows.push([s.name, s.version, s.ms.toFixed(0), (s.ms / docs.length).toFixed(3), s.firstMs.toFixed(1), rate(s.ms - s.firstMs), `${((100 * s.ms) / totalMs).toFixed(1)}%`]);
  }
  const firstAll = ours.stages.reduce((a, s) => a + s.firstMs, 0);
  stageRows.push(['all stages', '', totalMs.toFixed(0), (totalMs / docs.length).toFixed(3), firstAll.toFixed(1), rate(totalMs - firstAll), '100%']);
  table(stageRows);
  console.log(`(${ours.tokens} tokens, ${warmTokens} after the first article; the rest of the time is reading, record building and JSON serialisation)`);
  if (ours.nerLoadMs !== undefined) console.log(`NER model load (once per process, inside the mentions stage's first doc): ${ours.nerLoadMs.toFixed(0)} ms`);

  let search;
  if (!argv.includes('--no-search')) {
    search = run('search', input, tmp);
    console.log(`\nstore: ${search.stored} documents put in ${search.putSecs.toFixed(2)} s (${(search.stored / search.putSecs).toFixed(0)} docs/s, database ${search.dbMiB.toFixed(1)} MiB)`);
    console.log(`search latency over ${search.queries} queries: p50 ${search.p50.toFixed(2)} ms, p95 ${search.p95.toFixed(2)} ms, max ${search.max.toFixed(2)} ms`);
    const resolveSecs = search.kbPutSecs - search.putSecs;
    console.log(`ingest: extract ${search.extractSecs.toFixed(2)} s + store ${search.putSecs.toFixed(2)} s; with the collection stages (knowledge base, copies, stories) the store step takes ${search.kbPutSecs.toFixed(2)} s (${search.kbEntities} entities)`);
    const base = search.extractSecs + search.putSecs;
    console.log(`collection stages add ${((100 * resolveSecs) / base).toFixed(1)}% to ingest time (same records, same run): ` +
      Object.entries(search.stageMs).map(([n, ms]) => `${n} ${((100 * ms) / 1000 / base).toFixed(1)}%`).join(', ') +
      `, their index writes the rest`);
  }

  const results = {
    date: new Date().toISOString(), node: process.version, corpus: corpusDir, articles: docs.length, words,
    compromise: peer, newsgraph: { ...ours, stages: ours.stages }, ratio, search,
  };
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/latest.json'), JSON.stringify(results, null, 2) + '\n');
  rmSync(tmp, { recursive: true, force: true });
  if (!argv.includes('--no-workers')) {
    console.log('\nworker threads (bench/workers.mjs):');
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/workers.mjs'), '--docs', '300'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('bench/workers.mjs failed');
  }
  if (!argv.includes('--no-long-doc')) {
    console.log('\none long document by its size, and deeply nested HTML (bench/long-doc.mjs):');
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/long-doc.mjs')], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('bench/long-doc.mjs failed');
  }
  if (!argv.includes('--no-load')) {
    console.log('\nHTTP API under load (bench/load.mjs):');
    const r = spawnSync(process.execPath, [join(ROOT, 'bench/load.mjs'), '--docs', '2000'], { stdio: 'inherit' });
    if (r.status !== 0) throw new Error('bench/load.mjs failed');
  }
}

async function loadCorpus(dir) {
  if (!statSync(dir).isDirectory()) throw new Error(`not a directory: ${dir}`);
  const names = readdirSync(dir).sort();
  if (names.every((n) => n.endsWith('.txt'))) return names.map((n) => readFileSync(join(dir, n), 'utf8'));
  // Mixed formats (the examples): the project's own readers turn them into texts.
  const { readInputs } = await import(DIST('ingest/read.js'));
  const texts = [];
  for await (const item of readInputs([dir], {})) if (item.ok) texts.push(item.doc.text);
  return texts;
}

function run(kind, input, tmp) {
  const out = join(tmp, `${kind}.json`);
  const r = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--worker', kind, input, out], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${kind} worker failed`);
  return JSON.parse(readFileSync(out, 'utf8'));
}

function table(rows) {
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log(r.map((v, c) => (c === 0 ? String(v).padEnd(widths[c]) : String(v).padStart(widths[c]))).join('  '));
}

// ---- workers: one per side, so each peak RSS is its own ------------------------------

async function worker(kind, input, out) {
  const docs = JSON.parse(readFileSync(input, 'utf8'));
  const result = kind === 'newsgraph' ? await runNewsgraph(docs) : kind === 'compromise' ? await runCompromise(docs) : await runSearch(docs);
  result.rssMiB = process.resourceUsage().maxRSS / 1024;
  writeFileSync(out, JSON.stringify(result));
}

async function runNewsgraph(docs) {
  const { Doc, defaultPipeline, toRecord } = await import(DIST('index.js'));
  const pipeline = defaultPipeline();
  const stages = new Map();
  let tokens = 0, bytes = 0, firstMs = 0, firstTokens = 0;
  const t0 = performance.now();
  docs.forEach((text, i) => {
    const t = performance.now();
    const result = pipeline.run(Doc.create(text, {}, `b${i}`));
    bytes += JSON.stringify(toRecord(result)).length;
    tokens += result.doc.layer('tokens').length;
    for (const s of result.timings) {
      const acc = stages.get(s.name) ?? { name: s.name, version: s.version, ms: 0, firstMs: 0 };
      acc.ms += s.ms;
      if (i === 0) acc.firstMs = s.ms;
      stages.set(s.name, acc);
    }
    if (i === 0) {
      firstMs = performance.now() - t;
      firstTokens = tokens;
    }
  });
  const secs = (performance.now() - t0) / 1000;
  // The NER model's loading time on its own (a second load, outside the timings above).
  const ner = await import(DIST('stages/entities/model.js'));
  let nerLoadMs;
  if (existsSync(ner.defaultModelPath())) {
    const t = performance.now();
    ner.NerModel.load(ner.defaultModelPath());
    nerLoadMs = performance.now() - t;
  }
  return { secs, firstMs, tokens, firstTokens, nerLoadMs, outputMiB: bytes / 2 ** 20, stages: [...stages.values()] };
}

async function runCompromise(docs) {
  const { default: nlp } = await import('compromise');
  let found = 0, firstMs = 0;
  const t0 = performance.now();
  docs.forEach((text, i) => {
    const t = performance.now();
    const doc = nlp(text);
    // The same layers its peer script reports: people, places, organisations, quotations.
    for (const view of [doc.people(), doc.places(), doc.organizations(), doc.quotations()]) found += view.json({ offset: true }).length;
    if (i === 0) firstMs = performance.now() - t;
  });
  return { secs: (performance.now() - t0) / 1000, firstMs, found };
}

async function runSearch(docs) {
  const { Doc, defaultPipeline, toRecord } = await import(DIST('index.js'));
  const { SqliteStore } = await import(DIST('store/sqlite/sqlite-store.js'));
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-bench-db-'));
  const path = join(dir, 'bench.db');
  const store = new SqliteStore(path);
  const { defaultCollection } = await import(DIST('pipeline/default.js'));
  const tx = performance.now();
  const records = docs.map((text, i) => toRecord(defaultPipeline().run(Doc.create(text, { published: `2016-0${1 + (i % 9)}-1${i % 10}` }))));
  const extractSecs = (performance.now() - tx) / 1000;
  // Each record goes into a plain store and, right after, into a second store with
  // the collection stages (knowledge base, copies, stories) as it lands (ingest): alternating keeps machine noise out of the ratio.
  const kbPath = join(dir, 'kb.db');
  const kbStore = new SqliteStore(kbPath);
  const collection = defaultCollection();
  let stored = 0, putMs = 0, kbMs = 0;
  const stageMs = {};
  // Both stores commit as ingest does, a group of documents at a time.
  const writes = await groupedWrites(store), kbWrites = await groupedWrites(kbStore);
  for (const r of records) {
    await writes.open();
    await kbWrites.open();
    const t0 = performance.now();
    if ((await store.put(r)).status === 'added') stored++;
    await writes.landed();
    const t1 = performance.now();
    const landed = await collection.run(r, kbStore);
    for (const t of landed.stages) if (collection.stages.some((c) => c.name === t.name)) stageMs[t.name] = (stageMs[t.name] ?? 0) + t.ms;
    await kbStore.put(landed);
    await kbWrites.landed();
    putMs += t1 - t0;
    kbMs += performance.now() - t1;
  }
  putMs += await writes.commit();
  kbMs += await kbWrites.commit();
  // As ingest ends its batch: what the collection stages revisit (stories weigh their first documents again).
  const ts = performance.now();
  await collection.settle(kbStore);
  stageMs['settle'] = performance.now() - ts;
  kbMs += stageMs['settle'];
  const putSecs = putMs / 1000, kbPutSecs = kbMs / 1000;
  const kbEntities = Number(kbStore['db'].prepare('SELECT count(*) AS n FROM entities').get().n);
  await kbStore.close();
  // Queries: words of varied frequency taken from the corpus itself, plus two-word and phrase queries.
  const vocab = [...new Set(docs.join(' ').toLowerCase().match(/\p{L}{4,}/gu) ?? [])];
  const pick = (k) => vocab[(k * 7919) % vocab.length];
  const queries = [];
  for (let k = 0; k < 200; k++) queries.push(k % 4 === 0 ? `${pick(k)} ${pick(k + 1)}` : k % 4 === 1 ? `"${pick(k)}"` : pick(k));
  const times = [];
  for (const q of queries) {
    const t = performance.now();
    await store.search({ q, limit: 10, facets: queries.indexOf(q) % 10 === 0 });
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
  await store.close();
  const dbMiB = ['', '-wal'].reduce((n, s) => n + (existsSync(path + s) ? statSync(path + s).size : 0), 0) / 2 ** 20;
  rmSync(dir, { recursive: true, force: true });
  return { stored, extractSecs, putSecs, kbPutSecs, kbEntities, stageMs, queries: times.length, p50: q(0.5), p95: q(0.95), max: times[times.length - 1], dbMiB };
}
