// Trains the relation model from the training part of re3d (scripts/split-re3d.mjs: documents
// whose id hashes to an even number; the odd ones stay unseen, for measuring) and writes
// models/relations/pairs.json. Every pair of resolved mentions the relations stage reads in a
// sentence is an example, labelled by the re3d relation whose source and target spans the two
// mentions overlap (FightingAgainst: fights, AlliesOf: allies, IsSynonymOf: alias, BelongsTo:
// member, with its direction; CommWith: talks), else `none`. Scores are given for the four types
// the re3d scorer reads and, apart, for CommWith.
// Usage: node scripts/train-relations.mjs [--data FILE] [--out FILE] [--cv K]
//   --cv K: also reports K-fold cross-validation over the training part, for a range of thresholds
// (run `npm run build` first; `npm run train:relations` does both).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { Doc } from '../dist/core/doc.js';
import { defaultPipeline } from '../dist/pipeline/default.js';
import { RE3D_APART, RE3D_SYMMETRIC as SYMMETRIC, RE3D_TYPE } from '../dist/eval/relations.js';
import { extractRelations } from '../dist/stages/relations/extract.js';
import { PAIR_LABELS, RelationModel, trainRelations } from '../dist/stages/relations/model.js';
import { RE3D_FILE, re3dPart } from './split-re3d.mjs';

const { values: a } = parseArgs({
  options: {
    data: { type: 'string', default: RE3D_FILE },
    out: { type: 'string', default: 'models/relations/pairs.json' },
    epochs: { type: 'string', default: '10' },
    rate: { type: 'string', default: '0.1' },
    l2: { type: 'string', default: '0.01' },
    seed: { type: 'string', default: '7' },
    'min-count': { type: 'string', default: '2' },
    'positive-weight': { type: 'string', default: '3' },
    threshold: { type: 'string', default: '0.6' },
    cv: { type: 'string' },
  },
});
const t0 = Date.now();
const log = (s) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));

const LABEL = { FightingAgainst: 'fights', AlliesOf: 'allies', IsSynonymOf: 'alias', BelongsTo: 'member', CommWith: 'talks' };
// Our types as the relations scorer maps them; CommWith is scored apart (the re3d scorer does not read it).
const SCORED = { ...RE3D_TYPE, ...RE3D_APART };
const APART = RE3D_APART.talks;

const items = readJsonl(a.data).filter((d) => re3dPart(d.id) === 'train');
const pipeline = defaultPipeline();
const docs = items.map((it) => pipeline.run(Doc.create(it.text, {}, String(it.id))).doc);
const golds = items.map((d) => d.relations.filter((g) => LABEL[g.type] && g.confidence >= 0.5));
log(`re3d training part: ${items.length} documents, ${golds.flat().length} relations of the four scored types and CommWith`);

const ov = (m, s, e) => m.start < e && s < m.end;
/** The label of the pair (x before y). */
function labelOf(gold, x, y) {
  for (const g of gold) {
    if (ov(x, g.sourceBegin, g.sourceEnd) && ov(y, g.targetBegin, g.targetEnd)) return LABEL[g.type];
    if (ov(y, g.sourceBegin, g.sourceEnd) && ov(x, g.targetBegin, g.targetEnd)) return g.type === 'BelongsTo' ? 'member<' : LABEL[g.type];
  }
  return 'none';
}

const perDoc = docs.map((doc, i) => {
  const ex = [];
  extractRelations(doc, { model: null, candidates: (c) => ex.push({ features: c.features, label: labelOf(golds[i], c.x, c.y) }) });
  return ex;
});
const examples = perDoc.flat();
const counts = {};
for (const x of examples) counts[x.label] = (counts[x.label] ?? 0) + 1;
log(`${examples.length} pairs: ${JSON.stringify(counts)}`);

const opts = { epochs: Number(a.epochs), rate: Number(a.rate), l2: Number(a.l2), seed: Number(a.seed), minCount: Number(a['min-count']), positiveWeight: Number(a['positive-weight']) };

/** The re3d relations scorer's matching (entity mentions overlapping the gold spans), over some documents. */
function score(model, which) {
  const four = { tp: 0, np: 0, ng: 0 }, apart = { tp: 0, np: 0, ng: 0 };
  for (const i of which) {
    const doc = docs[i];
    const spans = new Map();
    for (const m of doc.layer('mentions')) if (m.entity) spans.set(m.entity, [...(spans.get(m.entity) ?? []), m]);
    const hit = (id, s, e) => (spans.get(id) ?? []).some((m) => ov(m, s, e));
    for (const g of golds[i]) (g.type === APART ? apart : four).ng++;
    for (const p of extractRelations(doc, { model })) {
      const t = SCORED[p.type];
      if (!t) continue;
      const c = t === APART ? apart : four;
      c.np++;
      if (golds[i].some((g) => g.type === t && ((hit(p.a, g.sourceBegin, g.sourceEnd) && hit(p.b, g.targetBegin, g.targetEnd)) || (SYMMETRIC.has(t) && hit(p.b, g.sourceBegin, g.sourceEnd) && hit(p.a, g.targetBegin, g.targetEnd))))) c.tp++;
    }
  }
  return { four, apart };
}
const line = (s) => `${prf(s.four)}; ${APART} ${prf(s.apart)}`;
const prf = ({ tp, np, ng }) => {
  const p = np ? tp / np : 0, r = ng ? tp / ng : 0;
  return `P ${(100 * p).toFixed(1)} R ${(100 * r).toFixed(1)} F1 ${(p + r ? (200 * p * r) / (p + r) : 0).toFixed(1)} (${tp}/${np} predicted, ${ng} gold)`;
};

if (a.cv) {
  const K = Number(a.cv);
  const thresholds = [0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8];
  const sum = thresholds.map(() => ({ four: { tp: 0, np: 0, ng: 0 }, apart: { tp: 0, np: 0, ng: 0 } }));
  for (let k = 0; k < K; k++) {
    const train = perDoc.filter((_, i) => i % K !== k).flat();
    const held = docs.map((_, i) => i).filter((i) => i % K === k);
    const w = trainRelations(train, PAIR_LABELS, opts);
    thresholds.forEach((t, ti) => {
      const s = score(new RelationModel({ labels: PAIR_LABELS, ...w, threshold: t }), held);
      for (const part of ['four', 'apart']) for (const key of ['tp', 'np', 'ng']) sum[ti][part][key] += s[part][key];
    });
  }
  thresholds.forEach((t, ti) => log(`cv ${K}-fold, threshold ${t}: ${line(sum[ti])}`));
  log(`rules only: ${line(score(null, docs.map((_, i) => i)))}`);
}

const { bias, weights } = trainRelations(examples, PAIR_LABELS, opts);
const info = { corpus: 're3d train.jsonl, training part (FNV-1a of the document id even; scripts/split-re3d.mjs)', documents: items.length, examples: examples.length, ...opts };
const model = { labels: PAIR_LABELS, bias, threshold: Number(a.threshold), info, weights };
log(`training part with the model: ${line(score(new RelationModel(model), docs.map((_, i) => i)))}`);
mkdirSync(dirname(a.out), { recursive: true });
// One feature a line, in key order: diffs between trainings stay readable.
const head = JSON.stringify({ ...model, weights: undefined }).slice(0, -1);
const text = `${head},"weights":{\n${Object.entries(weights).map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',\n')}\n}}\n`;
writeFileSync(a.out, text);
log(`wrote ${a.out}: ${Object.keys(weights).length} features (${(text.length / 1e3).toFixed(0)} kB)`);
