import { defineStage } from '../../pipeline/version.js';
import { findMentions } from './mentions.js';
import { defaultModel, defaultModelPath, MODEL_FILE } from './model.js';
import { KERNELS_FILE } from './wasm-tagger.js';

/** Named-entity mentions (PERSON, ORG, GPE, LOC, NORP, FAC, EVENT, WORK, MISC) from the trained model. */
export const mentionsStage = defineStage(import.meta.url, {
  name: 'mentions',
  languages: ['eng'],
  requires: ['tokens', 'sentences'],
  provides: ['mentions'],
  assets: [MODEL_FILE, KERNELS_FILE],
  run: (doc, ctx) => {
    const model = defaultModel();
    if (!model) {
      ctx.diagnostic({ level: 'error', rule: 'ner.no-model', message: `NER model not found at ${defaultModelPath()}; run npm run train:ner` });
      return { mentions: [] };
    }
    return { mentions: findMentions(doc.text, doc.layer('tokens'), doc.layer('sentences'), model) };
  },
});
