import { errorMessage } from '../../core/errors.js';
import type { Stage } from '../../pipeline/stage.js';
import { extractRelations } from './extract.js';

/**
 * Relations between resolved entities, read from pattern matches inside one sentence.
 * Reads mentions, entities, times and quotes when earlier stages provided them; without
 * resolved mentions it finds nothing rather than guessing.
 */
export const relationsStage: Stage = {
  name: 'relations',
  version: '1',
  requires: ['tokens', 'sentences'],
  provides: ['relations'],
  run(doc, ctx) {
    try {
      return { relations: extractRelations(doc) };
    } catch (err) {
      ctx.diagnostic({ level: 'error', rule: 'relations.failed', message: errorMessage(err) });
      return { relations: [] };
    }
  },
};
