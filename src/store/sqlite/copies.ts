import type Database from 'better-sqlite3';
import type { NewsRecord } from '../../output/record.js';
import { outletOf } from '../../stories/outlets.js';
import { indexed } from '../../stories/copies.js';
import { sketch } from '../../stories/shingles.js';
import { copyCandidate, docSource } from '../results.js';
import { CopySketchSummary } from './copy-summary.js';
import { COPY_POSTINGS_MAX, type CopyCandidate, type CopyQuery, type DocSource } from '../store.js';

type Row = Record<string, unknown>;

/** Tables that hang off a document here, cleared when it is replaced (deleted with it by cascade). */
export const COPY_TABLES = ['copy_sketch', 'copy_sketch_mid', 'copy_sketch_new', 'copy_lines'] as const;

/**
 * The copies index of the SQLite store (src/stories): each indexed document's sampled shingles
 * (originals, and copies with much text of their own: `indexed`), and each original's first
 * and last lines under its outlet, from which boilerplate is learned. A copy's lines are not
 * counted: counting them again would make a much-republished article its outlet's boilerplate.
 */
const SQL = {
  // A document's hashes in one statement each, not one per hash.
  // To the recent postings, moved into copy_sketch in order later (recent-postings.ts).
  addSketch: 'INSERT OR IGNORE INTO copy_sketch_new (hash, doc) SELECT value, ? FROM json_each(?) WHERE true',
  addLines: 'INSERT OR IGNORE INTO copy_lines (outlet, hash, doc) SELECT ?, value, ? FROM json_each(?) WHERE true',
  // Each hash of a JSON array with its postings, one more than the cap: one call, not one per hash.
  // (Those of copy_sketch_new are the summary's, in memory.)
  postings: `SELECT j.key AS i, (SELECT json_group_array(doc) FROM (SELECT doc FROM copy_sketch WHERE hash = j.value
               UNION ALL SELECT doc FROM copy_sketch_mid WHERE hash = j.value LIMIT ${COPY_POSTINGS_MAX + 1})) AS docs FROM json_each(?) j`,
  // Documents of the outlet with each line of a JSON array (up to a cap), in its order: one call, not one per line.
  lineDocs: `SELECT (SELECT count(*) FROM (SELECT 1 FROM copy_lines WHERE outlet = ? AND hash = j.value AND doc < ? LIMIT ?)) AS n
             FROM json_each(?) j ORDER BY j.key`,
  rowOf: 'SELECT rowid FROM documents WHERE id = ?',
  candidate: `SELECT d.rowid, d.id, d.published, d.outlet, d.source, f.text FROM documents d
              JOIN documents_fts f ON f.rowid = d.rowid WHERE d.rowid = ?`,
  source: `SELECT id, source, copy_of, outlet, published FROM documents WHERE id = ?
           UNION ALL SELECT id, source, copy_of, outlet, published FROM documents WHERE hash = ? LIMIT 1`,
};

export class SqliteCopies {
  private readonly prepared = new Map<keyof typeof SQL, Database.Statement>();
  private summaryOf?: CopySketchSummary;

  constructor(private readonly db: Database.Database) {}

  /** Made on first use, as the statements: a database opened read-only at an older schema has no summary table. */
  get summary(): CopySketchSummary {
    return (this.summaryOf ??= new CopySketchSummary(this.db));
  }

  /** Prepared on first use: a database opened read-only at an older schema has no copies tables. */
  private st(name: keyof typeof SQL): Database.Statement {
    let st = this.prepared.get(name);
    if (!st) this.prepared.set(name, (st = this.db.prepare(SQL[name])));
    return st;
  }

  /** A write was rolled back: the summary is read again from the tables. */
  rolledBack(): void {
    this.summaryOf?.rolledBack();
  }

  /** A document left: its recent postings are read again from the table at next use. */
  removed(): void {
    this.summaryOf?.recent.forget();
  }

  /** Writes the index rows of a record just stored under row `doc`. */
  add(doc: number, rec: NewsRecord): void {
    if (!indexed(rec)) return;
    const sk = sketch(rec.text);
    if (sk.sample.length) {
      this.st('addSketch').run(doc, JSON.stringify(sk.sample));
      this.summaryOf?.added(doc, sk.sample);
    }
    if (rec.copyOf || !sk.edges.length) return;
    const outlet = outletOf(rec.meta ?? {}) ?? '';
    this.st('addLines').run(outlet, doc, JSON.stringify(sk.edges.map((i) => sk.lines[i])));
  }

  /** Rows stored before document `id` (all when it is not stored). */
  private limitOf(before?: string): number {
    const r = before === undefined ? undefined : (this.st('rowOf').get(before) as Row | undefined);
    return r ? Number(r.rowid) : Number.MAX_SAFE_INTEGER;
  }

  candidates(sample: readonly number[], opts: CopyQuery = {}): CopyCandidate[] {
    const limit = this.limitOf(opts.before);
    const shared = new Map<number, number>();
    const recent = this.summary.recent.postings();
    const hashes = [...new Set(sample)];
    const held = this.summary.mayHoldOf(hashes);
    const moved = held.length ? (this.st('postings').all(JSON.stringify(held)) as Row[]) : [];
    const docsOf = new Map(moved.map((r) => [held[Number(r.i)]!, JSON.parse(String(r.docs)) as number[]]));
    for (const h of hashes) {
      const docs = [...(docsOf.get(h) ?? []), ...(recent.get(h) ?? [])];
      if (docs.length > COPY_POSTINGS_MAX) continue;
      for (const d of docs) if (d < limit) shared.set(d, (shared.get(d) ?? 0) + 1);
    }
    const min = opts.minShared ?? 1;
    return [...shared].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, opts.limit ?? 5).map(([doc, n]) => {
      return copyCandidate(this.st('candidate').get(doc) as Row, n, doc);
    });
  }

  lines(outlet: string, hashes: readonly number[], opts: { before?: string; cap?: number } = {}): number[] {
    const limit = this.limitOf(opts.before);
    const cap = Math.max(1, opts.cap ?? 10);
    if (!hashes.length) return [];
    return (this.st('lineDocs').all(outlet, limit, cap, JSON.stringify(hashes)) as Row[]).map((r) => Number(r.n));
  }

  sources(ids: readonly string[]): DocSource[] {
    const out: DocSource[] = [];
    for (const id of ids) {
      const r = this.st('source').get(id, id) as Row | undefined;
      if (!r) continue;
      out.push(docSource(r));
    }
    return out;
  }
}
