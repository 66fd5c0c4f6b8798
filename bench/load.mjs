#!/usr/bin/env node
// The HTTP API under load, on loopback: a store of real articles stored again and again under
// new ids (so words and entities gather documents as in a large store), served by `newsgraph
// serve` in its own process, then asked by CONCURRENCY clients at once for what the app asks
// most: a search page with its facets, and an entity page. Prints p50/p95/p99 per endpoint, and
// the server's CPU time per request. The search scenario asks 200 queries in turn, as users
// repeat searches; a second one asks only queries never asked before.
//
//   node bench/load.mjs                              # 2,000 documents, concurrency 10
//   node bench/load.mjs --docs 10000 --concurrency 10 --requests 600
//   node bench/load.mjs --docs 10000 --db /tmp/load.db   # keeps the store there, and reuses it next time
//   node bench/load.mjs --read-threads 1                 # the server reads on its own thread only
//
// Results: a table on stdout and bench/results/load.json.
import { spawn } from 'node:child_process';
import http from 'node:http';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dist, flag, realTexts, ROOT } from './lib.mjs';

const N = Number(flag('--docs', '2000'));
const CONCURRENCY = Number(flag('--concurrency', '10'));
const REQUESTS = Number(flag('--requests', '400'));
// Threads the server reads searches and entity pages with (default: serve's own, one per core).
const READ_THREADS = flag('--read-threads', undefined);

const { Doc, defaultPipeline, toRecord } = await dist('index.js');
const { SqliteStore } = await dist('store/sqlite/sqlite-store.js');
const { corpus, texts } = await realTexts();
process.stderr.write(`bench/load: extracting ${texts.length} articles once\n`);
const base = texts.map((t, i) => toRecord(defaultPipeline().run(Doc.create(t, { published: `2016-${String(1 + (i % 12)).padStart(2, '0')}-15` }))));

const kept = flag('--db', undefined);
const dir = kept ? undefined : mkdtempSync(join(tmpdir(), 'newsgraph-load-bench-'));
const db = kept ?? join(dir, 'load.db');
const reuse = kept && existsSync(kept);
const store = new SqliteStore(db);
const t0 = performance.now();
for (let i = reuse ? N : 0; i < N; i++) {
  const rec = base[i % base.length], c = Math.floor(i / base.length);
  const published = `${2016 + (c % 8)}-${rec.meta?.published?.slice(5) ?? '01-15'}`;
  await store.put(c ? { ...rec, id: `${rec.id}-${c.toString(36)}`, hash: `${rec.hash}-${c.toString(36)}`, meta: { ...rec.meta, published } } : rec);
  if ((i + 1) % 1000 === 0) process.stderr.write(`\rbench/load: stored ${i + 1} / ${N}`);
}
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
const server = spawn(process.execPath, [main, 'serve', '--db', db, '--port', '0', '--read-only', ...(READ_THREADS ? ['--read-threads', READ_THREADS] : [])], { stdio: ['ignore', 'ignore', 'pipe'] });
// The server says where it listens on stderr.
const baseUrl = await new Promise((resolve, reject) => {
  let out = '';
  server.stderr.setEncoding('utf8').on('data', (d) => {
    out += d;
    const m = out.match(/http:\/\/127\.0\.0\.1:\d+/);
    if (m) resolve(m[0]);
  });
  server.on('exit', (code) => reject(new Error(`serve exited with ${code}`)));
});

// The clients share the machine's cores with the server: node:http with kept-alive connections
// costs them about a third of the CPU per request that fetch does, so the figures are more the
// server's own.
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });
const { hostname, port } = new URL(baseUrl);
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
  return { requests: times.length, failed, p50: at(0.5), p95: at(0.95), p99: at(0.99), max: times[times.length - 1], cpuPerRequest: (serverCpuMs() - cpu0) / times.length };
}

const scenarios = {
  // The app's first page of a search asks for facets too.
  search: Array.from({ length: REQUESTS }, (_, i) => `/api/search?q=${encodeURIComponent(queries[i % queries.length])}&limit=20`),
  // Every query asked once, none seen before: what the server's page and facet caches cannot help.
  'search, new queries': Array.from({ length: REQUESTS }, (_, i) => `/api/search?q=${encodeURIComponent(query(1000 + i))}&limit=20`),
  entity: Array.from({ length: REQUESTS }, (_, i) => `/api/entities/${encodeURIComponent(entities[(i * 7) % entities.length])}`),
};
// One pass to warm the server's caches and the file cache, as a running server would be.
await load([...scenarios.search.slice(0, 50), ...scenarios.entity.slice(0, 50)]);
const results = {};
for (const [name, paths] of Object.entries(scenarios)) results[name] = await load(paths);
agent.destroy();
server.kill();
if (dir) rmSync(dir, { recursive: true, force: true });

console.log(`${stored} documents (${corpus})${reuse ? `, reused from ${db}` : `, stored in ${buildSecs.toFixed(0)} s`}; concurrency ${CONCURRENCY}; read threads ${READ_THREADS ?? 'one per core'}`);
const rows = [['endpoint', 'requests', 'failed', 'p50 ms', 'p95 ms', 'p99 ms', 'max ms', 'server CPU ms/request']];
for (const [name, r] of Object.entries(results)) rows.push([name, r.requests, r.failed, r.p50.toFixed(1), r.p95.toFixed(1), r.p99.toFixed(1), r.max.toFixed(1), r.cpuPerRequest.toFixed(2)]);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const r of rows) console.log(r.map((v, c) => String(v).padStart(widths[c])).join('  '));
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/load.json'), JSON.stringify({ date: new Date().toISOString(), corpus, documents: stored, concurrency: CONCURRENCY, results }, null, 2) + '\n');
