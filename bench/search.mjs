#!/usr/bin/env node
// Search latency (p50, p95) on a large store: articles generated from the dev data. The dev
// articles run through the pipeline once; their sentences, with the names, places and dates
// found in them, are then recombined into new articles (seeded, so every run builds the same
// corpus), stored in SQLite, and queried directly and over HTTP as the app does.
//
//   npm run build && node bench/search.mjs [--docs 100000] [--queries 300] [--warm 100] [--seed 77] [--db FILE] [--rebuild]
//   node bench/search.mjs --docs 1000000 --db postgres://user@host:port/db [--base 20000]
//
// On PostgreSQL (an empty database, or one this built before) the first `--base` articles are
// stored one by one as ingest stores them; the rest are copies of those made in SQL (new ids,
// rows and texts, their search vectors and word pairs copied), so a store of a million articles
// takes minutes rather than a day. The time of each part is printed.
//
// Needs ../shared/data (polnear dev texts, GeoWebNews dev); not part of npm test.
// Results: a table on stdout and bench/results/search.json.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const dist = (p) => import(new URL(`../dist/${p}`, import.meta.url).href);
const argv = process.argv.slice(2);
const flag = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : dflt;
};
const N = Number(flag('--docs', '100000'));
const Q = Number(flag('--queries', '300'));
const WARM = Number(flag('--warm', '100'));
const RESULTS = join(ROOT, 'bench/results');
const SERVER = /^postgres(ql)?:\/\//i.test(flag('--db', ''));
const DB = SERVER ? flag('--db') : resolve(flag('--db', join(RESULTS, `search-${N}.db`)));
const BASE = Math.min(N, Number(flag('--base', '20000')));
const SHARED = [resolve(process.cwd(), '../shared/data'), join(ROOT, '../shared/data')].find(existsSync);
if (!SHARED) {
  console.log('bench/search: skipped, needs ../shared/data (polnear dev, geowebnews dev)');
  process.exit(0);
}

const { SqliteStore } = await dist('store/sqlite/sqlite-store.js');
const { PgStore } = await dist('store/postgres/pg-store.js');
const { createNewsgraphServer } = await dist('api/server.js');

// Deterministic PRNG (mulberry32) so the corpus and the queries are the same every run.
let seed = 20240601;
const rand = () => {
  seed |= 0; seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
};
const pick = (xs) => xs[Math.floor(rand() * xs.length)];

const OUTLETS = Array.from({ length: 40 }, (_, i) => `Outlet ${String.fromCharCode(65 + (i % 26))}${i >= 26 ? i : ''} News`);

mkdirSync(RESULTS, { recursive: true });
if (argv.includes('--rebuild') && !SERVER) for (const ext of ['', '-wal', '-shm']) rmSync(DB + ext, { force: true });
const fresh = !SERVER && !existsSync(DB);
const store = SERVER ? new PgStore(DB) : new SqliteStore(DB);
const pool = await sentencePool();

if (SERVER && (await store.count()) < N) await buildOnServer();
else if (fresh || (await store.count()) < N) {
  const t0 = performance.now();
  let added = await store.count();
  let i = 0;
  // Batches of 1,000 in one transaction each: one commit per batch instead of per article.
  while (added < N) {
    const batch = Array.from({ length: Math.min(1000, N - added) }, () => synthesize(pool, i++));
    added += (await store.putMany(batch)).filter((r) => r.status === 'added').length;
    process.stderr.write(`\rbench/search: ${added} / ${N} articles stored`);
  }
  process.stderr.write(`\rbench/search: ${N} articles stored in ${((performance.now() - t0) / 1000).toFixed(0)} s\n`);
}
const total = await store.count();

const QUERY_SEED = Number(flag('--seed', '77'));
seed = QUERY_SEED; // the same queries whether the corpus was built in this run or before
const queries = makeQueries(pool, Q);
const app = createNewsgraphServer({ store });
const { port } = await app.listen(0);
const base = `http://127.0.0.1:${port}`;

// Warm-up: queries of the same kinds, not the measured ones, page the indexes in, as on a server
// that has been answering for a while; what an analyst sees after that is what counts.
const measuredSeed = seed;
seed = QUERY_SEED + 1;
for (const q of makeQueries(pool, WARM)) await store.search({ q: q.q, limit: 20, facets: true });
seed = measuredSeed;

// Filters as an analyst adds them from the facets: a type, an outlet, a year, an entity.
const topEntities = await store.entities({ limit: 200 });
const filterOf = (i) => [
  { type: ['PERSON', 'ORG', 'GPE'][i % 3] },
  { outlet: OUTLETS[i % OUTLETS.length] },
  { from: String(2015 + (i % 10)), to: String(2015 + (i % 10)) },
  { entity: topEntities[i % topEntities.length]?.id },
][i % 4];
const runs = {
  'store.search, no facets': (q) => store.search({ q: q.q, limit: 20 }),
  'store.search, with facets': (q) => store.search({ q: q.q, limit: 20, facets: true }),
  'store.search, a filter, facets': (q, i) => store.search({ q: q.q, ...filterOf(i), limit: 20, facets: true }),
  'store.search, browse a filter, facets': (q, i) => store.search({ ...filterOf(i), limit: 20, facets: true }),
  // The app asks for the ranked page first and the facets in a second request.
  'GET /api/search, hits (app, first)': async (q) => {
    const r = await fetch(`${base}/api/search?q=${encodeURIComponent(q.q)}&limit=20&facets=false`);
    if (!r.ok) throw new Error(`${q.q}: HTTP ${r.status}`);
    await r.json();
  },
  'GET /api/search, with facets': async (q) => {
    const r = await fetch(`${base}/api/search?q=${encodeURIComponent(q.q)}&limit=20`);
    if (!r.ok) throw new Error(`${q.q}: HTTP ${r.status}`);
    await r.json();
  },
};
// Wall time and the CPU time this process used: on a shared machine the wall time includes
// waiting for a core, the CPU time is the query's own cost (for HTTP requests, client and
// server together, both in this process).
const results = {};
const cpuResults = {};
const byKind = {};
const measure = async (name, n, fn) => {
  const ms = [];
  const cpu = [];
  for (let i = 0; i < n; i++) {
    const c = process.cpuUsage();
    const t = performance.now();
    await fn(i);
    const wall = performance.now() - t;
    const used = process.cpuUsage(c);
    ms.push(wall);
    cpu.push((used.user + used.system) / 1000);
  }
  results[name] = summary(ms);
  cpuResults[name] = summary(cpu);
  return ms;
};
const loadBefore = (await import('node:os')).loadavg()[0];
for (const [name, fn] of Object.entries(runs)) {
  const ms = await measure(name, queries.length, (i) => fn(queries[i], i));
  if (name === 'store.search, no facets') queries.forEach((q, i) => (byKind[q.kind] ??= []).push(ms[i]));
}
// The entity page: one request gathering aliases, time series, quotes, relations and places.
{
  const picks = Array.from({ length: Math.min(100, topEntities.length) }, () => topEntities[Math.floor(rand() * topEntities.length)]);
  if (picks.length) {
    await measure('GET /api/entities/:id (200 most named)', picks.length, async (i) => {
      const r = await fetch(`${base}/api/entities/${encodeURIComponent(picks[i].id)}`);
      if (!r.ok) throw new Error(`${picks[i].id}: HTTP ${r.status}`);
      await r.json();
    });
  }
}
const hits = [];
for (const q of queries.slice(0, 50)) hits.push((await store.search({ q: q.q, limit: 1 })).total);

// The server's memory for pages and sorts: the figures depend on it.
let server = '';
if (SERVER) {
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  const setting = async (name) => (await c.query(`SELECT current_setting('${name}') AS v`)).rows[0].v;
  server = `shared_buffers ${await setting('shared_buffers')}, work_mem ${await setting('work_mem')}`;
  await c.end();
}
await app.close();
await store.close();

const os = await import('node:os');
const load = os.loadavg()[0];
console.log(`search latency on ${total.toLocaleString('en')} stored articles, ${queries.length} queries after ${WARM} others (${DB}${server ? `; ${server}` : ''})`);
console.log('                                          wall ms: p50      p95      p99   CPU ms: p50      p95');
const f = (x) => x.toFixed(2).padStart(8);
for (const [name, s] of Object.entries(results)) {
  const c = cpuResults[name];
  console.log(`${name.padEnd(40)}   ${f(s.p50)} ${f(s.p95)} ${f(s.p99)}          ${f(c.p50)} ${f(c.p95)}`);
}
for (const [kind, ms] of Object.entries(byKind)) {
  const s = summary(ms);
  console.log(`  no facets, ${kind.padEnd(27)}   ${f(s.p50)} ${f(s.p95)}`);
}
console.log(`median hits per query: ${summary(hits).p50}; load average ${loadBefore.toFixed(1)} at the start, ${load.toFixed(1)} at the end, on ${os.cpus().length} cores`);
writeFileSync(join(RESULTS, 'search.json'), JSON.stringify({ date: new Date().toISOString(), articles: total, queries: queries.length, warm: WARM, ...(server ? { server } : {}), node: process.version, load: { start: loadBefore, end: load }, results, cpu: cpuResults }, null, 2) + '\n');

/** The PostgreSQL store: `BASE` articles stored as ingest stores them, then copied in SQL up to N. */
async function buildOnServer() {
  const t0 = performance.now();
  let added = await store.count();
  for (let i = added; added < BASE; i++) {
    if ((await store.put(synthesize(pool, i))).status === 'added') added++;
    if (added % 500 === 0) process.stderr.write(`\rbench/search: ${added} / ${BASE} articles stored`);
  }
  const stored = (performance.now() - t0) / 1000;
  process.stderr.write(`\rbench/search: ${BASE} articles stored in ${stored.toFixed(0)} s (${(1000 * stored / BASE).toFixed(1)} ms each)\n`);
  const pg = (await import('pg')).default;
  const c = new pg.Client({ connectionString: DB });
  await c.connect();
  const t1 = performance.now();
  const span = Number((await c.query('SELECT max(rowid) AS m FROM documents WHERE id NOT LIKE $1', ['%~%'])).rows[0].m);
  const have = Number((await c.query('SELECT count(*) AS n FROM documents')).rows[0].n);
  const copies = Math.ceil((N - have) / BASE);
  const first = Math.round(have / BASE);
  // Without the text indexes while copying: built once at the end, they are much faster than kept up row by row.
  await c.query('DROP INDEX IF EXISTS texts_tsv');
  await c.query('DROP INDEX IF EXISTS texts_pairs');
  for (let k = first; k < first + copies; k++) {
    const off = k * span, tag = `~${k}`, limit = Math.min(BASE, N - have - (k - first) * BASE);
    await c.query('BEGIN');
    await c.query(`CREATE TEMP TABLE pick ON COMMIT DROP AS SELECT rowid FROM documents WHERE rowid <= $1 ORDER BY rowid LIMIT $2`, [span, limit]);
    await c.query(`INSERT INTO documents (rowid, id, hash, title, author, outlet, url, published, origin, lang, day, added, types, source)
      SELECT d.rowid + $1, d.id || $2, d.hash || $2, d.title, d.author, d.outlet, d.url, d.published, d.origin, d.lang, d.day, d.added, d.types, d.source
      FROM documents d JOIN pick USING (rowid)`, [off, tag]);
    await c.query('INSERT INTO texts (rowid, title, text, tsv, pairs) SELECT t.rowid + $1, t.title, t.text, t.tsv, t.pairs FROM texts t JOIN pick USING (rowid)', [off]);
    await c.query('INSERT INTO doc_entities (doc, entity, mentions, type, day) SELECT de.doc + $1, de.entity, de.mentions, de.type, de.day FROM doc_entities de JOIN pick p ON p.rowid = de.doc', [off]);
    await c.query(`INSERT INTO places (doc, seq, start, "end", text, name, norm, lat, lon, country, geoname_id)
      SELECT pl.doc + $1, pl.seq, pl.start, pl."end", pl.text, pl.name, pl.norm, pl.lat, pl.lon, pl.country, pl.geoname_id FROM places pl JOIN pick p ON p.rowid = pl.doc`, [off]);
    await c.query('COMMIT');
    process.stderr.write(`\rbench/search: ${have + (k - first + 1) * BASE} / ${N} articles (copies made in SQL)`);
  }
  const copied = (performance.now() - t1) / 1000;
  const t2 = performance.now();
  await c.query('CREATE INDEX IF NOT EXISTS texts_tsv ON texts USING gin(tsv)');
  await c.query('CREATE INDEX IF NOT EXISTS texts_pairs ON texts USING gin(pairs)');
  await c.query(`SELECT setval(pg_get_serial_sequence('documents', 'rowid'), (SELECT max(rowid) FROM documents))`);
  await c.query('VACUUM ANALYZE');
  await c.end();
  process.stderr.write(`\nbench/search: copied in ${copied.toFixed(0)} s, text indexes built and tables analysed in ${((performance.now() - t2) / 1000).toFixed(0)} s\n`);
}

function summary(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p) => s[Math.min(s.length - 1, Math.floor(p * s.length))];
  return { p50: q(0.5), p95: q(0.95), p99: q(0.99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

/** Sentences of the dev articles with the layers that fall inside them, offsets made local. */
async function sentencePool() {
  const { Doc } = await dist('core/doc.js');
  const { defaultPipeline } = await dist('pipeline/default.js');
  const { toRecord } = await dist('output/record.js');
  const texts = [];
  const pol = join(SHARED, 'polnear/dev/text');
  if (existsSync(pol)) for (const f of readdirSync(pol).sort()) texts.push(readFileSync(join(pol, f), 'utf8'));
  const gwn = join(SHARED, 'geowebnews/gwn-dev.jsonl');
  if (existsSync(gwn)) for (const line of readFileSync(gwn, 'utf8').split('\n')) if (line.trim()) texts.push(JSON.parse(line).text);
  const pipeline = defaultPipeline();
  const out = [];
  const t0 = performance.now();
  for (const t of texts) {
    const rec = toRecord(pipeline.run(Doc.create(t, {})));
    const ents = new Map(rec.entities.map((e) => [e.id, e]));
    for (const s of rec.sentences) {
      const text = rec.text.slice(s.start, s.end);
      if (text.length < 30 || text.length > 600) continue;
      const inside = (x) => x.start >= s.start && x.end <= s.end;
      const shift = (x) => ({ ...x, start: x.start - s.start, end: x.end - s.start });
      out.push({
        text,
        mentions: rec.mentions.filter(inside).map((m) => ({ ...shift(m), name: (m.entity && ents.get(m.entity)?.name) || m.text })),
        places: rec.places.filter(inside).map(shift),
        times: rec.times.filter(inside).map(shift),
      });
    }
  }
  process.stderr.write(`bench/search: ${out.length} sentences from ${texts.length} dev articles (pipeline ${((performance.now() - t0) / 1000).toFixed(1)} s)\n`);
  return out;
}

/** One article of 4 to 12 pooled sentences, with its names grouped into entities. */
function synthesize(pool, i) {
  const n = 4 + Math.floor(rand() * 9);
  let text = '';
  const mentions = [];
  const places = [];
  const times = [];
  const entities = new Map();
  for (let k = 0; k < n; k++) {
    const s = pick(pool);
    if (k) text += k % 4 === 0 ? '\n\n' : ' ';
    const off = text.length;
    text += s.text;
    for (const m of s.mentions) {
      const key = `${m.type}:${m.name}`;
      if (!entities.has(key)) entities.set(key, { id: `e${entities.size + 1}`, type: m.type, name: m.name, aliases: [] });
      const { name: _n, entity: _e, ...rest } = m;
      mentions.push({ ...rest, start: m.start + off, end: m.end + off, entity: entities.get(key).id });
    }
    for (const p of s.places) places.push({ ...p, start: p.start + off, end: p.end + off, entity: undefined });
    for (const t of s.times) times.push({ ...t, start: t.start + off, end: t.end + off });
  }
  const day = new Date(Date.UTC(2015, 0, 1) + Math.floor(rand() * 3650) * 86400000).toISOString().slice(0, 10);
  const title = text.slice(0, 90).replace(/\s+\S*$/, '');
  const id = `bench-${i}`;
  return {
    schema: 'newsgraph/1', id, hash: id, text,
    meta: { title, outlet: pick(OUTLETS), author: `Writer ${1 + Math.floor(rand() * 300)}`, published: day },
    sentences: [], paragraphs: [], mentions, entities: [...entities.values()], quotes: [], quantities: [], times, places,
    relations: [], events: [], stages: [], diagnostics: [],
  };
}

/** Queries as analysts type them: single words, two words, phrases and names, drawn from the corpus. */
function makeQueries(pool, count) {
  const STOP = new Set('the a an and or of to in on for with at by from as is was were are be been has have had it its that this which who said says would could will not but their they he she his her we you i'.split(' '));
  const words = [];
  for (const s of pool) for (const w of s.text.toLowerCase().match(/\p{L}{3,}/gu) ?? []) if (!STOP.has(w)) words.push(w);
  const names = pool.flatMap((s) => s.mentions.map((m) => m.name)).filter((n) => /^[\p{L} .'-]{3,40}$/u.test(n));
  const out = [];
  while (out.length < count) {
    const r = out.length % 4;
    if (r === 0) out.push({ kind: 'word', q: pick(words) });
    else if (r === 1) out.push({ kind: 'two words', q: `${pick(words)} ${pick(words)}` });
    else if (r === 2) {
      const s = pick(pool).text.match(/\p{L}+/gu) ?? [];
      const at = Math.floor(rand() * Math.max(1, s.length - 2));
      out.push({ kind: 'phrase', q: `"${s.slice(at, at + 2).join(' ')}"` });
    } else out.push({ kind: 'name', q: names.length ? pick(names) : pick(words) });
  }
  return out;
}
