// Trains the event-trigger model from ../shared/data and writes models/events/triggers.json.
// Every lexicon hit the event rules let through is an example: ECB+ train event mentions say
// which hits are event triggers (untyped), and the even-numbered WikiEvents dev articles say
// which are triggers of the type the lexicon gives (the odd ones stay unseen, for measuring);
// sentences written for the model (src/stages/events/own-examples.ts) add the new types and
// words that only look like events.
// Usage: node scripts/train-events.mjs [--data DIR] [--out FILE] [--no-wikievents]
//        [--ecb-records FILE] [--wiki-records FILE]   (records from `newsgraph extract`, to skip the pipeline)
// (run `npm run build` first; `npm run train:events` does both).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Doc } from '../dist/core/doc.js';
import { defaultPipeline } from '../dist/pipeline/default.js';
import { docFromRecord } from '../dist/output/restore.js';
import { extractEvents } from '../dist/stages/events/extract.js';
import { OWN_EXAMPLES } from '../dist/stages/events/own-examples.js';
import { fixtureDoc } from '../dist/stages/fixture.js';
import { trainTriggers } from '../dist/stages/events/trigger-model.js';

const { values: a } = parseArgs({
  options: {
    data: { type: 'string', default: resolve(process.cwd(), '../shared/data') },
    out: { type: 'string', default: 'models/events/triggers.json' },
    epochs: { type: 'string', default: '8' },
    rate: { type: 'string', default: '0.1' },
    l2: { type: 'string', default: '0.005' },
    seed: { type: 'string', default: '11' },
    'min-count': { type: 'string', default: '2' },
    'wiki-weight': { type: 'string', default: '1' },
    'own-weight': { type: 'string', default: '1' },
    threshold: { type: 'string', default: '0.5' },
    'threshold-args': { type: 'string', default: '0.35' },
    'no-wikievents': { type: 'boolean', default: false },
    'ecb-records': { type: 'string' },
    'wiki-records': { type: 'string' },
  },
});
const t0 = Date.now();
const log = (s) => console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${s}`);
const readJsonl = (p) => readFileSync(p, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const pipeline = defaultPipeline();

/** The Doc with every layer the events stage reads: from a saved record when given, else by running the pipeline. */
function docsOf(items, recordsFile) {
  const saved = recordsFile ? new Map(readJsonl(recordsFile).map((r) => [String(r.id), r])) : undefined;
  return items.map((it) => {
    const rec = saved?.get(String(it.id));
    if (rec && rec.text === it.text) return pipeline.rerun(docFromRecord(rec), ['events']).doc;
    return pipeline.run(Doc.create(it.text, {}, String(it.id))).doc;
  });
}

function candidatesOf(doc) {
  const out = [];
  extractEvents(doc, { model: null, candidates: (c) => out.push(c) });
  return out;
}

const overlaps = (x, y) => x.start < y.end && y.start < x.end;
const examples = [];

// ECB+: a hit in an annotated sentence is a trigger when an event mention covers it.
const ecb = readJsonl(join(a.data, 'ecbplus/train.jsonl'));
let pos = 0, n = 0;
for (const [i, doc] of docsOf(ecb, a['ecb-records']).entries()) {
  const d = ecb[i];
  // Only some ECB+ sentences are annotated: those of our sentences that hold a selected mention.
  const selected = d.mentions.filter((m) => m.selected);
  const annotated = doc.layer('sentences').filter((s) => selected.some((m) => s.start <= m.start && m.end <= s.end));
  const events = d.mentions.filter((m) => m.kind === 'event');
  for (const c of candidatesOf(doc)) {
    if (!annotated.some((s) => s.start <= c.trigger.start && c.trigger.end <= s.end)) continue;
    const label = events.some((m) => overlaps(m, c.trigger)) ? 1 : 0;
    examples.push({ features: c.features, label });
    pos += label; n++;
  }
}
log(`ecb+ train: ${ecb.length} documents, ${n} hits in annotated sentences, ${pos} triggers`);

// WikiEvents: a hit is right when a gold trigger of a type its own type maps to covers it.
const KAIROS = {
  attack: ['Conflict.Attack'], airstrike: ['Conflict.Attack'], fight: ['Conflict.Attack'], killing: ['Life.Die'],
  injury: ['Life.Injure'], arrest: ['Justice.ArrestJailDetain'], charge: ['Justice.ChargeIndict'], trial: ['Justice.TrialHearing'],
  sentence: ['Justice.Sentence'], damage: ['ArtifactExistence.DamageDestroy'], protest: ['Conflict.Demonstrate'],
  threaten: ['Contact.ThreatenCoerce'], coerce: ['Contact.ThreatenCoerce'], movement: ['Movement.Transportation'],
};
if (!a['no-wikievents']) {
  const wiki = readJsonl(join(a.data, 'wikievents/dev.jsonl')).filter((_, i) => i % 2 === 0);
  pos = 0; n = 0;
  for (const [i, doc] of docsOf(wiki, a['wiki-records']).entries()) {
    for (const c of candidatesOf(doc)) {
      const label = wiki[i].events.some((g) => overlaps(g.trigger, c.trigger) && (KAIROS[c.type] ?? []).some((k) => g.type.startsWith(k))) ? 1 : 0;
      examples.push({ features: c.features, label, weight: Number(a['wiki-weight']) });
      pos += label; n++;
    }
  }
  log(`wikievents dev, even articles: ${wiki.length} documents, ${n} hits, ${pos} triggers`);
}

// Sentences written for the model (src/stages/events/own-examples.ts): the hits they list are events, the others not.
pos = 0; n = 0;
for (const x of OWN_EXAMPLES) {
  const doc = fixtureDoc(x.text);
  for (const c of candidatesOf(doc)) {
    const label = x.events.includes(`${c.type}:${doc.text.slice(c.trigger.start, c.trigger.end).toLowerCase()}`) ? 1 : 0;
    examples.push({ features: c.features, label, weight: Number(a['own-weight']) });
    pos += label; n++;
  }
}
log(`own examples: ${OWN_EXAMPLES.length} sentences, ${n} hits, ${pos} triggers`);

const opts = { epochs: Number(a.epochs), rate: Number(a.rate), l2: Number(a.l2), seed: Number(a.seed), minCount: Number(a['min-count']) };
const { bias, weights } = trainTriggers(examples, opts);
const info = { corpora: ['ecbplus/train', a['no-wikievents'] ? null : 'wikievents/dev (even articles)', 'own examples'].filter(Boolean), examples: examples.length, ...opts };
const model = { bias, threshold: Number(a.threshold), thresholdWithArgs: Number(a['threshold-args']), info, weights };
mkdirSync(dirname(a.out), { recursive: true });
// One weight a line, in key order: diffs between trainings stay readable.
const head = JSON.stringify({ ...model, weights: undefined }).slice(0, -1);
const text = `${head},"weights":{\n${Object.entries(weights).map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',\n')}\n}}\n`;
writeFileSync(a.out, text);
log(`wrote ${a.out}: ${Object.keys(weights).length} weights (${(text.length / 1e3).toFixed(0)} kB)`);
