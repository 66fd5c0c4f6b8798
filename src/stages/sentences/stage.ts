import { defineStage } from '../../pipeline/version.js';
import { splitParagraphs, splitSentences } from './split.js';

export const sentencesStage = defineStage(import.meta.url, {
  name: 'sentences',
  requires: ['tokens'],
  provides: ['sentences', 'paragraphs'],
  run: (doc) => ({ sentences: splitSentences(doc.text, doc.layer('tokens')), paragraphs: splitParagraphs(doc.text) }),
});
