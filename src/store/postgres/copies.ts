import type { NewsRecord } from '../../output/record.js';
import { indexed } from '../../stories/copies.js';
import { outletOf } from '../../stories/outlets.js';
import { sketch } from '../../stories/shingles.js';
import { copyCandidate, docSource } from '../results.js';
import { COPY_POSTINGS_MAX, type CopyCandidate, type CopyQuery, type DocSource } from '../store.js';
import { all, insertRows, one, type Db } from './db.js';

/**
 * The copies index of the PostgreSQL store (as SqliteCopies for SQLite): each indexed
 * document's sampled shingles, and each original's first and last lines under its outlet.
 * Every read is one query however many hashes it is asked about.
 */
export class PgCopies {
  /** Writes the index rows of a record just stored under row `doc`. */
  async add(db: Db, doc: number, rec: NewsRecord): Promise<void> {
    if (!indexed(rec)) return;
    const sk = sketch(rec.text);
    await insertRows(db, 'copy_sketch', ['hash', 'doc'], [...new Set(sk.sample)].map((h) => [h, doc]), 'ON CONFLICT DO NOTHING');
    if (rec.copyOf) return;
    const outlet = outletOf(rec.meta ?? {}) ?? '';
    const lines = [...new Set(sk.edges.map((i) => sk.lines[i]!))];
    await insertRows(db, 'copy_lines', ['outlet', 'hash', 'doc'], lines.map((h) => [outlet, h, doc]), 'ON CONFLICT DO NOTHING');
  }

  /** Rows stored before document `id` (all when it is not stored). */
  private async limitOf(db: Db, before?: string): Promise<number> {
    const r = before === undefined ? undefined : await one(db, 'SELECT rowid FROM documents WHERE id = ?', [before]);
    return r ? Number(r.rowid) : Number.MAX_SAFE_INTEGER;
  }

  async candidates(db: Db, sample: readonly number[], opts: CopyQuery = {}): Promise<CopyCandidate[]> {
    const hashes = [...new Set(sample)];
    if (!hashes.length) return [];
    const limit = await this.limitOf(db, opts.before);
    // Each hash's postings, one more than the cap to tell common phrasing (left out) from the rest.
    const postings = await all(db, `SELECT h.hash, p.doc FROM unnest(?::bigint[]) AS h(hash)
      CROSS JOIN LATERAL (SELECT doc FROM copy_sketch WHERE hash = h.hash LIMIT ${COPY_POSTINGS_MAX + 1}) p`, [hashes]);
    const byHash = new Map<number, number[]>();
    for (const r of postings) {
      const list = byHash.get(Number(r.hash)) ?? [];
      list.push(Number(r.doc));
      byHash.set(Number(r.hash), list);
    }
    const shared = new Map<number, number>();
    for (const docs of byHash.values()) {
      if (docs.length > COPY_POSTINGS_MAX) continue;
      for (const d of docs) if (d < limit) shared.set(d, (shared.get(d) ?? 0) + 1);
    }
    const min = opts.minShared ?? 1;
    const best = [...shared].filter(([, n]) => n >= min).sort((a, b) => b[1] - a[1] || a[0] - b[0]).slice(0, opts.limit ?? 5);
    if (!best.length) return [];
    const rows = new Map((await all(db, `SELECT d.rowid, d.id, d.published, d.outlet, d.source, t.text FROM documents d
      JOIN texts t ON t.rowid = d.rowid WHERE d.rowid = ANY(?::bigint[])`, [best.map(([doc]) => doc)])).map((r) => [Number(r.rowid), r]));
    return best.filter(([doc]) => rows.has(doc)).map(([doc, n]) => {
      return copyCandidate(rows.get(doc)!, n, doc);
    });
  }

  async lines(db: Db, outlet: string, hashes: readonly number[], opts: { before?: string; cap?: number } = {}): Promise<number[]> {
    if (!hashes.length) return [];
    const limit = await this.limitOf(db, opts.before);
    const cap = Math.max(1, Math.floor(opts.cap ?? 10));
    const rows = await all(db, `SELECT h.i, (SELECT count(*) FROM (SELECT 1 FROM copy_lines
        WHERE outlet = ? AND hash = h.hash AND doc < ? LIMIT ?) c) AS n
      FROM unnest(?::bigint[]) WITH ORDINALITY AS h(hash, i) ORDER BY h.i`, [outlet, limit, cap, hashes]);
    return rows.map((r) => Number(r.n));
  }

  async sources(db: Db, ids: readonly string[]): Promise<DocSource[]> {
    if (!ids.length) return [];
    const rows = await all(db, `SELECT h.i, d.id, d.source, d.copy_of, d.outlet, d.published FROM unnest(?::text[]) WITH ORDINALITY AS h(key, i)
      CROSS JOIN LATERAL (SELECT * FROM (SELECT 0 AS pref, id, source, copy_of, outlet, published FROM documents WHERE id = h.key
        UNION ALL SELECT 1, id, source, copy_of, outlet, published FROM documents WHERE hash = h.key) x ORDER BY pref LIMIT 1) d
      ORDER BY h.i`, [ids]);
    return rows.map(docSource);
  }
}
