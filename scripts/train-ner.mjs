// Trains the named-entity model from ../shared/data and writes models/ner/model.bin.
// Usage: node scripts/train-ner.mjs [--data DIR] [--out FILE] [--epochs N] [--passes 1|2]
//        [--no-re3d] [--no-clusters] [--re3d-weight N] [--seed N]
// (run `npm run build` first; `npm run train:ner` does both).
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readConll, readRe3d } from '../dist/stages/entities/corpora.js';
import { docWords, GenreModel, trainGenre } from '../dist/stages/entities/genre.js';
import { averageRuns, prepareDoc, prepareText, train, writeModel } from '../dist/stages/entities/train.js';
import { readUnlabelledTexts } from '../dist/stages/entities/unlabelled.js';

const { values: a } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(process.cwd(), '../shared/data') },
    out: { type: 'string', default: 'models/ner/model.bin' },
    epochs: { type: 'string', default: '12' },
    seed: { type: 'string', default: '17' },
    // More than one: train with that many shuffling seeds and average the weights (a cheap ensemble).
    seeds: { type: 'string', default: '2' },
    passes: { type: 'string', default: '2' },
    prune: { type: 'string', default: '0.01' },
    're3d-weight': { type: 'string', default: '2' },
    'no-re3d': { type: 'boolean', default: false },
    // Leave every 4th re3d document out of training, to measure the report convention on unseen documents.
    're3d-holdout': { type: 'boolean', default: false },
    'no-clusters': { type: 'boolean', default: false },
    'shared-updates': { type: 'boolean', default: false },
  },
});
const t0 = Date.now();
const log = (s) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const seed = Number(a.seed);
const conll = join(a.data, 'conll2003/train.conll');
if (!existsSync(conll)) { console.error(`missing ${conll}`); process.exit(1); }
const docs = readConll(conll).map((d) => prepareDoc(d, 1, 0));
log(`conll train: ${docs.length} documents (newswire convention)`);
let genre;
const raw = readUnlabelledTexts(a.data);
if (!a['no-re3d']) {
  const re3d = readRe3d(join(a.data, 're3d/train.jsonl'))
    .filter((_, i) => !a['re3d-holdout'] || i % 4 !== 0)
    .map((d) => prepareDoc(d, Number(a['re3d-weight']), 1));
  log(`re3d train: ${re3d.length} documents (report convention, weight ${a['re3d-weight']})`);
  // Genre classifier: re3d reports against every news source we have.
  const news = [...docs.map((d) => d.tokens.words), ...raw.filter((r) => r.source !== 're3d').map((r) => prepareText(r.text).words)];
  const labelled = [...news.map((w) => ({ words: docWords(w), label: 0 })), ...re3d.map((d) => ({ words: docWords(d.tokens.words), label: 1 }))];
  const gopts = { epochs: 20, rate: 0.05, l2: 1e-5, seed, minDocs: 3 };
  // 5-fold cross-validation, for the log: how often the convention would be chosen right on unseen documents.
  let right = [0, 0], count = [0, 0];
  for (let k = 0; k < 5; k++) {
    const g = new GenreModel(trainGenre(labelled.filter((_, i) => i % 5 !== k), gopts));
    labelled.forEach((d, i) => { if (i % 5 === k) { count[d.label]++; if (g.domainOf(d.words) === d.label) right[d.label]++; } });
  }
  log(`genre classifier 5-fold accuracy: news ${right[0]}/${count[0]}, reports ${right[1]}/${count[1]}`);
  genre = trainGenre(labelled, gopts);
  docs.push(...re3d);
}
const unlabelled = a['no-clusters'] ? [] : raw.map((r) => prepareText(r.text));
log(`unlabelled: ${unlabelled.length} documents`);
const runs = [];
for (let k = 0; k < Number(a.seeds); k++) {
  runs.push(train(docs, unlabelled, {
    epochs: Number(a.epochs),
    seed: seed + 1000 * k,
    minFeatureCount: 2,
    pruneBelow: Number(a.prune),
    passes: Number(a.passes),
    twinsOnly: !a['shared-updates'],
    lexicon: a['no-clusters'] ? undefined : { minCount: 3, clusterLevels: [128, 512], dims: 40, iterations: 6, seed },
    log,
  }));
}
const result = runs.length === 1 ? runs[0] : averageRuns(runs);
result.genre = genre;
mkdirSync(dirname(a.out), { recursive: true });
const info = { seeds: Number(a.seeds), corpora: ['conll2003/train', a['no-re3d'] ? null : 're3d/train'].filter(Boolean), epochs: Number(a.epochs), passes: Number(a.passes), seed };
const bytes = writeModel(a.out, result, info);
log(`wrote ${a.out} (${(bytes / 1e6).toFixed(1)} MB)`);
