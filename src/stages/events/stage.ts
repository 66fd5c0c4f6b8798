import { errorMessage } from '../../core/errors.js';
import type { Stage } from '../../pipeline/stage.js';
import { extractEvents } from './extract.js';
import { impliedRelations } from './implied.js';

/**
 * Events (see ONTOLOGY.md), one per trigger, with actor, target, place, time and quantities
 * read from the trigger's own clause. Reads mentions, entities, places, times, quantities and
 * quotes when earlier stages provided them.
 */
export const eventsStage: Stage = {
  name: 'events',
  version: '1',
  requires: ['tokens', 'sentences', 'relations'],
  provides: ['events'],
  // Hostile events between a group and a resolved target also state a `fights` relation.
  updates: ['relations'],
  run(doc, ctx) {
    try {
      const events = extractEvents(doc);
      const implied = impliedRelations(doc, events);
      return implied.length ? { events, relations: [...doc.layer('relations'), ...implied].sort((x, y) => x.start - y.start || x.end - y.end) } : { events };
    } catch (err) {
      ctx.diagnostic({ level: 'error', rule: 'events.failed', message: errorMessage(err) });
      return { events: [] };
    }
  },
};
