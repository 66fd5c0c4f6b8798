import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { decodeDoc } from './decode.js';
import { extractFeatures, type DocTokens } from './features.js';
import type { Lexicon } from './lexicon.js';
import { MapLexicon } from './lexicon-map.js';
import { loadModel, type ModelHeader } from './model-io.js';
import { CLASSES, spansFromTags } from './tags.js';
import { FrozenWeights, type Weights } from './weights.js';

/** A recognised name over tokens [start, end) with its coarse class. */
export interface TokenMention {
  start: number;
  end: number;
  cls: (typeof CLASSES)[number];
}

export class NerModel {
  constructor(
    readonly weights: Weights,
    readonly lexicon: Lexicon | undefined,
    readonly header?: ModelHeader,
  ) {}

  static load(path: string): NerModel {
    const m = loadModel(path);
    return new NerModel(new FrozenWeights(m.hashes, m.weights), new MapLexicon(m.header.lexicon), m.header);
  }

  tag(doc: DocTokens): TokenMention[] {
    if (!doc.words.length) return [];
    const f = extractFeatures(doc, this.lexicon);
    const tags = decodeDoc(f, this.weights);
    return spansFromTags(tags).map((s) => ({ start: s.start, end: s.end, cls: CLASSES[s.cls]! }));
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
