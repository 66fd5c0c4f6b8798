// Trains the named-entity model from ../shared/data and writes models/ner/model.bin.
// Usage: node scripts/train-ner.mjs [--data DIR] [--out FILE] [--epochs N] [--no-re3d] [--no-clusters]
// (run `npm run build` first; `npm run train:ner` does both).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConll, readRe3d } from '../dist/stages/entities/corpora.js';
import { prepareDoc, prepareText, train, writeModel } from '../dist/stages/entities/train.js';
import { readUnlabelledTexts } from '../dist/stages/entities/unlabelled.js';

const { values: a } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(process.cwd(), '../shared/data') },
    out: { type: 'string', default: 'models/ner/model.bin' },
    epochs: { type: 'string', default: '10' },
    seed: { type: 'string', default: '17' },
    're3d-weight': { type: 'string', default: '2' },
    'no-re3d': { type: 'boolean', default: false },
    'no-clusters': { type: 'boolean', default: false },
  },
});
const t0 = Date.now();
const log = (s) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const conll = join(a.data, 'conll2003/train.conll');
if (!existsSync(conll)) { console.error(`missing ${conll}`); process.exit(1); }
const docs = readConll(conll).map((d) => prepareDoc(d, 1));
log(`conll train: ${docs.length} documents`);
if (!a['no-re3d']) {
  const re3d = readRe3d(join(a.data, 're3d/train.jsonl')).map((d) => prepareDoc(d, Number(a['re3d-weight'])));
  docs.push(...re3d);
  log(`re3d train: ${re3d.length} documents (weight ${a['re3d-weight']})`);
}
const unlabelled = a['no-clusters'] ? [] : readUnlabelledTexts(a.data).map(prepareText);
log(`unlabelled: ${unlabelled.length} documents`);
const result = train(docs, unlabelled, {
  epochs: Number(a.epochs),
  seed: Number(a.seed),
  minFeatureCount: 2,
  pruneBelow: 0.05,
  lexicon: a['no-clusters'] ? undefined : { minCount: 3, clusterLevels: [64, 256, 1024], dims: 48, iterations: 8, seed: Number(a.seed) },
  log,
});
mkdirSync(dirname(a.out), { recursive: true });
const bytes = writeModel(a.out, result, { corpora: ['conll2003/train', a['no-re3d'] ? null : 're3d/train'].filter(Boolean), epochs: Number(a.epochs), seed: Number(a.seed) });
log(`wrote ${a.out} (${(bytes / 1e6).toFixed(1)} MB)`);
