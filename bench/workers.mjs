#!/usr/bin/env node
// Throughput by number of worker threads: the same real articles ingested into a fresh store
// (reading and extraction in the workers, the collection stages and the store in one writer),
// and extracted without a store, once per worker count. Wall time of the whole call, the pool's
// start (each thread loads the models) included, as a user of `ingest --workers N` sees it.
// The first row, "none", does it all in one thread without a pool, for reference.
// Last, what the machine itself allows: the same extraction run by K separate processes at once
// (nothing shared: no pool, no writer), against one; a pool of K workers cannot beat that ratio.
//
//   node bench/workers.mjs                          # 300 articles, 1 and 2 workers
//   node bench/workers.mjs --docs 900 --workers 1,2,4
//
// Results: a table on stdout and bench/results/workers.json.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, flag, realTexts, ROOT } from './lib.mjs';

// A child of the machine-ceiling run: extracts the articles of a folder, says how long it took.
if (process.argv[2] === '--extract-only') {
  const { Doc, defaultPipeline, toRecord } = await dist('index.js');
  const files = readdirSync(process.argv[3]).sort().map((n) => readFileSync(join(process.argv[3], n), 'utf8'));
  toRecord(defaultPipeline().run(Doc.create(files[0])));
  const t0 = performance.now();
  for (const t of files) toRecord(defaultPipeline().run(Doc.create(t)));
  console.log(String((performance.now() - t0) / 1000));
  process.exit(0);
}

const N = Number(flag('--docs', '300'));
const COUNTS = flag('--workers', '1,2').split(',').map(Number);

const { corpus, texts } = await realTexts(N);
const { ingest } = await dist('cli/commands/ingest.js');
const { runBatch } = await dist('workers/batch.js');
const { WorkerPool } = await dist('workers/pool.js');
const { expandInputs } = await dist('ingest/sources.js');
const { SqliteStore } = await dist('store/sqlite/sqlite-store.js');
const { readInputs } = await dist('ingest/read.js');
const { storeDoc } = await dist('pipeline/store-doc.js');
const { defaultPipeline, defaultCollection } = await dist('pipeline/default.js');
const { Doc, toRecord } = await dist('index.js');

const tmp = mkdtempSync(join(tmpdir(), 'newsgraph-workers-bench-'));
const input = join(tmp, 'in');
mkdirSync(input);
texts.forEach((t, i) => writeFileSync(join(input, `${String(i).padStart(5, '0')}.txt`), t));
// Other processes on the machine take cores from the workers: the load is printed with the figures.
const load = () => loadavg()[0].toFixed(1);
console.log(`corpus: ${corpus}, ${texts.length} articles; ${availableParallelism()} cores, load average ${load()} before`);

const rows = [];
{
  const store = new SqliteStore(join(tmp, 'w0.db'));
  let stored = 0, extracted = 0;
  let t0 = performance.now();
  const elu = performance.eventLoopUtilization();
  for await (const item of readInputs([input])) {
    if ((await storeDoc(store, Doc.create(item.doc.text, item.doc.meta), defaultPipeline(), defaultCollection())).status === 'added') stored++;
  }
  const ingestSecs = (performance.now() - t0) / 1000;
  const writerBusy = performance.eventLoopUtilization(elu).utilization;
  await store.close();
  t0 = performance.now();
  for await (const item of readInputs([input])) if (toRecord(defaultPipeline().run(Doc.create(item.doc.text, item.doc.meta)))) extracted++;
  const extractSecs = (performance.now() - t0) / 1000;
  rows.push({ workers: 'none', stored, ingestSecs, writerBusy, ingestRate: stored / ingestSecs, extracted, extractSecs, extractRate: extracted / extractSecs });
}
for (const workers of COUNTS) {
  const store = new SqliteStore(join(tmp, `w${workers}.db`));
  let t0 = performance.now();
  const elu = performance.eventLoopUtilization();
  const sum = await ingest(store, [input], { pool: { workers } });
  const ingestSecs = (performance.now() - t0) / 1000;
  // How busy the one writer (this thread) was: what it leaves of the cores to the workers.
  const writerBusy = performance.eventLoopUtilization(elu).utilization;
  await store.close();
  if (sum.failed.length) throw new Error(`ingest failed: ${JSON.stringify(sum.failed.slice(0, 3))}`);
  const pool = new WorkerPool({ workers });
  let extracted = 0;
  t0 = performance.now();
  for await (const e of runBatch(expandInputs([input]), { pool })) if (e.kind === 'extracted') extracted++;
  const extractSecs = (performance.now() - t0) / 1000;
  await pool.close();
  rows.push({ workers, stored: sum.added, ingestSecs, writerBusy, ingestRate: sum.added / ingestSecs, extracted, extractSecs, extractRate: extracted / extractSecs });
}

/** Seconds each of `k` processes took to extract every article, all started at once (models loaded first, untimed). */
const extractIn = (k) => Promise.all(Array.from({ length: k }, () => new Promise((resolve, reject) => {
  let out = '';
  const child = spawn(process.execPath, [fileURLToPath(import.meta.url), '--extract-only', input], { stdio: ['ignore', 'pipe', 'inherit'] });
  child.stdout.on('data', (d) => (out += d));
  child.on('exit', (code) => (code === 0 ? resolve(Number(out)) : reject(new Error(`extracting process exited with ${code}`))));
})));
const machine = [];
for (const k of [1, ...COUNTS.filter((c) => c > 1)]) {
  const secs = await extractIn(k);
  machine.push({ processes: k, extractRate: (k * texts.length) / Math.max(...secs) });
}

const base = rows.find((r) => r.workers === 1) ?? rows[0];
const table = [['workers', 'ingest docs/s', 'x', 'writer busy', 'extract docs/s', 'x'], ...rows.map((r) => [
  r.workers, r.ingestRate.toFixed(1), (r.ingestRate / base.ingestRate).toFixed(2), `${(100 * r.writerBusy).toFixed(0)}%`, r.extractRate.toFixed(1), (r.extractRate / base.extractRate).toFixed(2),
])];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
for (const r of table) console.log(r.map((v, c) => String(v).padStart(widths[c])).join('  '));
console.log(`load average ${load()} after`);
console.log('(x: against 1 worker; ingest: stored in a fresh store with the collection stages, which run in the one writer; extract: records only)');
for (const m of machine.slice(1)) {
  console.log(`machine: ${m.processes} separate processes extracting at once: ${m.extractRate.toFixed(1)} docs/s, ${(m.extractRate / machine[0].extractRate).toFixed(2)}x one process (${machine[0].extractRate.toFixed(1)} docs/s), the most ${m.processes} workers can reach here`);
}
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/workers.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, corpus, cores: availableParallelism(), rows, machine }, null, 2) + '\n');
rmSync(tmp, { recursive: true, force: true });
