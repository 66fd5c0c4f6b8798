import { NewsgraphError } from '../../core/errors.js';
import { Lru } from '../../core/lru.js';
import type { NewsRecord } from '../../output/record.js';
import { addToCentroid, asCentroid, centroidFromJson, centroidToJson, emptyCentroid, mergeCentroids, withoutDocument, type CentroidData } from '../../stories/story-centroid.js';
import { storyFeatures, type StoryFeatures } from '../../stories/story-features.js';
import { featuresFromJson, featuresToJson, indexKeys, settleRange, STORY_INDEX, storyIdFor, vectorFromJson, vectorToJson, weightKeys } from '../../stories/story-index.js';
import { withPrior } from '../../stories/story-prior.js';
import { docVectors, type StoryCentroid, type StoryStats } from '../../stories/story-score.js';
import { storyDoc } from '../results.js';
import type { StoryChooser, StoryDetail, StoryInfo, StoryPool } from '../store.js';
import { all, insertRows, one, run, type Db, type Row } from './db.js';
import { followAll } from './kb.js';

/**
 * The story tables of the PostgreSQL store (as SqliteStories for SQLite): each document's
 * story and features, the index that finds candidates, document frequencies, redirects of
 * merged story ids. Written by put() and replace() in their transaction.
 */
export class PgStories {
  /** The features and frequencies clustering just weighed, kept for the write that files the document. */
  private lastStats?: { doc: string; stats: StoryStats; features: StoryFeatures };
  /** Stories' centroids as last read, while their number of documents stays the same. */
  private readonly centroids = new Lru<number, { documents: number; centroid: CentroidData }>(20_000);

  async current(db: Db, id: string): Promise<string> {
    return (await followAll(db, 'story_redirects', [id])).get(id)!;
  }

  private async stats(db: Db, keys: readonly string[]): Promise<StoryStats> {
    const df = new Map<string, number>();
    for (const r of await all(db, 'SELECT key, documents FROM story_df WHERE key = ANY(?::text[])', [[...new Set(['', ...keys])]])) {
      df.set(String(r.key), Number(r.documents));
    }
    return withPrior({ documents: df.get('') ?? 0, df });
  }

  private async bump(db: Db, f: StoryFeatures, sign: 1 | -1): Promise<void> {
    // A key listed twice counts twice, as SQLite's json_each reads it.
    await run(db, `INSERT INTO story_df (key, documents) SELECT k, count(*) * ? FROM unnest(?::text[]) AS k GROUP BY k
      ON CONFLICT (key) DO UPDATE SET documents = story_df.documents + excluded.documents`, [sign, ['', ...weightKeys(f)]]);
    this.lastStats = undefined;
  }

  /** Files a stored document under its record's story (kb ids led through merges: `kbCurrent` reads where they lead). */
  async add(db: Db, doc: number, rec: NewsRecord, kbCurrent: (ids: readonly string[]) => Promise<(id: string) => string>): Promise<void> {
    if (!rec.story) return;
    const base = (this.lastStats?.doc === rec.id ? this.lastStats.features : undefined) ?? storyFeatures(rec);
    const current = await kbCurrent(base.entities);
    await this.file(db, doc, rec.id, rec.story, { ...base, entities: [...new Set(base.entities.map(current))] });
  }

  /** `counted`: the document's words are in the frequencies already (it is being weighed again). */
  private async file(db: Db, doc: number, docId: string, storyId: string, f: StoryFeatures, counted = false): Promise<void> {
    const last = this.lastStats?.doc === docId ? this.lastStats : undefined;
    const story = Number((await one(db, `INSERT INTO stories (id, documents) VALUES (?, 1)
      ON CONFLICT (id) DO UPDATE SET documents = stories.documents + 1 RETURNING rowid`, [await this.current(db, storyId)]))!.rowid);
    const stats = last?.stats ?? await this.stats(db, weightKeys(f));
    const json = featuresToJson(f);
    const v = docVectors(f, stats);
    await run(db, 'INSERT INTO story_docs (doc, story, features, vector, terms) VALUES (?, ?, ?, ?, ?)', [doc, story, json.features, vectorToJson(v.words), json.terms]);
    await insertRows(db, 'story_keys', ['key', 'doc'], [...indexKeys(f, stats).keys()].map((k) => [k, doc]), 'ON CONFLICT DO NOTHING');
    if (!counted) await this.bump(db, f, 1);
    await this.updateCentroid(db, story, (c) => addToCentroid(c, v, f, 1));
  }

  private async updateCentroid(db: Db, story: number, change: (c: CentroidData) => void): Promise<void> {
    const r = await one(db, 'SELECT centroid FROM stories WHERE rowid = ?', [story]);
    if (!r) return;
    const c = r.centroid ? centroidFromJson(String(r.centroid)) : emptyCentroid();
    change(c);
    await run(db, 'UPDATE stories SET centroid = ? WHERE rowid = ?', [centroidToJson(c), story]);
    this.centroids.delete(story);
  }

  /** Takes a document out of its story, its postings and the frequencies. */
  async remove(db: Db, doc: number): Promise<void> {
    const r = await this.docOf(db, doc);
    if (r) await this.takeOut(db, doc, r, featuresFromJson(String(r.features), String(r.terms)));
  }

  /** A stored document's story row, features and vector, with its story's id and size. */
  private docOf(db: Db, doc: number): Promise<Row | undefined> {
    return one(db, `SELECT sd.story, sd.features, sd.terms, sd.vector, s.id, s.documents FROM story_docs sd
      JOIN stories s ON s.rowid = sd.story WHERE sd.doc = ?`, [doc]);
  }

  /**
   * Takes a document (its row `r`, features `f`) out of its story and its postings. Being
   * weighed again (`again`, with its frequencies read), it stays counted in the frequencies and
   * its story stays even when left empty, so a document alone in it comes back to the same row.
   */
  private async takeOut(db: Db, doc: number, r: Row, f: StoryFeatures, again?: { stats: StoryStats }): Promise<void> {
    // Its words as they were added; its entities and places weighed as they are now (close enough).
    const v = { ...docVectors(f, again?.stats ?? await this.stats(db, weightKeys(f))), words: vectorFromJson(String(r.vector)) };
    await this.updateCentroid(db, Number(r.story), (c) => addToCentroid(c, v, f, -1));
    if (!again) await this.bump(db, f, -1);
    await run(db, 'DELETE FROM story_keys WHERE doc = ?', [doc]);
    await run(db, 'DELETE FROM story_docs WHERE doc = ?', [doc]);
    await run(db, 'UPDATE stories SET documents = documents - 1 WHERE rowid = ?', [r.story]);
    if (!again) await run(db, 'DELETE FROM stories WHERE rowid = ? AND documents <= 0', [r.story]);
  }

  async pool(db: Db, docId: string, f: StoryFeatures, known?: StoryStats): Promise<StoryPool> {
    const stats = known ?? await this.stats(db, weightKeys(f));
    this.lastStats = { doc: docId, stats, features: f };
    // Each stored document found scores the weight of the keys it was found by; every key's
    // newest postings in one query.
    const keys = indexKeys(f, stats);
    const found = new Map<number, number>();
    if (keys.size) {
      const postings = await all(db, `SELECT k.key, p.doc FROM unnest(?::text[]) AS k(key)
        CROSS JOIN LATERAL (SELECT doc FROM story_keys WHERE key = k.key ORDER BY doc DESC LIMIT ${STORY_INDEX.postings}) p`, [[...keys.keys()]]);
      for (const r of postings) found.set(Number(r.doc), (found.get(Number(r.doc)) ?? 0) + keys.get(String(r.key))!);
    }
    const docs = [...found].sort((a, b) => b[1] - a[1] || b[0] - a[0]).slice(0, STORY_INDEX.candidates);
    const rows = docs.length
      ? await all(db, `SELECT s.rowid, s.id, s.documents, min(h.i) AS first FROM unnest(?::bigint[]) WITH ORDINALITY AS h(doc, i)
          JOIN story_docs sd ON sd.doc = h.doc JOIN stories s ON s.rowid = sd.story GROUP BY s.rowid ORDER BY first`, [docs.map(([d]) => d)])
      : [];
    const order: Record<string, number> = {};
    const stories: StoryCentroid[] = [];
    const stale = rows.filter((r) => this.centroids.get(Number(r.rowid))?.documents !== Number(r.documents));
    if (stale.length) {
      for (const c of await all(db, 'SELECT rowid, documents, centroid FROM stories WHERE rowid = ANY(?::bigint[])', [stale.map((r) => r.rowid)])) {
        this.centroids.set(Number(c.rowid), { documents: Number(c.documents), centroid: centroidFromJson(String(c.centroid)) });
      }
    }
    for (const r of rows) {
      const hit = this.centroids.get(Number(r.rowid));
      if (!hit) continue;
      const c = asCentroid(String(r.id), hit.centroid);
      order[c.story] = Number(r.rowid);
      stories.push(c);
    }
    const own = await one(db, `SELECT s.id, s.documents FROM documents d JOIN story_docs sd ON sd.doc = d.rowid JOIN stories s ON s.rowid = sd.story WHERE d.id = ?`, [docId]);
    // Every id a new story of this document could take that is taken already, read at once.
    const base = `story:${docId}`;
    const taken = new Set((await all(db, `SELECT id FROM stories WHERE id = ? OR starts_with(id, ?)
      UNION ALL SELECT old FROM story_redirects WHERE old = ? OR starts_with(old, ?)`, [base, `${base}~`, base, `${base}~`])).map((r) => String(r.id)));
    return {
      ...stats, stories, order,
      ...(own ? { own: { story: String(own.id), alone: Number(own.documents) <= 1 } } : {}),
      newId: storyIdFor(docId, (id) => taken.has(id)),
    };
  }

  /** Stories of two documents or more grown to twice their size since they were last settled, oldest first. */
  async unsettled(db: Db, limit: number): Promise<string[]> {
    return (await all(db, 'SELECT id FROM stories WHERE documents >= 2 AND documents >= 2 * settled ORDER BY rowid LIMIT ?', [limit])).map((r) => String(r.id));
  }

  /**
   * Weighs again the story's first documents that joined it young and were not weighed since
   * (settleRange), each taken out of it first: `choose` names where it belongs now among the
   * stories its index finds (undefined: a story of its own). Documents that belong elsewhere
   * move, their records via `relabel`. The story is settled at its size. Returns the number of
   * documents moved.
   */
  async settle(db: Db, id: string, choose: StoryChooser, docs: number, relabel: (docs: number[], story: string) => Promise<void>): Promise<number> {
    const story = await one(db, 'SELECT rowid, documents, settled FROM stories WHERE id = ?', [await this.current(db, id)]);
    if (!story) return 0;
    let moved = 0;
    const [from, to] = settleRange(Number(story.settled), Number(story.documents), docs);
    const first = to > from ? await all(db, `SELECT sd.doc, d.id FROM story_docs sd JOIN documents d ON d.rowid = sd.doc
      WHERE sd.story = ? ORDER BY sd.doc LIMIT ? OFFSET ?`, [story.rowid, to - from, from]) : [];
    for (const m of first) {
      const doc = Number(m.doc);
      const r = (await this.docOf(db, doc))!;
      const f = featuresFromJson(String(r.features), String(r.terms));
      const own = String(r.id);
      // Weighed as if it were not stored: its own story without it. Nothing is written unless it moves.
      const stats = await this.stats(db, weightKeys(f));
      const found = await this.pool(db, String(m.id), f, stats);
      const v = { ...docVectors(f, stats), words: vectorFromJson(String(r.vector)) };
      const pool = { ...found, stories: found.stories.map((c) => (c.story === own ? withoutDocument(c, v, f) : c)) };
      // Alone in its story and fitting no other, it stays where it is.
      const target = await this.current(db, choose(f, pool) ?? (Number(r.documents) <= 1 ? own : found.newId));
      if (target === own) continue;
      await this.takeOut(db, doc, r, f, { stats });
      await this.file(db, doc, String(m.id), target, f, true);
      await relabel([doc], target);
      moved++;
    }
    await run(db, 'UPDATE stories SET settled = greatest(documents, 1) WHERE rowid = ?', [story.rowid]);
    await run(db, 'DELETE FROM stories WHERE rowid = ? AND documents <= 0', [story.rowid]);
    return moved;
  }

  /** Moves `from`'s documents to `into` (their records via `relabel`); `from` redirects. */
  async merge(db: Db, into: string, from: string, relabel: (docs: number[], story: string) => Promise<void>): Promise<void> {
    const a = await this.known(db, into), b = await this.known(db, from);
    if (Number(a.rowid) === Number(b.rowid)) return;
    await relabel((await all(db, 'SELECT doc FROM story_docs WHERE story = ?', [b.rowid])).map((r) => Number(r.doc)), String(a.id));
    await run(db, 'UPDATE story_docs SET story = ? WHERE story = ?', [a.rowid, b.rowid]);
    await run(db, 'UPDATE stories SET documents = documents + ? WHERE rowid = ?', [b.documents, a.rowid]);
    const merged = centroidFromJson(String((await one(db, 'SELECT centroid FROM stories WHERE rowid = ?', [b.rowid]))!.centroid));
    await this.updateCentroid(db, Number(a.rowid), (c) => mergeCentroids(c, merged));
    await run(db, 'DELETE FROM stories WHERE rowid = ?', [b.rowid]);
    await run(db, 'UPDATE story_redirects SET new = ? WHERE new = ?', [a.id, b.id]);
    await run(db, 'INSERT INTO story_redirects (old, new) VALUES (?, ?) ON CONFLICT (old) DO UPDATE SET new = excluded.new', [b.id, a.id]);
  }

  private async known(db: Db, id: string): Promise<Row> {
    const r = await one(db, 'SELECT rowid, id, documents FROM stories WHERE id = ?', [await this.current(db, id)]);
    if (!r) throw new NewsgraphError('stories.not-found', `no story "${id}"`, 404);
    return r;
  }

  async list(db: Db, limit: number, offset: number): Promise<StoryInfo[]> {
    const rows = await all(db, 'SELECT rowid, id, documents FROM stories ORDER BY documents DESC, rowid LIMIT ? OFFSET ?', [limit, offset]);
    return this.info(db, rows);
  }

  async detail(db: Db, id: string): Promise<StoryDetail | undefined> {
    const r = await one(db, 'SELECT rowid, id, documents FROM stories WHERE id = ?', [await this.current(db, id)]);
    if (!r) return undefined;
    const items = (await all(db, `SELECT d.id AS doc_id, d.title, d.outlet, d.published, d.copy_of,
        CASE WHEN d.title IS NULL THEN substr(t.text, 1, 300) END AS head
        FROM story_docs sd JOIN documents d ON d.rowid = sd.doc JOIN texts t ON t.rowid = sd.doc
        WHERE sd.story = ? ORDER BY d.published ASC NULLS LAST, d.rowid`, [r.rowid])).map(storyDoc);
    const formerIds = (await all(db, 'SELECT old FROM story_redirects WHERE new = ? ORDER BY old', [r.id])).map((x) => String(x.old));
    return { ...(await this.info(db, [r]))[0]!, items, formerIds };
  }

  /** Title, outlets and dates of stories, read from their documents' rows: three queries for the page. */
  private async info(db: Db, rs: readonly Row[]): Promise<StoryInfo[]> {
    if (!rs.length) return [];
    const ids = rs.map((r) => r.rowid);
    const firsts = await all(db, `SELECT DISTINCT ON (sd.story) sd.story, d.title, substr(t.text, 1, 300) AS head
      FROM story_docs sd JOIN documents d ON d.rowid = sd.doc JOIN texts t ON t.rowid = sd.doc
      WHERE sd.story = ANY(?::bigint[]) ORDER BY sd.story, d.published ASC NULLS LAST, d.rowid`, [ids]);
    const spans = await all(db, `SELECT sd.story, min(d.day) AS first, max(d.day) AS last FROM story_docs sd JOIN documents d ON d.rowid = sd.doc
      WHERE sd.story = ANY(?::bigint[]) GROUP BY sd.story`, [ids]);
    const outlets = await all(db, `SELECT story, outlet FROM (
        SELECT sd.story, d.outlet, min(coalesce(d.published, '~')) AS at, min(d.rowid) AS seq,
               row_number() OVER (PARTITION BY sd.story ORDER BY min(coalesce(d.published, '~')), min(d.rowid)) AS rank
        FROM story_docs sd JOIN documents d ON d.rowid = sd.doc WHERE sd.story = ANY(?::bigint[]) AND d.outlet IS NOT NULL
        GROUP BY sd.story, d.outlet) t WHERE rank <= 50 ORDER BY story, rank`, [ids]);
    const by = (rows: Row[]) => new Map(rows.map((x) => [Number(x.story), x]));
    const first = by(firsts), span = by(spans);
    return rs.map((r) => {
      const f = first.get(Number(r.rowid)), s = span.get(Number(r.rowid));
      const title = f?.title != null ? String(f.title) : String(f?.head ?? '').trim().split('\n')[0]!.trim();
      return {
        id: String(r.id), title, documents: Number(r.documents),
        outlets: outlets.filter((o) => Number(o.story) === Number(r.rowid)).map((o) => String(o.outlet)),
        ...(s?.first != null ? { first: String(s.first) } : {}),
        ...(s?.last != null ? { last: String(s.last) } : {}),
      };
    });
  }
}
