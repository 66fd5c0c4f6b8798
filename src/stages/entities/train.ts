import { splitSentences } from '../sentences/split.js';
import { tokenize } from '../tokens/tokenize.js';
import type { GoldDoc } from './corpora.js';
import { aggregateFeatures } from './aggregate.js';
import { decodeDoc } from './decode.js';
import type { GenreData } from './genre.js';
import { extractFeatures, type DocFeatures, type DocTokens } from './features.js';
import { buildLexicon, mulberry32, shuffleInPlace, type LexiconOptions } from './lexicon-build.js';
import { EMPTY_LEXICON, MapLexicon, type LexiconData } from './lexicon-map.js';
import { docTokens } from './mentions.js';
import { saveModel, type WeightBlock } from './model-io.js';
import { CLASSES, NT, tagsFromSpans, type TagSpan } from './tags.js';
import { FrozenWeights, TrainWeights } from './weights.js';

/*
 * Averaged-perceptron training of the greedy tagger. Documents are tokenised and split by
 * the project's own tokenizer and splitter, exactly as at inference, and gold character
 * spans are projected onto those tokens. Deterministic: a seeded shuffle per epoch.
 */

export interface TrainOptions {
  epochs: number;
  seed: number;
  /** Static features seen fewer times than this get no weights. */
  minFeatureCount: number;
  /** Rows whose averaged weights are all smaller than this are dropped from the saved model. */
  pruneBelow: number;
  lexicon?: LexiconOptions;
  /** 1: one pass; 2: adds the document-aggregation pass (trained on jackknifed first-pass output). */
  passes?: number;
  folds?: number;
  /** Report-convention documents update only their domain twins (see decode.ts). */
  twinsOnly?: boolean;
  log?: (s: string) => void;
}

export interface PreparedDoc {
  tokens: DocTokens;
  gold: Uint8Array;
  weight: number;
}

/** Tokenises a gold document and projects its spans onto the tokens; `domain` is its annotation convention. */
export function prepareDoc(d: GoldDoc, weight = 1, domain = 0): PreparedDoc {
  const toks = tokenize(d.text);
  const sents = splitSentences(d.text, toks);
  const tokens = { ...docTokens(toks, sents), domain };
  const spans: TagSpan[] = [];
  let j = 0;
  for (const s of d.spans) {
    const cls = CLASSES.indexOf(s.type as (typeof CLASSES)[number]);
    if (cls < 0) continue;
    while (j < toks.length && toks[j]!.end <= s.start) j++;
    let a = j;
    while (a < toks.length && toks[a]!.start < s.start) a++;
    let b = a;
    while (b < toks.length && toks[b]!.end <= s.end) b++;
    if (b > a) spans.push({ start: a, end: b, cls });
  }
  // Possessives never belong to a name.
  for (const s of spans) while (s.end > s.start + 1 && /^['’]s?$/.test(toks[s.end - 1]!.text)) s.end--;
  return { tokens, gold: tagsFromSpans(toks.length, spans), weight };
}

export function prepareText(text: string): DocTokens {
  const toks = tokenize(text);
  return docTokens(toks, splitSentences(text, toks));
}

export interface TrainResult {
  blocks: WeightBlock[];
  lexicon: LexiconData;
  genre?: GenreData;
}

/** One decoding pass trained by the averaged perceptron over prepared features. */
function trainPass(feats: readonly DocFeatures[], docs: readonly PreparedDoc[], opts: TrainOptions, label: string): WeightBlock {
  const log = opts.log ?? (() => {});
  const weights = new TrainWeights(1 << 20);
  const counts = new Map<number, number>();
  for (const f of feats) for (const h of f.feats) counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const [h, c] of counts) if (c >= opts.minFeatureCount) weights.ensure(h);
  log(`${label}: ${counts.size} distinct features, ${weights.rows} kept (count >= ${opts.minFeatureCount})`);
  counts.clear();
  const staticRows = feats.map((f) => Int32Array.from(f.feats, (h) => weights.row(h)));
  const rnd = mulberry32(opts.seed);
  const order = docs.map((_, i) => i);
  for (let ep = 0; ep < opts.epochs; ep++) {
    shuffleInPlace(order, rnd);
    let errors = 0, total = 0;
    for (const di of order) {
      const d = docs[di]!;
      for (let rep = 0; rep < d.weight; rep++) {
        decodeDoc(feats[di]!, weights, {
          gold: d.gold,
          ensure: (h) => weights.ensure(h),
          staticRows: staticRows[di],
          twinsOnly: opts.twinsOnly,
          onToken: (gold, pred, rows) => {
            weights.step++;
            total++;
            if (gold === pred) return;
            errors++;
            for (const r of rows) {
              weights.update(r, gold, 1);
              weights.update(r, pred, -1);
            }
          },
        });
      }
    }
    log(`${label} epoch ${ep + 1}: token error rate ${((100 * errors) / total).toFixed(2)}%`);
  }
  const block = weights.averaged(opts.pruneBelow);
  log(`${label}: ${block.hashes.length} rows after pruning`);
  return block;
}

export function train(docs: readonly PreparedDoc[], unlabelled: readonly DocTokens[], opts: TrainOptions): TrainResult {
  const log = opts.log ?? (() => {});
  const lexicon = opts.lexicon ? buildLexicon([...unlabelled, ...docs.map((d) => d.tokens)], opts.lexicon, log) : EMPTY_LEXICON;
  const lex = new MapLexicon(lexicon);
  const feats: DocFeatures[] = docs.map((d) => extractFeatures(d.tokens, lex));
  const first = trainPass(feats, docs, opts, 'pass 1');
  if ((opts.passes ?? 1) < 2) return { blocks: [first], lexicon };
  // The second pass must learn from first-pass output as noisy as on unseen text: jackknife.
  const K = opts.folds ?? 2;
  const firstTags: Uint8Array[] = new Array(docs.length);
  for (let k = 0; k < K; k++) {
    const inFold = (i: number) => i % K === k;
    const idx = docs.map((_, i) => i).filter((i) => !inFold(i));
    const b = trainPass(idx.map((i) => feats[i]!), idx.map((i) => docs[i]!), opts, `fold ${k + 1}/${K}`);
    const w = new FrozenWeights(b.hashes, b.w);
    docs.forEach((_, i) => { if (inFold(i)) firstTags[i] = decodeDoc(feats[i]!, w); });
  }
  const feats2 = feats.map((f, i) => aggregateFeatures(f, firstTags[i]!));
  const second = trainPass(feats2, docs, opts, 'pass 2');
  return { blocks: [first, second], lexicon };
}

export function writeModel(path: string, r: TrainResult, info: Record<string, unknown>): number {
  return saveModel(path, r.blocks, r.lexicon, r.genre, info);
}

/** Averages the weights of runs that differ only in their shuffling seed (same lexicon, same passes). */
export function averageRuns(runs: readonly TrainResult[]): TrainResult {
  const blocks = runs[0]!.blocks.map((_, bi) => {
    const rows = new Map<number, Float32Array>();
    for (const r of runs) {
      const b = r.blocks[bi]!;
      b.hashes.forEach((h, i) => {
        let acc = rows.get(h);
        if (!acc) rows.set(h, (acc = new Float32Array(NT)));
        for (let t = 0; t < NT; t++) acc[t]! += b.w[i * NT + t]! / runs.length;
      });
    }
    const hashes = Uint32Array.from([...rows.keys()].sort((x, y) => x - y));
    const w = new Float32Array(hashes.length * NT);
    hashes.forEach((h, i) => w.set(rows.get(h)!, i * NT));
    return { hashes, w };
  });
  return { blocks, lexicon: runs[0]!.lexicon, genre: runs[0]!.genre };
}
