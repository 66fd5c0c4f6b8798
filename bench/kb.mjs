#!/usr/bin/env node
// Knowledge-base resolution as a store grows: records of a real corpus are extracted once, then
// stored again and again (new ids; every other entity renamed with made-up words, so new
// entities with new names keep coming while the others gather documents) with resolution as
// they land. Prints, per tenth of the run, the milliseconds per
// document that resolution and storing take, in wall-clock time and in this process's CPU time
// (steadier than the clock when other work shares the machine), and the candidates the store
// proposed per document; flat rows mean near-linear total time.
//
// Made-up words have three or four syllables of forty (64,000 and 2.56 million words).
// `--short-names` draws half of them from the 1,600 words of two syllables instead: each of those
// then names hundreds of entities by 100,000 documents, as only the commonest real surnames do,
// and the keys of such names fill up to their bounds.
//
//   node bench/kb.mjs                    # 20,000 documents from ../shared/data/polnear/train/text
//   node bench/kb.mjs --docs 100000      # the 100,000-document figure (about 45 minutes)
//   node bench/kb.mjs --short-names      # names that collide far more than real ones
//
// Results: a table on stdout and bench/results/kb.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, flag, groupedWrites, realTexts, replicaOf, ROOT } from './lib.mjs';

const N = Number(flag('--docs', '20000'));
const SHORT = process.argv.includes('--short-names');

const { Doc, defaultPipeline, toRecord } = await dist('index.js');
const { Collection } = await dist('pipeline/collection.js');
const { kbStage } = await dist('kb/stage.js');
const { SqliteStore } = await dist('store/sqlite/sqlite-store.js');
const { corpus, texts } = await realTexts();
process.stderr.write(`bench/kb: extracting ${texts.length} articles once\n`);
const base = texts.map((t, i) => toRecord(defaultPipeline().run(Doc.create(t, { published: `2016-${String(1 + (i % 12)).padStart(2, '0')}-15` }))));

const copy = (rec, c) => replicaOf(rec, c, { short: SHORT });

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-kb-bench-'));
const store = new SqliteStore(join(dir, 'kb.db'));
// The knowledge base alone: the other collection stages have benchmarks of their own.
const collection = new Collection([kbStage]);
// Counts what the store proposes, without changing it.
let proposed = 0;
const propose = store.kbCandidates.bind(store);
store.kbCandidates = async (keys) => { const c = await propose(keys); proposed += c.length; return c; };
const writes = await groupedWrites(store);
const step = Math.max(1, Math.floor(N / 10));
const rows = [['documents', 'entities', 'resolution ms/doc', 'resolution CPU ms/doc', 'store ms/doc', 'candidates/doc']];
let kbMs = 0, putMs = 0, kbCpu = 0;
const cpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };
const results = [];
for (let i = 0; i < N; i++) {
  const rec = copy(base[i % base.length], Math.floor(i / base.length));
  await writes.open();
  const t0 = performance.now(), c0 = cpuMs();
  const linked = await collection.run(rec, store);
  const t1 = performance.now();
  kbCpu += cpuMs() - c0;
  await store.put(linked);
  await writes.landed();
  kbMs += t1 - t0;
  putMs += performance.now() - t1;
  if ((i + 1) % step === 0) {
    const entities = (await store.entities({ limit: 1 })).length ? store['db'].prepare('SELECT count(*) AS n FROM entities').get().n : 0;
    const row = { documents: i + 1, entities, resolveMsPerDoc: kbMs / step, resolveCpuMsPerDoc: kbCpu / step, storeMsPerDoc: putMs / step, candidatesPerDoc: proposed / step };
    results.push(row);
    rows.push([row.documents, row.entities, row.resolveMsPerDoc.toFixed(2), row.resolveCpuMsPerDoc.toFixed(2), row.storeMsPerDoc.toFixed(2), row.candidatesPerDoc.toFixed(1)]);
    process.stderr.write(`\rbench/kb: ${i + 1} / ${N}`);
    kbMs = putMs = kbCpu = proposed = 0;
  }
}
process.stderr.write('\n');
await writes.commit();
await store.close();
if (!process.env.KB_BENCH_KEEP) rmSync(dir, { recursive: true, force: true }); else console.log('kept', dir);
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const r of rows) console.log(r.map((v, c) => String(v).padStart(widths[c])).join('  '));
const first = results[0], last = results[results.length - 1];
if (first && last) {
  console.log(`\nresolution per document, last tenth / first tenth: ${(last.resolveMsPerDoc / first.resolveMsPerDoc).toFixed(2)}x wall-clock, ${(last.resolveCpuMsPerDoc / first.resolveCpuMsPerDoc).toFixed(2)}x CPU, over ${last.documents / first.documents}x the documents`);
}
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/kb.json'), JSON.stringify({ date: new Date().toISOString(), corpus, documents: N, names: SHORT ? 'short' : 'long', results }, null, 2) + '\n');
