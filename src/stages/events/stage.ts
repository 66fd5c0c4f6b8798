import { errorMessage } from '../../core/errors.js';
import type { Stage } from '../../pipeline/stage.js';
import { extractEvents } from './extract.js';

/**
 * Events (see ONTOLOGY.md), one per trigger, with actor, target, place, time and quantities
 * read from the trigger's own clause. Reads mentions, entities, places, times, quantities and
 * quotes when earlier stages provided them.
 */
export const eventsStage: Stage = {
  name: 'events',
  version: '1',
  requires: ['tokens', 'sentences'],
  provides: ['events'],
  run(doc, ctx) {
    try {
      return { events: extractEvents(doc) };
    } catch (err) {
      ctx.diagnostic({ level: 'error', rule: 'events.failed', message: errorMessage(err) });
      return { events: [] };
    }
  },
};
