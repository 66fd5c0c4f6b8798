import type Database from 'better-sqlite3';
import { NewsgraphError } from '../../core/errors.js';
import type { NewsRecord } from '../../output/record.js';
import { storyFeatures, type StoryFeatures } from '../../stories/story-features.js';
import { featuresFromJson, featuresToJson, indexKeys, settleRange, STORY_INDEX, storyIdFor, vectorFromJson, vectorToJson, weightKeys } from '../../stories/story-index.js';
import { Lru } from '../../core/lru.js';
import { addToCentroid, asCentroid, centroidFromJson, copyCentroid, emptyCentroid, mergeCentroids, storedCentroid, withoutDocument, type CentroidData } from '../../stories/story-centroid.js';
import { priorCount, withPrior } from '../../stories/story-prior.js';
import { docVectors, type StoryCentroid, type StoryStats } from '../../stories/story-score.js';
import { storyDoc } from '../results.js';
import type { StoryChooser, StoryDetail, StoryInfo, StoryPool } from '../store.js';
import { followRedirects } from './redirects.js';
import { RecentView, type MoveWatcher } from './recent-postings.js';

type Row = Record<string, unknown>;

/** Words whose document frequencies one connection keeps (see SqliteStories.df). */
const DF_CACHE = 200_000;
/** Index keys whose newest postings one connection keeps (see SqliteStories.postings). */
const POSTINGS_CACHE = 50_000;
/** Documents whose frequency changes wait in their story_docs rows before story_df takes them. */
export const FOLD_EVERY = 2000;


/**
 * The story tables of the SQLite store: each document's story and features, the index that
 * finds candidates, document frequencies, redirects of merged story ids. Written by put() and
 * replace() from a record's `story` field, in their transaction.
 */
export class SqliteStories implements MoveWatcher {
  private readonly s: Record<string, Database.Statement>;

  /** story_keys_new by key. */
  private readonly recentKeys: RecentView<string>;

  constructor(private readonly db: Database.Database, private readonly foldEvery = FOLD_EVERY) {
    this.recentKeys = new RecentView(db, 'story_keys');
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      redirect: p('SELECT new FROM story_redirects WHERE old = ?'),
      // Prepared once: db.pragma() prepares its statement on every call, and this runs several times a document.
      dataVersion: p('PRAGMA data_version').pluck(),
      byId: p('SELECT rowid, id, documents, settled FROM stories WHERE id = ?'),
      centroid: p('SELECT id, centroid FROM stories WHERE rowid = ?'),
      // Stories by rowid (a JSON array), in its order; then the centroids of some.
      storyRows: p('SELECT s.rowid, s.id, s.documents FROM json_each(?) j JOIN stories s ON s.rowid = j.value ORDER BY j.key'),
      centroids: p('SELECT rowid, centroid FROM stories WHERE rowid IN (SELECT value FROM json_each(?))'),
      setCentroid: p('UPDATE stories SET centroid = ? WHERE rowid = ?'),
      upStory: p(`INSERT INTO stories (id, documents) VALUES (?, 1)
                  ON CONFLICT(id) DO UPDATE SET documents = documents + 1 RETURNING rowid, documents`),
      insDoc: p('INSERT INTO story_docs (doc, story, features, vector, terms) VALUES (?, ?, ?, ?, ?)'),
      // A document's keys in one statement, not one per key.
      // To the recent postings, moved into story_keys in order later (recent-postings.ts).
      insKeys: p('INSERT OR IGNORE INTO story_keys_new (key, doc) SELECT value, ? FROM json_each(?) WHERE true'),
      // Every key of a document in one statement: a document has hundreds of words.
      df: p(`SELECT key, documents FROM story_df WHERE key IN (SELECT value FROM json_each(?))`),
      // [key, change] pairs: a fold, or a group's changes to documents already folded.
      addDf: p(`INSERT INTO story_df (key, documents) SELECT value ->> 0, value ->> 1 FROM json_each(?) WHERE true
                ON CONFLICT(key) DO UPDATE SET documents = documents + excluded.documents`),
      through: p('SELECT through FROM story_df_through').pluck(),
      logged: p('SELECT features, terms FROM story_docs WHERE doc > ?'),
      setThrough: p('UPDATE story_df_through SET through = (SELECT coalesce(max(doc), through) FROM story_docs) RETURNING through').pluck(),
      docOf: p('SELECT sd.story, sd.features, sd.terms, sd.vector, s.id, s.documents FROM story_docs sd JOIN stories s ON s.rowid = sd.story WHERE sd.doc = ?'),
      delDoc: p('DELETE FROM story_docs WHERE doc = ?'),
      delKeys: p('DELETE FROM story_keys WHERE doc = ?'),
      delNewKeys: p('DELETE FROM story_keys_new WHERE doc = ?'),
      delMidKeys: p('DELETE FROM story_keys_mid WHERE doc = ?'),
      dropStory: p('UPDATE stories SET documents = documents - 1 WHERE rowid = ? RETURNING documents'),
      delStory: p('DELETE FROM stories WHERE rowid = ? AND documents <= 0'),
      // The newest postings of each key of a JSON array, by its position: one call, not one per key.
      // (Those of story_keys_new are read in memory: recentKeys.)
      postings: p(`SELECT j.key AS i, (SELECT json_group_array(doc) FROM (
                     SELECT doc FROM (SELECT doc FROM story_keys_mid WHERE key = j.value ORDER BY doc DESC LIMIT ${STORY_INDEX.postings})
                     UNION ALL SELECT doc FROM (SELECT doc FROM story_keys WHERE key = j.value ORDER BY doc DESC LIMIT ${STORY_INDEX.postings})
                     ORDER BY doc DESC LIMIT ${STORY_INDEX.postings})) AS docs
                   FROM json_each(?) j`),
      // The stories of the candidate documents, in the order of the JSON array given (best first).
      storiesOf: p('SELECT sd.story FROM json_each(?) j JOIN story_docs sd ON sd.doc = j.value ORDER BY j.key').pluck(),
      ownOf: p(`SELECT s.id, s.documents FROM documents d JOIN story_docs sd ON sd.doc = d.rowid JOIN stories s ON s.rowid = sd.story WHERE d.id = ?`),
      taken: p('SELECT 1 FROM stories WHERE id = ? UNION ALL SELECT 1 FROM story_redirects WHERE old = ?'),
      unsettled: p('SELECT id FROM stories WHERE documents >= 2 AND documents >= 2 * settled ORDER BY rowid LIMIT ?'),
      firstDocs: p('SELECT sd.doc, d.id FROM story_docs sd JOIN documents d ON d.rowid = sd.doc WHERE sd.story = ? ORDER BY sd.doc LIMIT ? OFFSET ?'),
      markSettled: p('UPDATE stories SET settled = max(documents, 1) WHERE rowid = ?'),
    };
  }

  /** Where a story id leads now that merges may have folded it into another. */
  current(id: string): string {
    return followRedirects(this.s.redirect!, id);
  }

  /**
   * The features and frequencies of the document clustering just weighed, kept for the write
   * that files it (nothing was counted in between): they are most of a document's cost here.
   */
  private lastStats?: { doc: string; stats: StoryStats; features: StoryFeatures; keys: Map<string, number> };
  /** Stories' centroids as last read, while their number of documents stays the same. */
  private readonly centroids = new Lru<number, { documents: number; centroid: CentroidData }>(20_000);

  /**
   * story_df's counts as this connection last read or wrote them, the prior's added (see
   * story-prior.ts; `pending` is added on reading): every document reads those of all its words,
   * and most words are the common ones the documents before it read. Exact: a
   * commit by another connection (sync) or a rolled-back write (rolledBack) drops them.
   */
  private readonly df = new Lru<string, number>(DF_CACHE);
  /**
   * Index keys' newest postings (documents, newest first, STORY_INDEX.postings at most) as this
   * connection last read or wrote them: three keys in four that a document is looked up by are
   * keys of documents stored before it, most of them shortly before. Dropped with the frequencies, and when a document
   * leaves the index (an older posting may then be among the newest).
   */
  private readonly postings = new Lru<string, number[]>(POSTINGS_CACHE);
  private dataVersion = -1;
  /**
   * The frequency changes not yet in story_df: those of the documents filed after row `through`,
   * whose story_docs rows are the durable log of them. Each document changes hundreds of words'
   * counts and the documents of a few thousand share most of them, so story_df takes them every
   * `foldEvery` documents (fold) rather than a row per word per document. Undefined: to be read
   * again from the log (after a commit by another connection or a rolled-back write).
   */
  private pending?: Map<string, number>;
  private through = 0;
  /** Documents counted in `pending`. */
  private logged = 0;
  /** Inside a group of writes, the fold waits for the group's end (flush). */
  private grouped = false;
  /**
   * Inside a group, the changes of documents at or before `through` (a replacement, a removal),
   * written to story_df once as the group ends: a document replaced takes its words out and puts
   * most back. `journal` holds what the write in progress added, taken out again if it is
   * rolled back alone.
   */
  private readonly direct = new Map<string, number>();
  private journal: { keys: string[]; sign: number }[] = [];

  /** What this connection keeps is dropped once another connection has committed. */
  private sync(): void {
    const version = this.s.dataVersion!.get() as number;
    if (version === this.dataVersion) return;
    this.df.clear();
    this.centroids.clear();
    this.postings.clear();
    this.pending = undefined;
    this.dataVersion = version;
  }

  /** The pending counts, read from the documents filed after `through` when not kept. */
  private log(): Map<string, number> {
    this.sync();
    if (this.pending) return this.pending;
    this.through = Number(this.s.through!.get());
    const pending = new Map<string, number>();
    let docs = 0;
    for (const r of this.s.logged!.iterate(this.through) as IterableIterator<Row>) {
      count(pending, ['', ...weightKeys(featuresFromJson(String(r.features), String(r.terms)))], 1);
      docs++;
    }
    this.logged = docs;
    return (this.pending = pending);
  }

  private stats(keys: readonly string[]): StoryStats {
    const pending = this.log();
    const df = new Map<string, number>();
    const missing: string[] = [];
    for (const k of ['', ...keys]) {
      const n = this.df.get(k);
      if (n === undefined) missing.push(k);
      else df.set(k, n + this.unwritten(pending, k));
    }
    if (missing.length) {
      const table = new Map<string, number>();
      for (const r of this.s.df!.all(JSON.stringify(missing)) as Row[]) table.set(String(r.key), Number(r.documents));
      for (const k of missing) {
        const n = (table.get(k) ?? 0) + priorCount(k);
        this.df.set(k, n);
        df.set(k, n + this.unwritten(pending, k));
      }
    }
    return withPrior({ documents: df.get('')!, df }, true);
  }

  /** What key `k`'s count has changed by and story_df does not hold yet. */
  private unwritten(pending: ReadonlyMap<string, number>, k: string): number {
    return (pending.get(k) ?? 0) + (this.direct.get(k) ?? 0);
  }

  /** Counts document `doc`'s keys in (+1) or out (-1): pending when it is in the log, else in story_df (as the group ends, or at once). */
  private bump(doc: number, f: StoryFeatures, sign: 1 | -1): void {
    const keys = ['', ...weightKeys(f)];
    const pending = this.log();
    if (doc > this.through) {
      count(pending, keys, sign);
      this.logged++;
      if (!this.grouped && this.logged >= this.foldEvery) this.fold();
    } else if (this.grouped) {
      count(this.direct, keys, sign);
      this.journal.push({ keys, sign });
    } else this.writeDf(keys.map((k) => [k, sign]));
    this.lastStats = undefined;
  }

  /** Adds [key, change] pairs to story_df and to what this connection keeps of it (a repeated key twice). */
  private writeDf(changes: readonly (readonly [string, number])[]): void {
    if (!changes.length) return;
    this.s.addDf!.run(JSON.stringify(changes));
    for (const [k, n] of changes) this.df.add(k, n);
  }

  /** Writes the pending counts into story_df, in the write's transaction: the log starts after the last document filed. */
  private fold(): void {
    this.writeDf([...this.pending!].filter(([, n]) => n !== 0));
    this.through = Number(this.s.setThrough!.get());
    this.pending = new Map();
    this.logged = 0;
  }

  /** A write of this connection was rolled back: what it counted and the centroids it changed are not in the tables. */
  rolledBack(): void {
    for (const { keys, sign } of this.journal) count(this.direct, keys, -sign);
    this.journal = [];
    this.pending = undefined;
    this.df.clear();
    this.centroids.clear();
    this.postings.clear();
    this.recentKeys.forget();
    this.lastStats = undefined;
  }

  beforeMove(): void {}

  /** story_keys_new moved into story_keys: the newest postings of each key are the same. */
  afterMove(): void {
    this.recentKeys.moved();
  }

  /** A write begins: what it counts is journalled until the next one. */
  writeBegins(): void {
    this.journal = [];
  }

  /** A group of writes opens: its documents' counts are written, or folded when due, as it ends. */
  deferCounts(): void {
    this.grouped = true;
    this.direct.clear();
    this.journal = [];
  }

  /** Before the group commits, inside its transaction. */
  flush(): void {
    this.writeDf([...this.direct].filter(([, n]) => n !== 0));
    this.direct.clear();
    this.journal = [];
    if (this.pending && this.logged >= this.foldEvery) this.fold();
  }

  /** The group is closed (what it left unwritten was taken back with it). */
  endDeferral(): void {
    this.grouped = false;
    this.direct.clear();
    this.journal = [];
  }

  /** Files a stored document under its record's story (kb ids as they lead now). */
  add(doc: number, rec: NewsRecord, kbCurrent: (id: string) => string): void {
    if (!rec.story) return;
    const base = (this.lastStats?.doc === rec.id ? this.lastStats.features : undefined) ?? storyFeatures(rec);
    this.file(doc, rec.id, rec.story, { ...base, entities: [...new Set(base.entities.map(kbCurrent))] });
  }

  /** `counted`: the document's words are in the frequencies already (it is being weighed again). */
  private file(doc: number, docId: string, storyId: string, f: StoryFeatures, counted = false): void {
    const last = this.lastStats?.doc === docId ? this.lastStats : undefined;
    const up = this.s.upStory!.get(this.current(storyId)) as Row;
    const story = Number(up.rowid);
    const stats = last?.stats ?? this.stats(weightKeys(f));
    const json = featuresToJson(f);
    const v = docVectors(f, stats);
    this.s.insDoc!.run(doc, story, json.features, vectorToJson(v.words), json.terms);
    // The keys the pool looked up, unless resolution has since renamed an entity among them.
    const keys = last && sameList(last.features.entities, f.entities) ? last.keys : indexKeys(f, stats);
    this.s.insKeys!.run(doc, JSON.stringify([...keys.keys()]));
    this.recentKeys.added(doc, keys.keys());
    for (const k of keys.keys()) {
      const kept = this.postings.get(k);
      if (kept && !kept.includes(doc)) newestFirst(kept, doc);
    }
    if (!counted) this.bump(doc, f, 1);
    this.updateCentroid(story, (c) => addToCentroid(c, v, f, 1), Number(up.documents));
  }

  /**
   * `documents`: the story's documents after the change, which added one. The centroid kept in
   * memory for the story as it was is then changed instead of read, and kept for the story as it is.
   */
  private updateCentroid(story: number, change: (c: CentroidData) => void, documents?: number): void {
    this.sync();
    const kept = documents === undefined ? undefined : this.centroids.get(story);
    let c: CentroidData;
    if (kept && kept.documents === documents! - 1) c = copyCentroid(kept.centroid);
    else {
      const r = this.s.centroid!.get(story) as Row | undefined;
      if (!r) return;
      c = r.centroid ? centroidFromJson(String(r.centroid)) : emptyCentroid();
    }
    change(c);
    const stored = storedCentroid(c);
    this.s.setCentroid!.run(stored.json, story);
    if (documents === undefined) this.centroids.delete(story);
    else this.centroids.set(story, { documents, centroid: stored.data });
  }

  /**
   * The centroids of stories (rowids), in that order: those kept in memory at their current size
   * are not read again. Two statements, whatever the number of stories.
   */
  private centroidsOf(rows: readonly number[]): [number, StoryCentroid][] {
    if (!rows.length) return [];
    const found = (this.s.storyRows!.all(JSON.stringify(rows)) as Row[]).map((r) => {
      const row = Number(r.rowid), documents = Number(r.documents);
      const kept = this.centroids.get(row);
      return { row, id: String(r.id), documents, kept: kept?.documents === documents ? kept : undefined };
    });
    const stale = found.filter((x) => !x.kept);
    const read = new Map<number, string>();
    if (stale.length) {
      for (const r of this.s.centroids!.all(JSON.stringify(stale.map((x) => x.row))) as Row[]) read.set(Number(r.rowid), String(r.centroid));
    }
    return found.map(({ row, id, documents, kept }) => {
      let hit = kept;
      if (!hit) this.centroids.set(row, (hit = { documents, centroid: centroidFromJson(read.get(row) ?? '') }));
      return [row, asCentroid(id, hit.centroid)];
    });
  }

  /** Takes a document out of its story, its postings and the frequencies. */
  remove(doc: number): void {
    const r = this.s.docOf!.get(doc) as Row | undefined;
    if (r) this.takeOut(doc, r, featuresFromJson(String(r.features), String(r.terms)));
  }

  /**
   * Takes a document (its row `r`, features `f`) out of its story and its postings. Being
   * weighed again (`again`, with its frequencies read), it stays counted in the frequencies and
   * its story stays even when left empty, so a document alone in it comes back to the same row.
   */
  private takeOut(doc: number, r: Row, f: StoryFeatures, again?: { stats: StoryStats }): void {
    // Its words as they were added; its entities and places weighed as they are now (close enough).
    const v = { ...docVectors(f, again?.stats ?? this.stats(weightKeys(f))), words: vectorFromJson(String(r.vector)) };
    this.updateCentroid(Number(r.story), (c) => addToCentroid(c, v, f, -1));
    if (!again) this.bump(doc, f, -1);
    this.s.delKeys!.run(doc);
    this.s.delNewKeys!.run(doc);
    this.s.delMidKeys!.run(doc);
    this.postings.clear();
    this.recentKeys.forget();
    this.s.delDoc!.run(doc);
    this.s.dropStory!.get(r.story);
    if (!again) this.s.delStory!.run(r.story);
  }


  pool(docId: string, f: StoryFeatures, known?: StoryStats): StoryPool {
    const stats = known ?? this.stats(weightKeys(f));
    const keys = indexKeys(f, stats);
    this.lastStats = { doc: docId, stats, features: f, keys };
    // Each stored document found scores the weight of the keys it was found by.
    const found = new Map<number, number>();
    for (const [k, docs] of this.postingsOf([...keys.keys()])) {
      const w = keys.get(k)!;
      for (const doc of docs) found.set(doc, (found.get(doc) ?? 0) + w);
    }
    const docs = [...found].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, STORY_INDEX.candidates);
    // The stories of the documents found, compared whole (by their centroids).
    const rows = new Set((this.s.storiesOf!.all(JSON.stringify(docs.map(([doc]) => doc))) as number[]).map(Number));
    const order: Record<string, number> = {};
    const stories: StoryCentroid[] = [];
    for (const [row, c] of this.centroidsOf([...rows])) {
      order[c.story] = row;
      stories.push(c);
    }
    const own = this.s.ownOf!.get(docId) as Row | undefined;
    return {
      ...stats, stories, order,
      ...(own ? { own: { story: String(own.id), alone: Number(own.documents) <= 1 } } : {}),
      newId: storyIdFor(docId, (id) => this.s.taken!.get(id, id) !== undefined),
    };
  }

  /** The newest postings of each key: those kept, the others in one statement. */
  private postingsOf(keys: readonly string[]): [string, readonly number[]][] {
    const out = keys.map((k): [string, number[] | undefined] => [k, this.postings.get(k)]);
    const missing = out.filter(([, docs]) => !docs).map(([k]) => k);
    if (!missing.length) return out as [string, number[]][];
    const read = new Map<string, number[]>();
    const recent = this.recentKeys.postings();
    for (const r of this.s.postings!.all(JSON.stringify(missing)) as Row[]) {
      const k = missing[Number(r.i)]!;
      let docs = JSON.parse(String(r.docs)) as number[];
      const more = recent.get(k);
      // A replaced document keeps its row: the recent rows are not all newer than the moved ones.
      if (more) docs = [...new Set([...docs, ...more])].sort((a, b) => b - a).slice(0, STORY_INDEX.postings);
      read.set(k, docs);
      this.postings.set(k, docs);
    }
    return out.map(([k, docs]) => [k, docs ?? read.get(k) ?? []]);
  }

  /** Stories of two documents or more grown to twice their size since they were last settled, oldest first. */
  unsettled(limit: number): string[] {
    return this.s.unsettled!.pluck().all(limit) as string[];
  }

  /**
   * Weighs again the story's first documents that joined it young and were not weighed since
   * (settleRange), each taken out of it first: `choose` names where it belongs now among the
   * stories its index finds (undefined: a story of its own). Documents that belong elsewhere
   * move, their records via `relabel`. The story is settled at its size. Returns the number of
   * documents moved.
   */
  settle(id: string, choose: StoryChooser, docs: number, relabel: (doc: number, story: string) => void): number {
    const story = this.s.byId!.get(this.current(id)) as Row | undefined;
    if (!story) return 0;
    let moved = 0;
    const [from, to] = settleRange(Number(story.settled), Number(story.documents), docs);
    for (const m of (to > from ? this.s.firstDocs!.all(story.rowid, to - from, from) : []) as Row[]) {
      const doc = Number(m.doc);
      const r = this.s.docOf!.get(doc) as Row;
      const f = featuresFromJson(String(r.features), String(r.terms));
      const own = String(r.id);
      // Weighed as if it were not stored: its own story without it. Nothing is written unless it moves.
      const stats = this.stats(weightKeys(f));
      const found = this.pool(String(m.id), f, stats);
      const v = { ...docVectors(f, stats), words: vectorFromJson(String(r.vector)) };
      const pool = { ...found, stories: found.stories.map((c) => (c.story === own ? withoutDocument(c, v, f) : c)) };
      // Alone in its story and fitting no other, it stays where it is.
      const target = this.current(choose(f, pool) ?? (Number(r.documents) <= 1 ? own : found.newId));
      if (target === own) continue;
      this.takeOut(doc, r, f, { stats });
      this.file(doc, String(m.id), target, f, true);
      relabel(doc, target);
      moved++;
    }
    this.s.markSettled!.run(story.rowid);
    this.s.delStory!.run(story.rowid);
    return moved;
  }

  /** Moves `from`'s documents to `into` (their records via `relabel`); `from` redirects. */
  merge(into: string, from: string, relabel: (doc: number, story: string) => void): void {
    const a = this.known(into), b = this.known(from);
    if (a.rowid === b.rowid) return;
    for (const r of this.db.prepare('SELECT doc FROM story_docs WHERE story = ?').all(b.rowid) as Row[]) relabel(Number(r.doc), String(a.id));
    this.db.prepare('UPDATE story_docs SET story = ? WHERE story = ?').run(a.rowid, b.rowid);
    this.db.prepare('UPDATE stories SET documents = documents + ? WHERE rowid = ?').run(b.documents, a.rowid);
    const merged = centroidFromJson(String((this.s.centroid!.get(b.rowid) as Row).centroid));
    this.updateCentroid(Number(a.rowid), (c) => mergeCentroids(c, merged));
    this.db.prepare('DELETE FROM stories WHERE rowid = ?').run(b.rowid);
    this.db.prepare('UPDATE story_redirects SET new = ? WHERE new = ?').run(a.id, b.id);
    this.db.prepare('INSERT OR REPLACE INTO story_redirects (old, new) VALUES (?, ?)').run(b.id, a.id);
  }

  private known(id: string): Row {
    const r = this.s.byId!.get(this.current(id)) as Row | undefined;
    if (!r) throw new NewsgraphError('stories.not-found', `no story "${id}"`, 404);
    return r;
  }

  list(limit: number, offset: number): StoryInfo[] {
    const rows = this.db.prepare('SELECT rowid, id, documents FROM stories ORDER BY documents DESC, rowid LIMIT ? OFFSET ?').all(limit, offset) as Row[];
    return rows.map((r) => this.info(r));
  }

  detail(id: string): StoryDetail | undefined {
    const r = this.s.byId!.get(this.current(id)) as Row | undefined;
    if (!r) return undefined;
    const items = (this.db.prepare(`SELECT d.id AS doc_id, d.title, d.outlet, d.published, json_extract(rc.record, '$.copyOf') AS copy_of,
        CASE WHEN d.title IS NULL THEN substr(f.text, 1, 300) END AS head
        FROM story_docs sd JOIN documents d ON d.rowid = sd.doc JOIN records rc ON rc.rowid = sd.doc JOIN documents_fts f ON f.rowid = sd.doc
        WHERE sd.story = ? ORDER BY d.published IS NULL, d.published, d.rowid`).all(r.rowid) as Row[]).map(storyDoc);
    const formerIds = (this.db.prepare('SELECT old FROM story_redirects WHERE new = ? ORDER BY old').all(r.id) as Row[]).map((x) => String(x.old));
    return { ...this.info(r), items, formerIds };
  }

  /** Title, outlets and dates of a story, read from its documents' rows. */
  private info(r: Row): StoryInfo {
    const first = this.db.prepare(`SELECT d.title, substr(f.text, 1, 300) AS head FROM story_docs sd JOIN documents d ON d.rowid = sd.doc
        JOIN documents_fts f ON f.rowid = sd.doc WHERE sd.story = ? ORDER BY d.published IS NULL, d.published, d.rowid LIMIT 1`).get(r.rowid) as Row | undefined;
    const span = this.db.prepare(`SELECT min(d.day) AS first, max(d.day) AS last FROM story_docs sd JOIN documents d ON d.rowid = sd.doc
        WHERE sd.story = ?`).get(r.rowid) as Row;
    const outlets = (this.db.prepare(`SELECT d.outlet, min(coalesce(d.published, '~')) AS at, min(d.rowid) AS seq FROM story_docs sd
        JOIN documents d ON d.rowid = sd.doc WHERE sd.story = ? AND d.outlet IS NOT NULL
        GROUP BY d.outlet ORDER BY at, seq LIMIT 50`).all(r.rowid) as Row[]).map((x) => String(x.outlet));
    const title = first?.title != null ? String(first.title) : String(first?.head ?? '').trim().split('\n')[0]!.trim();
    return {
      id: String(r.id), title, documents: Number(r.documents), outlets,
      ...(span.first != null ? { first: String(span.first) } : {}),
      ...(span.last != null ? { last: String(span.last) } : {}),
    };
  }
}

/** Puts `doc` among a key's newest postings (newest first), the oldest dropped past the cap. */
function newestFirst(docs: number[], doc: number): void {
  let i = 0;
  while (i < docs.length && docs[i]! > doc) i++;
  if (i >= STORY_INDEX.postings) return;
  docs.splice(i, 0, doc);
  if (docs.length > STORY_INDEX.postings) docs.pop();
}

function count(into: Map<string, number>, keys: readonly string[], sign: number): void {
  for (const k of keys) into.set(k, (into.get(k) ?? 0) + sign);
}

const sameList = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
