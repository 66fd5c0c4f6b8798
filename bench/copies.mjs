#!/usr/bin/env node
// Copies as a store grows: made-up articles (words drawn from a made-up vocabulary, every tenth
// a cut copy of an earlier one, each outlet closing its articles with the same footer; as long
// as the real articles of the baseline) land in
// a store with the copies stage; a second store takes the same records without it (and without
// their copies index) as the baseline. Prints, per tenth of the run, the milliseconds per
// document of the stage, of writing its index, of storing without it, and the candidates the
// store proposed and the stage checked per document; then the stage and its index as a share
// of a full ingest (extraction and storing with the default collection, measured in the same run
// on real articles, sampled during it: see ingestBaseline). Flat rows mean the cost per document
// does not grow with the store.
//
//   node bench/copies.mjs                    # 20,000 documents
//   node bench/copies.mjs --docs 100000      # the 100,000-document figure
//
// Results: a table on stdout and bench/results/copies.json.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { dist, flag, groupedWrites, ingestBaseline, realTexts, ROOT } from './lib.mjs';

const N = Number(flag('--docs', '20000'));

const { Doc, toRecord } = await dist('index.js');
const { Collection } = await dist('pipeline/collection.js');
const { copiesStage } = await dist('stories/stage.js');
const { SqliteStore } = await dist('store/sqlite/sqlite-store.js');
const { Pipeline } = await dist('pipeline/pipeline.js');

// ---- the baseline: a full ingest per document, on real articles ------------------------------
const { texts: real } = await realTexts(150);
process.stderr.write(`bench/copies: full ingest of ${real.length} real articles for the baseline\n`);
const baseline = await ingestBaseline(real);
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-copies-bench-'));

// ---- made-up articles ------------------------------------------------------------------------
const SYL = ['ka', 'lo', 'mi', 'ren', 'tu', 'sha', 'vel', 'dor', 'in', 'ba', 'cor', 'eth', 'ul', 'zan', 'pri', 'mo', 'gar', 'fe', 'nis', 'ol', 'tra', 'bel', 'ru', 'sen'];
let seed = 12345;
const rand = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296);
const VOCAB = Array.from({ length: 20000 }, (_, i) => {
  let w = '';
  for (let n = i + 1, k = 0; k < 2 || n > 0; k++, n = Math.floor(n / SYL.length)) w += SYL[n % SYL.length];
  return w;
});
// Zipf-like: common words are common, as in news text.
const word = () => VOCAB[Math.floor(VOCAB.length * rand() ** 3)];
const sentence = () => {
  const n = 8 + Math.floor(rand() * 18);
  const ws = Array.from({ length: n }, word);
  ws[0] = ws[0][0].toUpperCase() + ws[0].slice(1);
  return ws.join(' ') + '.';
};
const paragraph = () => Array.from({ length: 2 + Math.floor(rand() * 3) }, sentence).join(' ');
const LENGTHS = real.map((t) => t.split(/\s+/).length);
const OUTLETS = Array.from({ length: 50 }, (_, i) => ({ name: `Outlet ${VOCAB[i * 7 + 3]}`, footer: `${paragraph()} ${sentence()}` }));
const texts = [];
function makeDoc(i) {
  const outlet = OUTLETS[i % OUTLETS.length];
  let paras;
  if (i > 50 && i % 10 === 0) {
    // A cut copy of an earlier article, under another outlet.
    const orig = texts[Math.floor(rand() * texts.length)].split('\n\n');
    paras = orig.slice(0, Math.max(2, Math.ceil(orig.length * 0.7)));
  } else {
    // As long as a real article: paragraphs until the length of one drawn from the corpus.
    paras = [sentence()];
    for (let words = 0, n = LENGTHS[Math.floor(rand() * LENGTHS.length)]; words < n;) {
      const p = paragraph();
      paras.push(p);
      words += p.split(' ').length;
    }
    paras.push(outlet.footer);
    texts.push(paras.join('\n\n'));
    if (texts.length > 2000) texts.shift();
  }
  const text = paras.join('\n\n') + '\n';
  return { text, meta: { outlet: outlet.name, published: `2024-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` } };
}

// ---- the run ---------------------------------------------------------------------------------
const empty = new Pipeline([]);
const copies = new Collection([copiesStage]);
const withCopies = new SqliteStore(join(dir, 'copies.db'));
const plain = new SqliteStore(join(dir, 'plain.db'));
// Counts what the store proposes and what the stage checks, without changing either.
let proposed = 0;
const propose = withCopies.copyCandidates.bind(withCopies);
withCopies.copyCandidates = async (sample, opts) => { const c = await propose(sample, opts); proposed += c.length; return c; };
const writes = await groupedWrites(withCopies), plainWrites = await groupedWrites(plain);
const step = Math.max(1, Math.floor(N / 10));
const rows = [['documents', 'stage ms/doc', 'index ms/doc', 'store ms/doc', 'proposed/doc', 'copies found', 'ingest ms/doc', 'copies / ingest']];
const results = [];
let stageMs = 0, putMs = 0, plainMs = 0, found = 0;
let stretch = baseline.mark();
for (let i = 0; i < N; i++) {
  const { text, meta } = makeDoc(i);
  const rec = toRecord(empty.run(Doc.create(text, meta)));
  await writes.open();
  await plainWrites.open();
  const t0 = performance.now();
  const done = await copies.run(rec, withCopies);
  const t1 = performance.now();
  await withCopies.put(done);
  await writes.landed();
  const t2 = performance.now();
  // The same record without the stage's fields: stored and not indexed.
  await plain.put({ ...rec, copyOf: 'none', copyShare: 1 });
  await plainWrites.landed();
  const t3 = performance.now();
  stageMs += t1 - t0; putMs += t2 - t1; plainMs += t3 - t2;
  if (done.copyOf) found++;
  if ((i + 1) % step === 0) {
    // The baseline is sampled at the end of each tenth: each row is a share of its own stretch.
    await baseline.sample();
    const row = { documents: i + 1, stageMsPerDoc: stageMs / step, indexMsPerDoc: Math.max(0, putMs - plainMs) / step, storeMsPerDoc: plainMs / step, proposedPerDoc: proposed / step, copiesFound: found, ingestMsPerDoc: baseline.since(stretch) };
    stretch = baseline.mark();
    results.push(row);
    const share = (row.stageMsPerDoc + row.indexMsPerDoc) / row.ingestMsPerDoc;
    rows.push([row.documents, row.stageMsPerDoc.toFixed(3), row.indexMsPerDoc.toFixed(3), row.storeMsPerDoc.toFixed(3), row.proposedPerDoc.toFixed(2), found, row.ingestMsPerDoc.toFixed(1), `${(100 * share).toFixed(1)}%`]);
    process.stderr.write(`\rbench/copies: ${i + 1} / ${N}`);
    stageMs = putMs = plainMs = proposed = 0;
  }
}
process.stderr.write('\n');
await writes.commit();
await plainWrites.commit();
await withCopies.close();
await plain.close();
rmSync(dir, { recursive: true, force: true });
const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => String(r[c]).length)));
for (const r of rows) console.log(r.map((v, c) => String(v).padStart(widths[c])).join('  '));
const first = results[0], last = results[results.length - 1];
const cost = (r) => r.stageMsPerDoc + r.indexMsPerDoc;
const { samples } = baseline;
console.log(`\nfull ingest (extract + store with the default collection) on ${real.length} real articles, sampled ${samples.length} times during the run: ${Math.min(...samples).toFixed(1)} to ${Math.max(...samples).toFixed(1)} ms/doc`);
console.log(`copies (stage + index) per document / full ingest over the same stretch: ${(100 * cost(first) / first.ingestMsPerDoc).toFixed(1)}% at ${first.documents}, ${(100 * cost(last) / last.ingestMsPerDoc).toFixed(1)}% at ${last.documents}`);
console.log(`copies per document, last tenth / first tenth: ${(cost(last) / cost(first)).toFixed(2)}x over ${last.documents / first.documents}x the documents`);
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/copies.json'), JSON.stringify({ date: new Date().toISOString(), documents: N, ingestSamples: samples, results }, null, 2) + '\n');
