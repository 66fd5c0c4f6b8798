// The entity (mentions) stage alone, on one core: tokens per second of CPU time over a fixed
// corpus, first with the process's word caches empty (each article's new words pay for their
// per-word sums), then again with them filled, as in a long ingest.
// Usage: npm run build && node bench/ner.mjs [DIR_OF_TXT] [rounds]
// Without a directory it reads ../shared/data/polnear/train/text when present, else examples/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const { Doc } = await import('../dist/core/doc.js');
const { tokensStage } = await import('../dist/stages/tokens/stage.js');
const { sentencesStage } = await import('../dist/stages/sentences/stage.js');
const { mentionsStage } = await import('../dist/stages/entities/stage.js');

const shared = resolve(ROOT, '../shared/data/polnear/train/text');
const dir = process.argv[2] ?? (existsSync(shared) ? shared : join(ROOT, 'examples'));
const rounds = Number(process.argv[3] ?? 3);
const ctx = { options: {}, diagnostic() {} };
const docs = readdirSync(dir).filter((f) => /\.(txt|md)$/.test(f)).sort().map((f) => {
  let d = Doc.create(readFileSync(join(dir, f), 'utf8'));
  d = d.with(tokensStage.run(d, ctx));
  return d.with(sentencesStage.run(d, ctx));
});
const tokens = docs.reduce((n, d) => n + d.layer('tokens').length, 0);
console.log(`corpus: ${dir}, ${docs.length} articles, ${tokens} tokens`);
const load = process.cpuUsage();
mentionsStage.run(Doc.create('Model loading.').with({ tokens: [], sentences: [] }), ctx);
const l = process.cpuUsage(load);
console.log(`model load: ${((l.user + l.system) / 1000).toFixed(0)} ms CPU`);
for (let r = 0; r < rounds; r++) {
  const t0 = process.cpuUsage();
  for (const d of docs) mentionsStage.run(d, ctx);
  const u = process.cpuUsage(t0);
  const secs = (u.user + u.system) / 1e6;
  console.log(`round ${r + 1} (${r === 0 ? 'word caches empty' : 'word caches filled'}): ${Math.round(tokens / secs).toLocaleString('en')} tokens/s, ${(1000 * secs / docs.length).toFixed(2)} ms/article`);
}
