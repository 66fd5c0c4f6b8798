/*
 * Word lexicon learned from unlabelled news: distributional cluster paths and how often a
 * word is written capitalised mid-sentence. Filled by training; shipped inside the model.
 */
export interface Lexicon {
  /** Hashes of the word's cluster ids at coarse-to-fine granularities; [] when unknown. */
  clusterHashes(lower: string): readonly number[];
  /** 0 unknown, 1 always lower ... 5 always capitalised. */
  caseClass(lower: string): number;
}
