import type { Stage } from '../../pipeline/stage.js';
import { splitParagraphs, splitSentences } from './split.js';

export const sentencesStage: Stage = {
  name: 'sentences',
  version: '1',
  requires: ['tokens'],
  provides: ['sentences', 'paragraphs'],
  run: (doc) => ({ sentences: splitSentences(doc.text, doc.layer('tokens')), paragraphs: splitParagraphs(doc.text) }),
};
