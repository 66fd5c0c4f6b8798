import { defineStage } from '../../pipeline/version.js';
import { extractEvents } from './extract.js';
import { impliedRelations } from './implied.js';
import { TRIGGER_MODEL_FILE } from './trigger-model.js';

/**
 * Events (see ONTOLOGY.md), one per trigger, with actor, target, place, time and quantities
 * read from the trigger's own clause. Reads mentions, entities, places, times, quantities and
 * quotes when earlier stages provided them.
 */
export const eventsStage = defineStage(import.meta.url, {
  name: 'events',
  languages: ['eng'],
  requires: ['sentences'],
  optional: ['mentions', 'entities', 'places', 'quantities', 'times', 'quotes'],
  provides: ['events'],
  assets: [TRIGGER_MODEL_FILE],
  // Hostile events between a group and a resolved target also state a `fights` relation.
  updates: ['relations'],
  run(doc) {
    const events = extractEvents(doc);
    const implied = impliedRelations(doc, events);
    return implied.length ? { events, relations: [...doc.layer('relations'), ...implied].sort((x, y) => x.start - y.start || x.end - y.end) } : { events };
  },
});
