import { defineStage } from '../../pipeline/version.js';
import { extractRelations } from './extract.js';

/**
 * Relations between resolved entities, read from pattern matches inside one sentence.
 * Reads mentions, entities, times and quotes when earlier stages provided them; without
 * resolved mentions it finds nothing rather than guessing.
 */
export const relationsStage = defineStage(import.meta.url, {
  name: 'relations',
  languages: ['eng'],
  requires: ['sentences'],
  optional: ['mentions', 'entities', 'places', 'quotes', 'times'],
  provides: ['relations'],
  run: (doc) => ({ relations: extractRelations(doc) }),
});
