import type { Span } from '../core/span.js';
import { DOC, END, SEQ, START, TEXT, idSchema, num, spanItem, type LayerSpec } from './spec.js';

export interface Place extends Span {
  /** `p1`, `p2`… in document order. */
  readonly id: string;
  readonly text: string;
  readonly name: string;
  readonly geonameId?: number;
  readonly lat: number;
  readonly lon: number;
  /** ISO 3166-1 alpha-2. */
  readonly country?: string;
  readonly admin1?: string;
  readonly featureCode?: string;
  readonly score?: number;
  /** A nationality adjective naming its country as a modifier ("Iraqi forces"). */
  readonly modifier?: boolean;
  /**
   * A toponym inside a longer name of another kind ("Federal" in "Federal Reserve"): kept for
   * counts of every toponym, never mapped, indexed as a place or counted in the document's focus.
   */
  readonly embedded?: boolean;
  /** Entity id of the mention this place was read from, when there is one. */
  readonly entity?: string;
}

/** One distinct place of a document, as the GeoJSON export writes it. */
export interface PlaceRow {
  readonly doc: string;
  readonly title?: string;
  readonly place: Place;
  /** How often the document names it. */
  readonly mentions: number;
}

const nameOf = (p: Place) => p.name ?? p.text;

export const placeLayer: LayerSpec<'places', Place, PlaceRow> = {
  name: 'places',
  record: [{ field: 'places', counted: true }],
  def: 'place',
  idPrefix: 'p',
  schema: spanItem<Place>(['id', 'text', 'name', 'lat', 'lon'], {
    id: idSchema('p'),
    text: { type: 'string' },
    name: { type: 'string' },
    geonameId: { type: 'integer' },
    lat: { type: 'number', minimum: -90, maximum: 90 },
    lon: { type: 'number', minimum: -180, maximum: 180 },
    country: { type: 'string', pattern: '^[A-Z]{2}$' },
    admin1: { type: 'string' },
    featureCode: { type: 'string' },
    score: { type: 'number' },
    modifier: { type: 'boolean' },
    embedded: { type: 'boolean' },
    entity: { type: 'string' },
  }),
  refs: [{ field: 'entity', to: 'entities' }],
  table: {
    name: 'places',
    // The place facet, map and name search read this table: embedded toponyms are not places named.
    keep: (p) => !p.embedded,
    columns: [
      DOC, SEQ, START, END, TEXT,
      { name: 'name', type: 'TEXT', notNull: true, value: nameOf },
      // The place facet and name search group by this, so "Kyiv" and "kyiv" are one place.
      { name: 'norm', type: 'TEXT', notNull: true, value: (p, c) => c.normalizeName(nameOf(p)) },
      { name: 'lat', type: 'REAL', value: (p) => num(p.lat) },
      { name: 'lon', type: 'REAL', value: (p) => num(p.lon) },
      { name: 'country', type: 'TEXT', value: (p) => p.country },
      { name: 'geoname_id', type: 'INTEGER', value: (p) => num(p.geonameId) },
    ],
  },
  exports: {
    geojson: [
      { name: 'kind', value: () => 'place' },
      { name: 'doc', value: (x) => x.doc },
      { name: 'name', value: (x) => x.place.name },
      { name: 'text', value: (x) => x.place.text },
      { name: 'geonameId', value: (x) => x.place.geonameId },
      { name: 'country', value: (x) => x.place.country },
      { name: 'featureCode', value: (x) => x.place.featureCode },
      { name: 'mentions', value: (x) => x.mentions },
      { name: 'title', value: (x) => x.title },
    ],
  },
};
