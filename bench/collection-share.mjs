#!/usr/bin/env node
// What copies and stories add to ingest as a store grows, like for like: two stores grow side by
// side (two processes, one core each) from the same real records, one with the default collection
// (knowledge base, copies, stories), the other with the knowledge base alone and no copies index.
// Records are extracted once from real articles, then stored again and again as copies that are
// corpora of their own (bench/lib.mjs replicaOf: new ids, half the entities renamed, the words
// outside names enciphered per copy, each copy a month of its own, three months apart), so copies and stories meet
// what they meet in a real collection: revised versions, reports of one event, and a growing
// index. Each process measures collection plus storing per document (groups of writes committed
// as `ingest` commits them; stories settled every SETTLE_EVERY documents, as an ingest's batch
// ends); extraction, which does not depend on the store, is measured on the same articles in
// this process, before and after. A row's share is what the full collection costs over the
// other, divided by a whole ingest without copies and stories at that size:
//   (full - without) / (extraction + without).
//
//   node bench/collection-share.mjs                  # 20,000 documents
//   node bench/collection-share.mjs --docs 100000    # the 100,000-document figure (about an hour)
//   node bench/collection-share.mjs --docs 100000 --keep DIR   # and keep both stores in DIR
//   node bench/collection-share.mjs --docs 3000 --from DIR     # 3,000 more documents on copies of
//                                                              # kept stores: the cost at their size
//
// Results: a table on stdout, with where each mode's time goes (its collection stages, storing,
// committing, settling), and bench/results/collection-share.json.
import { fork } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { dist, flag, groupedWrites, realTexts, replicaOf, ROOT } from './lib.mjs';

const N = Number(flag('--docs', '20000'));
const MODE = flag('--mode', '');
const KEEP = flag('--keep', '');
const FROM = flag('--from', '');
/** Documents between two settle steps: an ingest settles at the end of each batch. */
const SETTLE_EVERY = 1000;
const DAY0 = Date.UTC(2014, 0, 1);
/** Days from one copy of the corpus to the next (see grow). */
const COPY_DAYS = 90;

if (MODE) await grow(MODE, flag('--records', ''), flag('--out', ''));
else await main();

async function main() {
  const { Doc, defaultPipeline, toRecord } = await dist('index.js');
  const { texts, corpus } = await realTexts();
  const extract = () => {
    const t0 = performance.now();
    const recs = texts.map((t) => toRecord(defaultPipeline().run(Doc.create(t))));
    return { recs, ms: (performance.now() - t0) / texts.length };
  };
  defaultPipeline().run(Doc.create(texts[0]));
  process.stderr.write(`bench/collection-share: extracting ${texts.length} articles\n`);
  const first = extract();
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-share-bench-'));
  const records = join(dir, 'records.json');
  writeFileSync(records, JSON.stringify(first.recs));
  const self = fileURLToPath(import.meta.url);
  const run = (mode) => new Promise((done, fail) => {
    const out = join(dir, `${mode}.json`);
    const pass = ['--group', '--keep', '--from'].flatMap((f) => (flag(f, '') ? [f, flag(f, '')] : []));
    const child = fork(self, ['--mode', mode, '--records', records, '--out', out, '--docs', String(N), ...pass], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.on('exit', (code) => (code ? fail(new Error(`${mode}: exit ${code}`)) : done(JSON.parse(readFileSync(out, 'utf8')))));
  });
  const [full, without] = await Promise.all([run('full'), run('without')]);
  const extractMs = (first.ms + extract().ms) / 2;
  rmSync(dir, { recursive: true, force: true });
  const rows = [['documents', 'extract ms/doc', 'full ms/doc', 'without ms/doc', 'copies+stories ms/doc', 'share of ingest', 'CPU share']];
  const results = full.map((f, i) => {
    const w = without[i];
    const row = { documents: f.documents, extractMs, fullMs: f.ms, withoutMs: w.ms, fullParts: f.parts, withoutParts: w.parts, fullCpuMs: f.cpuMs, withoutCpuMs: w.cpuMs, stories: f.stories, copies: f.copies };
    row.share = (f.ms - w.ms) / (extractMs + w.ms);
    row.cpuShare = (f.cpuMs - w.cpuMs) / (extractMs + w.cpuMs);
    rows.push([row.documents, extractMs.toFixed(1), f.ms.toFixed(2), w.ms.toFixed(2), (f.ms - w.ms).toFixed(2), `${(100 * row.share).toFixed(1)}%`, `${(100 * row.cpuShare).toFixed(1)}%`]);
    return row;
  });
  console.log(`${corpus}: ${texts.length} articles extracted once (${extractMs.toFixed(1)} ms/doc, mean of a pass before and after), stored as ${N} documents in two stores side by side; each row covers the documents since the one before`);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
  for (const r of rows) console.log(r.map((v, c) => String(v).padStart(widths[c])).join('  '));
  const last = results[results.length - 1];
  const split = (r) => Object.entries(r.parts).map(([k, v]) => `${k} ${v.toFixed(2)}`).join(', ');
  console.log(`\nms/doc over all rows, by part: full ${split(mean(full))}; without ${split(mean(without))}`);
  console.log(`copies and stories at ${last.documents} documents: ${(100 * last.share).toFixed(1)}% of an ingest without them (${last.stories} stories, ${last.copies} copies in the store)`);
  mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(join(ROOT, 'bench/results/collection-share.json'), JSON.stringify({ date: new Date().toISOString(), corpus, documents: N, results }, null, 2) + '\n');
}

/** One store grown to N documents: `full` with the default collection, `without` with the knowledge base alone. */
async function grow(mode, recordsFile, out) {
  const { Collection } = await dist('pipeline/collection.js');
  const { defaultCollectionStages } = await dist('pipeline/default.js');
  const { SqliteStore } = await dist('store/sqlite/sqlite-store.js');
  const base = JSON.parse(readFileSync(recordsFile, 'utf8'));
  const dir = mkdtempSync(join(tmpdir(), `newsgraph-share-${mode}-`));
  // A kept store goes on from where it was left: its documents were the first `start` of the sequence.
  const start = FROM ? JSON.parse(readFileSync(join(FROM, 'kept.json'), 'utf8')).documents : 0;
  if (FROM) copyFileSync(join(FROM, `${mode}.db`), join(dir, 'store.db'));
  const store = new SqliteStore(join(dir, 'store.db'));
  const stages = defaultCollectionStages().filter((s) => mode === 'full' || (s.name !== 'copies' && s.name !== 'stories'));
  // The copies index is the copies stage's: without it, stored records are not indexed for it.
  if (mode !== 'full') store['copies'].add = () => {};
  const collection = new Collection(stages);
  const writes = await groupedWrites(store);
  const marks = new Set((FROM ? Array.from({ length: Math.ceil(N / 1000) }, (_, j) => Math.min(N, 1000 * (j + 1))) : [1000, 2000, 5000, 10000, 20000, 50000, 100000, N].filter((m) => m <= N)).map((m) => start + m));
  const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
  const results = [];
  let ms = 0, cpuMs = 0, since = 0;
  // Where a row's time goes: each collection stage, storing, committing, settling.
  let parts = { put: 0, commit: 0, settle: 0 };
  for (let i = start; i < start + N; i++) {
    const c = Math.floor(i / base.length), k = i % base.length;
    // Each copy of the corpus is a month of its own, its articles spread over it, two months after
    // the one before: further apart than stories' day window (30 days), so that the entities and
    // places every copy keeps do not chain the copies' stories into one.
    const published = new Date(DAY0 + (c * COPY_DAYS + Math.floor((k * 30) / base.length)) * 86_400_000).toISOString().slice(0, 10);
    const rec = replicaOf(base[k], c, { text: true, published });
    const t0 = performance.now(), c0 = cpu();
    await writes.open();
    const ran = await collection.run(rec, store);
    for (const st of ran.stages) if (stages.some((s) => s.name === st.name)) parts[st.name] = (parts[st.name] ?? 0) + st.ms;
    const t1 = performance.now();
    await store.put(ran);
    const t2 = performance.now();
    await writes.landed();
    if ((i + 1) % SETTLE_EVERY === 0 || marks.has(i + 1)) await writes.commit();
    const t3 = performance.now();
    if ((i + 1) % SETTLE_EVERY === 0 || marks.has(i + 1)) await collection.settle(store);
    parts.put += t2 - t1;
    parts.commit += t3 - t2;
    parts.settle += performance.now() - t3;
    ms += performance.now() - t0;
    cpuMs += cpu() - c0;
    since++;
    if (marks.has(i + 1)) {
      const count = (sql) => store['db'].prepare(sql).pluck().get();
      results.push({ documents: i + 1, count: since, ms: ms / since, cpuMs: cpuMs / since, parts: Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, v / since])), stories: count('SELECT count(*) FROM stories'), copies: count('SELECT count(*) FROM documents WHERE copy_of IS NOT NULL') });
      process.stderr.write(`bench/collection-share (${mode}): ${i + 1} documents\n`);
      ms = cpuMs = since = 0;
      parts = { put: 0, commit: 0, settle: 0 };
    }
  }
  await store.close();
  if (KEEP) {
    mkdirSync(KEEP, { recursive: true });
    renameSync(join(dir, 'store.db'), join(KEEP, `${mode}.db`));
    writeFileSync(join(KEEP, 'kept.json'), JSON.stringify({ documents: start + N }));
  }
  rmSync(dir, { recursive: true, force: true });
  writeFileSync(out, JSON.stringify(results));
}

/** Rows' parts averaged, each row weighed by the documents it covers. */
function mean(rows) {
  const n = rows.reduce((a, r) => a + r.count, 0);
  const parts = {};
  for (const r of rows) for (const [k, v] of Object.entries(r.parts)) parts[k] = (parts[k] ?? 0) + (v * r.count) / n;
  return { parts };
}
