import { mix2 } from './hash.js';
import type { Lexicon } from './lexicon.js';

/** The serialisable form of a lexicon: parallel arrays over a word list. */
export interface LexiconData {
  /** Lowercased words, '\n'-joined. */
  words: string;
  /** Number of cluster granularities; cluster ids are stored word-major. */
  levels: number;
  clusters: number[];
  caseClass: number[];
}

export class MapLexicon implements Lexicon {
  private readonly map = new Map<string, number>();
  private readonly hashes: (readonly number[])[] = [];
  private readonly cases: number[];

  constructor(readonly data: LexiconData) {
    const words = data.words ? data.words.split('\n') : [];
    this.cases = data.caseClass;
    words.forEach((w, i) => {
      this.map.set(w, i);
      const hs: number[] = [];
      for (let l = 0; l < data.levels; l++) {
        const id = data.clusters[i * data.levels + l]!;
        if (id >= 0) hs.push(mix2(l + 1, id + 1));
      }
      this.hashes.push(hs);
    });
  }

  clusterHashes(lower: string): readonly number[] {
    const i = this.map.get(lower);
    return i === undefined ? [] : this.hashes[i]!;
  }

  caseClass(lower: string): number {
    const i = this.map.get(lower);
    return i === undefined ? 0 : this.cases[i]!;
  }
}

export const EMPTY_LEXICON: LexiconData = { words: '', levels: 0, clusters: [], caseClass: [] };
