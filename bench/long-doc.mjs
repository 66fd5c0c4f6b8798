#!/usr/bin/env node
// Cost of one long document by its size: real articles joined into one text of 1, 2 and 4 MB
// (or made-up sentences when ../shared is absent), each extracted once after a warm-up. Per-stage
// milliseconds show which stage grows faster than the text; linear cost doubles with the size.
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
mkdirSync(join(ROOT, 'bench/results'), { recursive: true });
writeFileSync(join(ROOT, 'bench/results/long-doc.json'), JSON.stringify({ date: new Date().toISOString(), node: process.version, corpus, rows }, null, 2) + '\n');
