import { NewsgraphError } from '../core/errors.js';
import { SCHEMA_ID, type NewsRecord } from '../output/record.js';
import { normalizeName } from './keys.js';
import type {
  CopyCandidate, DecisionRecord, DocSource, EntityQuery, EventHit, FacetCount, Facets, PlaceHit, PlaceQuery, QuoteHit, RecordStamp, StoryDoc,
} from './store.js';

/** What every store implementation reads and writes the same way, whatever its database. */

type Row = Record<string, unknown>;

export const MAX_LIMIT = 10000;
/**
 * Facets count this many of the first hits by default: a sample of the best-ranked (or newest)
 * that shows where the results lie, at half the cost of 500 (the counts read every entity and
 * place row of each hit counted).
 */
export const FACET_CAP = 250;

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

/** Strings in code-unit order, as the databases sort keys and names (not by locale). */
export const byCode = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Facet values counted over a search's first hits: outlet, month ("YYYY-MM") and entity type. */
export class FacetTally {
  readonly outlets = new Map<string, number>();
  readonly months = new Map<string, number>();
  readonly types = new Map<string, number>();

  /** One document's values: its outlet, its day, its entity types (",TYPE,…,"). */
  add(outlet: unknown, day: unknown, typeList: unknown): void {
    if (outlet != null) bump(this.outlets, String(outlet));
    if (day != null) bump(this.months, String(day).slice(0, 7));
    if (typeList) this.addTypes(String(typeList));
  }

  /** Entity types from comma-separated lists, one document's or several joined. */
  addTypes(list: string): void {
    for (const t of list.split(',')) if (t) bump(this.types, t);
  }

  /** The facets, with entity and place counted by the store's own queries. */
  facets(entity: FacetCount[], place: FacetCount[], over: number, approximate: boolean): Facets {
    return {
      outlet: topCounts(this.outlets, 25),
      entity,
      type: topCounts(this.types, 50),
      place,
      month: [...this.months].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([value, count]) => ({ value, count })),
      over,
      ...(approximate ? { approximate: true } : {}),
    };
  }
}

function bump(m: Map<string, number>, k: string): void {
  m.set(k, (m.get(k) ?? 0) + 1);
}

/** The `max` most counted values, ties in code order. */
function topCounts(m: ReadonlyMap<string, number>, max: number): FacetCount[] {
  return [...m].sort((a, b) => b[1] - a[1] || byCode(a[0], b[0])).slice(0, max).map(([value, count]) => ({ value, count }));
}

/**
 * Facet counts over the documents counted: outlet, month and type from their rows
 * ([outlet, day, ",TYPE,…,"]); entity and place counted by the store's own queries.
 */
export function facetsOf(docs: Iterable<readonly [unknown, unknown, unknown, ...unknown[]]>, entity: FacetCount[], place: FacetCount[], over: number, approximate: boolean): Facets {
  const tally = new FacetTally();
  for (const [outlet, day, typeList] of docs) tally.add(outlet, day, typeList);
  return tally.facets(entity, place, over, approximate);
}

/** Facet rows (value, label?, count) as the store's queries return them. */
export function facetCounts(rows: readonly Row[]): FacetCount[] {
  return rows.map((r) => ({ value: String(r.value), ...(r.label != null ? { label: String(r.label) } : {}), count: Number(r.count) }));
}

// ---- rows to results: the same columns come back from either store's queries ---------------

/** A quote row joined with its document (doc_id, title, outlet, published) and speaker (speaker_key, speaker_name). */
export function quoteHit(r: Row): QuoteHit {
  return {
    ...docRef(r),
    start: Number(r.start), end: Number(r.end), text: String(r.text), kind: r.kind === 'indirect' ? 'indirect' : 'direct',
    ...(r.speaker_key != null ? { speaker: String(r.speaker_key), speakerName: String(r.speaker_name) } : {}),
    ...(r.speaker_text != null ? { speakerText: String(r.speaker_text) } : {}),
    ...(r.cue != null ? { cue: String(r.cue) } : {}),
  };
}

/** A group of place rows: name, lat, lon, country, geoname_id, documents, mentions. */
export function placeHit(r: Row): PlaceHit {
  return {
    name: String(r.name), lat: Number(r.lat), lon: Number(r.lon),
    ...(r.country != null ? { country: String(r.country) } : {}),
    ...(r.geoname_id != null ? { geonameId: Number(r.geoname_id) } : {}),
    documents: Number(r.documents), mentions: Number(r.mentions),
  };
}

/** An event row joined with its document, its evidence text as `evidence`. */
export function eventHit(r: Row): EventHit {
  return {
    ...docRef(r),
    type: String(r.type), start: Number(r.start), end: Number(r.end), text: String(r.evidence ?? ''),
    ...(r.actor != null ? { actor: String(r.actor) } : {}),
    ...(r.target != null ? { target: String(r.target) } : {}),
    ...(r.place != null ? { place: String(r.place) } : {}),
    ...(r.time != null ? { time: String(r.time) } : {}),
    ...(r.day != null ? { date: String(r.day) } : {}),
    item: JSON.parse(String(r.item)) as Record<string, unknown>,
  };
}

/**
 * What undoing a merge needs: B's documents and document entities ([doc rowid, local id]), the
 * ids that led to B, B's not-same decisions by side.
 */
export interface MergeUndo {
  readonly docs: number[];
  readonly moved: [number, string][];
  readonly redirected: string[];
  readonly notSame: { a: number[]; b: number[] };
}

/** A decision's `undo` column read back: a merge's, a rename's name before, a split's not-same pair. */
export type DecisionUndo = MergeUndo & { name?: string; pinned?: number; notSameSeq?: number };

/** Decision `seq` (its row, if any) checked for undoing: one a user made, not undone yet. */
export function undoable(seq: number, row: Row | undefined): { action: DecisionRecord['action']; a: string; b?: string; undo: DecisionUndo } {
  if (!row) throw new NewsgraphError('kb.no-decision', `no decision ${seq}`, 404);
  if (row.undone != null) throw new NewsgraphError('kb.undone', `decision ${seq} was undone already`, 409);
  if (row.undo == null || row.action === 'undo') throw new NewsgraphError('kb.not-undoable', `decision ${seq} (${String(row.action)}) cannot be undone: only corrections a user made can`, 409);
  return {
    action: String(row.action) as DecisionRecord['action'], a: String(row.a), ...(row.b == null ? {} : { b: String(row.b) }),
    undo: JSON.parse(String(row.undo)) as DecisionUndo,
  };
}

/** An undo refused because a later correction built on the decision. */
export const undoLater = (what: string) => new NewsgraphError('kb.undo-later', `${what}: undo the later corrections first`, 409);

/** A kb_decisions row. */
export function decisionFrom(r: Row): DecisionRecord {
  const out: Record<string, unknown> = { seq: Number(r.seq), action: String(r.action), a: String(r.a), who: String(r.who), at: String(r.at) };
  for (const k of ['b', 'name', 'note', 'doc', 'evidence']) if (r[k] != null) out[k] = String(r[k]);
  for (const k of ['start', 'end']) if (r[k] != null) out[k] = Number(r[k]);
  if (r.undone != null) out.undone = Number(r.undone);
  else if (r.undo != null && r.action !== 'undo') out.undoable = true;
  if (r.action === 'undo' && r.undo != null) out.undoes = (JSON.parse(String(r.undo)) as { undoes: number }).undoes;
  return out as unknown as DecisionRecord;
}

/** A document row as a copy candidate: its text, `shared` sampled hashes, storage order `doc`. */
export function copyCandidate(r: Row, shared: number, doc: number): CopyCandidate {
  return {
    id: String(r.id), text: String(r.text), shared, order: doc,
    ...(r.published != null ? { published: String(r.published) } : {}),
    ...(r.outlet != null ? { outlet: String(r.outlet) } : {}),
    ...(r.source != null ? { source: String(r.source) } : {}),
  };
}

/** A document row as independence reads it: id, source, copy_of, outlet, published. */
export function docSource(r: Row): DocSource {
  return {
    id: String(r.id),
    ...(r.source != null ? { source: String(r.source) } : {}),
    ...(r.copy_of != null ? { copyOf: String(r.copy_of) } : {}),
    ...(r.outlet != null ? { outlet: String(r.outlet) } : {}),
    ...(r.published != null ? { published: String(r.published) } : {}),
  };
}

/** A story's document row: doc_id, title, outlet, published, copy_of. */
export function storyDoc(x: Row): StoryDoc {
  // An untitled document is named by its first line, as a story is (`head`: its text's start).
  const title = x.title != null ? String(x.title) : x.head != null ? String(x.head).trim().split('\n')[0]!.trim() : '';
  return {
    doc: String(x.doc_id),
    ...(title ? { title } : {}),
    ...(x.outlet != null ? { outlet: String(x.outlet) } : {}),
    ...(x.published != null ? { published: String(x.published) } : {}),
    ...(x.copy_of != null ? { copyOf: String(x.copy_of) } : {}),
  };
}

/**
 * The condition on a quote's speaker for a name: the whole name or alias, or one whole word of
 * it ("Hoffman" finds "Bruce Hoffman"), on the entity's names or the unresolved speaker text.
 */
export function speakerCondition(name: string): { sql: string; args: string[] } {
  const n = normalizeName(name);
  const esc = n.replace(/[\\%_]/g, (ch) => `\\${ch}`);
  const pats = [n, `${esc} %`, `% ${esc}`, `% ${esc} %`];
  const wordMatch = (col: string) => `(${col} = ? OR ${col} LIKE ? ESCAPE '\\' OR ${col} LIKE ? ESCAPE '\\' OR ${col} LIKE ? ESCAPE '\\')`;
  return {
    sql: `(q.speaker IN (SELECT entity FROM entity_names WHERE ${wordMatch('norm')}) OR ${wordMatch('q.speaker_norm')})`,
    args: [...pats, ...pats],
  };
}

/**
 * The conditions of a places query (SQL with `?` parameters, the same for SQLite and
 * PostgreSQL); `entity` is the entity id as it leads now.
 */
export function placeConditions(query: PlaceQuery, entity?: string, newest = NEWEST_DOCS): { where: string[]; args: unknown[] } {
  const where = ['p.lat IS NOT NULL', 'p.lon IS NOT NULL'];
  const args: unknown[] = [];
  if (query.doc) { where.push('p.doc = (SELECT rowid FROM documents WHERE id = ?)'); args.push(query.doc); }
  if (query.q) { const n = normalizeName(query.q); where.push('p.norm >= ? AND p.norm < ?'); args.push(n, n + '\uffff'); }
  // lower() folds ASCII letters in both databases, as SQLite's NOCASE does.
  if (query.country) { where.push('lower(p.country) = lower(CAST(? AS TEXT))'); args.push(query.country); }
  // By the documents' dates; `to` takes the whole of a shorter date ("2023-03" to the month's end).
  if (query.from) { where.push('p.doc IN (SELECT rowid FROM documents WHERE day >= ?)'); args.push(query.from); }
  if (query.to) { where.push('p.doc IN (SELECT rowid FROM documents WHERE day <= ?)'); args.push(query.to + '\uffff'); }
  if (entity !== undefined) {
    where.push(inEntityDocs('p.doc', query.recent, newest));
    args.push(entity);
  }
  return { where, args };
}

/** How each database orders an entity's documents newest first on its (entity, day, doc) index, undated last. */
export const NEWEST_DOCS = 'day DESC, doc DESC';
export const NEWEST_DOCS_PG = 'day DESC NULLS LAST, doc DESC';

/** `col` is a document that mentions the entity (its key the parameter); one of its `recent` newest when bounded. */
function inEntityDocs(col: string, recent: number | undefined, newest: string): string {
  const bound = recent === undefined ? '' : ` ORDER BY ${newest} LIMIT ${Math.max(0, Math.floor(recent))}`;
  return `${col} IN (SELECT doc FROM doc_entities WHERE entity = (SELECT rowid FROM entities WHERE key = ?)${bound})`;
}

/**
 * The conditions of quotes about an entity (its key as it leads now): a mention of it inside the
 * quote, its own words left out. Bounded to its `recent` newest documents, the mentions of it
 * there are read once (`with`, to put before the SELECT) rather than every mention per quote.
 */
export function aboutConditions(about: string, recent: number | undefined, newest = NEWEST_DOCS): { with: string; withArgs: unknown[]; where: string[]; args: unknown[] } {
  const self = 'q.speaker IS DISTINCT FROM (SELECT rowid FROM entities WHERE key = ?)';
  if (recent !== undefined) {
    return {
      // The entity first: SQLite seeks (entity, doc) per document rather than reading every mention of them.
      with: `WITH about_mentions AS MATERIALIZED (SELECT doc, start, "end" FROM mentions
               WHERE entity = (SELECT rowid FROM entities WHERE key = ?) AND ${inEntityDocs('doc', recent, newest)})`,
      withArgs: [about, about],
      where: ['q.doc IN (SELECT doc FROM about_mentions)', `EXISTS (SELECT 1 FROM about_mentions am WHERE am.doc = q.doc AND am.start >= q.start AND am."end" <= q."end")`, self],
      args: [about],
    };
  }
  return {
    with: '',
    withArgs: [],
    where: [`EXISTS (SELECT 1 FROM mentions m WHERE m.doc = q.doc AND m.start >= q.start AND m."end" <= q."end"
               AND +m.entity = (SELECT rowid FROM entities WHERE key = ?))`, self],
    args: [about, about],
  };
}

/** The conditions of an entity list (SQL with `?` parameters for either store): named from the start, of a type. */
export function entityConditions(query: EntityQuery): { where: string[]; args: unknown[] } {
  const where = ['e.documents > 0'];
  const args: unknown[] = [];
  if (query.type) { where.push('e.type = ?'); args.push(query.type); }
  if (query.q) {
    const n = normalizeName(query.q);
    where.push('e.rowid IN (SELECT entity FROM entity_names WHERE norm >= ? AND norm < ?)');
    args.push(n, n + '\uffff');
  }
  return { where, args };
}
