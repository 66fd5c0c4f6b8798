import pg from 'pg';
import type { ClaimRow } from '../../claims/build.js';
import { NewsgraphError, errorMessage } from '../../core/errors.js';
import type { EntityType } from '../../core/layers.js';
import type { DocMeta } from '../../core/meta.js';
import { fold, nameForm } from '../../kb/names.js';
import type { RowContext, StoredEntity } from '../../layers/spec.js';
import type { NewsRecord } from '../../output/record.js';
import type { StoryFeatures } from '../../stories/story-features.js';
import { dayOf, entityIdOf, entityKey, normalizeName } from '../keys.js';
import {
  checkRecord, decisionFrom, entityConditions, docRef, emptyFacets, eventHit, FACET_CAP, facetCounts, facetsOf, MAX_LIMIT, META_KEYS, page, PERIOD, placeHit, quoteHit,
  aboutConditions, NEWEST_DOCS_PG, placeConditions, recordFrom, speakerCondition, stampFrom, type MergeUndo, undoable, undoLater,
} from '../results.js';
import { notesOf } from '../kb-notes.js';
import { STORED_LAYERS, layerRows } from '../sqlite/layer-rows.js';
import type {
  ClaimRowQuery, CopyCandidate, CopyQuery, Decision, DecisionRecord, DocSource, EntityCount, EntityInfo, EntityMatch, EntityQuery,
  EventHit, EventQuery, Interval, KbCandidate, Page, PeriodCount, PlaceHit, PlaceQuery, PutResult, QuoteHit, QuoteQuery, RecordStamp,
  RelationHit, RelationQuery, SearchHit, SearchQuery, SearchResult, Store, StoryChooser, StoryDetail, StoryInfo, StoryPool,
} from '../store.js';
import { PgClaims } from './claims.js';
import { PgCopies } from './copies.js';
import { all, insertRows, LOCKS, one, run, uniqueViolation, type Db, type Row } from './db.js';
import { followAll, PgKb, type NoteItem } from './kb.js';
import { migrate } from './schema.js';
import { PgStories } from './stories.js';
import { pairsAlone, pairsQuery, phraseGroups, termQueries, toTsQuery } from './tsquery.js';
import { countWhole, scanRows, textReading, type TextReading } from './text-reading.js';
import { genericIn, isNamedEntity } from '../../layers/entities.js';

export interface PgStoreOptions {
  /** Connections in the pool. Default 10. */
  readonly max?: number;
  /** As SqliteStoreOptions: ranking window, facet and count caps. */
  readonly rankCap?: number;
  readonly facetCap?: number;
  readonly countCap?: number;
  /** The fewest rows a ranked text search reads in one range of rowids, newest first; a scan tries twice as many first when unsure. Default 1,000. */
  readonly rangeRows?: number;
  /** Always read a ranked search's matches this way (text-reading.ts) instead of the cheapest; for tests. */
  readonly textReading?: TextReading;
}

/** A ranked search's text: its tsquery, its word-pair query when it has phrases, its terms by group (tsquery.ts). */
interface TextQuery {
  readonly tsq: string;
  readonly pairs?: string;
  /** The pairs alone match what the query matches (two-word phrases): no positions to check. */
  readonly pairsAlone?: boolean;
  readonly terms?: readonly (readonly string[])[];
}

// A filter of at most this many documents may drive a ranked search (newestMatches).
const FILTER_FIRST_MAX = 20_000;
// Title words weigh four times text words (weights D, C, B, A; the title is A, the text B), as in
// the SQLite store's bm25(4, 1); normalisation 1 divides by the log of the document's length.
const RANK = `ts_rank('{0.1, 0.2, 0.25, 1.0}', t.tsv, query, 1)`;
const TSV = `setweight(to_tsvector('newsgraph', coalesce(?::text, '')), 'A') || setweight(to_tsvector('newsgraph', ?::text), 'B')`;
// Marks no article contains, replaced by the query's own after ts_headline.
const OPEN = '\ue000', CLOSE = '\ue001';
const HEADLINE = `StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=24, MinWords=12, ShortWord=0, MaxFragments=1`;
const HIT_COLS = 'd.rowid, d.id, d.title, d.author, d.outlet, d.url, d.published, d.origin, d.lang';
// What hangs off a document besides its row and its text, removed when it is replaced.
const DOC_TABLES = ['records', ...STORED_LAYERS.map((l) => l.table.name), 'doc_entities', 'copy_sketch', 'copy_lines', 'claim_rows'];

/** Hides the password of a connection URL in messages. */
export function redactUrl(url: string): string {
  return url.replace(/^(postgres(?:ql)?:\/\/[^:/@]+):[^@]*@/i, '$1:***@');
}

/** A connection pool on the server at `url`, as every user of the server store opens it. */
export function serverPool(url: string, max: number): pg.Pool {
  // A server that does not answer fails the call that waits for it instead of hanging it.
  // Idle connections stay five minutes (not pg's 10 s): a new server process pays 0.1–0.4 s on
  // its first searches while it maps the shared buffers they read, so one kept warm answers in
  // 10–35 ms. They do not keep a process alive.
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 15_000, idleTimeoutMillis: 300_000, allowExitOnIdle: true });
  // A connection the server drops while idle is replaced on next use; it must not end the process.
  pool.on('error', () => undefined);
  // Nor one dropped while checked out between two queries (a transaction, a lock held): its next
  // query fails, and that error reaches the caller.
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

function openError(url: string, err: unknown): NewsgraphError {
  return err instanceof NewsgraphError ? err : new NewsgraphError('store.open', `cannot open database ${redactUrl(url)}: ${errorMessage(err)}`);
}

/**
 * Setting up on first use: once done it stays done, and an attempt that failed (the server
 * away, a connection cut) is tried again by the next caller rather than failing every call after.
 */
export class Setup {
  private attempt?: Promise<void>;

  constructor(private readonly run: () => Promise<void>) {}

  done(): Promise<void> {
    if (!this.attempt) {
      const attempt = this.run();
      this.attempt = attempt;
      attempt.catch(() => { if (this.attempt === attempt) this.attempt = undefined; });
    }
    return this.attempt;
  }

  /** Waits for an attempt in progress, without starting one. */
  async settled(): Promise<void> {
    await this.attempt?.catch(() => undefined);
  }
}

/** Brings the database of `pool` up to the current schema (schema.ts); failures name the server. */
export async function migrated(pool: pg.Pool, url: string): Promise<void> {
  try {
    const c = await pool.connect();
    let failed: Error | undefined;
    try {
      await migrate(c);
    } catch (err) {
      failed = err as Error;
      throw err;
    } finally {
      c.release(failed);
    }
  } catch (err) {
    throw openError(url, err);
  }
}

/**
 * The server store: PostgreSQL through one connection pool (`pg`), with the tables of the SQLite
 * store, full-text search by a `tsvector` (GIN index) under the `newsgraph` configuration
 * (accents folded, English stems), and one transaction per document on a client checked out for
 * it. The schema is brought up to date on first use (schema.ts).
 */
export class PgStore implements Store {
  readonly url: string;
  private readonly pool: pg.Pool;
  private readonly ready = new Setup(() => this.open());
  private readonly rankCap: number;
  private readonly facetCap: number;
  private readonly countCap: number;
  private readonly rangeRows: number;
  private readonly reading?: TextReading;
  private readonly kb = new PgKb();
  private readonly copies = new PgCopies();
  private readonly claims = new PgClaims();
  private readonly storyTables = new PgStories();

  constructor(url: string, opts: PgStoreOptions = {}) {
    this.url = url;
    this.rankCap = Math.max(1, opts.rankCap ?? 2_000);
    this.facetCap = Math.max(1, opts.facetCap ?? FACET_CAP);
    this.countCap = Math.max(1, opts.countCap ?? 10_000);
    this.rangeRows = Math.max(1, opts.rangeRows ?? 1_000);
    this.reading = opts.textReading;
    this.pool = serverPool(url, opts.max ?? 10);
    // Failures surface from the first call that awaits `ready`, not as an unhandled rejection.
    this.ready.done().catch(() => undefined);
  }

  private async open(): Promise<void> {
    await migrated(this.pool, this.url);
    try {
      await this.refreshClaims();
    } catch (err) {
      throw openError(this.url, err);
    }
  }

  /** Claim rows derived by other rules than this build's are derived again, once, from the stored records. */
  private async refreshClaims(): Promise<void> {
    if (await this.claims.current(this.pool)) return;
    await this.transaction(async (c) => {
      await this.lock(c);
      if (await this.claims.current(c)) return;
      await run(c, 'DELETE FROM claim_rows');
      for (let after = 0; ;) {
        const rows = await all(c, `SELECT d.rowid, t.text, r.record FROM documents d JOIN records r ON r.rowid = d.rowid
          JOIN texts t ON t.rowid = d.rowid WHERE d.rowid > ? ORDER BY d.rowid LIMIT 200`, [after]);
        if (!rows.length) break;
        for (const r of rows) await this.writeClaims(c, Number(r.rowid), recordFrom(String(r.text), String(r.record)));
        after = Number(rows[rows.length - 1]!.rowid);
      }
      await this.claims.stamp(c);
    }, false);
  }

  /** Runs `fn` in one transaction on a client of its own. */
  private async transaction<T>(fn: (c: pg.PoolClient) => Promise<T>, wait = true): Promise<T> {
    if (wait) await this.ready.done();
    const c = await this.pool.connect();
    // A connection that cannot even roll back is broken: it leaves the pool rather than serve the next caller.
    let broken: Error | undefined;
    try {
      await c.query('BEGIN');
      const out = await fn(c);
      await c.query('COMMIT');
      return out;
    } catch (err) {
      await c.query('ROLLBACK').catch((e: Error) => { broken = e; });
      throw err;
    } finally {
      c.release(broken);
    }
  }

  /**
   * Serialises the knowledge-base and story part of writes across processes. Resolution and
   * clustering read the store before a document's transaction begins; inside it, entity and
   * story rows are found or created by key, counts are bumped and merges rewrite other
   * documents' rows. Two transactions doing that at once under READ COMMITTED would each miss
   * the other's new rows (two entities for one key's redirect, lost count updates, a story
   * counted twice). The lock is held to commit; each statement after it sees what the previous
   * holder committed.
   */
  private async lock(c: Db): Promise<void> {
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.write]);
  }

  private async reader(): Promise<Db> {
    await this.ready.done();
    return this.pool;
  }

  // ---- documents -------------------------------------------------------------------------

  async put(record: NewsRecord): Promise<PutResult> {
    checkRecord(record);
    try {
      return await this.transaction((c) => this.putIn(c, record));
    } catch (err) {
      // Another process stored the same text (or id) between our check and our insert.
      if (uniqueViolation(err) !== undefined) return this.transaction((c) => this.putIn(c, record));
      throw err;
    }
  }

  /**
   * Stores a record in the transaction of `c`. `kept`: the document's row and text stay (a
   * replacement, under the lock already); only its metadata and derived rows are written.
   */
  private async putIn(c: Db, given: NewsRecord, kept?: number): Promise<PutResult> {
    checkRecord(given);
    const meta: DocMeta = given.meta ?? {};
    const day = dayOf(meta.published);
    const cells = [given.id, given.hash, meta.title ?? null, meta.author ?? null, meta.outlet ?? null, meta.url ?? null, meta.published ?? null,
      meta.origin ?? null, meta.lang ?? null, day ?? null, given.copyOf ?? null, given.copyShare ?? null, given.source ?? null];
    let doc: number;
    if (kept === undefined) {
      const stored = await all(c, 'SELECT id, hash = ? AS same FROM documents WHERE hash = ? OR id = ?', [given.hash, given.hash, given.id]);
      const same = stored.find((r) => r.same);
      if (same) return { status: 'present', id: String(same.id) };
      if (stored.length) throw new NewsgraphError('store.id-conflict', `id "${given.id}" is already stored with different text`, 409);
      doc = Number((await one(c, `INSERT INTO documents (id, hash, title, author, outlet, url, published, origin, lang, day, copy_of, copy_share, source, added)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING rowid`, [...cells, new Date().toISOString()]))!.rowid);
      // The text and its search vector, the costly part, before the lock.
      await run(c, `INSERT INTO texts (rowid, title, text, tsv, pairs) SELECT ?, ?, ?, v, newsgraph_pairs(v) FROM (SELECT ${TSV} AS v) x`,
        [doc, meta.title ?? null, given.text, meta.title ?? null, given.text]);
      await this.lock(c);
    } else {
      doc = kept;
      const before = await one(c, 'SELECT title FROM documents WHERE rowid = ?', [doc]);
      await run(c, `UPDATE documents SET id = ?, hash = ?, title = ?, author = ?, outlet = ?, url = ?, published = ?, origin = ?, lang = ?,
        day = ?, copy_of = ?, copy_share = ?, source = ? WHERE rowid = ?`, [...cells, doc]);
      // The text is the same; its vector is computed again only for a new title.
      if ((before?.title ?? null) !== (meta.title ?? null)) {
        await run(c, `UPDATE texts SET title = x.title, tsv = x.v, pairs = newsgraph_pairs(x.v) FROM (SELECT ?::text AS title, ${TSV} AS v) x WHERE rowid = ?`,
          [meta.title ?? null, meta.title ?? null, given.text, doc]);
      }
    }
    const rec = await this.currentIds(c, given);
    const { text, ...rest } = rec;
    await run(c, 'INSERT INTO records (rowid, record) VALUES (?, ?)', [doc, JSON.stringify(rest)]);
    await this.writeRows(c, doc, rec, text, day);
    return { status: 'added', id: rec.id };
  }

  /** Entities, layer rows, counts, names, copies and story of a record stored under row `doc`. */
  private async writeRows(c: Db, doc: number, rec: NewsRecord, text: string, day: string | undefined): Promise<void> {
    // The entities the record names, then those its layers key by a name resolution left alone
    // (ctx.named), found by a first pass over the rows; all created or found in one statement.
    const wanted: { id: string; type: string; name: string; description?: string }[] = [];
    for (const e of rec.entities ?? []) {
      if (isNamedEntity(e)) wanted.push({ id: e.kb ?? entityKey(e.type, e.name), type: e.type, name: e.name, description: e.description });
    }
    const probe: RowContext = {
      doc, text, day, normalizeName, dayOf,
      entity: (id) => (id != null && (rec.entities ?? []).some((e) => e?.id === id && isNamedEntity(e)) ? { row: 0, key: '' } : undefined),
      named: (type, name) => { wanted.push({ id: entityKey(type, name), type, name }); return { row: 0, key: '' }; },
    };
    for (const layer of STORED_LAYERS) for (const _ of layerRows(layer, rec, probe)) { /* only the names it asks for */ }
    const current = await followAll(c, 'entity_redirects', wanted.map((w) => w.id));
    const byKey = new Map<string, { type: string; name: string; description?: string }>();
    for (const w of wanted) {
      const key = current.get(w.id)!;
      const had = byKey.get(key);
      if (!had) byKey.set(key, { type: w.type, name: w.name, description: w.description });
      else if (had.description === undefined && w.description !== undefined) had.description = w.description;
    }
    const stored = new Map<string, { row: number; name: string; type: string }>();
    if (byKey.size) {
      const keys = [...byKey.keys()], vals = [...byKey.values()];
      const rows = await all(c, `INSERT INTO entities (key, type, name, norm, description)
          SELECT k, t, n, nm, d FROM unnest(?::text[], ?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS u(k, t, n, nm, d, i) ORDER BY i
        ON CONFLICT (key) DO UPDATE SET description = coalesce(entities.description, excluded.description)
        RETURNING rowid, key, name, type`,
      [keys, vals.map((v) => v.type), vals.map((v) => v.name), vals.map((v) => normalizeName(v.name)), vals.map((v) => v.description ?? null)]);
      for (const r of rows) stored.set(String(r.key), { row: Number(r.rowid), name: String(r.name), type: String(r.type) });
    }
    const storedOf = (id: string): StoredEntity => {
      const key = current.get(id)!;
      return { row: stored.get(key)!.row, key };
    };
    const local = new Map<string, StoredEntity>();
    const rowOf = new Map<string, { row: number; name: string; type: string }>();
    const perEntity = new Map<number, number>();
    const types = new Set<string>();
    for (const w of wanted) {
      rowOf.set(w.id, stored.get(current.get(w.id)!)!);
      perEntity.set(stored.get(current.get(w.id)!)!.row, 0);
      types.add(w.type);
    }
    for (const e of rec.entities ?? []) if (isNamedEntity(e)) local.set(e.id, storedOf(entityIdOf(e)));
    const ctx: RowContext = {
      doc, text, day, normalizeName, dayOf,
      entity: (id) => (id == null ? undefined : local.get(id)),
      named: (type, name) => storedOf(entityKey(type, name)),
      generic: genericIn(rec),
    };
    const mentions = new Map<number, number>();
    for (const layer of STORED_LAYERS) {
      const columns = layer.table.columns.map((col) => col.name);
      const rows = [...layerRows(layer, rec, ctx)];
      await insertRows(c, layer.table.name, columns, rows);
      // Names, descriptions and pronouns that refer to an entity are all its mentions here.
      if (layer.table.name === 'mentions') {
        const at = columns.indexOf('entity');
        for (const row of rows) if (row[at] != null) mentions.set(Number(row[at]), (mentions.get(Number(row[at])) ?? 0) + 1);
      }
    }
    await this.writeClaims(c, doc, rec);
    for (const [row, n] of mentions) perEntity.set(row, n);
    if (types.size) await run(c, 'UPDATE documents SET types = ? WHERE rowid = ?', [`,${[...types].sort().join(',')},`, doc]);
    if (perEntity.size) {
      const ents = [...perEntity.keys()], counts = [...perEntity.values()];
      await run(c, `INSERT INTO doc_entities (doc, entity, mentions, type, day)
        SELECT ?, e.rowid, u.n, e.type, ? FROM unnest(?::bigint[], ?::int[]) AS u(entity, n) JOIN entities e ON e.rowid = u.entity`, [doc, day ?? null, ents, counts]);
      await this.bumpEntities(c, ents, counts, 1, day?.slice(0, 7));
    }
    await this.noteEntities(c, rec, 1, rowOf);
    await this.copies.add(c, doc, rec);
    await this.storyTables.add(c, doc, rec, (ids) => this.kbCurrent(c, ids));
  }

  /** Counts documents and mentions in (sign 1) or out (-1) of entities and their months. */
  private async bumpEntities(c: Db, ents: readonly number[], mentions: readonly number[], sign: 1 | -1, month: string | undefined | (string | null)[]): Promise<void> {
    await run(c, `UPDATE entities e SET documents = e.documents + ?, mentions = e.mentions + u.n * ?
      FROM unnest(?::bigint[], ?::int[]) AS u(entity, n) WHERE e.rowid = u.entity`, [sign, sign, ents, mentions]);
    const months = Array.isArray(month) ? month : ents.map(() => month ?? null);
    if (!months.some((m) => m != null)) return;
    await run(c, `INSERT INTO entity_months (entity, month, documents, mentions)
        SELECT u.entity, u.month, ?, u.n * ? FROM unnest(?::bigint[], ?::int[], ?::text[]) AS u(entity, n, month) WHERE u.month IS NOT NULL
      ON CONFLICT (entity, month) DO UPDATE SET documents = entity_months.documents + excluded.documents, mentions = entity_months.mentions + excluded.mentions`,
    [sign, sign, ents, mentions, months]);
    if (sign < 0) await run(c, 'DELETE FROM entity_months WHERE entity = ANY(?::bigint[]) AND documents <= 0', [ents]);
  }

  private async writeClaims(c: Db, doc: number, rec: NewsRecord): Promise<void> {
    const { assertions, ids } = this.claims.idsOf(rec);
    if (!assertions.length) return;
    const current = await followAll(c, 'entity_redirects', ids);
    await this.claims.write(c, doc, assertions, (id) => current.get(id) ?? id);
  }

  /** A function from entity ids to where they lead now, for these ids, read at once. */
  private async kbCurrent(c: Db, ids: Iterable<string>): Promise<(id: string) => string> {
    const current = await followAll(c, 'entity_redirects', ids);
    return (id) => current.get(id) ?? id;
  }

  /**
   * The record with its knowledge-base and story ids as they lead now: another process may have
   * merged them after the collection stages read the store and before this transaction began.
   */
  private async currentIds(c: Db, rec: NewsRecord): Promise<NewsRecord> {
    const current = await followAll(c, 'entity_redirects', (rec.entities ?? []).flatMap((e) => (e.kb === undefined ? [] : [e.kb])));
    let moved = false;
    const entities = (rec.entities ?? []).map((e) => {
      const kb = e.kb === undefined ? undefined : current.get(e.kb);
      if (kb === e.kb) return e;
      moved = true;
      return { ...e, kb };
    });
    const story = rec.story === undefined ? undefined : await this.storyTables.current(c, rec.story);
    if (!moved && story === rec.story) return rec;
    return { ...rec, ...(moved ? { entities } : {}), ...(story !== undefined ? { story } : {}) };
  }

  /** Counts (or, leaving, discounts) the names, types and places a record gives each entity. */
  private async noteEntities(c: Db, rec: NewsRecord, sign: 1 | -1, rowOf?: ReadonlyMap<string, { row: number; name: string; type: string }>): Promise<void> {
    const notes = notesOf(rec);
    const unknown = [...notes.keys()].filter((id) => !rowOf?.has(id));
    const current = await followAll(c, 'entity_redirects', unknown);
    const rows = unknown.length
      ? new Map((await all(c, 'SELECT key, rowid FROM entities WHERE key = ANY(?::text[])', [[...new Set(current.values())]])).map((r) => [String(r.key), Number(r.rowid)]))
      : new Map<string, number>();
    const items: NoteItem[] = [];
    for (const [id, note] of notes) {
      const known = rowOf?.get(id);
      const row = known?.row ?? rows.get(current.get(id)!);
      if (row !== undefined) items.push({ row, note, ...(known ? { current: known } : {}) });
    }
    await this.kb.noteAll(c, items, sign);
  }

  private async findDoc(db: Db, id: string): Promise<number | undefined> {
    const r = await one(db, 'SELECT rowid FROM documents WHERE id = ? UNION ALL SELECT rowid FROM documents WHERE hash = ? LIMIT 1', [id, id]);
    return r ? Number(r.rowid) : undefined;
  }

  private async toRecord(db: Db, doc: number): Promise<NewsRecord> {
    const r = (await one(db, 'SELECT t.text, r.record FROM records r JOIN texts t ON t.rowid = r.rowid WHERE r.rowid = ?', [doc]))!;
    return recordFrom(String(r.text), String(r.record));
  }

  async get(id: string): Promise<NewsRecord | undefined> {
    const db = await this.reader();
    const doc = await this.findDoc(db, id);
    return doc === undefined ? undefined : this.toRecord(db, doc);
  }

  async has(hash: string): Promise<boolean> {
    return (await one(await this.reader(), 'SELECT 1 FROM documents WHERE hash = ?', [hash])) !== undefined;
  }

  async replace(record: NewsRecord): Promise<void> {
    checkRecord(record);
    await this.transaction(async (c) => {
      await this.lock(c);
      await this.replaceIn(c, record);
    });
  }

  private async replaceIn(c: Db, rec: NewsRecord): Promise<void> {
    const doc = await this.findDoc(c, rec.id);
    if (doc === undefined) throw new NewsgraphError('store.not-found', `no stored document "${rec.id}" to replace`, 404);
    const row = (await one(c, 'SELECT id, hash FROM documents WHERE rowid = ?', [doc]))!;
    if (String(row.hash) !== rec.hash || String(row.id) !== rec.id) {
      throw new NewsgraphError('store.id-conflict', `document "${rec.id}" is stored with other text; a replacement keeps its id and text`, 409);
    }
    const entities = await this.removeDoc(c, doc, true);
    await this.putIn(c, rec, doc);
    await this.dropUnused(c, entities);
  }

  async *stamps(): AsyncIterable<RecordStamp> {
    const db = await this.reader();
    for (let after = 0; ;) {
      const rows = await all(db, `SELECT d.rowid, d.id, d.hash, r.record::json -> 'stages' AS stages FROM documents d JOIN records r ON r.rowid = d.rowid
        WHERE d.rowid > ? ORDER BY d.rowid LIMIT 500`, [after]);
      if (!rows.length) return;
      for (const r of rows) yield stampFrom(String(r.id), String(r.hash), r.stages as RecordStamp['stages']);
      after = Number(rows[rows.length - 1]!.rowid);
    }
  }

  async stampOf(idOrHash: string): Promise<RecordStamp | undefined> {
    const db = await this.reader();
    const doc = await this.findDoc(db, idOrHash);
    if (doc === undefined) return undefined;
    const r = (await one(db, `SELECT d.id, d.hash, r.record::json -> 'stages' AS stages FROM documents d JOIN records r ON r.rowid = d.rowid WHERE d.rowid = ?`, [doc]))!;
    return stampFrom(String(r.id), String(r.hash), r.stages as RecordStamp['stages']);
  }

  async delete(id: string): Promise<boolean> {
    return this.transaction(async (c) => {
      await this.lock(c);
      const doc = await this.findDoc(c, id);
      if (doc === undefined) return false;
      await this.dropUnused(c, await this.removeDoc(c, doc));
      return true;
    });
  }

  /**
   * Takes a document and its share of every count out; returns the entity rows it counted for.
   * `keepText` leaves its row and its text for the replacement that follows.
   */
  private async removeDoc(c: Db, doc: number, keepText = false): Promise<number[]> {
    await this.storyTables.remove(c, doc);
    const rec = await one(c, 'SELECT record FROM records WHERE rowid = ?', [doc]);
    if (rec) await this.noteEntities(c, JSON.parse(String(rec.record)) as NewsRecord, -1);
    const counts = await all(c, `SELECT de.entity, de.mentions, substr(d.day, 1, 7) AS month FROM doc_entities de JOIN documents d ON d.rowid = de.doc
      WHERE de.doc = ?`, [doc]);
    if (keepText) {
      await run(c, `WITH ${DOC_TABLES.map((t, i) => `d${i} AS (DELETE FROM ${t} WHERE ${t === 'records' ? 'rowid' : 'doc'} = $1)`).join(', ')} SELECT 1`, [doc]);
    } else {
      await run(c, 'DELETE FROM documents WHERE rowid = ?', [doc]);
    }
    const ents = counts.map((x) => Number(x.entity));
    if (ents.length) await this.bumpEntities(c, ents, counts.map((x) => Number(x.mentions)), -1, counts.map((x) => (x.month == null ? null : String(x.month))));
    return ents;
  }

  /** Entities no stored document counts any more lose their row. */
  private async dropUnused(c: Db, entities: readonly number[]): Promise<void> {
    if (entities.length) await run(c, 'DELETE FROM entities WHERE rowid = ANY(?::bigint[]) AND documents <= 0', [entities]);
  }

  async count(): Promise<number> {
    return Number((await one(await this.reader(), 'SELECT count(*) AS n FROM documents'))!.n);
  }

  async *export(): AsyncIterable<NewsRecord> {
    const db = await this.reader();
    // Pages by row, so no cursor stays open across the caller's awaits.
    for (let after = 0; ;) {
      const rows = await all(db, `SELECT d.rowid, t.text, r.record FROM documents d JOIN records r ON r.rowid = d.rowid JOIN texts t ON t.rowid = d.rowid
        WHERE d.rowid > ? ORDER BY d.rowid LIMIT 200`, [after]);
      if (!rows.length) return;
      for (const r of rows) yield recordFrom(String(r.text), String(r.record));
      after = Number(rows[rows.length - 1]!.rowid);
    }
  }

  // ---- search ----------------------------------------------------------------------------

  async search(query: SearchQuery): Promise<SearchResult> {
    const db = await this.reader();
    const [limit, offset] = page(query);
    const q = query.q?.trim();
    const tsq = q ? toTsQuery(q) : undefined;
    const none = { total: 0, hits: [], ...(query.facets ? { facets: emptyFacets() } : {}) };
    if (q && tsq === undefined) return none;
    const asked = query.entity === undefined ? [] : typeof query.entity === 'string' ? [query.entity] : [...query.entity];
    const ents: number[] = [];
    if (asked.length) {
      const current = await followAll(db, 'entity_redirects', asked);
      const rows = new Map((await all(db, 'SELECT key, rowid FROM entities WHERE key = ANY(?::text[])', [[...current.values()]])).map((r) => [String(r.key), Number(r.rowid)]));
      for (const key of asked) {
        const row = rows.get(current.get(key)!);
        if (row === undefined) return none;
        ents.push(row);
      }
    }
    const where: string[] = [];
    const args: unknown[] = [];
    for (const e of ents) { where.push('d.rowid IN (SELECT doc FROM doc_entities WHERE entity = ?)'); args.push(e); }
    if (query.place) { where.push('d.rowid IN (SELECT doc FROM places WHERE norm = ?)'); args.push(normalizeName(query.place)); }
    if (query.outlet) { where.push('lower(d.outlet) = lower(?::text)'); args.push(query.outlet); }
    // A YYYY or YYYY-MM bound includes its whole year or month.
    if (query.from) { where.push('d.day >= ?'); args.push(query.from); }
    if (query.to) { where.push('d.day <= ?'); args.push(`${query.to}\uffff`); }
    if (query.type) { where.push('d.types LIKE ?'); args.push(`%,${query.type},%`); }
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const wantFacets = !!query.facets;
    let ordered: number[];
    let total: number;
    let totalCapped = false;
    let rankedOver: number | undefined;
    let scores: Map<number, number> | undefined;
    const countUpTo = async (known: number): Promise<number> => {
      // Counting stops at countCap: past that, "more than N" is what a reader needs.
      const n = Number((await one(db, `SELECT count(*) AS n FROM (SELECT 1 FROM documents d ${cond} LIMIT ?) x`, [...args, this.countCap + 1]))!.n);
      totalCapped = n > this.countCap;
      return Math.max(known, Math.min(n, this.countCap));
    };
    try {
      if (tsq) {
        // Score the newest `window` matches, then order them by score (as the SQLite store does).
        const window = Math.min(MAX_LIMIT, Math.max(this.rankCap, offset + limit));
        const m = await this.newestMatches(db, { tsq, ...await this.phrasePairs(db, q!), terms: termQueries(q!) }, where, args, window);
        const ranked = m.ranks ?? (m.ids.length ? await all(db, `SELECT t.rowid AS rid, ${RANK} AS r FROM texts t CROSS JOIN to_tsquery('newsgraph', ?) AS query
          WHERE t.rowid = ANY(?::bigint[])`, [tsq, m.ids.slice(0, window)]) : []);
        const scored = ranked.map((r) => [Number(r.rid), Number(r.r)] as [number, number]);
        scored.sort((a, b) => b[1] - a[1] || b[0] - a[0]);
        ordered = scored.map((x) => x[0]);
        total = Math.min(m.total, this.countCap);
        totalCapped = m.total > this.countCap;
        if (m.total > window) rankedOver = window;
        scores = new Map(scored.slice(offset, offset + limit));
      } else {
        // Newest first; undated documents last.
        const want = Math.max(offset + limit, wantFacets ? this.facetCap : 0);
        ordered = (await all(db, `SELECT d.rowid FROM documents d ${cond} ORDER BY d.day DESC NULLS LAST, d.rowid DESC LIMIT ?`, [...args, want])).map((r) => Number(r.rowid));
        total = ordered.length < want ? ordered.length : await countUpTo(ordered.length);
      }
    } catch (err) {
      throw new NewsgraphError('store.bad-query', `cannot search for "${query.q}": ${errorMessage(err)}`);
    }
    const hits = await this.hits(db, ordered.slice(offset, offset + limit), tsq, query.mark ?? ['«', '»'], scores);
    const result: SearchResult = { total, ...(totalCapped ? { totalCapped } : {}), ...(rankedOver ? { rankedOver } : {}), hits };
    if (!wantFacets) return result;
    return { ...result, facets: await this.facets(db, ordered.slice(0, this.facetCap), totalCapped || total > this.facetCap) };
  }

  /**
   * The newest documents whose text matches `tsq` and that pass the filters (`where` on `d`), at
   * least `window` of them when there are, newest first, and how many match in all (exact, or
   * past countCap only known to be more); with their ranks when the reading gave them. Read the
   * cheapest way for the planner's estimate of how many texts match (text-reading.ts): a rare
   * word whole, a common one from the newest texts, the rest range by range of rowids from the
   * newest, each range sized so that one or two ranges fill the window.
   */
  private async newestMatches(db: Db, text: TextQuery, where: readonly string[], args: readonly unknown[], window: number): Promise<{ ids: number[]; total: number; ranks?: Row[] }> {
    const { tsq, pairs } = text;
    const queries = pairs === undefined ? [tsq] : [tsq, pairs];
    const matchesText = `tsv @@ to_tsquery('newsgraph', ?)${pairs === undefined ? '' : ' AND pairs @@ ?::tsquery'}`;
    const { estimate, decoded, dense } = await this.textEstimates(db, text);
    if (where.length) {
      // A filter that selects fewer documents than the text matches drives: its documents are
      // checked against the text, newest first. Read the other way, the matches of a common word
      // would be read range after range, most of them to be dropped by the filter.
      const filtered = `SELECT d.rowid FROM documents d WHERE ${where.join(' AND ')}`;
      const few = Number((await one(db, `SELECT count(*) AS n FROM (${filtered} LIMIT ?) x`, [...args, FILTER_FIRST_MAX + 1]))!.n);
      if (few <= FILTER_FIRST_MAX && few < estimate) {
        const found = await all(db, `SELECT rowid FROM texts WHERE rowid = ANY(ARRAY(${filtered})) AND ${matchesText} ORDER BY rowid DESC`, [...args, ...queries]);
        return { ids: found.map((r) => Number(r.rowid)), total: found.length };
      }
    }
    const bounds = await one(db, 'SELECT min(rowid) AS lo, max(rowid) AS hi FROM texts');
    if (bounds?.hi == null) return { ids: [], total: 0 };
    const first = Number(bounds.lo), end = Number(bounds.hi) + 1;
    const filters = where.length ? ` JOIN documents d ON d.rowid = m.rowid WHERE ${where.join(' AND ')}` : '';
    // Positions are checked on the texts for a phrase, unless its pairs alone answer it.
    const phrase = pairs !== undefined && !text.pairsAlone;
    const reading = this.reading === 'scan' && where.length ? 'ranges' : this.reading
      ?? textReading({ estimate, decoded, dense, rows: end - first, window, filtered: where.length > 0, phrase }).reading;
    // Every match, read through the index alone, and the matches in [lo, hi); parameters: the
    // queries, lo and hi, then the filters'.
    const [allFn, rangeFn, read] = text.pairsAlone
      ? ['newsgraph_pairs_all(?::tsquery)', 'newsgraph_pairs_matches(?::tsquery, ?, ?)', [pairs]]
      : phrase
        ? ["newsgraph_phrase_all(to_tsquery('newsgraph', ?), ?::tsquery)", "newsgraph_phrase_matches(to_tsquery('newsgraph', ?), ?::tsquery, ?, ?)", queries]
        : ["newsgraph_text_all(to_tsquery('newsgraph', ?))", "newsgraph_text_matches(to_tsquery('newsgraph', ?), ?, ?)", queries];
    const every = `${allFn} m${filters}`;
    if (reading === 'all') {
      const ids = (await all(db, `SELECT m.rowid FROM ${every} ORDER BY m.rowid DESC`, [...read, ...args])).map((r) => Number(r.rowid));
      return { ids, total: ids.length };
    }
    const matches = `${rangeFn} m${filters}`;
    const ids: number[] = [];
    let hi = end;
    let ranks: Row[] | undefined;
    // Matches per row, as estimated and then as seen.
    let density = estimate / (end - first);
    if (reading === 'scan') {
      // Scanned and ranked together (the rank is read from the text in hand), over twice the
      // rows the window needs at the density hoped for.
      const scan = async (lo: number, n: number) => {
        const rows = await all(db, "SELECT m.rowid AS rid, m.rank AS r FROM newsgraph_newest_matches(to_tsquery('newsgraph', ?), ?, ?, ?) m", [tsq, lo, hi, n]);
        for (const r of rows) ids.push(Number(r.rid));
        ranks = [...(ranks ?? []), ...rows];
        hi = ids.length < window ? lo : ids[ids.length - 1]!;
      };
      const bound = Math.max(first, end - scanRows(dense, end - first, window));
      // A density only hoped for (terms that may or may not go together) is tried on the newest
      // rows first; what they show decides between scanning on and reading ranges.
      const tried = dense > 1.5 * estimate ? Math.max(bound, end - 2 * this.rangeRows) : bound;
      await scan(tried, window);
      if (ids.length < window && tried > bound) {
        density = Math.max(1, ids.length) / (end - tried);
        const left = hi - first, want = window - ids.length;
        const next = this.reading ?? textReading({ estimate: density * left, decoded, rows: left, window: want, filtered: false, phrase }).reading;
        if (next === 'scan') await scan(Math.max(first, hi - scanRows(density * left, left, want)), want);
      }
    }
    const sql = `SELECT m.rowid FROM ${matches} ORDER BY m.rowid DESC`;
    let span = Math.max(this.rangeRows, Math.ceil((1.5 * (window - ids.length)) / density));
    while (hi > first && ids.length < window) {
      const lo = Math.max(first, hi - span);
      const found = await all(db, sql, [...read, lo, hi, ...args]);
      for (const r of found) ids.push(Number(r.rowid));
      // Ranked afterwards, all together, when the scan left the window short.
      ranks = undefined;
      // The next range from the density just seen (an estimate can be far off), growing fourfold while nothing matches.
      span = found.length ? Math.max(span, Math.ceil((1.3 * (window - ids.length) * (hi - lo)) / found.length)) : span * 4;
      hi = lo;
    }
    if (hi <= first) return { ids, total: ids.length, ranks };
    // Older texts are left: the share of the rows read says whether the rest can stay under the cap.
    const projected = (ids.length * (end - first)) / (end - hi);
    if (projected > 1.5 * this.countCap) return { ids, total: this.countCap + 1, ranks };
    if (countWhole({ read: ids.length, left: hi - first, phrase })) {
      const n = Number((await one(db, `SELECT count(*) AS n FROM ${every}`, [...read, ...args]))!.n);
      return { ids, total: Math.max(n, ids.length), ranks };
    }
    const rest = Number((await one(db, `SELECT count(*) AS n FROM (SELECT 1 FROM ${matches} LIMIT ?) x`, [...read, first, hi, ...args, this.countCap + 1]))!.n);
    return { ids, total: ids.length + rest, ranks };
  }

  /**
   * What the planner expects of a text query (text-reading.ts): how many texts match; how many
   * entries the index decodes for it, each term's own matches; how many texts may match at most,
   * terms that go together (a name's words) matching as often as the rarest group, where the
   * planner takes them as independent. A phrase's estimate is the fewer of its words' matches
   * and its pairs' (the texts its positions are checked on): the planner, taking the two
   * conditions as independent, would multiply them.
   */
  private async textEstimates(db: Db, text: TextQuery): Promise<{ estimate: number; decoded: number; dense: number }> {
    const planned = async (cond: string, arg: string) => {
      const plan = await one(db, `EXPLAIN (FORMAT JSON) SELECT 1 FROM texts WHERE ${cond}`, [arg]);
      return Math.max(1, Number((plan?.['QUERY PLAN'] as { Plan: { 'Plan Rows': number } }[] | undefined)?.[0]?.Plan['Plan Rows'] ?? 1));
    };
    const words = await planned("tsv @@ to_tsquery('newsgraph', ?)", text.tsq);
    if (text.pairs !== undefined) {
      const estimate = Math.min(words, await planned('pairs @@ ?::tsquery', text.pairs));
      return { estimate, decoded: estimate, dense: estimate };
    }
    const groups = text.terms ?? [];
    if (groups.flat().length < 2) return { estimate: words, decoded: words, dense: words };
    const each = new Map<string, number>();
    for (const t of new Set(groups.flat())) each.set(t, await planned("tsv @@ to_tsquery('newsgraph', ?)", t));
    const sums = groups.map((g) => g.reduce((n, t) => n + each.get(t)!, 0));
    return { estimate: words, decoded: sums.reduce((a, b) => a + b, 0), dense: Math.max(words, Math.min(...sums)) };
  }

  /**
   * The word-pair query of the phrases `q` asks for (tsquery.ts), normalised as texts are, and
   * whether it matches exactly what `q` matches; nothing without a phrase.
   */
  private async phrasePairs(db: Db, q: string): Promise<{ pairs?: string; pairsAlone?: boolean }> {
    const groups = phraseGroups(q);
    if (!groups.length) return {};
    const rows = await all(db, `SELECT u.i, array(SELECT lexeme FROM unnest(newsgraph_pairs(to_tsvector('newsgraph', u.p)))) AS pairs
      FROM unnest(?::text[]) WITH ORDINALITY AS u(p, i) ORDER BY u.i`, [groups.flat()]);
    const each = rows.map((r) => r.pairs as string[]);
    const pairs = pairsQuery(groups, each);
    return pairs === undefined ? {} : { pairs, pairsAlone: pairsAlone(q, each) };
  }

  /** The page's hits in one query: metadata and a snippet of each hit's own text, its matches marked. */
  private async hits(db: Db, docs: readonly number[], tsq: string | undefined, [open, close]: readonly [string, string], scores?: Map<number, number>): Promise<SearchHit[]> {
    if (!docs.length) return [];
    const rows = tsq
      ? await all(db, `SELECT ${HIT_COLS}, t.text, ts_headline('newsgraph', t.text, to_tsquery('newsgraph', ?), '${HEADLINE}') AS snippet
          FROM documents d JOIN texts t ON t.rowid = d.rowid WHERE d.rowid = ANY(?::bigint[])`, [tsq, docs])
      : await all(db, `SELECT ${HIT_COLS}, substr(t.text, 1, 240) AS snippet FROM documents d JOIN texts t ON t.rowid = d.rowid
          WHERE d.rowid = ANY(?::bigint[])`, [docs]);
    const byRow = new Map(rows.map((r) => [Number(r.rowid), r]));
    return docs.flatMap((rid) => {
      const r = byRow.get(rid);
      if (!r) return [];
      const meta: Record<string, string> = {};
      for (const k of META_KEYS) if (r[k] != null) meta[k] = String(r[k]);
      const snippet = tsq ? marked(String(r.snippet ?? ''), String(r.text), open, close) : String(r.snippet ?? '');
      return [{
        id: String(r.id),
        ...(r.title != null ? { title: String(r.title) } : {}),
        snippet: snippet.replace(/\s+/g, ' ').trim(),
        meta,
        score: scores ? Number((scores.get(rid) ?? 0).toPrecision(4)) : 0,
      }];
    });
  }

  /** Facet counts over the given documents (the first hits in result order). */
  private async facets(db: Db, docs: readonly number[], approximate: boolean) {
    const rows = await all(db, 'SELECT outlet, day, types FROM documents WHERE rowid = ANY(?::bigint[])', [docs]);
    const entity = await all(db, `SELECT e.key AS value, e.name AS label, t.count FROM (
        SELECT entity, count(*) AS count FROM doc_entities WHERE doc = ANY(?::bigint[]) GROUP BY entity ORDER BY count DESC, entity LIMIT 25) t
      JOIN entities e ON e.rowid = t.entity ORDER BY t.count DESC, value`, [docs]);
    const place = await all(db, `SELECT min(name) AS value, count(DISTINCT doc) AS count FROM places WHERE doc = ANY(?::bigint[])
      GROUP BY norm ORDER BY count DESC, value LIMIT 25`, [docs]);
    return facetsOf(rows.map((r) => [r.outlet, r.day, r.types] as const), facetCounts(entity), facetCounts(place), docs.length, approximate);
  }

  // ---- entities --------------------------------------------------------------------------

  private async entityByKey(db: Db, id: string): Promise<Row | undefined> {
    return one(db, 'SELECT * FROM entities WHERE key = ?', [await this.kb.current(db, id)]);
  }

  private async entityRow(db: Db, idOrName: string): Promise<Row | undefined> {
    const typed = /^([A-Z]+):(.+)$/.exec(idOrName);
    return (await this.entityByKey(db, idOrName))
      ?? (typed ? await this.entityByKey(db, entityKey(typed[1]!, typed[2]!)) : undefined)
      // By name: the entity most documents call that; a name no stored document uses any more
      // counts only as the entity's own name, which a user may have chosen. Ties: the oldest
      // entity, as SQLite's index on names gives them.
      ?? await one(db, `SELECT e.* FROM entity_names n JOIN entities e ON e.rowid = n.entity
          WHERE n.norm = ? AND (n.documents > 0 OR e.norm = n.norm)
          ORDER BY n.documents DESC, (e.norm = n.norm) DESC, e.documents DESC, e.mentions DESC, e.rowid LIMIT 1`, [normalizeName(idOrName)])
      // Then the name folded as resolution compares names ("Al Qaida" for "Al-Qaida").
      ?? await one(db, `SELECT e.* FROM kb_keys k JOIN entities e ON e.rowid = k.entity WHERE k.key = ?
          ORDER BY e.documents DESC, e.rowid LIMIT 1`, [`n:${fold(idOrName)}`]);
  }

  /** Entity rows as EntityInfo, their aliases read for all of them in one query. */
  private async toEntities(db: Db, rows: readonly Row[]): Promise<EntityInfo[]> {
    if (!rows.length) return [];
    const aliases = new Map<number, string[]>();
    for (const a of await all(db, 'SELECT entity, name FROM entity_names WHERE entity = ANY(?::bigint[]) AND documents > 0 ORDER BY entity, name', [rows.map((r) => r.rowid)])) {
      const list = aliases.get(Number(a.entity)) ?? [];
      list.push(String(a.name));
      aliases.set(Number(a.entity), list);
    }
    return rows.map((r) => {
      const name = String(r.name);
      return {
        id: String(r.key), type: String(r.type) as EntityType, name,
        aliases: [...new Set((aliases.get(Number(r.rowid)) ?? []).filter((a) => a !== name))],
        ...(r.description != null ? { description: String(r.description) } : {}),
        documents: Number(r.documents), mentions: Number(r.mentions),
      };
    });
  }

  private async toEntity(db: Db, r: Row): Promise<EntityInfo> {
    return (await this.toEntities(db, [r]))[0]!;
  }

  async entity(idOrName: string): Promise<EntityInfo | undefined> {
    const db = await this.reader();
    const r = await this.entityRow(db, idOrName);
    return r ? { ...await this.toEntity(db, r), ...await this.kb.profile(db, Number(r.rowid), String(r.key)) } : undefined;
  }

  async entities(query: EntityQuery = {}): Promise<EntityInfo[]> {
    const db = await this.reader();
    const [limit, offset] = page(query, 50);
    const { where, args } = entityConditions(query);
    const rows = await all(db, `SELECT e.* FROM entities e WHERE ${where.join(' AND ')}
      ORDER BY e.documents DESC, e.mentions DESC, e.name LIMIT ? OFFSET ?`, [...args, limit, offset]);
    return this.toEntities(db, rows);
  }

  async lookup(name: string, limit = 10): Promise<EntityMatch[]> {
    const db = await this.reader();
    const n = normalizeName(name);
    if (!n) return [];
    const out = new Map<number, EntityMatch>();
    // Entities called exactly this, most documents calling them so first; then those whose names
    // match it folded (spelling, hyphens) or share its surname, by documents.
    const named = await all(db, `SELECT e.*, n.documents AS called FROM entity_names n JOIN entities e ON e.rowid = n.entity
      WHERE n.norm = ? AND (n.documents > 0 OR e.norm = n.norm)
      ORDER BY n.documents DESC, (e.norm = n.norm) DESC, e.documents DESC, e.mentions DESC, e.rowid LIMIT ?`, [n, limit]);
    const infos = await this.toEntities(db, named);
    named.forEach((r, i) => out.set(Number(r.rowid), { ...infos[i]!, called: Number(r.called), match: 'name' }));
    if (out.size < limit) {
      const f = nameForm(name, 'PERSON');
      const keys = [...new Set([`n:${f.fold}`, ...(f.surname && !f.given ? [`p:${f.surname}`] : [])])];
      const more = (await all(db, `SELECT DISTINCT e.* FROM kb_keys k JOIN entities e ON e.rowid = k.entity
        WHERE k.key = ANY(?::text[]) ORDER BY e.documents DESC, e.rowid LIMIT ?`, [keys, limit])).filter((r) => !out.has(Number(r.rowid)));
      const moreInfos = await this.toEntities(db, more);
      more.forEach((r, i) => out.set(Number(r.rowid), { ...moreInfos[i]!, called: 0, match: 'similar' }));
    }
    return [...out.values()].slice(0, limit);
  }

  async mentionsOverTime(entityId: string, interval: Interval = 'month'): Promise<PeriodCount[]> {
    const db = await this.reader();
    const e = await this.entityRow(db, entityId);
    if (!e) return [];
    // Months and years come from the per-month counts kept at put(); days from the documents.
    const rows = interval === 'day'
      ? await all(db, `SELECT d.day AS period, count(*) AS documents, sum(de.mentions) AS mentions
          FROM doc_entities de JOIN documents d ON d.rowid = de.doc WHERE de.entity = ? AND d.day IS NOT NULL
          GROUP BY d.day ORDER BY d.day`, [e.rowid])
      : await all(db, `SELECT substr(month, 1, ?::int) AS period, sum(documents) AS documents, sum(mentions) AS mentions
          FROM entity_months WHERE entity = ? GROUP BY 1 ORDER BY 1`, [PERIOD[interval] ?? 7, e.rowid]);
    return rows.map((r) => ({ period: String(r.period), documents: Number(r.documents), mentions: Number(r.mentions) }));
  }

  async coOccurring(entityId: string, limit = 20, maxDocs?: number): Promise<EntityCount[]> {
    const db = await this.reader();
    const e = await this.entityRow(db, entityId);
    if (!e) return [];
    const docs = maxDocs === undefined ? null : Math.max(0, Math.floor(maxDocs));
    const rows = await all(db, `SELECT o.key, o.name, o.type, t.documents FROM (
        SELECT b.entity, count(*) AS documents
        FROM (SELECT doc FROM doc_entities WHERE entity = ? ORDER BY ${NEWEST_DOCS_PG} LIMIT ?) a
        JOIN doc_entities b ON b.doc = a.doc AND b.entity <> ?
        GROUP BY b.entity) t JOIN entities o ON o.rowid = t.entity
      ORDER BY t.documents DESC, o.mentions DESC, o.name LIMIT ?`, [e.rowid, docs, e.rowid, page({ limit })[0]]);
    return rows.map((r) => ({ id: String(r.key), name: String(r.name), type: String(r.type) as EntityType, documents: Number(r.documents) }));
  }

  // ---- layers across documents -----------------------------------------------------------

  async quotes(query: QuoteQuery = {}): Promise<QuoteHit[]> {
    const db = await this.reader();
    const [limit, offset] = page(query, 50);
    const where: string[] = [];
    const args: unknown[] = [];
    let pre: { with: string; withArgs: unknown[] } = { with: '', withArgs: [] };
    if (query.entity) { where.push('q.speaker = (SELECT rowid FROM entities WHERE key = ?)'); args.push(await this.kb.current(db, query.entity)); }
    if (query.speaker) {
      const c = speakerCondition(query.speaker);
      where.push(c.sql);
      args.push(...c.args);
    }
    if (query.about) {
      const c = aboutConditions(await this.kb.current(db, query.about), query.recent, NEWEST_DOCS_PG);
      pre = c;
      where.push(...c.where);
      args.push(...c.args);
    }
    if (query.doc) { where.push('d.id = ?'); args.push(query.doc); }
    // lower() folds ASCII letters, as SQLite's NOCASE does; `to` takes the whole of a shorter date.
    if (query.outlet) { where.push('lower(d.outlet) = lower(?::text)'); args.push(query.outlet); }
    if (query.from) { where.push('d.day >= ?'); args.push(query.from); }
    if (query.to) { where.push('d.day <= ?'); args.push(`${query.to}\uffff`); }
    const rows = await all(db, `${pre.with} SELECT q.*, d.id AS doc_id, d.title, d.outlet, d.published, e.key AS speaker_key, e.name AS speaker_name
      FROM quotes q JOIN documents d ON d.rowid = q.doc LEFT JOIN entities e ON e.rowid = q.speaker
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY d.day DESC NULLS LAST, q.doc DESC, q.seq LIMIT ? OFFSET ?`, [...pre.withArgs, ...args, limit, offset]);
    return rows.map(quoteHit);
  }

  async places(query: PlaceQuery = {}): Promise<PlaceHit[]> {
    const db = await this.reader();
    const [limit, offset] = page(query, 100);
    const { where, args } = placeConditions(query, query.entity ? await this.kb.current(db, query.entity) : undefined, NEWEST_DOCS_PG);
    // Grouped by coordinates rounded to ~1 km so one place read twice is one point on a map.
    const rows = await all(db, `SELECT min(p.name) AS name, avg(p.lat) AS lat, avg(p.lon) AS lon, max(p.country) AS country,
        max(p.geoname_id) AS geoname_id, count(DISTINCT p.doc) AS documents, count(*) AS mentions
      FROM places p WHERE ${where.join(' AND ')}
      GROUP BY p.norm, round(p.lat::numeric, 2), round(p.lon::numeric, 2) ORDER BY documents DESC, mentions DESC, name LIMIT ? OFFSET ?`, [...args, limit, offset]);
    return rows.map(placeHit);
  }

  async events(query: EventQuery = {}): Promise<EventHit[]> {
    const db = await this.reader();
    const [limit, offset] = page(query, 100);
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.doc) { where.push('d.id = ?'); args.push(query.doc); }
    if (query.type) { where.push('ev.type = ?'); args.push(query.type); }
    if (query.entity) { const e = await this.kb.current(db, query.entity); where.push('(ev.actor = ? OR ev.target = ?)'); args.push(e, e); }
    if (query.from) { where.push('ev.day >= ?'); args.push(query.from); }
    if (query.to) { where.push('substr(ev.day, 1, length(?::text)) <= ?'); args.push(query.to, query.to); }
    const rows = await all(db, `SELECT ev.*, d.id AS doc_id, d.title, d.outlet, d.published,
        substr(t.text, (ev.start + 1)::int, (ev."end" - ev.start)::int) AS evidence
      FROM events ev JOIN documents d ON d.rowid = ev.doc JOIN texts t ON t.rowid = ev.doc ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ev.day ASC NULLS LAST, ev.doc, ev.seq LIMIT ? OFFSET ?`, [...args, limit, offset]);
    return rows.map(eventHit);
  }

  async relations(query: RelationQuery = {}): Promise<RelationHit[]> {
    const db = await this.reader();
    const [limit, offset] = page(query, 100);
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.entity) { const e = await this.kb.current(db, query.entity); where.push('(r.a = ? OR r.b = ?)'); args.push(e, e); }
    if (query.type) { where.push('r.type = ?'); args.push(query.type); }
    if (query.doc) { where.push('d.id = ?'); args.push(query.doc); }
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const groups = await all(db, `SELECT r.type, r.a, r.b, count(DISTINCT r.doc) AS documents, min(ea.name) AS a_name, min(eb.name) AS b_name
      FROM relations r JOIN documents d ON d.rowid = r.doc LEFT JOIN entities ea ON ea.key = r.a LEFT JOIN entities eb ON eb.key = r.b
      ${cond} GROUP BY r.type, r.a, r.b ORDER BY documents DESC, r.type, r.a, r.b LIMIT ? OFFSET ?`, [...args, limit, offset]);
    if (!groups.length) return [];
    // Up to five pieces of evidence per group, every group in one query.
    const evidence = await all(db, `SELECT g.i, x.* FROM unnest(?::text[], ?::text[], ?::text[]) WITH ORDINALITY AS g(type, a, b, i)
      CROSS JOIN LATERAL (SELECT d.id AS doc_id, d.title, d.outlet, d.published, r.start, r."end",
          substr(t.text, (r.start + 1)::int, (r."end" - r.start)::int) AS text
        FROM relations r JOIN documents d ON d.rowid = r.doc JOIN texts t ON t.rowid = r.doc WHERE r.type = g.type AND r.a = g.a AND r.b = g.b
        ORDER BY d.day DESC NULLS LAST, r.doc, r.seq LIMIT 5) x ORDER BY g.i`,
    [groups.map((g) => g.type), groups.map((g) => g.a), groups.map((g) => g.b)]);
    return groups.map((g, i) => ({
      type: String(g.type),
      a: { id: String(g.a), name: String(g.a_name ?? g.a) },
      b: { id: String(g.b), name: String(g.b_name ?? g.b) },
      documents: Number(g.documents),
      evidence: evidence.filter((r) => Number(r.i) === i + 1).map((r) => ({ ...docRef(r), start: Number(r.start), end: Number(r.end), text: String(r.text) })),
    }));
  }

  async claimRows(query: ClaimRowQuery): Promise<ClaimRow[]> {
    const db = await this.reader();
    return this.claims.rows(db, query, query.entity === undefined ? undefined : await this.kb.current(db, query.entity));
  }

  // ---- knowledge base --------------------------------------------------------------------

  async kbCandidates(keys: readonly string[]): Promise<KbCandidate[]> {
    return this.kb.candidates(await this.reader(), keys);
  }

  async kbContext(ids: readonly string[]): Promise<Record<string, string[]>> {
    const db = await this.reader();
    const current = await followAll(db, 'entity_redirects', ids);
    const rows = new Map((await all(db, 'SELECT key, rowid, documents FROM entities WHERE key = ANY(?::text[])', [[...new Set(current.values())]]))
      .map((r) => [String(r.key), { row: Number(r.rowid), documents: Number(r.documents) }]));
    const found = ids.flatMap((id) => rows.get(current.get(id)!) ?? []);
    const context = await this.kb.context(db, found);
    const out: Record<string, string[]> = {};
    for (const id of ids) {
      const e = rows.get(current.get(id)!);
      if (e) out[id] = context.get(e.row)!;
    }
    return out;
  }

  private async knownEntity(db: Db, id: string): Promise<Row> {
    const r = await this.entityRow(db, id);
    if (!r) throw new NewsgraphError('kb.unknown-entity', `no entity "${id}"`, 404);
    return r;
  }

  /** Stored records by row, read in one query. */
  private async recordsOf(c: Db, docs: readonly number[]): Promise<Map<number, NewsRecord>> {
    const rows = docs.length ? await all(c, `SELECT r.rowid, t.text, r.record FROM records r JOIN texts t ON t.rowid = r.rowid
      WHERE r.rowid = ANY(?::bigint[])`, [docs]) : [];
    return new Map(rows.map((r) => [Number(r.rowid), recordFrom(String(r.text), String(r.record))]));
  }

  /** Records with the entities they link to `fromKey` (those `pick` keeps) linked to `to`: those that changed, by row. */
  private async relinked(c: Db, recs: ReadonlyMap<number, NewsRecord>, fromKey: string, to: string, pick: (e: { name: string; aliases?: readonly string[] }) => boolean = () => true): Promise<Map<number, NewsRecord>> {
    const current = await this.kbCurrent(c, [...recs.values()].flatMap((r) => r.entities.map(entityIdOf)));
    const out = new Map<number, NewsRecord>();
    for (const [doc, rec] of recs) {
      let hit = false;
      const entities = rec.entities.map((e) => {
        if (current(entityIdOf(e)) !== fromKey || !pick(e)) return e;
        hit = true;
        return { ...e, kb: to };
      });
      if (hit) out.set(doc, { ...rec, entities });
    }
    return out;
  }

  /** Rewrites stored records (their JSON; the text stays) in one statement. */
  private async setRecords(c: Db, recs: readonly [number, NewsRecord][]): Promise<void> {
    if (!recs.length) return;
    await run(c, `UPDATE records r SET record = u.record FROM unnest(?::bigint[], ?::text[]) AS u(rowid, record) WHERE r.rowid = u.rowid`,
      [recs.map(([doc]) => doc), recs.map(([, { text: _text, ...rest }]) => JSON.stringify(rest))]);
  }

  async mergeEntities(into: string, from: string, d: Decision): Promise<EntityInfo> {
    return this.transaction(async (c) => {
      await this.lock(c);
      const a = await this.knownEntity(c, into), b = await this.knownEntity(c, from);
      if (Number(a.rowid) === Number(b.rowid)) throw new NewsgraphError('kb.same-entity', `"${into}" and "${from}" are already one entity`);
      const undo = await this.fold(c, a, b);
      await this.decide(c, 'merge', String(a.key), String(b.key), undefined, d, undo);
      return this.toEntity(c, await this.knownEntity(c, String(a.key)));
    });
  }

  /**
   * Makes B part of A in every table and record; B's id then leads to A. Answers what undoing it
   * needs: the document entities that were B's, the ids that led to B, B's not-same decisions.
   */
  private async fold(c: Db, a: Row, b: Row): Promise<MergeUndo> {
    const intoKey = String(a.key), fromKey = String(b.key);
    const redirected = (await all(c, 'SELECT old FROM entity_redirects WHERE new = ? ORDER BY old', [fromKey])).map((r) => String(r.old));
    const seqs = async (side: 'a' | 'b') => (await all(c, `SELECT seq FROM kb_decisions WHERE ${side} = ? AND action = 'not-same' ORDER BY seq`, [fromKey])).map((r) => Number(r.seq));
    const notSame = { a: await seqs('a'), b: await seqs('b') };
    // The records that named B name A: their entities' links change, nothing else.
    const docs = (await all(c, 'SELECT doc FROM doc_entities WHERE entity = ? ORDER BY doc', [b.rowid])).map((r) => Number(r.doc));
    const recs = await this.recordsOf(c, docs);
    const changed = await this.relinked(c, recs, fromKey, intoKey);
    const moved: [number, string][] = [];
    for (const [doc, rec] of changed) rec.entities.forEach((e, i) => { if (e !== recs.get(doc)!.entities[i]) moved.push([doc, e.id]); });
    await this.kb.fold(c, Number(a.rowid), Number(b.rowid), intoKey, fromKey, async (doc) => recs.get(doc) ?? await this.toRecord(c, doc));
    await this.setRecords(c, [...changed].map(([doc, rec]) => [doc, rec]));
    await this.claims.fold(c, intoKey, fromKey);
    await run(c, 'UPDATE entity_redirects SET new = ? WHERE new = ?', [intoKey, fromKey]);
    await run(c, 'INSERT INTO entity_redirects (old, new) VALUES (?, ?) ON CONFLICT (old) DO UPDATE SET new = excluded.new', [fromKey, intoKey]);
    await run(c, 'DELETE FROM entities WHERE key = ?', [fromKey]);
    // What users said of the merged entity now holds for the one it joined.
    await run(c, `UPDATE kb_decisions SET a = ? WHERE a = ? AND action = 'not-same'`, [intoKey, fromKey]);
    await run(c, `UPDATE kb_decisions SET b = ? WHERE b = ? AND action = 'not-same'`, [intoKey, fromKey]);
    return { docs, moved, redirected, notSame };
  }

  /**
   * Undoes a correction a user made, recorded as an `undo` decision; the original is kept in the
   * trail, marked undone. A merge gives B back its id and the document entities that were its
   * own (documents stored since stay with A); a split folds the new entity back; a rename
   * restores the name; a not-same no longer keeps the two apart.
   */
  async undoDecision(seq: number, d: Decision): Promise<DecisionRecord> {
    return this.transaction(async (c) => {
      await this.lock(c);
      const { action, a, b, undo } = undoable(seq, await one(c, 'SELECT * FROM kb_decisions WHERE seq = ?', [seq]));
      if (action === 'merge') {
        if ((await this.kb.current(c, a)) !== a || !(await this.entityRow(c, a))) throw undoLater(`${a} has been merged or removed since`);
        if ((await one(c, 'SELECT 1 FROM entities WHERE key = ?', [b])) || (await this.kb.current(c, b!)) !== a) throw undoLater(`${b} is in use again`);
        await run(c, 'DELETE FROM entity_redirects WHERE old = ?', [b]);
        for (const old of undo.redirected) await run(c, 'UPDATE entity_redirects SET new = ? WHERE old = ? AND new = ?', [b, old, a]);
        // Each document B was in is stored again: its entities that were B's link to B, and names
        // without an entity (stored under their own key) find B now that its id no longer leads to A.
        const moved = new Set(undo.moved.map(([doc, id]) => `${doc} ${id}`));
        const recs = await this.recordsOf(c, undo.docs);
        for (const doc of undo.docs) {
          const rec = recs.get(doc);
          if (rec) await this.replaceIn(c, { ...rec, entities: rec.entities.map((e) => (moved.has(`${doc} ${e.id}`) ? { ...e, kb: b! } : e)) });
        }
        for (const [side, list] of [['a', undo.notSame.a], ['b', undo.notSame.b]] as const) {
          for (const n of list) await run(c, `UPDATE kb_decisions SET ${side} = ? WHERE seq = ? AND ${side} = ?`, [b, n, a]);
        }
      } else if (action === 'split') {
        const whole = await this.entityRow(c, a), part = await this.entityRow(c, b!);
        if (!whole || !part || String(whole.key) !== a || String(part.key) !== b) throw undoLater(`${a} or ${b} has changed since`);
        await this.fold(c, whole, part);
        if (undo.notSameSeq !== undefined) await run(c, 'UPDATE kb_decisions SET undone = ? WHERE seq = ?', [seq, undo.notSameSeq]);
      } else if (action === 'rename') {
        const e = await this.knownEntity(c, a);
        await run(c, 'UPDATE entities SET name = ?, norm = ?, pinned = ? WHERE rowid = ?', [undo.name, normalizeName(undo.name ?? ''), !!undo.pinned, e.rowid]);
      }
      const undoSeq = await this.decide(c, 'undo', a, b, action, d, { undoes: seq });
      await run(c, 'UPDATE kb_decisions SET undone = ? WHERE seq = ?', [undoSeq, seq]);
      // The not-same pair a split recorded goes with it.
      if (undo.notSameSeq !== undefined) await run(c, 'UPDATE kb_decisions SET undone = ? WHERE seq = ?', [undoSeq, undo.notSameSeq]);
      return decisionFrom((await one(c, 'SELECT * FROM kb_decisions WHERE seq = ?', [undoSeq]))!);
    });
  }

  async splitEntity(id: string, names: readonly string[], d: Decision): Promise<EntityInfo> {
    return this.transaction(async (c) => {
      await this.lock(c);
      const a = await this.knownEntity(c, id);
      const norms = new Set(names.map(normalizeName).filter(Boolean));
      if (!norms.size) throw new NewsgraphError('kb.bad-split', 'give the names to split off');
      const first = names.find((n) => normalizeName(n))!;
      let key = entityKey(String(a.type), first);
      for (let n = 2; (await one(c, 'SELECT 1 FROM entities WHERE key = ?', [key])) || (await this.kb.current(c, key)) !== key; n++) key = `${entityKey(String(a.type), first)}~${n}`;
      // Every document that calls A by one of the names is stored again with the new link.
      let moved = 0;
      const docs = (await all(c, 'SELECT doc FROM doc_entities WHERE entity = ? ORDER BY day, doc', [a.rowid])).map((r) => Number(r.doc));
      const changed = await this.relinked(c, await this.recordsOf(c, docs), String(a.key), key,
        (e) => [e.name, ...(e.aliases ?? [])].some((n) => norms.has(normalizeName(n))));
      for (const doc of docs) {
        const rec = changed.get(doc);
        if (!rec) continue;
        await this.replaceIn(c, rec);
        moved++;
      }
      if (!moved) throw new NewsgraphError('kb.bad-split', `no document calls "${String(a.key)}" ${names.map((n) => `"${n}"`).join(' or ')}`);
      const split = await this.decide(c, 'split', String(a.key), key, names.join('; '), d, {});
      const apart = await this.decide(c, 'not-same', String(a.key), key, undefined, d);
      await run(c, 'UPDATE kb_decisions SET undo = ? WHERE seq = ?', [JSON.stringify({ notSameSeq: apart }), split]);
      return this.toEntity(c, await this.knownEntity(c, key));
    });
  }

  async renameEntity(id: string, name: string, d: Decision): Promise<EntityInfo> {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (!clean) throw new NewsgraphError('kb.bad-name', 'the new name is empty');
    return this.transaction(async (c) => {
      await this.lock(c);
      const a = await this.knownEntity(c, id);
      await run(c, 'UPDATE entities SET name = ?, norm = ?, pinned = true WHERE rowid = ?', [clean, normalizeName(clean), a.rowid]);
      await this.kb.chosen(c, Number(a.rowid), clean, String(a.type) as EntityType);
      await this.decide(c, 'rename', String(a.key), undefined, clean, d, { name: String(a.name), pinned: Number(a.pinned ?? 0) });
      return this.toEntity(c, await this.knownEntity(c, String(a.key)));
    });
  }

  async notSame(x: string, y: string, d: Decision): Promise<void> {
    await this.transaction(async (c) => {
      await this.lock(c);
      const a = await this.knownEntity(c, x), b = await this.knownEntity(c, y);
      if (Number(a.rowid) === Number(b.rowid)) throw new NewsgraphError('kb.same-entity', `"${x}" and "${y}" are one entity; split it first`);
      await this.decide(c, 'not-same', String(a.key), String(b.key), undefined, d, {});
    });
  }

  async decisions(entity?: string): Promise<DecisionRecord[]> {
    const db = await this.reader();
    const key = entity === undefined ? undefined : String((await this.entityRow(db, entity))?.key ?? entity);
    const rows = key === undefined
      ? await all(db, 'SELECT * FROM kb_decisions ORDER BY seq DESC LIMIT 500')
      : await all(db, 'SELECT * FROM kb_decisions WHERE a = ? OR b = ? ORDER BY seq DESC LIMIT 500', [key, key]);
    return rows.map(decisionFrom);
  }

  /** Records a decision; `undo` is what undoing it needs (absent: it cannot be undone). Answers its seq. */
  private async decide(c: Db, action: DecisionRecord['action'], a: string, b: string | undefined, name: string | undefined, d: Decision, undo?: object): Promise<number> {
    if (!d.who?.trim()) throw new NewsgraphError('kb.no-author', 'a decision needs who made it');
    return Number((await one(c, `INSERT INTO kb_decisions (action, a, b, name, who, at, note, doc, start, "end", evidence, undo)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING seq`,
    [action, a, b ?? null, name ?? null, d.who.trim(), new Date().toISOString(), d.note ?? null, d.doc ?? null, d.start ?? null, d.end ?? null, d.evidence ?? null,
      undo === undefined ? null : JSON.stringify(undo)]))!.seq);
  }

  // ---- copies and sources ----------------------------------------------------------------

  async copyCandidates(sample: readonly number[], opts?: CopyQuery): Promise<CopyCandidate[]> {
    return this.copies.candidates(await this.reader(), sample, opts);
  }

  async outletLines(outlet: string, lines: readonly number[], opts?: { before?: string; cap?: number }): Promise<number[]> {
    return this.copies.lines(await this.reader(), outlet, lines, opts);
  }

  async docSources(ids: readonly string[]): Promise<DocSource[]> {
    return this.copies.sources(await this.reader(), ids);
  }

  // ---- stories ---------------------------------------------------------------------------

  async storyPool(doc: string, features: StoryFeatures): Promise<StoryPool> {
    return this.storyTables.pool(await this.reader(), doc, features);
  }

  async mergeStories(into: string, from: string): Promise<void> {
    await this.transaction(async (c) => {
      await this.lock(c);
      await this.storyTables.merge(c, into, from, (docs, story) => this.relabelStory(c, docs, story));
    });
  }

  /** Records name their new story; nothing else in them changes. */
  private async relabelStory(c: Db, docs: readonly number[], story: string): Promise<void> {
    const recs = await this.recordsOf(c, docs);
    await this.setRecords(c, [...recs].map(([doc, rec]) => [doc, { ...rec, story }]));
  }

  async unsettledStories(limit = 500): Promise<string[]> {
    return this.storyTables.unsettled(await this.reader(), limit);
  }

  async settleStory(id: string, choose: StoryChooser, docs: number): Promise<number> {
    return this.transaction(async (c) => {
      await this.lock(c);
      return this.storyTables.settle(c, id, choose, docs, (moved, story) => this.relabelStory(c, moved, story));
    });
  }

  async stories(query: Page = {}): Promise<StoryInfo[]> {
    const [limit, offset] = page(query);
    return this.storyTables.list(await this.reader(), limit, offset);
  }

  async story(id: string): Promise<StoryDetail | undefined> {
    return this.storyTables.detail(await this.reader(), id);
  }

  async close(): Promise<void> {
    await this.ready.settled();
    // Idempotent, as SqliteStore.close is: the pool refuses to end twice.
    if (!this.pool.ended) await this.pool.end();
  }
}

/**
 * A ts_headline fragment of `text` with the query's marks: '…' where the fragment does not
 * reach the text's start or end, as the SQLite store's snippets show.
 */
function marked(headline: string, text: string, open: string, close: string): string {
  const plain = headline.replaceAll(OPEN, '').replaceAll(CLOSE, '');
  const at = text.indexOf(plain);
  const body = headline.replaceAll(OPEN, open).replaceAll(CLOSE, close);
  if (at < 0) return body;
  return `${at > 0 ? '…' : ''}${body}${at + plain.length < text.length ? '…' : ''}`;
}
