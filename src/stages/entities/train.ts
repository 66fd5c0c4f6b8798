import { splitSentences } from '../sentences/split.js';
import { tokenize } from '../tokens/tokenize.js';
import type { GoldDoc } from './corpora.js';
import { decodeDoc } from './decode.js';
import { extractFeatures, type DocFeatures, type DocTokens } from './features.js';
import { buildLexicon, mulberry32, type LexiconOptions } from './lexicon-build.js';
import { EMPTY_LEXICON, MapLexicon, type LexiconData } from './lexicon-map.js';
import { docTokens } from './mentions.js';
import { saveModel } from './model-io.js';
import { CLASSES, tagsFromSpans, type TagSpan } from './tags.js';
import { TrainWeights } from './weights.js';

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
  log?: (s: string) => void;
}

export interface PreparedDoc {
  tokens: DocTokens;
  gold: Uint8Array;
  weight: number;
}

/** Tokenises a gold document and projects its spans onto the tokens. */
export function prepareDoc(d: GoldDoc, weight = 1): PreparedDoc {
  const toks = tokenize(d.text);
  const sents = splitSentences(d.text, toks);
  const tokens = docTokens(toks, sents);
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
  hashes: Uint32Array;
  w: Float32Array;
  lexicon: LexiconData;
}

export function train(docs: readonly PreparedDoc[], unlabelled: readonly DocTokens[], opts: TrainOptions): TrainResult {
  const log = opts.log ?? (() => {});
  const lexicon = opts.lexicon ? buildLexicon([...unlabelled, ...docs.map((d) => d.tokens)], opts.lexicon, log) : EMPTY_LEXICON;
  const lex = new MapLexicon(lexicon);
  const feats: DocFeatures[] = docs.map((d) => extractFeatures(d.tokens, lex));
  const weights = new TrainWeights(1 << 20);
  const counts = new Map<number, number>();
  for (const f of feats) for (const h of f.feats) counts.set(h, (counts.get(h) ?? 0) + 1);
  for (const [h, c] of counts) if (c >= opts.minFeatureCount) weights.ensure(h);
  log(`features: ${counts.size} distinct, ${weights.rows} kept (count >= ${opts.minFeatureCount})`);
  counts.clear();

  const rnd = mulberry32(opts.seed);
  const order = docs.map((_, i) => i);
  for (let ep = 0; ep < opts.epochs; ep++) {
    for (let i = order.length - 1; i > 0; i--) {
      const k = Math.floor(rnd() * (i + 1));
      [order[i], order[k]] = [order[k]!, order[i]!];
    }
    let errors = 0, total = 0;
    for (const di of order) {
      const d = docs[di]!;
      for (let rep = 0; rep < d.weight; rep++) {
        decodeDoc(feats[di]!, weights, {
          gold: d.gold,
          ensure: (h) => weights.ensure(h),
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
    log(`epoch ${ep + 1}: token error rate ${((100 * errors) / total).toFixed(2)}% (${weights.rows} rows)`);
  }
  const { hashes, w } = weights.averaged(opts.pruneBelow);
  log(`model: ${hashes.length} rows after pruning`);
  return { hashes, w, lexicon };
}

export function writeModel(path: string, r: TrainResult, info: Record<string, unknown>): number {
  return saveModel(path, r.hashes, r.w, r.lexicon, info);
}
