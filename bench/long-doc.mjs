#!/usr/bin/env node
// Cost of one long document by its size: real articles joined into one text of 1, 2 and 4 MB
// (or made-up sentences when ../shared is absent), each extracted once after a warm-up. Per-stage
// milliseconds show which stage grows faster than the text; linear cost doubles with the size.
// Then pathological HTML: a page of an article inside 25,000, 50,000 and 100,000 nested elements,
// read by the HTML reader (the same doubling, and whether the article is kept).
//
//   node bench/long-doc.mjs                 # 1, 2 and 4 MB
//   node bench/long-doc.mjs --mb 0.5,1,2
//
// Results: a table on stdout and bench/results/long-doc.json.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { dist, flag, realTexts, ROOT } from './lib.mjs';

const SIZES = flag('--mb', '1,2,4').split(',').map(Number);
const { Doc, defaultPipeline } = await dist('index.js');
const { corpus, texts } = await realTexts(1000);
const pipeline = defaultPipeline();
pipeline.run(Doc.create(texts[0]));

const rows = [];
for (const mb of SIZES) {
  const parts = [];
  for (let n = 0, i = 0; n < mb * 1e6; i++) {
    const t = texts[i % texts.length];
    parts.push(t);
    n += t.length + 2;
  }
  const text = parts.join('\n\n');
  const t0 = performance.now();
  const r = pipeline.run(Doc.create(text));
  const ms = performance.now() - t0;
  rows.push({ mb, chars: text.length, ms, stages: Object.fromEntries(r.timings.map((s) => [s.name, Math.round(s.ms)])) });
  process.stderr.write(`${mb} MB: ${(ms / 1000).toFixed(1)} s\n`);
}
console.log(`corpus: ${corpus}`);
const names = Object.keys(rows[0].stages);
const table = [['MB', 'total s', 'x previous', ...names], ...rows.map((r, i) => [
  r.mb, (r.ms / 1000).toFixed(1), i ? (r.ms / rows[i - 1].ms).toFixed(2) : '', ...names.map((n) => r.stages[n]),
])];
const widths = table[0].map((_, c) => Math.max(...table.map((r) => String(r[c]).length)));
for (const r of table) console.log(r.map((v, c) => String(v).padStart(widths[c])).join('  '));
console.log('(stage columns in ms)');

// Nested elements: an article wrapped in n divs, read as `ingest` reads a page.
const { extractArticle } = await dist('ingest/readers/html.js');
const article = `<p>${texts[0].split(/\n+/).slice(0, 8).join('</p><p>')}</p>`;
const nesting = [];
for (const n of [25_000, 50_000, 100_000]) {
  const page = `<html><head><title>Nested</title></head><body>${'<div class="x">'.repeat(n)}${article}${'</div>'.repeat(n)}</body></html>`;
  const t0 = performance.now();
  const x = extractArticle(page);
  nesting.push({ elements: n, ms: performance.now() - t0, kept: x.ok ? x.text.length : 0, error: x.ok ? undefined : x.error });
}
const nestRows = [['nested elements', 'read ms', 'x previous', 'article chars kept'], ...nesting.map((r, i) => [
  r.elements, r.ms.toFixed(0), i ? (r.ms / nesting[i - 1].ms).toFixed(2) : '', r.error ? `none: ${r.error}` : r.kept,
])];
const nestWidths = nestRows[0].map((_, c) => Math.max(...nestRows.map((r) => String(r[c]).length)));
console.log('');
for (const r of nestRows) console.log(r.map((v, c) => String(v).padStart(nestWidths[c])).join('  '));
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/long-doc.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, corpus, rows, nesting }, null, 2) + '\n');
// Linear cost doubles with the size; past 3x per doubling a step grows faster than its input.
const growth = (xs, size) => xs.slice(1).map((r, i) => (r.ms / xs[i].ms) / (size(r) / size(xs[i])) * 2);
const worst = Math.max(...growth(rows, (r) => r.chars), ...growth(nesting, (r) => r.elements));
if (worst > 3) {
  console.error(`bench/long-doc: cost grows faster than the input: ${worst.toFixed(2)}x per doubling (over 3)`);
  process.exit(1);
}
