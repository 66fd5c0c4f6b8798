import type { Span } from '../core/span.js';
import type { EventRow } from '../output/event-rows.js';
import { DOC, END, SEQ, SPAN, START, idSchema, keyOf, spanItem, str, type LayerSpec } from './spec.js';

/** The event types the triggers read (src/stages/events/ONTOLOGY.md). */
export const EVENT_TYPES = [
  'disapprove', 'attack', 'airstrike', 'killing', 'injury', 'arrest', 'charge', 'trial', 'sentence', 'damage', 'movement',
  'territory_capture', 'territory_loss', 'fight', 'protest', 'mobilize', 'agree', 'coerce', 'threaten',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

/** A side of an event named by a plain noun phrase rather than an entity. */
export interface EventArg extends Span {
  readonly role: 'actor' | 'target' | 'place';
  readonly text: string;
}

export interface Event extends Span {
  readonly type: EventType;
  /** The trigger word or phrase the event was read from ("attacked", "offensive"). */
  readonly trigger?: Span;
  readonly actor?: string;
  readonly target?: string;
  /** The means of an attack when its clause names one ("a car bomb", "a drone"). */
  readonly instrument?: Span & { readonly text: string };
  /**
   * Noun phrases naming a side no entity fills ("three people", "the bomber", "a checkpoint"):
   * document-local spans, not entities.
   */
  readonly args?: readonly EventArg[];
  readonly place?: string;
  /** Id of the event's place in the places layer (`p2`; coordinates live there). */
  readonly placeId?: string;
  readonly time?: string;
  /** Ids of the quantities its clause states (`n1`). */
  readonly quantities?: readonly string[];
  readonly source?: string;
  readonly negated?: boolean;
  readonly hedged?: boolean;
  readonly claimed?: boolean;
}

const flag = (b: boolean) => (b ? 1 : 0);

export const eventLayer: LayerSpec<'events', Event, EventRow> = {
  name: 'events',
  record: [{ field: 'events', counted: true }],
  def: 'event',
  schema: spanItem<Event>(['type'], {
    type: { enum: EVENT_TYPES },
    trigger: { ...SPAN, description: 'Span of the trigger word(s) the event was read from.' },
    actor: { type: 'string' },
    target: { type: 'string' },
    instrument: { allOf: [SPAN], required: ['text'], properties: { text: { type: 'string' } }, description: 'The words naming the means of an attack (a bomb, a drone, a vehicle).' },
    args: {
      type: 'array',
      description: 'Noun phrases naming a side no entity fills ("three people", "the bomber"): document-local spans, not entities.',
      items: { allOf: [SPAN], required: ['role', 'text'], properties: { role: { enum: ['actor', 'target', 'place'] }, text: { type: 'string' } } },
    },
    place: { type: 'string' },
    placeId: { ...idSchema('p'), description: 'Id of the event\'s place (`places[].id`).' },
    time: { type: 'string' },
    quantities: { type: 'array', items: idSchema('n'), description: 'Ids of the quantities its clause states (`quantities[].id`).' },
    source: { type: 'string' },
    negated: { type: 'boolean' },
    hedged: { type: 'boolean' },
    claimed: { type: 'boolean' },
  }),
  refs: [{ field: 'placeId', to: 'places' }, { field: 'quantities', to: 'quantities' }],
  table: {
    name: 'events',
    columns: [
      DOC, SEQ,
      { name: 'type', type: 'TEXT', notNull: true, value: (e) => e.type },
      START, END,
      { name: 'actor', type: 'TEXT', value: (e, c) => keyOf(e.actor, c) },
      { name: 'target', type: 'TEXT', value: (e, c) => keyOf(e.target, c) },
      { name: 'place', type: 'TEXT', value: (e) => str(e.place) },
      { name: 'time', type: 'TEXT', value: (e) => str(e.time) },
      // The event's own date when it has one, else the document's: timelines and date filters read it.
      { name: 'day', type: 'TEXT', value: (e, c) => c.dayOf(str(e.time)) ?? c.day },
      { name: 'item', type: 'TEXT', notNull: true, value: (e) => JSON.stringify(e) },
    ],
  },
  exports: {
    // ACLED-like columns.
    csv: [
      { name: 'event_id', value: (x) => x.id },
      { name: 'doc_id', value: (x) => x.docId },
      { name: 'event_date', value: (x) => x.date },
      { name: 'time_precision', value: (x) => x.precision },
      { name: 'event_type', value: (x) => x.type },
      { name: 'plover', value: (x) => x.plover },
      { name: 'actor1', value: (x) => x.actor },
      { name: 'actor2', value: (x) => x.target },
      { name: 'location', value: (x) => x.placeName },
      { name: 'geonameid', value: (x) => x.place?.geonameId },
      { name: 'country', value: (x) => x.place?.country },
      { name: 'latitude', value: (x) => x.place?.lat },
      { name: 'longitude', value: (x) => x.place?.lon },
      { name: 'fatalities', value: (x) => x.fatalities },
      { name: 'quantities', value: (x) => x.quantities },
      { name: 'claimed', value: (x) => flag(x.claimed) },
      { name: 'negated', value: (x) => flag(x.negated) },
      { name: 'hedged', value: (x) => flag(x.hedged) },
      { name: 'source', value: (x) => x.source },
      { name: 'outlet', value: (x) => x.outlet },
      { name: 'published', value: (x) => x.published },
      { name: 'url', value: (x) => x.url },
      { name: 'evidence', value: (x) => x.evidence },
      { name: 'evidence_start', value: (x) => x.start },
      { name: 'evidence_end', value: (x) => x.end },
    ],
    // Properties of the event's GeoJSON Point; empty strings and false flags are left out.
    geojson: [
      { name: 'kind', value: () => 'event' },
      { name: 'id', value: (x) => x.id },
      { name: 'doc', value: (x) => x.docId },
      { name: 'type', value: (x) => x.type },
      { name: 'plover', value: (x) => x.plover },
      { name: 'date', value: (x) => x.date },
      { name: 'precision', value: (x) => x.precision },
      { name: 'actor', value: (x) => x.actor || undefined },
      { name: 'target', value: (x) => x.target || undefined },
      { name: 'place', value: (x) => x.placeName },
      { name: 'geonameId', value: (x) => x.place?.geonameId },
      { name: 'country', value: (x) => x.place?.country },
      { name: 'fatalities', value: (x) => x.fatalities },
      { name: 'claimed', value: (x) => x.claimed || undefined },
      { name: 'negated', value: (x) => x.negated || undefined },
      { name: 'hedged', value: (x) => x.hedged || undefined },
      { name: 'source', value: (x) => x.source || undefined },
      { name: 'url', value: (x) => x.url || undefined },
      { name: 'evidence', value: (x) => x.evidence },
    ],
  },
};
