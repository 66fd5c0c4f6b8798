import { defineStage } from '../../pipeline/version.js';
import { extractEvents } from './extract.js';
import { withGenericParticipants, withoutGenericParticipants } from './generic.js';
import { impliedRelations } from './implied.js';
import { TRIGGER_MODEL_FILE } from './trigger-model.js';

/**
 * Events (see ONTOLOGY.md), one per trigger, with actor, target, place, time and quantities
 * read from the trigger's own clause. Reads mentions, entities, places, times, quantities and
 * quotes when earlier stages provided them. A side named by a noun phrase rather than a name
 * ("three people") becomes a generic entity of the document, with the phrase as its mention.
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
  appends: ['entities', 'mentions'],
  withdraw: withoutGenericParticipants,
  run(doc) {
    const found = extractEvents(doc);
    const generic = withGenericParticipants(doc, found);
    const events = generic?.events ?? found;
    const implied = impliedRelations(doc, events);
    return {
      events,
      ...(generic ? { entities: generic.entities, mentions: generic.mentions } : {}),
      ...(implied.length ? { relations: [...doc.layer('relations'), ...implied].sort((x, y) => x.start - y.start || x.end - y.end) } : {}),
    };
  },
});
