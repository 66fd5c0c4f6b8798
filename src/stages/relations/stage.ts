import { defineStage } from '../../pipeline/version.js';
import { extractRelations } from './extract.js';
import { RELATION_MODEL_FILE } from './model.js';

/**
 * Relations between resolved entities of one sentence: pattern matches, and the pairs the
 * relation model (model.ts, RELATIONS.md) classifies among those the patterns left alone.
 * Reads mentions, entities, times and quotes when earlier stages provided them; without
 * resolved mentions it finds nothing rather than guessing.
 */
export const relationsStage = defineStage(import.meta.url, {
  name: 'relations',
  languages: ['eng'],
  requires: ['sentences'],
  optional: ['mentions', 'entities', 'places', 'quotes', 'times'],
  provides: ['relations'],
  assets: [RELATION_MODEL_FILE],
  run: (doc) => ({ relations: extractRelations(doc) }),
});
