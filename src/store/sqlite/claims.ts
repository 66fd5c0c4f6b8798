import type Database from 'better-sqlite3';
import { assertionsOf, rulesVersion, type Assertion } from '../../claims/assertions.js';
import type { ClaimRow } from '../../claims/build.js';
import type { NewsRecord } from '../../output/record.js';
import type { ClaimRowQuery } from '../store.js';

type Row = Record<string, unknown>;

/** Most assertions one query reads: the newest, per side of the entity. */
export const CLAIM_ROWS_MAX = 10_000;
const CLAIM_ROWS_DEFAULT = 5_000;

/**
 * The claim tables of the SQLite store: one row per assertion a stored record makes
 * (src/claims/assertions.ts), written and removed with the record in its transaction, with the
 * entity ids it is about kept current by merges. Claims are built from them on read.
 */
export class SqliteClaims {
  private readonly s: Record<string, Database.Statement>;
  private readonly cache = new Map<string, Database.Statement>();

  constructor(private readonly db: Database.Database, readonly writable: boolean) {
    const p = (sql: string) => db.prepare(sql);
    this.s = writable ? {
      ins: p(`INSERT INTO claim_rows (doc, seq, kind, subject, other, speaker, key, day, lo, hi, negated, start, "end", detail)
              VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`),
    } : {};
  }

  /** The record's assertions, their entity ids led through merges by `current`. */
  write(doc: number, rec: NewsRecord, current: (id: string) => string): void {
    for (const a of assertionsOf(rec)) {
      this.s.ins!.run(doc, a.seq, a.kind, current(a.subject), a.other === undefined ? null : current(a.other),
        a.speaker === undefined ? null : current(a.speaker), a.key, a.day ?? null, a.lo ?? null, a.hi ?? null,
        a.negated ? 1 : 0, a.start, a.end, JSON.stringify(a.detail));
    }
  }

  /** An entity merged into another: the assertions about it are about the other. */
  fold(intoKey: string, fromKey: string): void {
    for (const col of ['subject', 'other', 'speaker']) this.db.prepare(`UPDATE claim_rows SET ${col} = ? WHERE ${col} = ?`).run(intoKey, fromKey);
  }

  /**
   * Rows derived by other rules than this build's are derived again from the stored records,
   * once, when a writable store opens (the rows are a pure function of the record).
   */
  refresh(records: (after: number) => { rowid: number; rec: NewsRecord }[], current: (id: string) => string): void {
    const version = rulesVersion();
    const stored = () => this.db.prepare('SELECT version FROM claim_rules').pluck().get() as string | undefined;
    if (stored() === version) return;
    // Read again under the write lock: another process opening the store may have just done it.
    this.db.transaction(() => {
      if (stored() === version) return;
      this.db.exec('DELETE FROM claim_rows');
      for (let after = 0, page = records(after); page.length; page = records(after)) {
        for (const { rowid, rec } of page) this.write(rowid, rec, current);
        after = page[page.length - 1]!.rowid;
      }
      this.db.prepare('DELETE FROM claim_rules').run();
      this.db.prepare('INSERT INTO claim_rules (version) VALUES (?)').run(version);
    }).immediate();
  }

  /**
   * Assertions, newest first: about an entity (either side of it; two index ranges read newest
   * first and merged), or of one kind and key in a period (the kind-key-day index).
   */
  rows(q: ClaimRowQuery, entity?: string): ClaimRow[] {
    const limit = Math.max(1, Math.min(CLAIM_ROWS_MAX, Math.floor(q.limit ?? CLAIM_ROWS_DEFAULT)));
    const where: string[] = [];
    const args: unknown[] = [];
    if (q.kind) { where.push('c.kind = ?'); args.push(q.kind); }
    if (q.key) { where.push('c.key = ?'); args.push(q.key); }
    if (q.from) { where.push('c.day >= ?'); args.push(q.from); }
    if (q.to) { where.push('c.day <= ?'); args.push(`${q.to}\uffff`); }
    const read = (side?: 'subject' | 'other') => {
      const cond = [...(side ? [`c.${side} = ?`] : []), ...where];
      return this.prepared(`SELECT c.*, d.id AS doc_id, d.outlet, d.published, d.copy_of, d.source, es.name AS subject_name, eo.name AS other_name, ep.name AS speaker_name
        FROM claim_rows c JOIN documents d ON d.rowid = c.doc
        LEFT JOIN entities es ON es.key = c.subject LEFT JOIN entities eo ON eo.key = c.other LEFT JOIN entities ep ON ep.key = c.speaker
        ${cond.length ? `WHERE ${cond.join(' AND ')}` : ''} ORDER BY c.day DESC, c.doc DESC, c.seq LIMIT ?`)
        .all(...(side ? [entity] : []), ...args, limit) as Row[];
    };
    const rows = entity === undefined ? read() : [...read('subject'), ...read('other')];
    const seen = new Set<string>();
    const out: ClaimRow[] = [];
    for (const r of rows) {
      const k = `${r.doc}#${r.seq}`;
      if (!seen.has(k)) { seen.add(k); out.push(claimRowFrom(r)); }
    }
    return out;
  }

  private prepared(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) this.cache.set(sql, (st = this.db.prepare(sql)));
    return st;
  }
}

/** A claim row as either store reads it (SQLite's negated is 0 or 1, PostgreSQL's a boolean). */
export function claimRowFrom(r: Row): ClaimRow {
  const opt = (k: string, v: unknown) => (v == null ? {} : { [k]: String(v) });
  const a: Assertion = {
    kind: String(r.kind) as Assertion['kind'], seq: Number(r.seq), subject: String(r.subject),
    ...opt('other', r.other), ...opt('speaker', r.speaker), key: String(r.key), ...opt('day', r.day),
    ...(r.lo != null ? { lo: Number(r.lo) } : {}), ...(r.hi != null ? { hi: Number(r.hi) } : {}),
    ...(Number(r.negated) ? { negated: true } : {}),
    start: Number(r.start), end: Number(r.end), detail: JSON.parse(String(r.detail)) as Assertion['detail'],
  };
  return {
    ...a, doc: String(r.doc_id), ...opt('outlet', r.outlet), ...opt('published', r.published),
    ...opt('copyOf', r.copy_of), ...opt('source', r.source),
    ...opt('subjectName', r.subject_name), ...opt('otherName', r.other_name), ...opt('speakerName', r.speaker_name),
  };
}
