import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aggregateFeatures } from './aggregate.js';
import { decodeDoc } from './decode.js';
import { extractFeatures, type DocTokens } from './features.js';
import { docWords, GenreModel } from './genre.js';
import type { Lexicon } from './lexicon.js';
import { MapLexicon } from './lexicon-map.js';
import { loadModel, type ModelHeader } from './model-io.js';
import { ScoreCache } from './score-cache.js';
import { CLASSES, spansFromTags } from './tags.js';
import { FrozenWeights, type Weights } from './weights.js';

/** A recognised name over tokens [start, end) with its coarse class. */
export interface TokenMention {
  start: number;
  end: number;
  cls: (typeof CLASSES)[number];
}

/**
 * The tagger: a first pass over the article, then (when the model has one) a second pass
 * that also sees how the first labelled the same words elsewhere in the article.
 */
export class NerModel {
  constructor(
    readonly passes: readonly Weights[],
    readonly lexicon: Lexicon | undefined,
    readonly genre?: GenreModel,
    readonly header?: ModelHeader,
  ) {}

  static load(path: string): NerModel {
    const m = loadModel(path);
    const genre = m.header.genre ? new GenreModel(m.header.genre) : undefined;
    return new NerModel(m.blocks.map((b) => new FrozenWeights(b.hashes, b.w)), new MapLexicon(m.header.lexicon), genre, m.header);
  }

  /** The annotation convention for a document: the caller's, else the genre classifier's. */
  domainOf(doc: DocTokens): number {
    if (doc.domain !== undefined) return doc.domain;
    return this.genre ? this.genre.domainOf(docWords(doc.words)) : 0;
  }

  private readonly caches = new Map<number, ScoreCache>();

  private cache(pass: number, domain: number): ScoreCache {
    const key = pass * 2 + domain;
    let c = this.caches.get(key);
    if (!c) this.caches.set(key, (c = new ScoreCache(this.passes[pass]!, domain)));
    return c;
  }

  tagIds(doc: DocTokens): Uint8Array {
    const domain = this.domainOf(doc);
    const f = extractFeatures({ ...doc, domain }, this.lexicon, true);
    const base = (p: number) => this.cache(p, domain).base(doc.words, f.infos, f.sentenceOf);
    let tags = decodeDoc(f, this.passes[0]!, { base: base(0) });
    for (let p = 1; p < this.passes.length; p++) tags = decodeDoc(aggregateFeatures(f, tags), this.passes[p]!, { base: base(p) });
    return tags;
  }

  tag(doc: DocTokens): TokenMention[] {
    if (!doc.words.length) return [];
    return spansFromTags(this.tagIds(doc)).map((s) => ({ start: s.start, end: s.end, cls: CLASSES[s.cls]! }));
  }
}

/** The committed model: models/ner/model.bin at the package root (two levels above dist/stages/entities). */
export function defaultModelPath(): string {
  const env = process.env.NEWSGRAPH_NER_MODEL;
  if (env) return env;
  return fileURLToPath(new URL('../../../models/ner/model.bin', import.meta.url));
}

let shared: NerModel | null | undefined;
/** The default model, loaded once per process; null when the file is missing. */
export function defaultModel(): NerModel | null {
  if (shared !== undefined) return shared;
  const p = defaultModelPath();
  shared = existsSync(p) ? NerModel.load(p) : null;
  return shared;
}
