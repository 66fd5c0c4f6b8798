import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { NewsgraphError, errorMessage } from '../../core/errors.js';
import type { EntityType } from '../../core/layers.js';
import type { RowContext, StoredEntity } from '../../layers/spec.js';
import type { DocMeta } from '../../core/meta.js';
import type { NewsRecord } from '../../output/record.js';
import {
  byCode, checkRecord, decisionFrom, entityConditions, docRef, emptyFacets, eventHit, FACET_CAP, FacetTally, MAX_LIMIT, META_KEYS, page, PERIOD, placeHit, quoteHit,
  aboutConditions, NEWEST_DOCS, placeConditions, recordFrom, speakerCondition, stampFrom, type MergeUndo, undoable, undoLater,
} from '../results.js';
import { dayOf, entityIdOf, entityKey, normalizeName } from '../keys.js';
import type {
  EntityCount, EntityInfo, EntityQuery, EventHit, EventQuery, Facets, Interval, PeriodCount,
  ClaimRowQuery, Decision, DecisionRecord, EntityMatch, KbCandidate, PlaceHit, PlaceQuery, PutResult, QuoteHit, QuoteQuery, RecordStamp, RelationHit, RelationQuery, SearchHit, SearchQuery,
  SearchResult, Store, CopyCandidate, CopyQuery, DocSource, StoryChooser, StoryDetail, StoryInfo, StoryPool, Page, WriteGroup,
} from '../store.js';
import { toFtsQuery } from './fts-query.js';
import { parseQuery } from '../query-terms.js';
import { cutSnippet, snippetTerms } from '../snippet.js';
import { IdCounts } from './id-counts.js';
import { STORED_LAYERS, insertSql, layerRows } from './layer-rows.js';
import { docFacetsSql, migrate, SCHEMA_VERSION } from './schema.js';
import { BUSY_TIMEOUT_MS, LOCK_WAIT_MS, retryWrite, retryWriteSync, type LockWait } from './write-lock.js';
import { notesOf } from '../kb-notes.js';
import { SqliteKb } from './kb.js';
import { COPY_TABLES, SqliteCopies } from './copies.js';
import { RecentPostings } from './recent-postings.js';
import { SqliteClaims } from './claims.js';
import type { ClaimRow } from '../../claims/build.js';
import { SqliteStories } from './stories.js';
import type { StoryFeatures } from '../../stories/story-features.js';
import { fold, nameForm } from '../../kb/names.js';
import { genericIn, isNamedEntity } from '../../layers/entities.js';

type Row = Record<string, unknown>;
type Stmt = Database.Statement;

// Largest filter turned into an in-memory list of documents when words drive the search.
const LIST_MAX = 3000;
/** Log pages (4 KB) written before they are copied back to the database file (see the constructor). */
const WAL_CHECKPOINT_PAGES = 50_000;
const HIT_COLS = 'd.id, d.title, d.author, d.outlet, d.url, d.published, d.origin, d.lang';

export interface SqliteStoreOptions {
  readonly readonly?: boolean;
  /**
   * Queries matching more documents than this are ranked among the most recently stored
   * `rankCap` matches only (the result says so in `rankedOver`). bm25 costs several
   * microseconds per match, and a word that is in most articles says little about relevance.
   * Default 2,000.
   */
  readonly rankCap?: number;
  /** Facets count the first `facetCap` hits in result order (the result says so). Default FACET_CAP (250). */
  readonly facetCap?: number;
  /** Totals are counted up to this many documents (past it, `totalCapped` is set). Default 10,000. */
  readonly countCap?: number;
  /**
   * How long a write waits while another process holds the store's write lock before it fails
   * with `store.locked` (write-lock.ts). Default 30 s.
   */
  readonly lockWaitMs?: number;
  /** Documents whose word-frequency changes wait in their story rows before the frequency table takes them (default FOLD_EVERY). */
  readonly storyFoldEvery?: number;
  /** Documents between two moves of the copies' and stories' recent postings (default MERGE_EVERY). */
  readonly postingsMoveEvery?: number;
  /** Moves into the middle postings tables between two moves of them into the large ones (default MID_MOVES). */
  readonly postingsMidMoves?: number;
}

/**
 * The embedded store: one SQLite file (WAL), FTS5 over title and text, and normalised
 * tables for the layers so entity, quote, place, event and relation queries use indexes
 * instead of parsing records.
 */
export class SqliteStore implements Store {
  readonly path: string;
  private readonly db: Database.Database;
  private readonly s: Record<string, Stmt>;
  private readonly putTx: Database.Transaction<(rec: NewsRecord) => PutResult>;
  private readonly putManyTx: Database.Transaction<(recs: readonly NewsRecord[]) => PutResult[]>;
  private readonly deleteTx: Database.Transaction<(id: string) => boolean>;
  private readonly replaceTx: Database.Transaction<(rec: NewsRecord) => void>;
  private readonly lock: LockWait;
  private readonly rankCap: number;
  private readonly facetCap: number;
  private readonly countCap: number;
  private readonly cache = new Map<string, Stmt>();
  /** A group of writes is open (group()): each write is a savepoint inside its transaction. */
  private grouped = false;
  private readonly kb: SqliteKb;
  private readonly copies: SqliteCopies;
  private readonly claims: SqliteClaims;
  private readonly storyTables: SqliteStories;
  /** Undefined on a read-only connection. */
  private readonly recent?: RecentPostings;
  private facetStmts?: ReturnType<SqliteStore['prepareFacets']>;
  private readonly idCounts = new IdCounts();

  /** The bounds this store searches with, for another connection to the same file to use. */
  get readOptions(): SqliteStoreOptions {
    return { rankCap: this.rankCap, facetCap: this.facetCap, countCap: this.countCap };
  }

  constructor(path: string, opts: SqliteStoreOptions = {}) {
    this.path = path;
    this.rankCap = Math.max(1, opts.rankCap ?? 2_000);
    this.facetCap = Math.max(1, opts.facetCap ?? FACET_CAP);
    this.countCap = Math.max(1, opts.countCap ?? 10_000);
    this.lock = { path, waitMs: Math.max(0, opts.lockWaitMs ?? LOCK_WAIT_MS) };
    try {
      if (path !== ':memory:' && !existsSync(dirname(path) || '.')) throw new Error(`folder ${dirname(path)} does not exist`);
      this.db = new Database(path, { readonly: !!opts.readonly, fileMustExist: !!opts.readonly });
      // First, so that setting up a store another process is creating waits for it.
      this.db.pragma(`busy_timeout = ${Math.min(BUSY_TIMEOUT_MS, this.lock.waitMs)}`);
      if (!opts.readonly) {
        retryWriteSync(() => this.db.pragma('journal_mode = WAL'), this.lock);
        this.db.pragma('synchronous = NORMAL');
        // Each group of writes rewrites the same hot pages (full-text segments, word frequencies,
        // index roots): copied back to the database every 200 MB of log rather than every 4 MB,
        // each is copied (and synced) once, not fifty times. Between bursts the log file is cut
        // back to 64 MB.
        this.db.pragma(`wal_autocheckpoint = ${WAL_CHECKPOINT_PAGES}`);
        this.db.pragma('journal_size_limit = 67108864');
      }
      this.db.pragma('foreign_keys = ON');
      // A larger page cache and memory-mapped reads: search joins and facets touch many small rows
      // all over the file (100,000 articles take about 900 MB; the mapping costs address space only).
      this.db.pragma('cache_size = -65536');
      this.db.pragma('mmap_size = 1073741824');
      if (!opts.readonly) {
        retryWriteSync(() => migrate(this.db), this.lock);
        // A statement that writes many rows to a table with foreign keys keeps a journal of its
        // own, to take back just that statement; on disk (the default) each such statement costs
        // a temporary file's writes, three times the rows' own cost. Set after the migrations,
        // whose index builds sort more than memory should hold.
        this.db.pragma('temp_store = MEMORY');
      } else {
        const v = this.db.pragma('user_version', { simple: true }) as number;
        if (v === 0) throw new Error('not a newsgraph database');
        if (v < SCHEMA_VERSION) throw new Error(`its schema (version ${v}) is older than this newsgraph's (${SCHEMA_VERSION}); open it once for writing (any ingest) to upgrade it`);
      }
    } catch (err) {
      if (err instanceof NewsgraphError) throw err;
      throw new NewsgraphError('store.open', `cannot open database ${path}: ${errorMessage(err)}`);
    }
    // Called from SQL so a name lookup ranks the entity whose own name matches above one that has it as an alias.
    this.db.function('normalize_name', { deterministic: true }, (v: unknown) => normalizeName(String(v ?? '')));
    const p = (sql: string) => this.db.prepare(sql);
    this.kb = new SqliteKb(this.db);
    this.copies = new SqliteCopies(this.db);
    this.claims = new SqliteClaims(this.db, !opts.readonly);
    this.storyTables = new SqliteStories(this.db, opts.storyFoldEvery);
    if (!opts.readonly) this.recent = new RecentPostings(this.db, opts.postingsMoveEvery, opts.postingsMidMoves);
    this.s = opts.readonly ? {} : {
      insDoc: p(`INSERT INTO documents (rowid, id, hash, title, author, outlet, url, published, origin, lang, day, added, copy_of, copy_share, source)
                 VALUES (@rowid, @id, @hash, @title, @author, @outlet, @url, @published, @origin, @lang, @day, @added, @copyOf, @copyShare, @source)`),
      insFts: p('INSERT INTO documents_fts (rowid, title, text) VALUES (?, ?, ?)'),
      insRecord: p('INSERT INTO records (rowid, record) VALUES (?, ?)'),
      setRecord: p('UPDATE records SET record = ? WHERE rowid = ?'),
      delFts: p('DELETE FROM documents_fts WHERE rowid = ?'),
      upDoc: p(`UPDATE documents SET id = @id, hash = @hash, title = @title, author = @author, outlet = @outlet, url = @url,
                published = @published, origin = @origin, lang = @lang, day = @day,
                copy_of = @copyOf, copy_share = @copyShare, source = @source WHERE rowid = @rowid`),
      // What hangs off a document besides its row and its text's index, removed by a replacement.
      ...Object.fromEntries(['records', ...STORED_LAYERS.map((l) => l.table.name), 'doc_entities', ...COPY_TABLES, 'claim_rows']
        .map((t) => [`del:${t}`, p(`DELETE FROM ${t} WHERE ${t === 'records' ? 'rowid' : 'doc'} = ?`)])),
      upEntity: p(`INSERT INTO entities (key, type, name, description) VALUES (?, ?, ?, ?)
                   ON CONFLICT(key) DO UPDATE SET description = coalesce(entities.description, excluded.description)
                   RETURNING rowid, name, type`),
      insName: p('INSERT OR IGNORE INTO entity_names (entity, norm, name) VALUES (?, ?, ?)'),
      setTypes: p('UPDATE documents SET types = ? WHERE rowid = ?'),
      setFacets: p(docFacetsSql('WHERE doc = @doc')),
      insDocEntity: p('INSERT INTO doc_entities (doc, entity, mentions, type, day) VALUES (?, ?, ?, (SELECT type FROM entities WHERE rowid = ?), ?)'),
      bumpEntity: p('UPDATE entities SET documents = documents + ?, mentions = mentions + ? WHERE rowid = ?'),
      bumpMonth: p(`INSERT INTO entity_months (entity, month, documents, mentions) VALUES (?, ?, ?, ?)
                    ON CONFLICT(entity, month) DO UPDATE SET documents = documents + excluded.documents, mentions = mentions + excluded.mentions`),
      dropEmptyMonth: p('DELETE FROM entity_months WHERE entity = ? AND month = ? AND documents <= 0'),
      bumpOutlet: p(`INSERT INTO entity_outlets (entity, outlet, documents) VALUES (?, ?, ?)
                     ON CONFLICT(entity, outlet) DO UPDATE SET documents = documents + excluded.documents`),
      dropEmptyOutlet: p('DELETE FROM entity_outlets WHERE entity = ? AND outlet = ? AND documents <= 0'),
      docEntitiesOf: p(`SELECT de.entity, de.mentions, substr(d.day, 1, 7) AS month, d.outlet FROM doc_entities de JOIN documents d ON d.rowid = de.doc
                        WHERE de.doc = ?`),
      delDoc: p('DELETE FROM documents WHERE rowid = ?'),
      dropUnused: p('DELETE FROM entities WHERE rowid = ? AND documents <= 0'),
      mentionCounts: p('SELECT entity, count(*) AS n FROM mentions WHERE doc = ? AND entity IS NOT NULL GROUP BY entity'),
      // One INSERT per layer table, from the layer's declaration.
      ...Object.fromEntries(STORED_LAYERS.map((l) => [`ins:${l.name}`, p(insertSql(l.table))])),
    };
    Object.assign(this.s, {
      byHash: p('SELECT rowid, id FROM documents WHERE hash = ?'),
      byId: p('SELECT rowid, id, hash FROM documents WHERE id = ?'),
      docRow: p('SELECT rowid, id, hash, added, title FROM documents WHERE rowid = ?'),
      stampPage: p(`SELECT d.rowid, d.id, d.hash, json_extract(r.record, '$.stages') AS stages FROM documents d JOIN records r ON r.rowid = d.rowid
                    WHERE d.rowid > ? ORDER BY d.rowid LIMIT ?`),
      stampOf: p(`SELECT d.id, d.hash, json_extract(r.record, '$.stages') AS stages FROM documents d JOIN records r ON r.rowid = d.rowid
                  WHERE d.rowid = ?`),
      findDoc: p('SELECT rowid FROM documents WHERE id = ? UNION ALL SELECT rowid FROM documents WHERE hash = ? LIMIT 1'),
      body: p('SELECT f.text, r.record FROM records r, documents_fts f WHERE r.rowid = ? AND f.rowid = r.rowid'),
      count: p('SELECT count(*) AS n FROM documents'),
      exportPage: p('SELECT rowid FROM documents WHERE rowid > ? ORDER BY rowid LIMIT ?'),
      entityByKey: p('SELECT * FROM entities WHERE key = ?'),
      entityDocs: p('SELECT documents AS n FROM entities WHERE rowid = ?'),
      // By name: the entity most documents call that, so "Clinton" finds the Clinton most reported as "Clinton".
      // A name no stored document uses any more (its documents were split off) counts only as
      // the entity's own name, which a user may have chosen.
      entityByName: p(`SELECT e.* FROM entity_names n JOIN entities e ON e.rowid = n.entity
                       WHERE n.norm = ? AND (n.documents > 0 OR normalize_name(e.name) = n.norm)
                       ORDER BY n.documents DESC, (normalize_name(e.name) = n.norm) DESC, e.documents DESC, e.mentions DESC LIMIT 1`),
      lookupName: p(`SELECT e.*, n.documents AS called FROM entity_names n JOIN entities e ON e.rowid = n.entity
                     WHERE n.norm = ? AND (n.documents > 0 OR normalize_name(e.name) = n.norm)
                     ORDER BY n.documents DESC, (normalize_name(e.name) = n.norm) DESC, e.documents DESC, e.mentions DESC LIMIT ?`),
      aliasesOf: p('SELECT name FROM entity_names WHERE entity = ? AND documents > 0 ORDER BY name'),
    });
    this.putTx = this.db.transaction((rec: NewsRecord) => this.ended(this.putSync(rec)));
    this.putManyTx = this.db.transaction((recs: readonly NewsRecord[]) => this.ended(recs.map((rec) => this.putSync(rec))));
    this.deleteTx = this.db.transaction((id: string) => this.deleteSync(id));
    this.replaceTx = this.db.transaction((rec: NewsRecord) => this.replaceSync(rec));
    if (!opts.readonly) {
      retryWriteSync(() => this.claims.refresh((after) => (this.s.exportPage!.all(after, 200) as Row[])
        .map((r) => ({ rowid: Number(r.rowid), rec: this.toRecord(Number(r.rowid)) })), (id) => this.kb.current(id)), this.lock);
    }
  }

  private stmt(name: string): Stmt {
    const st = this.s[name];
    if (!st) throw new NewsgraphError('store.readonly', 'the database is open read-only');
    return st;
  }

  /**
   * Runs a write transaction IMMEDIATE, so it holds the write lock from its first read, retried
   * while another process holds the lock (write-lock.ts).
   */
  private write<A extends unknown[], T>(tx: Database.Transaction<(...args: A) => T>, ...args: A): Promise<T> {
    // Inside an open group the transaction is a savepoint (better-sqlite3 nests them), so a
    // write refused is taken out alone and the group goes on.
    if (this.grouped) this.checkGroup();
    return retryWrite(() => {
      this.storyTables.writeBegins();
      try {
        return tx.immediate(...args);
      } catch (err) {
        this.rolledBack();
        throw err;
      }
    }, this.lock);
  }

  /** What this connection keeps of written rows is dropped when a write is taken back. */
  private rolledBack(): void {
    this.storyTables.rolledBack();
    this.kb.rolledBack();
    this.copies.rolledBack();
  }

  async group(): Promise<WriteGroup> {
    if (this.grouped) throw new NewsgraphError('store.group-open', `${this.path}: a group of writes is already open`);
    if (this.db.readonly) throw new NewsgraphError('store.readonly', 'the database is open read-only');
    await retryWrite(() => this.db.exec('BEGIN IMMEDIATE'), this.lock);
    this.grouped = true;
    this.storyTables.deferCounts();
    const end = (sql: 'COMMIT' | 'ROLLBACK') => {
      if (!this.grouped) throw new NewsgraphError('store.group-closed', `${this.path}: the group of writes is already closed`);
      try {
        this.checkGroup();
        if (sql === 'COMMIT') {
          this.storyTables.flush();
          this.recent?.moveIfDue(this.copies.summary, this.storyTables);
        }
        this.db.exec(sql);
      } catch (err) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        this.rolledBack();
        throw err;
      } finally {
        this.grouped = false;
        this.storyTables.endDeferral();
      }
      if (sql === 'ROLLBACK') this.rolledBack();
    };
    return { commit: async () => end('COMMIT'), rollback: async () => end('ROLLBACK') };
  }

  /**
   * SQLite rolls a whole transaction back on some errors (a full disk, an I/O error): the
   * group's earlier writes are gone, so later ones must not commit on their own as if it stood.
   */
  private checkGroup(): void {
    if (this.db.inTransaction) return;
    this.grouped = false;
    this.storyTables.endDeferral();
    this.rolledBack();
    throw new NewsgraphError('store.group-lost', `${this.path}: a write error took back the open group of writes`);
  }

  /** A write transaction of documents ends: outside a group, the recent postings are moved when due (a group moves them as it commits). */
  private ended<T>(result: T): T {
    if (!this.grouped) this.recent?.moveIfDue(this.copies.summary, this.storyTables);
    return result;
  }

  async put(record: NewsRecord): Promise<PutResult> {
    return this.write(this.putTx, record);
  }

  /**
   * Stores many records in one transaction, for bulk loads: the same as put() on each, but one
   * commit. A record that fails stores none of the batch.
   */
  async putMany(records: readonly NewsRecord[]): Promise<PutResult[]> {
    return this.write(this.putManyTx, records);
  }

  /** `keep` re-stores a document under its old row and date added (replace). */
  /** `kept`: the document's row and its text's index stay (a replacement); only its metadata and layers are written. */
  private putSync(given: NewsRecord, kept?: number): PutResult {
    checkRecord(given);
    const rec = this.currentIds(given);
    const meta: DocMeta = rec.meta ?? {};
    const { text, ...rest } = rec;
    const day = dayOf(meta.published);
    const cells = {
      id: rec.id, hash: rec.hash, title: meta.title ?? null, author: meta.author ?? null, outlet: meta.outlet ?? null,
      url: meta.url ?? null, published: meta.published ?? null, origin: meta.origin ?? null, lang: meta.lang ?? null, day: day ?? null,
      copyOf: rec.copyOf ?? null, copyShare: rec.copyShare ?? null, source: rec.source ?? null,
    };
    let doc: number;
    if (kept === undefined) {
      const same = this.s.byHash!.get(rec.hash) as Row | undefined;
      if (same) return { status: 'present', id: String(same.id) };
      if (this.s.byId!.get(rec.id)) {
        throw new NewsgraphError('store.id-conflict', `id "${rec.id}" is already stored with different text`, 409);
      }
      doc = Number(this.stmt('insDoc').run({ ...cells, added: new Date().toISOString(), rowid: null }).lastInsertRowid);
      this.stmt('insFts').run(doc, meta.title ?? '', text);
    } else {
      doc = kept;
      const before = this.s.docRow!.get(doc) as Row;
      this.stmt('upDoc').run({ ...cells, rowid: doc });
      // The text is the same; the index is rewritten only for a new title.
      if ((before.title ?? '') !== (meta.title ?? '')) {
        this.stmt('delFts').run(doc);
        this.stmt('insFts').run(doc, meta.title ?? '', text);
      }
    }
    this.stmt('insRecord').run(doc, JSON.stringify(rest));

    // Local entity ids (valid inside this record) -> stored entity rowids and keys.
    const local = new Map<string, StoredEntity>();
    const perEntity = new Map<number, number>();
    const types = new Set<string>();
    // An entity is stored under the knowledge-base id resolution gave it, else its type and name.
    const rowOf = new Map<string, { row: number; name: string; type: string }>();
    const entityRow = (type: string, name: string, description?: string, kb?: string): StoredEntity => {
      const id = kb ?? entityKey(type, name);
      const key = this.kb.current(id);
      types.add(type);
      const r = this.stmt('upEntity').get(key, type, name, description ?? null) as Row;
      const row = Number(r.rowid);
      rowOf.set(id, { row, name: String(r.name), type: String(r.type) });
      if (!perEntity.has(row)) perEntity.set(row, 0);
      return { row, key };
    };
    for (const e of rec.entities ?? []) {
      if (!isNamedEntity(e)) continue;
      local.set(e.id, entityRow(e.type, e.name, e.description, e.kb));
    }
    // Each layer's rows as its declaration computes them; a mention that resolution left
    // unresolved but that is a name is keyed by its own text (ctx.named).
    const ctx: RowContext = {
      doc, text, day,
      entity: (id) => (id == null ? undefined : local.get(id)),
      named: (type, name) => entityRow(type, name),
      generic: genericIn(rec),
      normalizeName, dayOf,
    };
    for (const layer of STORED_LAYERS) {
      const ins = this.stmt(`ins:${layer.name}`);
      for (const row of layerRows(layer, rec, ctx)) ins.run(row);
    }
    this.claims.write(doc, rec, (id) => this.kb.current(id));
    // Names, descriptions and pronouns that refer to an entity are all its mentions here.
    for (const r of this.stmt('mentionCounts').all(doc) as Row[]) perEntity.set(Number(r.entity), Number(r.n));
    if (types.size) this.stmt('setTypes').run(`,${[...types].sort().join(',')},`, doc);
    const month = day?.slice(0, 7);
    for (const [row, n] of perEntity) {
      this.stmt('insDocEntity').run(doc, row, n, row, day ?? null);
      this.stmt('bumpEntity').run(1, n, row);
      if (month) this.stmt('bumpMonth').run(row, month, 1, n);
      if (meta.outlet) this.stmt('bumpOutlet').run(row, meta.outlet, 1);
    }
    this.stmt('setFacets').run({ doc });
    this.noteEntities(rec, 1, rowOf);
    this.copies.add(doc, rec);
    this.storyTables.add(doc, rec, (id) => this.kb.current(id));
    return { status: 'added', id: rec.id };
  }

  /**
   * The record with its knowledge-base and story ids as they lead now: another process may have
   * merged them after the collection stages read the store and before this transaction began.
   */
  private currentIds(rec: NewsRecord): NewsRecord {
    let moved = false;
    const entities = (rec.entities ?? []).map((e) => {
      const kb = e.kb === undefined ? undefined : this.kb.current(e.kb);
      if (kb === e.kb) return e;
      moved = true;
      return { ...e, kb };
    });
    const story = rec.story === undefined ? undefined : this.storyTables.current(rec.story);
    if (!moved && story === rec.story) return rec;
    return { ...rec, ...(moved ? { entities } : {}), ...(story !== undefined ? { story } : {}) };
  }

  /** Counts (or, leaving, discounts) the names, types and places a record gives each entity. */
  private noteEntities(rec: NewsRecord, sign: 1 | -1, rowOf?: ReadonlyMap<string, { row: number; name: string; type: string }>): void {
    for (const [id, note] of notesOf(rec)) {
      const known = rowOf?.get(id);
      const row = known?.row ?? (this.s.entityByKey!.get(this.kb.current(id)) as Row | undefined)?.rowid;
      if (row != null) this.kb.note(Number(row), note, sign, known);
    }
  }

  private findDoc(id: string): number | undefined {
    const r = this.s.findDoc!.get(id, id) as Row | undefined;
    return r ? Number(r.rowid) : undefined;
  }

  async get(id: string): Promise<NewsRecord | undefined> {
    const doc = this.findDoc(id);
    return doc === undefined ? undefined : this.toRecord(doc);
  }

  private toRecord(doc: number): NewsRecord {
    const r = this.s.body!.get(doc) as Row;
    return recordFrom(String(r.text), String(r.record));
  }

  async replace(record: NewsRecord): Promise<void> {
    await this.write(this.replaceTx, record);
  }

  private replaceSync(rec: NewsRecord): void {
    checkRecord(rec);
    const doc = this.findDoc(rec.id);
    if (doc === undefined) throw new NewsgraphError('store.not-found', `no stored document "${rec.id}" to replace`, 404);
    const row = this.s.docRow!.get(doc) as Row;
    if (String(row.hash) !== rec.hash || String(row.id) !== rec.id) {
      throw new NewsgraphError('store.id-conflict', `document "${rec.id}" is stored with other text; a replacement keeps its id and text`, 409);
    }
    this.restore([{ doc, rec }]);
  }

  /**
   * Takes stored documents out and puts them back as `rec`, under their rows and dates added:
   * taking a document out takes its share out of every count, putting it back adds the new one.
   * `between` runs in the middle (a merge's redirect, so shares leave B and arrive at A).
   * Entities only these documents named are dropped after that, so one that comes back keeps
   * its row: a user's name for it, its redirects and decisions stay attached.
   */
  private restore(items: readonly { doc: number; rec: NewsRecord }[], between?: () => void): void {
    const entities = items.flatMap(({ doc }) => this.removeDoc(doc, true));
    between?.();
    for (const { doc, rec } of items) this.putSync(rec, doc);
    this.dropUnused(entities);
  }

  async *stamps(): AsyncIterable<RecordStamp> {
    let after = 0;
    for (;;) {
      const rows = this.s.stampPage!.all(after, 500) as Row[];
      if (!rows.length) return;
      for (const r of rows) yield stampOfRow(r);
      after = Number(rows[rows.length - 1]!.rowid);
    }
  }

  async stampOf(idOrHash: string): Promise<RecordStamp | undefined> {
    const doc = this.findDoc(idOrHash);
    return doc === undefined ? undefined : stampOfRow(this.s.stampOf!.get(doc) as Row);
  }

  async has(hash: string): Promise<boolean> {
    return this.s.byHash!.get(hash) !== undefined;
  }

  async delete(id: string): Promise<boolean> {
    return this.write(this.deleteTx, id);
  }

  private deleteSync(id: string): boolean {
    const doc = this.findDoc(id);
    if (doc === undefined) return false;
    this.dropUnused(this.removeDoc(doc));
    return true;
  }

  /**
   * Takes a document and its share of every count out; returns the entity rows it counted for.
   * `keepText` leaves its row and its text's index for the replacement that follows.
   */
  private removeDoc(doc: number, keepText = false): number[] {
    this.storyTables.remove(doc);
    this.copies.removed();
    this.noteEntities(JSON.parse(String((this.s.body!.get(doc) as Row).record)) as NewsRecord, -1);
    const counts = this.stmt('docEntitiesOf').all(doc) as Row[];
    if (keepText) {
      for (const [name, st] of Object.entries(this.s)) if (name.startsWith('del:')) st.run(doc);
    } else {
      this.stmt('delFts').run(doc);
      this.stmt('delDoc').run(doc);
    }
    for (const c of counts) {
      this.stmt('bumpEntity').run(-1, -Number(c.mentions), c.entity);
      if (c.month != null) {
        this.stmt('bumpMonth').run(c.entity, c.month, -1, -Number(c.mentions));
        this.stmt('dropEmptyMonth').run(c.entity, c.month);
      }
      if (c.outlet != null) {
        this.stmt('bumpOutlet').run(c.entity, c.outlet, -1);
        this.stmt('dropEmptyOutlet').run(c.entity, c.outlet);
      }
    }
    return counts.map((c) => Number(c.entity));
  }

  /** Entities still referenced by a quote or mention elsewhere keep their row (documents > 0). */
  private dropUnused(entities: readonly number[]): void {
    for (const e of entities) this.stmt('dropUnused').run(e);
  }

  // ---- copies and sources (copies.ts) ------------------------------------

  async copyCandidates(sample: readonly number[], opts?: CopyQuery): Promise<CopyCandidate[]> {
    return this.copies.candidates(sample, opts);
  }

  async outletLines(outlet: string, lines: readonly number[], opts?: { before?: string; cap?: number }): Promise<number[]> {
    return this.copies.lines(outlet, lines, opts);
  }

  async docSources(ids: readonly string[]): Promise<DocSource[]> {
    return this.copies.sources(ids);
  }

  // ---- stories ------------------------------------------------------------

  async storyPool(doc: string, features: StoryFeatures): Promise<StoryPool> {
    return this.storyTables.pool(doc, features);
  }

  async mergeStories(into: string, from: string): Promise<void> {
    await this.write(this.db.transaction(() => this.storyTables.merge(into, from, (doc, story) => this.relabelStory(doc, story))));
  }

  /** A record names its new story; nothing else in it changes. */
  private relabelStory(doc: number, story: string): void {
    this.prepared(`UPDATE records SET record = json_set(record, '$.story', ?) WHERE rowid = ?`).run(story, doc);
  }

  async unsettledStories(limit = 500): Promise<string[]> {
    return this.storyTables.unsettled(limit);
  }

  async settleStory(id: string, choose: StoryChooser, docs: number): Promise<number> {
    return this.write(this.db.transaction(() => this.storyTables.settle(id, choose, docs, (doc, story) => this.relabelStory(doc, story))));
  }

  async stories(query: Page = {}): Promise<StoryInfo[]> {
    const [limit, offset] = page(query);
    return this.storyTables.list(limit, offset);
  }

  async story(id: string): Promise<StoryDetail | undefined> {
    return this.storyTables.detail(id);
  }

  async count(): Promise<number> {
    return Number((this.s.count!.get() as Row).n);
  }

  async *export(): AsyncIterable<NewsRecord> {
    // Pages by rowid so no statement stays open across the caller's awaits.
    let after = 0;
    for (;;) {
      const rows = this.s.exportPage!.all(after, 200) as Row[];
      if (!rows.length) return;
      for (const r of rows) yield this.toRecord(Number(r.rowid));
      after = Number(rows[rows.length - 1]!.rowid);
    }
  }

  // ---- search -------------------------------------------------------------

  /** Prepared once per SQL text: search builds its SQL from the filters given, a few dozen shapes. */
  private prepared(sql: string): Stmt {
    let st = this.cache.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      if (this.cache.size >= 256) this.cache.delete(this.cache.keys().next().value!);
      this.cache.set(sql, st);
    }
    return st;
  }

  async search(query: SearchQuery): Promise<SearchResult> {
    const [limit, offset] = page(query);
    const q = query.q?.trim();
    const fts = q ? toFtsQuery(q) : undefined;
    if (q && fts === undefined) return { total: 0, hits: [], ...(query.facets ? { facets: emptyFacets() } : {}) };
    const ents: number[] = [];
    for (const key of query.entity === undefined ? [] : typeof query.entity === 'string' ? [query.entity] : query.entity) {
      const row = this.s.entityByKey!.get(this.kb.current(key)) as Row | undefined;
      if (!row) return { total: 0, hits: [], ...(query.facets ? { facets: emptyFacets() } : {}) };
      ents.push(Number(row.rowid));
    }
    // With words, the full-text index drives: a filter that selects few documents becomes a list
    // checked in memory ("+" keeps SQLite from handing it to FTS5 as a rowid probe per document,
    // which restarts the match each time); other filters read the document row of each match.
    // Without words, the documents drive, newest first.
    const where: string[] = [];
    const args: unknown[] = [];
    let joinDocs = !fts;
    const rid = fts ? '+documents_fts.rowid' : 'd.rowid';
    if (fts) { where.push('documents_fts MATCH ?'); args.push(fts); }
    for (const e of ents) { where.push(`${rid} IN (SELECT doc FROM doc_entities WHERE entity = ?)`); args.push(e); }
    if (query.place) { where.push(`${rid} IN (SELECT doc FROM places WHERE norm = ?)`); args.push(normalizeName(query.place)); }
    // An outlet or a period with few documents becomes a list too; one with many is checked on
    // each match's row, as most matches pass it. (A YYYY or YYYY-MM bound includes its whole year
    // or month; written as a range so the day index serves it.)
    const few = (sql: string, ...a: unknown[]) =>
      Number((this.prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM documents WHERE ${sql} LIMIT ?)`).get(...a, LIST_MAX + 1) as Row).n) <= LIST_MAX;
    if (query.outlet) {
      if (fts && few('outlet = ? COLLATE NOCASE', query.outlet)) where.push(`${rid} IN (SELECT rowid FROM documents WHERE outlet = ? COLLATE NOCASE)`);
      else { where.push('d.outlet = ? COLLATE NOCASE'); joinDocs = true; }
      args.push(query.outlet);
    }
    const period = [query.from ? 'day >= ?' : '', query.to ? 'day <= ?' : ''].filter(Boolean).join(' AND ');
    const periodArgs = [query.from, query.to && query.to + '\uffff'].filter(Boolean);
    if (period && fts && few(period, ...periodArgs)) where.push(`${rid} IN (SELECT rowid FROM documents WHERE ${period})`);
    else if (period) { where.push(period.replace(/day/g, 'd.day')); joinDocs = true; }
    args.push(...periodArgs);
    // Most documents name some entity of each common type: checking each candidate's own row
    // beats collecting every document of that type.
    if (query.type) { where.push('d.types LIKE ?'); args.push(`%,${query.type},%`); joinDocs = true; }
    const from = !fts ? 'documents d' : joinDocs ? 'documents_fts JOIN documents d ON d.rowid = documents_fts.rowid' : 'documents_fts';
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [open, close] = query.mark ?? ['«', '»'];
    const wantFacets = !!query.facets;

    let ordered: number[];
    let total: number;
    let totalCapped = false;
    let rankedOver: number | undefined;
    let snippets: Stmt;
    let scores: Map<number, number> | undefined;
    try {
      const countUpTo = (known: number): number => {
        // Counting stops at countCap: past that, "more than N" is what a reader needs.
        const n = Number((this.prepared(`SELECT count(*) AS n FROM (SELECT 1 FROM ${from} ${cond} LIMIT ?)`).get(...args, this.countCap + 1) as Row).n);
        totalCapped = n > this.countCap;
        return Math.max(known, Math.min(n, this.countCap));
      };
      if (fts) {
        // Score the newest `window` matches (bm25 reads each match's sizes, the costly part),
        // then order them by score: a word in thousands of articles says little about relevance.
        const window = Math.min(MAX_LIMIT, Math.max(this.rankCap, offset + limit));
        const scored = this.prepared(`SELECT documents_fts.rowid AS rid, bm25(documents_fts, 4.0, 1.0) AS r FROM ${from} ${cond}
          ORDER BY documents_fts.rowid DESC LIMIT ?`).raw().all(...args, window) as [number, number][];
        scored.sort((a, b) => a[1] - b[1] || b[0] - a[0]);
        ordered = scored.map((x) => x[0]);
        total = scored.length < window ? scored.length : countUpTo(scored.length);
        if (total > window || (totalCapped && this.countCap >= window)) rankedOver = window;
        // The page's rows with their text in one statement, keyed by rowid; snippets are cut from it.
        snippets = this.prepared(`SELECT d.rowid AS rid, ${HIT_COLS}, f.text FROM documents d JOIN documents_fts f ON f.rowid = d.rowid
          WHERE d.rowid IN (SELECT value FROM json_each(?))`);
        scores = new Map(scored.slice(offset, offset + limit));
      } else {
        // Newest first; NULL sorts lowest, so undated documents come last and a day index serves the
        // order: the documents' own, or with an entity filter its (entity, day) range in doc_entities.
        const want = Math.max(offset + limit, wantFacets ? this.facetCap : 0);
        const newest = ents.length
          ? `SELECT de.doc FROM doc_entities de JOIN documents d ON d.rowid = de.doc
             WHERE de.entity = ?${where.length > 1 ? ` AND ${where.slice(1).join(' AND ')}` : ''}
             ORDER BY de.day DESC, de.doc DESC LIMIT ?`
          : `SELECT d.rowid FROM ${from} ${cond} ORDER BY d.day DESC, d.rowid DESC LIMIT ?`;
        ordered = this.prepared(newest).pluck().all(...args, want) as number[];
        total = ordered.length < want ? ordered.length
          : ents.length === 1 && where.length === 1 ? Number((this.s.entityDocs!.get(ents[0]) as Row).n)
          : countUpTo(ordered.length);
        snippets = this.prepared(`SELECT ${HIT_COLS}, substr(f.text, 1, 240) AS snippet FROM documents d JOIN documents_fts f ON f.rowid = d.rowid WHERE d.rowid = ?`);
      }
    } catch (err) {
      throw new NewsgraphError('store.bad-query', `cannot search for "${query.q}": ${errorMessage(err)}`);
    }
    // Snippets for the page alone: each hit's row found by its own rowid, never by position.
    const pageIds = ordered.slice(offset, offset + limit);
    const matched = fts ? this.snippetsOf(snippets.all(JSON.stringify(pageIds)) as Row[], q!, fts, [open, close]) : undefined;
    const hits: SearchHit[] = pageIds.map((rid) => {
      const r = (matched ? matched.get(rid) : snippets.get(rid)) as Row;
      const meta: Record<string, string> = {};
      for (const k of META_KEYS) if (r[k] != null) meta[k] = String(r[k]);
      return {
        id: String(r.id),
        ...(r.title != null ? { title: String(r.title) } : {}),
        snippet: String(r.snippet ?? '').replace(/\s+/g, ' ').trim(),
        meta,
        score: scores ? Number((-(scores.get(rid) ?? 0)).toPrecision(4)) : 0,
      };
    });
    const result: SearchResult = { total, ...(totalCapped ? { totalCapped } : {}), ...(rankedOver ? { rankedOver } : {}), hits };
    if (!wantFacets) return result;
    return { ...result, facets: this.facetsOf(ordered.slice(0, this.facetCap), totalCapped || total > this.facetCap) };
  }

  /**
   * Each hit row with its snippet, keyed by rowid: cut from its text in JavaScript (snippet.ts),
   * or by FTS5 where the text alone holds no match (a title match).
   */
  private snippetsOf(rows: Row[], q: string, fts: string, mark: readonly [string, string]): Map<number, Row> {
    const terms = snippetTerms(parseQuery(q)!);
    const out = new Map<number, Row>();
    const rest: number[] = [];
    for (const r of rows) {
      const snippet = cutSnippet(String(r.text ?? ''), terms, mark);
      if (snippet === undefined) rest.push(Number(r.rid));
      out.set(Number(r.rid), { ...r, text: undefined, snippet: snippet ?? '' });
    }
    if (rest.length) {
      // FTS5 ignores `rowid = ?` next to MATCH (each lookup answered with the first match's
      // snippet); a rowid list it honours.
      const st = this.prepared(`SELECT rowid AS rid, snippet(documents_fts, 1, ?, ?, '…', 24) AS snippet FROM documents_fts
        WHERE documents_fts MATCH ? AND rowid IN (SELECT value FROM json_each(?))`);
      for (const r of st.all(mark[0], mark[1], fts, JSON.stringify(rest)) as Row[]) out.get(Number(r.rid))!.snippet = r.snippet;
    }
    return out;
  }

  /** Facet counts over the given documents (the first hits in result order). */
  private facetsOf(docs: readonly number[], approximate: boolean): Facets {
    const f = this.facetStmts ??= this.prepareFacets();
    // Every facet counted here from each document's one facet row (doc_facets), each column read
    // as one value for all the rows: a value per row and column costs more to hand over than to count.
    const [packed, outlets, months, types, pairs] = f.docs.get(JSON.stringify(docs)) as [Buffer | null, string, string | null, string | null, string | null];
    if (packed) this.idCounts.add(packed);
    const tally = new FacetTally();
    for (const outlet of JSON.parse(outlets) as (string | null)[]) tally.add(outlet, null, null);
    for (const month of months ? months.split(',') : []) tally.add(null, month, null);
    if (types) tally.addTypes(types);
    // Each place by its norm, named by the first of its names; the same pair repeats across
    // documents, so pairs are counted before they are cut.
    const pairCounts = new Map<string, number>();
    for (const pair of pairs ? pairs.split('\x02') : []) pairCounts.set(pair, (pairCounts.get(pair) ?? 0) + 1);
    const places = new Map<string, { name: string; count: number }>();
    for (const [pair, count] of pairCounts) {
      const cut = pair.indexOf('\x01');
      const norm = pair.slice(0, cut), name = pair.slice(cut + 1);
      const p = places.get(norm);
      if (!p) places.set(norm, { name, count });
      else { p.count += count; if (name < p.name) p.name = name; }
    }
    const topIds = this.idCounts.takeTop(25).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, 25);
    const named = this.entitiesById(topIds.map(([id]) => id));
    const entity = topIds.flatMap(([id, count]) => {
      const r = named.get(id);
      return r ? [{ value: String(r.key), label: String(r.name), count }] : [];
    }).sort((a, b) => b.count - a.count || byCode(a.value, b.value));
    const place = [...places.values()].sort((a, b) => b.count - a.count || byCode(a.name, b.name))
      .slice(0, 25).map((p) => ({ value: p.name, count: p.count }));
    return tally.facets(entity, place, docs.length, approximate);
  }

  private prepareFacets() {
    const p = (sql: string) => this.db.prepare(sql);
    // The packed entity lists joined byte for byte (group_concat keeps a blob's bytes, and the
    // cast gives them back as a blob); outlets, free text, as a JSON array; the rest joined with
    // separators their values never hold.
    return {
      docs: p(`SELECT CAST(group_concat(entities, '') AS BLOB), json_group_array(outlet), group_concat(substr(day, 1, 7), ','),
          group_concat(types, ''), group_concat(places, char(2))
        FROM doc_facets WHERE doc IN (SELECT value FROM json_each(?))`).raw(),
    };
  }

  /** Entity rows by rowid, for ids counted from facet rows. */
  private entitiesById(ids: readonly number[]): Map<number, Row> {
    const rows = this.prepared('SELECT rowid, key, name, type, mentions FROM entities WHERE rowid IN (SELECT value FROM json_each(?))')
      .all(JSON.stringify(ids)) as Row[];
    return new Map(rows.map((r) => [Number(r.rowid), r]));
  }

  // ---- entities -----------------------------------------------------------

  private entityRow(idOrName: string): Row | undefined {
    const byKey = (k: string) => this.s.entityByKey!.get(this.kb.current(k)) as Row | undefined;
    const typed = /^([A-Z]+):(.+)$/.exec(idOrName);
    return byKey(idOrName)
      ?? (typed ? byKey(entityKey(typed[1]!, typed[2]!)) : undefined)
      ?? (this.s.entityByName!.get(normalizeName(idOrName)) as Row | undefined)
      // Then the name folded as resolution compares names ("Al Qaida" for "Al-Qaida").
      ?? (this.prepared(`SELECT e.* FROM kb_keys k JOIN entities e ON e.rowid = k.entity WHERE k.key = ?
                         ORDER BY e.documents DESC, e.rowid LIMIT 1`).get(`n:${fold(idOrName)}`) as Row | undefined);
  }

  private toEntity(r: Row): EntityInfo {
    const name = String(r.name);
    const aliases = (this.s.aliasesOf!.all(r.rowid) as Row[]).map((a) => String(a.name)).filter((a) => a !== name);
    return {
      id: String(r.key), type: String(r.type) as EntityType, name, aliases: [...new Set(aliases)],
      ...(r.description != null ? { description: String(r.description) } : {}),
      documents: Number(r.documents), mentions: Number(r.mentions),
    };
  }

  async entity(idOrName: string): Promise<EntityInfo | undefined> {
    const r = this.entityRow(idOrName);
    return r ? { ...this.toEntity(r), ...this.kb.profile(Number(r.rowid), String(r.key)) } : undefined;
  }

  async lookup(name: string, limit = 10): Promise<EntityMatch[]> {
    const n = normalizeName(name);
    if (!n) return [];
    const out = new Map<number, EntityMatch>();
    // Entities called exactly this, most documents calling them so first; then those whose
    // names match it folded (spelling, hyphens) or share its surname, by documents.
    for (const r of this.s.lookupName!.all(n, limit) as Row[]) out.set(Number(r.rowid), { ...this.toEntity(r), called: Number(r.called), match: 'name' });
    if (out.size < limit) {
      const f = nameForm(name, 'PERSON');
      const keys = [...new Set([`n:${f.fold}`, ...(f.surname && !f.given ? [`p:${f.surname}`] : [])])];
      const more = this.prepared(`SELECT DISTINCT e.* FROM kb_keys k JOIN entities e ON e.rowid = k.entity
                                  WHERE k.key IN (SELECT value FROM json_each(?)) ORDER BY e.documents DESC, e.rowid LIMIT ?`).all(JSON.stringify(keys), limit) as Row[];
      for (const r of more) if (!out.has(Number(r.rowid))) out.set(Number(r.rowid), { ...this.toEntity(r), called: 0, match: 'similar' });
    }
    return [...out.values()].slice(0, limit);
  }

  // ---- knowledge base ------------------------------------------------------

  async kbCandidates(keys: readonly string[]): Promise<KbCandidate[]> {
    return this.kb.candidates(keys);
  }

  async kbContext(ids: readonly string[]): Promise<Record<string, string[]>> {
    const out: Record<string, string[]> = {};
    for (const id of ids) {
      const r = this.s.entityByKey!.get(this.kb.current(id)) as Row | undefined;
      if (r) out[id] = this.kb.context(Number(r.rowid), Number(r.documents));
    }
    return out;
  }

  private knownEntity(id: string): Row {
    const r = this.entityRow(id);
    if (!r) throw new NewsgraphError('kb.unknown-entity', `no entity "${id}"`, 404);
    return r;
  }

  private docsOf(entity: number): number[] {
    return (this.prepared('SELECT doc FROM doc_entities WHERE entity = ?').all(entity) as Row[]).map((d) => Number(d.doc));
  }

  /**
   * Re-stores every document that links one of its entities to `from` with that link changed:
   * rows, counts, names and keys follow as for any stored record. Returns how many changed.
   */
  private relink(from: Row, to: string, pick: (e: { name: string; aliases?: readonly string[] }) => boolean = () => true): number {
    const fromKey = String(from.key);
    let changed = 0;
    for (const doc of this.docsOf(Number(from.rowid))) {
      const rec = this.toRecord(doc);
      let hit = false;
      const entities = rec.entities.map((e) => {
        if (this.kb.current(entityIdOf(e)) !== fromKey || !pick(e)) return e;
        hit = true;
        return { ...e, kb: to };
      });
      if (!hit) continue;
      this.replaceSync({ ...rec, entities });
      changed++;
    }
    return changed;
  }

  async mergeEntities(into: string, from: string, d: Decision): Promise<EntityInfo> {
    return this.write(this.db.transaction(() => {
      const a = this.knownEntity(into), b = this.knownEntity(from);
      if (a.rowid === b.rowid) throw new NewsgraphError('kb.same-entity', `"${into}" and "${from}" are already one entity`);
      const undo = this.fold(a, b);
      this.decide('merge', String(a.key), String(b.key), undefined, d, undo);
      return this.toEntity(this.knownEntity(String(a.key)));
    }));
  }

  /**
   * Makes B part of A in every table and record; B's id then leads to A. Answers what undoing it
   * needs: the document entities that were B's, the ids that led to B, B's not-same decisions.
   */
  private fold(a: Row, b: Row): MergeUndo {
    const intoKey = String(a.key), fromKey = String(b.key);
    const moved: [number, string][] = [];
    const redirected = (this.prepared('SELECT old FROM entity_redirects WHERE new = ?').all(fromKey) as Row[]).map((r) => String(r.old));
    const seqs = (side: 'a' | 'b') => (this.prepared(`SELECT seq FROM kb_decisions WHERE ${side} = ? AND action = 'not-same'`).all(fromKey) as Row[]).map((r) => Number(r.seq));
    const notSame = { a: seqs('a'), b: seqs('b') };
    const docs = this.docsOf(Number(b.rowid));
    this.kb.fold(Number(a.rowid), Number(b.rowid), intoKey, fromKey, (doc) => {
      // The records that named B name A: their entities' links change, nothing else.
      const rec = this.toRecord(doc);
      const { text: _text, ...rest } = { ...rec, entities: rec.entities.map((e) => {
        if (this.kb.current(entityIdOf(e)) !== fromKey) return e;
        moved.push([doc, e.id]);
        return { ...e, kb: intoKey };
      }) };
      this.stmt('setRecord').run(JSON.stringify(rest), doc);
      return rec;
    });
    this.claims.fold(intoKey, fromKey);
    this.prepared('UPDATE entity_redirects SET new = ? WHERE new = ?').run(intoKey, fromKey);
    this.prepared('INSERT OR REPLACE INTO entity_redirects (old, new) VALUES (?, ?)').run(fromKey, intoKey);
    this.prepared('DELETE FROM entities WHERE key = ?').run(fromKey);
    // What users said of the merged entity now holds for the one it joined.
    this.prepared(`UPDATE kb_decisions SET a = ? WHERE a = ? AND action = 'not-same'`).run(intoKey, fromKey);
    this.prepared(`UPDATE kb_decisions SET b = ? WHERE b = ? AND action = 'not-same'`).run(intoKey, fromKey);
    return { docs, moved, redirected, notSame };
  }

  /**
   * Undoes a correction a user made, recorded as an `undo` decision; the original is kept in the
   * trail, marked undone. A merge gives B back its id and the document entities that were its
   * own (documents stored since stay with A); a split folds the new entity back; a rename
   * restores the name; a not-same no longer keeps the two apart.
   */
  async undoDecision(seq: number, d: Decision): Promise<DecisionRecord> {
    return this.write(this.db.transaction(() => {
      const { action, a, b, undo } = undoable(seq, this.prepared('SELECT * FROM kb_decisions WHERE seq = ?').get(seq) as Row | undefined);
      if (action === 'merge') {
        if (this.kb.current(a) !== a || !this.entityRow(a)) throw undoLater(`${a} has been merged or removed since`);
        if (this.s.entityByKey!.get(b!) || this.kb.current(b!) !== a) throw undoLater(`${b} is in use again`);
        this.prepared('DELETE FROM entity_redirects WHERE old = ?').run(b);
        for (const old of undo.redirected) this.prepared('UPDATE entity_redirects SET new = ? WHERE old = ? AND new = ?').run(b, old, a);
        // Each document B was in is stored again: its entities that were B's link to B, and names
        // without an entity (stored under their own key) find B now that its id no longer leads to A.
        const moved = new Set(undo.moved.map(([doc, id]) => `${doc} ${id}`));
        for (const doc of undo.docs) {
          if (!this.prepared('SELECT 1 FROM documents WHERE rowid = ?').get(doc)) continue;
          const rec = this.toRecord(doc);
          this.replaceSync({ ...rec, entities: rec.entities.map((e) => (moved.has(`${doc} ${e.id}`) ? { ...e, kb: b! } : e)) });
        }
        for (const [side, list] of [['a', undo.notSame.a], ['b', undo.notSame.b]] as const) {
          for (const n of list) this.prepared(`UPDATE kb_decisions SET ${side} = ? WHERE seq = ? AND ${side} = ?`).run(b, n, a);
        }
      } else if (action === 'split') {
        const whole = this.entityRow(a), part = this.entityRow(b!);
        if (!whole || !part || String(whole.key) !== a || String(part.key) !== b) throw undoLater(`${a} or ${b} has changed since`);
        this.fold(whole, part);
        if (undo.notSameSeq !== undefined) this.prepared('UPDATE kb_decisions SET undone = ? WHERE seq = ?').run(seq, undo.notSameSeq);
      } else if (action === 'rename') {
        const e = this.knownEntity(a);
        this.prepared('UPDATE entities SET name = ?, pinned = ? WHERE rowid = ?').run(undo.name, undo.pinned ?? 0, e.rowid);
      }
      const undoSeq = this.decide('undo', a, b, action, d, { undoes: seq });
      this.prepared('UPDATE kb_decisions SET undone = ? WHERE seq = ?').run(undoSeq, seq);
      // The not-same pair a split recorded goes with it.
      if (undo.notSameSeq !== undefined) this.prepared('UPDATE kb_decisions SET undone = ? WHERE seq = ?').run(undoSeq, undo.notSameSeq);
      return this.decisionsWhere('seq = ?', [undoSeq])[0]!;
    }));
  }

  async splitEntity(id: string, names: readonly string[], d: Decision): Promise<EntityInfo> {
    return this.write(this.db.transaction(() => {
      const a = this.knownEntity(id);
      const norms = new Set(names.map(normalizeName).filter(Boolean));
      if (!norms.size) throw new NewsgraphError('kb.bad-split', 'give the names to split off');
      const first = names.find((n) => normalizeName(n))!;
      let key = entityKey(String(a.type), first);
      for (let n = 2; this.s.entityByKey!.get(key) || this.kb.current(key) !== key; n++) key = `${entityKey(String(a.type), first)}~${n}`;
      const moved = this.relink(a, key, (e) => [e.name, ...(e.aliases ?? [])].some((n) => norms.has(normalizeName(n))));
      if (!moved) throw new NewsgraphError('kb.bad-split', `no document calls "${String(a.key)}" ${names.map((n) => `"${n}"`).join(' or ')}`);
      const split = this.decide('split', String(a.key), key, names.join('; '), d, {});
      const apart = this.decide('not-same', String(a.key), key, undefined, d);
      this.prepared('UPDATE kb_decisions SET undo = ? WHERE seq = ?').run(JSON.stringify({ notSameSeq: apart }), split);
      return this.toEntity(this.knownEntity(key));
    }));
  }

  async renameEntity(id: string, name: string, d: Decision): Promise<EntityInfo> {
    const clean = name.replace(/\s+/g, ' ').trim();
    if (!clean) throw new NewsgraphError('kb.bad-name', 'the new name is empty');
    return this.write(this.db.transaction(() => {
      const a = this.knownEntity(id);
      this.prepared('UPDATE entities SET name = ?, pinned = 1 WHERE rowid = ?').run(clean, a.rowid);
      this.kb.chosen(Number(a.rowid), clean, String(a.type) as EntityType);
      this.decide('rename', String(a.key), undefined, clean, d, { name: String(a.name), pinned: Number(a.pinned ?? 0) });
      return this.toEntity(this.knownEntity(String(a.key)));
    }));
  }

  async notSame(x: string, y: string, d: Decision): Promise<void> {
    await this.write(this.db.transaction(() => {
      const a = this.knownEntity(x), b = this.knownEntity(y);
      if (a.rowid === b.rowid) throw new NewsgraphError('kb.same-entity', `"${x}" and "${y}" are one entity; split it first`);
      this.decide('not-same', String(a.key), String(b.key), undefined, d, {});
    }));
  }

  async decisions(entity?: string): Promise<DecisionRecord[]> {
    const key = entity === undefined ? undefined : String(this.entityRow(entity)?.key ?? entity);
    return key === undefined ? this.decisionsWhere('1', []) : this.decisionsWhere('a = ? OR b = ?', [key, key]);
  }

  private decisionsWhere(cond: string, args: unknown[]): DecisionRecord[] {
    return (this.prepared(`SELECT * FROM kb_decisions WHERE ${cond} ORDER BY seq DESC LIMIT 500`).all(...args) as Row[]).map(decisionFrom);
  }

  /** Records a decision; `undo` is what undoing it needs (absent: it cannot be undone). Answers its seq. */
  private decide(action: DecisionRecord['action'], a: string, b: string | undefined, name: string | undefined, d: Decision, undo?: object): number {
    if (!d.who?.trim()) throw new NewsgraphError('kb.no-author', 'a decision needs who made it');
    return Number(this.prepared(`INSERT INTO kb_decisions (action, a, b, name, who, at, note, doc, start, "end", evidence, undo)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(action, a, b ?? null, name ?? null, d.who.trim(), new Date().toISOString(), d.note ?? null, d.doc ?? null, d.start ?? null, d.end ?? null, d.evidence ?? null,
        undo === undefined ? null : JSON.stringify(undo)).lastInsertRowid);
  }

  async entities(query: EntityQuery = {}): Promise<EntityInfo[]> {
    const [limit, offset] = page(query, 50);
    const { where, args } = entityConditions(query);
    const rows = this.prepared(`SELECT e.* FROM entities e WHERE ${where.join(' AND ')}
      ORDER BY e.documents DESC, e.mentions DESC, e.name LIMIT ? OFFSET ?`).all(...args, limit, offset) as Row[];
    return rows.map((r) => this.toEntity(r));
  }

  async mentionsOverTime(entityId: string, interval: Interval = 'month'): Promise<PeriodCount[]> {
    const e = this.entityRow(entityId);
    if (!e) return [];
    // Months and years come from the per-month counts kept at put(); days from the documents.
    const rows = interval === 'day'
      ? this.prepared(`SELECT d.day AS period, count(*) AS documents, sum(de.mentions) AS mentions
          FROM doc_entities de JOIN documents d ON d.rowid = de.doc WHERE de.entity = ? AND d.day IS NOT NULL
          GROUP BY period ORDER BY period`).all(e.rowid) as Row[]
      : this.prepared(`SELECT substr(month, 1, ?) AS period, sum(documents) AS documents, sum(mentions) AS mentions
          FROM entity_months WHERE entity = ? GROUP BY period ORDER BY period`).all(PERIOD[interval] ?? 7, e.rowid) as Row[];
    return rows.map((r) => ({ period: String(r.period), documents: Number(r.documents), mentions: Number(r.mentions) }));
  }

  async coOccurring(entityId: string, limit = 20, maxDocs?: number): Promise<EntityCount[]> {
    const e = this.entityRow(entityId);
    if (!e) return [];
    // Its newest documents walk the (entity, day) index backwards; the other entities of each are
    // read from the document's one facet row (doc_facets) and counted here.
    const docs = maxDocs === undefined ? -1 : Math.max(0, Math.floor(maxDocs));
    const self = Number(e.rowid);
    const lists = this.prepared(`SELECT f.entities FROM (SELECT doc FROM doc_entities WHERE entity = ? ORDER BY ${NEWEST_DOCS} LIMIT ?) a
      JOIN doc_facets f ON f.doc = a.doc`).pluck().all(self, docs) as (Buffer | null)[];
    for (const ids of lists) if (ids) this.idCounts.add(ids, self);
    // Only the entities counted at least as often as the last one kept are looked up (ties included,
    // so the order by mentions is unchanged): a famous entity's documents name thousands.
    const [n] = page({ limit });
    const kept = this.idCounts.takeTop(n);
    const byId = this.entitiesById(kept.map(([id]) => id));
    return kept.flatMap(([id, documents]) => {
      const r = byId.get(id);
      return r ? [{ r, documents }] : [];
    }).sort((a, b) => b.documents - a.documents || Number(b.r.mentions) - Number(a.r.mentions) || byCode(String(a.r.name), String(b.r.name)))
      .slice(0, n)
      .map(({ r, documents }) => ({ id: String(r.key), name: String(r.name), type: String(r.type) as EntityType, documents }));
  }

  // ---- layers across documents -------------------------------------------

  async quotes(query: QuoteQuery = {}): Promise<QuoteHit[]> {
    const [limit, offset] = page(query, 50);
    const where: string[] = [];
    const args: unknown[] = [];
    let pre: { with: string; withArgs: unknown[] } = { with: '', withArgs: [] };
    if (query.entity) {
      const key = this.kb.current(query.entity);
      const filters = Object.entries(query).filter(([k, v]) => v !== undefined && k !== 'entity' && k !== 'limit' && k !== 'offset');
      const byDocs = filters.length ? undefined : this.prolificSpeaker(key, limit + offset);
      if (byDocs !== undefined) return this.quotesByDocs(byDocs, limit, offset);
      where.push('q.speaker = (SELECT rowid FROM entities WHERE key = ?)'); args.push(key);
    }
    if (query.speaker) {
      const c = speakerCondition(query.speaker);
      where.push(c.sql);
      args.push(...c.args);
    }
    if (query.about) {
      const c = aboutConditions(this.kb.current(query.about), query.recent);
      pre = c;
      where.push(...c.where);
      args.push(...c.args);
    }
    if (query.doc) { where.push('d.id = ?'); args.push(query.doc); }
    if (query.outlet) { where.push('d.outlet = ? COLLATE NOCASE'); args.push(query.outlet); }
    if (query.from) { where.push('d.day >= ?'); args.push(query.from); }
    if (query.to) { where.push('d.day <= ?'); args.push(query.to + '\uffff'); }
    const rows = this.prepared(`${pre.with} ${QUOTE_COLUMNS}
      FROM quotes q JOIN documents d ON d.rowid = q.doc LEFT JOIN entities e ON e.rowid = q.speaker
      ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY d.day IS NULL, d.day DESC, q.doc DESC, q.seq LIMIT ? OFFSET ?`).all(...pre.withArgs, ...args, limit, offset) as Row[];
    return rows.map(quoteHit);
  }

  /**
   * The speaker's rowid when reading its documents newest first costs less than sorting all its
   * quotes: sorting reads every quote (n), walking reads about `wanted` × documents / n documents.
   */
  private prolificSpeaker(key: string, wanted: number): number | undefined {
    const r = this.prepared('SELECT rowid, documents, (SELECT count(*) FROM quotes WHERE speaker = entities.rowid) AS n FROM entities WHERE key = ?').get(key) as Row | undefined;
    if (!r) return undefined;
    const n = Number(r.n);
    return n * n > wanted * Number(r.documents) ? Number(r.rowid) : undefined;
  }

  /** A speaker's quotes newest first, in the order of quotes(), found through its (entity, day, doc) index. */
  private quotesByDocs(speaker: number, limit: number, offset: number): QuoteHit[] {
    const rows = this.prepared(`${QUOTE_COLUMNS}
      FROM doc_entities de CROSS JOIN quotes q ON q.speaker = de.entity AND q.doc = de.doc CROSS JOIN documents d ON d.rowid = q.doc
      JOIN entities e ON e.rowid = q.speaker
      WHERE de.entity = ? ORDER BY de.day DESC, de.doc DESC, q.seq LIMIT ? OFFSET ?`).all(speaker, limit, offset) as Row[];
    return rows.map(quoteHit);
  }

  async places(query: PlaceQuery = {}): Promise<PlaceHit[]> {
    const [limit, offset] = page(query, 100);
    // Toponyms embedded in longer names are not in the table (the places stage marks them).
    const { where, args } = placeConditions(query, query.entity ? this.kb.current(query.entity) : undefined);
    // Grouped by coordinates in hundredths of a degree (~1 km) so one place read twice is one
    // point on a map; by integer arithmetic, as SQLite's round() formats and parses each number.
    const cell = (c: string) => `CAST((p.${c} + 1000) * 100 + 0.5 AS INTEGER)`;
    const rows = this.prepared(`SELECT min(p.name) AS name, avg(p.lat) AS lat, avg(p.lon) AS lon, max(p.country) AS country,
        max(p.geoname_id) AS geoname_id, count(DISTINCT p.doc) AS documents, count(*) AS mentions
      FROM places p WHERE ${where.join(' AND ')}
      GROUP BY p.norm, ${cell('lat')}, ${cell('lon')} ORDER BY documents DESC, mentions DESC, name LIMIT ? OFFSET ?`).all(...args, limit, offset) as Row[];
    return rows.map(placeHit);
  }

  async events(query: EventQuery = {}): Promise<EventHit[]> {
    const [limit, offset] = page(query, 100);
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.doc) { where.push('d.id = ?'); args.push(query.doc); }
    if (query.type) { where.push('ev.type = ?'); args.push(query.type); }
    if (query.entity) { const e = this.kb.current(query.entity); where.push('(ev.actor = ? OR ev.target = ?)'); args.push(e, e); }
    if (query.from) { where.push('ev.day >= ?'); args.push(query.from); }
    if (query.to) { where.push('substr(ev.day, 1, length(?)) <= ?'); args.push(query.to, query.to); }
    const rows = this.prepared(`SELECT ev.*, d.id AS doc_id, d.title, d.outlet, d.published, substr(f.text, ev.start + 1, ev."end" - ev.start) AS evidence
      FROM events ev JOIN documents d ON d.rowid = ev.doc JOIN documents_fts f ON f.rowid = ev.doc ${where.length ? `WHERE ${where.join(' AND ')}` : ''}
      ORDER BY ev.day IS NULL, ev.day, ev.doc, ev.seq LIMIT ? OFFSET ?`).all(...args, limit, offset) as Row[];
    return rows.map(eventHit);
  }

  async relations(query: RelationQuery = {}): Promise<RelationHit[]> {
    const [limit, offset] = page(query, 100);
    const where: string[] = [];
    const args: unknown[] = [];
    if (query.entity) { const e = this.kb.current(query.entity); where.push('(r.a = ? OR r.b = ?)'); args.push(e, e); }
    if (query.type) { where.push('r.type = ?'); args.push(query.type); }
    if (query.doc) { where.push('r.doc = (SELECT rowid FROM documents WHERE id = ?)'); args.push(query.doc); }
    const cond = where.length ? `WHERE ${where.join(' AND ')}` : '';
    // Names are looked up, and texts read, for the page's rows only, not for every relation row.
    const ORDER = 'documents DESC, type, a, b';
    const groups = this.prepared(`SELECT g.*, ea.name AS a_name, eb.name AS b_name
      FROM (SELECT r.type, r.a, r.b, count(DISTINCT r.doc) AS documents FROM relations r ${cond}
            GROUP BY r.type, r.a, r.b ORDER BY ${ORDER} LIMIT ? OFFSET ?) g
      LEFT JOIN entities ea ON ea.key = g.a LEFT JOIN entities eb ON eb.key = g.b ORDER BY ${ORDER}`).all(...args, limit, offset) as Row[];
    const evidence = this.prepared(`SELECT d.id AS doc_id, d.title, d.outlet, d.published, r.start, r."end",
        substr(f.text, r.start + 1, r."end" - r.start) AS text
      FROM (SELECT r.doc, r.seq, r.start, r."end", d.day FROM relations r JOIN documents d ON d.rowid = r.doc WHERE r.type = ? AND r.a = ? AND r.b = ?
            ORDER BY d.day IS NULL, d.day DESC, r.doc, r.seq LIMIT 5) r
      JOIN documents d ON d.rowid = r.doc JOIN documents_fts f ON f.rowid = r.doc ORDER BY r.day IS NULL, r.day DESC, r.doc, r.seq`);
    return groups.map((g) => ({
      type: String(g.type),
      a: { id: String(g.a), name: String(g.a_name ?? g.a) },
      b: { id: String(g.b), name: String(g.b_name ?? g.b) },
      documents: Number(g.documents),
      evidence: (evidence.all(g.type, g.a, g.b) as Row[]).map((r) => ({ ...docRef(r), start: Number(r.start), end: Number(r.end), text: String(r.text) })),
    }));
  }

  async claimRows(query: ClaimRowQuery): Promise<ClaimRow[]> {
    return this.claims.rows(query, query.entity === undefined ? undefined : this.kb.current(query.entity));
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}

/** What a quote hit is read from: the quote, its document and its speaker (`q`, `d`, `e`). */
const QUOTE_COLUMNS = 'SELECT q.*, d.id AS doc_id, d.title, d.outlet, d.published, e.key AS speaker_key, e.name AS speaker_name';

function stampOfRow(r: Row): RecordStamp {
  return stampFrom(String(r.id), String(r.hash), JSON.parse(String(r.stages ?? '[]')) as { name: string; version: string }[]);
}
