import type Database from 'better-sqlite3';
import { assertionsOf, rulesVersion } from '../../claims/assertions.js';
import type { ClaimRow } from '../../claims/build.js';
import type { NewsRecord } from '../../output/record.js';
import { claimRowsSql, uniqueClaimRows } from '../claim-rows.js';
import type { ClaimRowQuery } from '../store.js';

type Row = Record<string, unknown>;

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
    const read = (side?: 'subject' | 'other') => {
      const { sql, args } = claimRowsSql(q, side, entity);
      return this.prepared(sql).all(...args) as Row[];
    };
    return uniqueClaimRows(entity === undefined ? read() : [...read('subject'), ...read('other')]);
  }

  private prepared(sql: string): Database.Statement {
    let st = this.cache.get(sql);
    if (!st) this.cache.set(sql, (st = this.db.prepare(sql)));
    return st;
  }
}
