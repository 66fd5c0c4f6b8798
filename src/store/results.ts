import { NewsgraphError } from '../core/errors.js';
import { SCHEMA_ID, type NewsRecord } from '../output/record.js';
import type { FacetCount, Facets, RecordStamp } from './store.js';

/** What every store implementation reads and writes the same way, whatever its database. */

type Row = Record<string, unknown>;

export const MAX_LIMIT = 10000;

/** A query's limit and offset, bounded. */
export const page = (p: { limit?: number; offset?: number }, dflt = 20): [number, number] => [
  Math.max(0, Math.min(MAX_LIMIT, Math.floor(p.limit ?? dflt))),
  Math.max(0, Math.floor(p.offset ?? 0)),
];

/** Characters of a period by interval: YYYY-MM-DD, YYYY-MM, YYYY. */
export const PERIOD = { day: 10, month: 7, year: 4 } as const;

export const META_KEYS = ['title', 'author', 'outlet', 'url', 'published', 'origin', 'lang'] as const;

export function docRef(r: Row) {
  return {
    doc: String(r.doc_id),
    ...(r.title != null ? { title: String(r.title) } : {}),
    ...(r.outlet != null ? { outlet: String(r.outlet) } : {}),
    ...(r.published != null ? { published: String(r.published) } : {}),
  };
}

export function emptyFacets(): Facets {
  return { outlet: [], entity: [], type: [], place: [], month: [], over: 0 };
}

export function checkRecord(rec: NewsRecord): void {
  if (!rec || rec.schema !== SCHEMA_ID || typeof rec.id !== 'string' || typeof rec.text !== 'string' || typeof rec.hash !== 'string') {
    throw new NewsgraphError('store.bad-record', `not a ${SCHEMA_ID} record`);
  }
}

/** The record as stored (JSON without its text) with its text back in place: right after hash, as the pipeline writes it. */
export function recordFrom(text: string, json: string): NewsRecord {
  const rest = JSON.parse(json) as Omit<NewsRecord, 'text'>;
  const { schema, id, hash, ...layers } = rest;
  return { schema, id, hash, text, ...layers } as NewsRecord;
}

export function stampFrom(id: string, hash: string, stages: readonly { name: string; version: string }[] | null | undefined): RecordStamp {
  return { id, hash, stages: (stages ?? []).map((s) => ({ name: s.name, version: s.version })) };
}

/**
 * Facet counts over the documents counted: outlet, month and type from their rows
 * ([outlet, day, ",TYPE,…,"]); entity and place counted by the store's own queries.
 */
export function facetsOf(docs: Iterable<readonly [unknown, unknown, unknown]>, entity: FacetCount[], place: FacetCount[], over: number, approximate: boolean): Facets {
  const outlets = new Map<string, number>();
  const months = new Map<string, number>();
  const types = new Map<string, number>();
  const bump = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  for (const [outlet, day, typeList] of docs) {
    if (outlet != null) bump(outlets, String(outlet));
    if (day != null) bump(months, String(day).slice(0, 7));
    if (typeList) for (const t of String(typeList).split(',')) if (t) bump(types, t);
  }
  const byCount = (m: Map<string, number>, max: number): FacetCount[] =>
    [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).slice(0, max).map(([value, count]) => ({ value, count }));
  return {
    outlet: byCount(outlets, 25),
    entity,
    type: byCount(types, 50),
    place,
    month: [...months].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([value, count]) => ({ value, count })),
    over,
    ...(approximate ? { approximate: true } : {}),
  };
}

/** Facet rows (value, label?, count) as the store's queries return them. */
export function facetCounts(rows: readonly Row[]): FacetCount[] {
  return rows.map((r) => ({ value: String(r.value), ...(r.label != null ? { label: String(r.label) } : {}), count: Number(r.count) }));
}
