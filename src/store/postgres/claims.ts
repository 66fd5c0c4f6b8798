import { assertionsOf, rulesVersion, type Assertion } from '../../claims/assertions.js';
import type { ClaimRow } from '../../claims/build.js';
import type { NewsRecord } from '../../output/record.js';
import { claimRowsSql, uniqueClaimRows } from '../claim-rows.js';
import type { ClaimRowQuery } from '../store.js';
import { all, insertRows, one, run, type Db } from './db.js';

const COLUMNS = ['doc', 'seq', 'kind', 'subject', 'other', 'speaker', 'key', 'day', 'lo', 'hi', 'negated', 'start', 'end', 'detail'];

/**
 * The claim tables of the PostgreSQL store (as SqliteClaims for SQLite): one row per assertion
 * a stored record makes, written and removed with the record in its transaction.
 */
export class PgClaims {
  /** The entity ids a record's assertions are about, to be led through merges before `write`. */
  idsOf(rec: NewsRecord): { assertions: Assertion[]; ids: Set<string> } {
    const assertions = assertionsOf(rec);
    const ids = new Set<string>();
    for (const a of assertions) for (const id of [a.subject, a.other, a.speaker]) if (id !== undefined) ids.add(id);
    return { assertions, ids };
  }

  /** The record's assertions, their entity ids led through merges by `current`, in one INSERT. */
  async write(db: Db, doc: number, assertions: readonly Assertion[], current: (id: string) => string): Promise<void> {
    await insertRows(db, 'claim_rows', COLUMNS, assertions.map((a) => [
      doc, a.seq, a.kind, current(a.subject), a.other === undefined ? null : current(a.other),
      a.speaker === undefined ? null : current(a.speaker), a.key, a.day ?? null, a.lo ?? null, a.hi ?? null,
      !!a.negated, a.start, a.end, JSON.stringify(a.detail),
    ]));
  }

  /** An entity merged into another: the assertions about it are about the other. */
  async fold(db: Db, intoKey: string, fromKey: string): Promise<void> {
    for (const col of ['subject', 'other', 'speaker']) await run(db, `UPDATE claim_rows SET ${col} = ? WHERE ${col} = ?`, [intoKey, fromKey]);
  }

  /** Whether the rows were derived by this build's rules. */
  async current(db: Db): Promise<boolean> {
    return (await one(db, 'SELECT version FROM claim_rules'))?.version === rulesVersion();
  }

  /** Marks the rows as derived by this build's rules, after `DELETE FROM claim_rows` and writing them again. */
  async stamp(db: Db): Promise<void> {
    await run(db, 'DELETE FROM claim_rules');
    await run(db, 'INSERT INTO claim_rules (version) VALUES (?)', [rulesVersion()]);
  }

  /** Assertions, newest first: about an entity (either side), or of one kind and key in a period. */
  async rows(db: Db, q: ClaimRowQuery, entity?: string): Promise<ClaimRow[]> {
    const read = (side?: 'subject' | 'other') => {
      const { sql, args } = claimRowsSql(q, side, entity);
      return all(db, sql, args);
    };
    return uniqueClaimRows(entity === undefined ? await read() : [...await read('subject'), ...await read('other')]);
  }
}
