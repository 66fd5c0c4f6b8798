// Writes models/stories/df.json: in how many of a set of news articles each word appears, the
// document frequencies story clustering starts from, so that a young store weighs words as a
// large one would (see src/stories/story-prior.ts). Words in fewer than two articles are left out.
// Usage: node scripts/build-story-prior.mjs [--data DIR] [--out FILE]   (run `npm run build` first)
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { storyTerms } from '../dist/stories/story-features.js';

const { values: a } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(process.cwd(), '../shared/data') },
    out: { type: 'string', default: 'models/stories/df.json' },
  },
});
// Unlabelled news text: the PolNeAR articles, train and dev.
const dirs = ['polnear/train/text', 'polnear/dev/text'].map((d) => join(a.data, d));
const df = new Map();
let documents = 0;
for (const dir of dirs) {
  for (const name of readdirSync(dir).sort()) {
    documents++;
    for (const w of storyTerms(readFileSync(join(dir, name), 'utf8')).keys()) df.set(w, (df.get(w) ?? 0) + 1);
  }
}
const kept = [...df].filter(([, n]) => n >= 2).sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1));
mkdirSync(dirname(a.out), { recursive: true });
writeFileSync(a.out, JSON.stringify({ documents, df: Object.fromEntries(kept) }) + '\n');
console.log(`${a.out}: ${documents} articles, ${kept.length} words`);
