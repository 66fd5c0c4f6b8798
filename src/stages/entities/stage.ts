import type { Stage } from '../../pipeline/stage.js';
import { findMentions } from './mentions.js';
import { defaultModel, defaultModelPath } from './model.js';

/** Named-entity mentions (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, WORK, MISC) from the trained model. */
export const mentionsStage: Stage = {
  name: 'mentions',
  version: '1',
  requires: ['tokens', 'sentences'],
  provides: ['mentions'],
  run: (doc, ctx) => {
    const model = defaultModel();
    if (!model) {
      ctx.diagnostic({ level: 'error', rule: 'ner.no-model', message: `NER model not found at ${defaultModelPath()}; run npm run train:ner` });
      return { mentions: [] };
    }
    return { mentions: findMentions(doc.text, doc.layer('tokens'), doc.layer('sentences'), model) };
  },
};
