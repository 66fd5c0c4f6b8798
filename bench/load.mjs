#!/usr/bin/env node
// The HTTP API under load, on loopback: a store of real articles stored again and again under
// new ids, as `ingest` stores them (so words and entities gather documents as in a large store,
// and the knowledge base merges as it grows), served by `newsgraph
// serve` in its own process, then asked by CONCURRENCY clients at once for what the app asks
// most: a search page with its facets, and an entity page. Prints p50/p95/p99 per endpoint, and
// the server's CPU time per request. The search scenario asks 200 queries in turn, as users
// repeat searches; a second one asks only queries never asked before. Last, new queries again
// while the server ingests an upload of real articles (on a copy of the store, writable), against
// new queries on the idle copy: what an ingest job costs the readers.
//
//   node bench/load.mjs                              # 2,000 documents, concurrency 10
//   node bench/load.mjs --docs 10000 --concurrency 10 --requests 600
//   node bench/load.mjs --docs 10000 --db /tmp/load.db   # keeps the store there, and reuses it next time
//   node bench/load.mjs --read-threads 1                 # the server reads on its own thread only
//
// Results: a table on stdout and bench/results/load.json. Exits 1 when a request failed.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dist, flag, groupedWrites, realTexts, ROOT } from './lib.mjs';

const N = Number(flag('--docs', '2000'));
const CONCURRENCY = Number(flag('--concurrency', '10'));
const REQUESTS = Number(flag('--requests', '400'));
// Threads the server reads searches and entity pages with (default: serve's own, one per core).
const READ_THREADS = flag('--read-threads', undefined);

const { Doc, defaultPipeline, toRecord } = await dist('index.js');
const { defaultCollection } = await dist('pipeline/default.js');
const { landRecord } = await dist('pipeline/store-doc.js');
const { SqliteStore } = await dist('store/sqlite/sqlite-store.js');
const { corpus, texts } = await realTexts();
process.stderr.write(`bench/load: extracting ${texts.length} articles once\n`);
const base = texts.map((t, i) => toRecord(defaultPipeline().run(Doc.create(t, { published: `2016-${String(1 + (i % 12)).padStart(2, '0')}-15` }))));

const kept = flag('--db', undefined);
const dir = kept ? undefined : mkdtempSync(join(tmpdir(), 'newsgraph-load-bench-'));
const db = kept ?? join(dir, 'load.db');
const reuse = kept && existsSync(kept);
const store = new SqliteStore(db);
// Stored as `ingest` stores them, with the collection stages (knowledge base, copies, stories,
// claims) and in groups of writes, so the knowledge base has merged what it merges as it grows.
const pipeline = defaultPipeline(), collection = defaultCollection();
const writes = await groupedWrites(store);
const t0 = performance.now();
for (let i = reuse ? N : 0; i < N; i++) {
  const rec = base[i % base.length], c = Math.floor(i / base.length);
  const published = `${2016 + (c % 8)}-${rec.meta?.published?.slice(5) ?? '01-15'}`;
  await writes.open();
  await landRecord(store, c ? { ...rec, id: `${rec.id}-${c.toString(36)}`, hash: `${rec.hash}-${c.toString(36)}`, meta: { ...rec.meta, published } } : rec, pipeline, collection);
  await writes.landed();
  if ((i + 1) % 1000 === 0) process.stderr.write(`\rbench/load: stored ${i + 1} / ${N}`);
}
await writes.commit();
if (!reuse) await collection.settle(store);
const buildSecs = (performance.now() - t0) / 1000;
process.stderr.write('\n');
const stored = await store.count();
// The entities an analyst opens: the most reported ones, and some from further down the list.
const entities = (await store.entities({ limit: 200 })).map((e) => e.id);
await store.close();

// Queries: words of varied frequency taken from the corpus, plus two-word and phrase queries.
const vocab = [...new Set(texts.join(' ').toLowerCase().match(/\p{L}{4,}/gu) ?? [])];
const pick = (k) => vocab[(k * 7919) % vocab.length];
const query = (k) => (k % 4 === 0 ? `${pick(k)} ${pick(k + 1)}` : k % 4 === 1 ? `"${pick(k)}"` : pick(k));
const queries = Array.from({ length: 200 }, (_, k) => query(k));

const main = fileURLToPath(new URL('../dist/cli/main.js', import.meta.url));
/** `newsgraph serve` on `path` in its own process; resolves with it and where it listens. */
async function serve(path, args) {
  const child = spawn(process.execPath, [main, 'serve', '--db', path, '--port', '0', ...args, ...(READ_THREADS ? ['--read-threads', READ_THREADS] : [])], { stdio: ['ignore', 'ignore', 'pipe'] });
  // The server says where it listens on stderr.
  const url = await new Promise((resolve, reject) => {
    let out = '';
    child.stderr.setEncoding('utf8').on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
      if (m) resolve(m[0]);
    });
    child.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
  });
  return { child, url };
}
let { child: server, url: baseUrl } = await serve(db, ['--read-only']);

// The clients share the machine's cores with the server: node:http with kept-alive connections
// costs them about a third of the CPU per request that fetch does, so the figures are more the
// server's own.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
let { hostname, port } = new URL(baseUrl);
/** One GET on a kept-alive connection; resolves with the status once the body is read. */
const get = (path) => new Promise((resolve, reject) => {
  http.get({ host: hostname, port, path, agent }, (res) => {
    res.resume();
    res.on('end', () => resolve(res.statusCode ?? 0));
  }).on('error', reject);
});

// The server's CPU time, all its threads (Linux): per request it says what a page costs
// whatever else the machine runs, where latencies on a shared machine vary with its load.
const TICK_MS = 10;
const serverCpuMs = () => {
  try {
    const stat = readFileSync(`/proc/${server.pid}/stat`, 'utf8');
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * TICK_MS;
  } catch { return NaN; }
};

/** Runs `paths` with CONCURRENCY requests in flight; the latency of each, in ms. */
async function load(paths) {
  const cpu0 = serverCpuMs();
  const t0 = performance.now();
  const times = [];
  let next = 0, failed = 0;
  await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
    while (next < paths.length) {
      const path = paths[next++];
      const t = performance.now();
      const status = await get(path);
      times.push(performance.now() - t);
      if (status !== 200) failed++;
    }
  }));
  times.sort((a, b) => a - b);
  const at = (q) => times[Math.min(times.length - 1, Math.floor(q * times.length))];
  return { requests: times.length, failed, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times[times.length - 1], cpuPerRequest: (serverCpuMs() - cpu0) / times.length, perSecond: times.length / ((performance.now() - t0) / 1000) };
}

/** REQUESTS searches, each a query never asked before (from the `from`th on). */
const newQueries = (from) => Array.from({ length: REQUESTS }, (_, i) => `/api/search?q=${encodeURIComponent(query(from + i))}&limit=20`);
const scenarios = {
  // The app's first page of a search asks for facets too.
  search: Array.from({ length: REQUESTS }, (_, i) => `/api/search?q=${encodeURIComponent(queries[i % queries.length])}&limit=20`),
  // Every query asked once, none seen before: what the server's page and facet caches cannot help.
  'search, new queries': newQueries(1000),
  entity: Array.from({ length: REQUESTS }, (_, i) => `/api/entities/${encodeURIComponent(entities[(i * 7) % entities.length])}`),
};
// One pass to warm the server's caches and the file cache, as a running server would be.
await load([...scenarios.search.slice(0, 50), ...scenarios.entity.slice(0, 50)]);
const results = {};
for (const [name, paths] of Object.entries(scenarios)) results[name] = await load(paths);
server.kill();

// Readers beside a writer: new queries on a writable copy of the store, idle, then while it
// ingests an upload of the real articles.
const copyDir = mkdtempSync(join(tmpdir(), 'newsgraph-load-ingest-'));
const copy = join(copyDir, 'copy.db');
copyFileSync(db, copy);
const TOKEN = 'load-bench-token-0123456789';
({ child: server, url: baseUrl } = await serve(copy, ['--token', TOKEN]));
({ hostname, port } = new URL(baseUrl));
const during = newQueries(5000);
await load(during.slice(0, 50));
results['search, new queries, idle copy'] = await load(during.slice(50));
// A dateline makes each a new text (the store refuses exact duplicates): what a republished wire story looks like.
const upload = texts.map((text, i) => JSON.stringify({ text: `LONDON, Jan. ${1 + (i % 28)} - ${text}`, published: '2024-01-15' })).join('\n');
const job = await fetch(`${baseUrl}/api/ingest/file?name=upload.jsonl`, {
  method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' }, body: upload,
}).then((r) => r.json());
const jobState = () => fetch(`${baseUrl}/api/jobs/${job.job}`).then((r) => r.json());
// Measured once the job is storing, so the readers share the machine with extraction and writes.
for (let j = await jobState(); !j.added; j = await jobState()) {
  if (j.state === 'done') throw new Error(`bench/load: the upload stored nothing: ${JSON.stringify(j.errors).slice(0, 300)}`);
  await new Promise((r) => setTimeout(r, 50));
}
const before = (await jobState()).added;
results['search, new queries, during an ingest'] = await load(newQueries(7000).slice(50));
const after = await jobState();
const storedDuring = after.added - before;
agent.destroy();
server.kill();
rmSync(copyDir, { recursive: true, force: true });
if (dir) rmSync(dir, { recursive: true, force: true });

console.log(`${stored} documents (${corpus})${reuse ? `, reused from ${db}` : `, stored in ${buildSecs.toFixed(0)} s`}; concurrency ${CONCURRENCY}; read threads ${READ_THREADS ?? 'one per core'}`);
const rows = [['endpoint', 'requests', 'failed', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'requests/s', 'server CPU ms/request']];
for (const [name, r] of Object.entries(results)) rows.push([name, r.requests, r.failed, r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), r.perSecond.toFixed(0), r.cpuPerRequest.toFixed(2)]);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const r of rows) console.log(r.map((v, c) => String(v).padStart(widths[c])).join('  '));
const idle = results['search, new queries, idle copy'], busy = results['search, new queries, during an ingest'];
console.log(`during the ingest (${storedDuring} documents stored meanwhile, job ${after.state}): ${(busy.perSecond / idle.perSecond).toFixed(2)}x the searches/s of the idle copy, p95 ${(busy.p95 / idle.p95).toFixed(2)}x`);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/load.json'), JSON.stringify({ date: new Date().toISOString(), corpus, documents: stored, concurrency: CONCURRENCY, results, storedDuring }, null, 2) + '\n');
const failed = Object.values(results).reduce((n, r) => n + r.failed, 0);
if (failed) {
  console.error(`bench/load: ${failed} requests failed`);
  process.exit(1);
}
