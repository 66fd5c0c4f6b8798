import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { extractFeatures, wordInfos, type DocTokens, type WordInfo } from './features.js';
import { GenreModel } from './genre.js';
import type { Lexicon } from './lexicon.js';
import { MapLexicon } from './lexicon-map.js';
import { JointWeights, type IntBlock } from './joint-weights.js';
import { loadModel, type ModelHeader } from './model-io.js';
import { WasmTagger } from './wasm-tagger.js';
import { CLASSES, spansFromTags } from './tags.js';

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
  /** The passes' weight blocks (as stored: 16-bit, see joint-weights.ts), looked up together. */
  readonly weights: JointWeights;

  constructor(
    passes: readonly IntBlock[],
    readonly lexicon: Lexicon | undefined,
    readonly genre?: GenreModel,
    readonly header?: ModelHeader,
  ) {
    this.weights = new JointWeights(passes);
  }

  static load(path: string): NerModel {
    const m = loadModel(path);
    const genre = m.header.genre ? new GenreModel(m.header.genre) : undefined;
    return new NerModel(m.blocks.map((b) => ({ hashes: b.hashes, q: b.q! })), new MapLexicon(m.header.lexicon), genre, m.header);
  }

  /** The annotation convention for a document: the caller's, else the genre classifier's. */
  domainOf(doc: DocTokens, infos: readonly WordInfo[]): number {
    if (doc.domain !== undefined) return doc.domain;
    return this.genre ? this.genre.domainOfTokens(doc.words, infos) : 0;
  }

  /** The inference kernels, made on first use. */
  private kernels?: WasmTagger;

  tagIds(doc: DocTokens): Uint8Array {
    const infos = doc.infos ?? wordInfos(doc.words, this.lexicon);
    const domain = this.domainOf(doc, infos);
    const f = extractFeatures({ ...doc, infos, domain }, this.lexicon, true);
    return (this.kernels ??= new WasmTagger(this.weights)).tag(f);
  }

  tag(doc: DocTokens): TokenMention[] {
    if (!doc.words.length) return [];
    return spansFromTags(this.tagIds(doc)).map((s) => ({ start: s.start, end: s.end, cls: CLASSES[s.cls]! }));
  }
}

/** The committed model, relative to the package root. */
export const MODEL_FILE = 'models/ner/model.bin';

/** The committed model: models/ner/model.bin at the package root (two levels above dist/stages/entities). */
export function defaultModelPath(): string {
  const env = process.env.NEWSGRAPH_NER_MODEL;
  if (env) return env;
  return fileURLToPath(new URL(`../../../${MODEL_FILE}`, import.meta.url));
}

let shared: NerModel | null | undefined;
/** The default model, loaded once per process; null when the file is missing. */
export function defaultModel(): NerModel | null {
  if (shared !== undefined) return shared;
  const p = defaultModelPath();
  shared = existsSync(p) ? NerModel.load(p) : null;
  return shared;
}
