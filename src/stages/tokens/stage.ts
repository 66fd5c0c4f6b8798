import type { Stage } from '../../pipeline/stage.js';
import { tokenize } from './tokenize.js';

export const tokensStage: Stage = {
  name: 'tokens',
  version: '1',
  requires: [],
  provides: ['tokens'],
  run: (doc) => ({ tokens: tokenize(doc.text) }),
};
