/**
 * The typed standoff layers a Doc can carry. Every item points into Doc.text (UTF-16 offsets,
 * end exclusive) and is a plain JSON-serialisable object. Each layer is declared by its own
 * module in src/layers (item type, record schema, store table, export columns); this module
 * gathers the names the rest of the code uses.
 */
export { LAYER_NAMES, type LayerMap, type LayerName } from '../layers/index.js';
export { ENTITY_TYPES, type Entity, type EntityType } from '../layers/entities.js';
export { EVENT_TYPES, type Event, type EventType } from '../layers/events.js';
export type { Mention } from '../layers/mentions.js';
export type { Paragraph } from '../layers/paragraphs.js';
export type { Place } from '../layers/places.js';
export type { Quantity } from '../layers/quantities.js';
export type { Quote } from '../layers/quotes.js';
export { RELATION_TYPES, type Relation, type RelationType } from '../layers/relations.js';
export type { Sentence } from '../layers/sentences.js';
export type { Time } from '../layers/times.js';
export type { Token } from '../layers/tokens.js';

import type { LayerMap, LayerName } from '../layers/index.js';

export type Layers = { [K in LayerName]: readonly LayerMap[K][] };
