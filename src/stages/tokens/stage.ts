import { defineStage } from '../../pipeline/version.js';
import { tokenize } from './tokenize.js';

export const tokensStage = defineStage(import.meta.url, {
  name: 'tokens',
  requires: [],
  provides: ['tokens'],
  run: (doc) => ({ tokens: tokenize(doc.text) }),
});
