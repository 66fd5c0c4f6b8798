import type { Assertion } from '../claims/assertions.js';
import type { ClaimRow } from '../claims/build.js';
import type { ClaimRowQuery } from './store.js';

/** Most assertions one query reads: the newest, per side of the entity. */
export const CLAIM_ROWS_MAX = 10_000;
const CLAIM_ROWS_DEFAULT = 5_000;

/**
 * The SQL (with `?` parameters, the same for SQLite and PostgreSQL) that reads assertions
 * newest first: about an entity on one side (`side`), else of a kind and key in a period.
 */
export function claimRowsSql(q: ClaimRowQuery, side?: 'subject' | 'other', entity?: string): { sql: string; args: unknown[] } {
  const limit = Math.max(1, Math.min(CLAIM_ROWS_MAX, Math.floor(q.limit ?? CLAIM_ROWS_DEFAULT)));
  const where: string[] = side ? [`c.${side} = ?`] : [];
  const args: unknown[] = side ? [entity] : [];
  if (q.kind) { where.push('c.kind = ?'); args.push(q.kind); }
  if (q.key) { where.push('c.key = ?'); args.push(q.key); }
  if (q.from) { where.push('c.day >= ?'); args.push(q.from); }
  if (q.to) { where.push('c.day <= ?'); args.push(`${q.to}\uffff`); }
  const sql = `SELECT c.*, d.id AS doc_id, d.outlet, d.published, d.copy_of, d.source, es.name AS subject_name, eo.name AS other_name, ep.name AS speaker_name
    FROM claim_rows c JOIN documents d ON d.rowid = c.doc
    LEFT JOIN entities es ON es.key = c.subject LEFT JOIN entities eo ON eo.key = c.other LEFT JOIN entities ep ON ep.key = c.speaker
    ${where.length ? `WHERE ${where.join(' AND ')}` : ''} ORDER BY c.day DESC NULLS LAST, c.doc DESC, c.seq LIMIT ?`;
  return { sql, args: [...args, limit] };
}

/** The rows of both sides as claim rows, each assertion once. */
export function uniqueClaimRows(rows: readonly Record<string, unknown>[]): ClaimRow[] {
  const seen = new Set<string>();
  const out: ClaimRow[] = [];
  for (const r of rows) {
    const k = `${r.doc}#${r.seq}`;
    if (!seen.has(k)) { seen.add(k); out.push(claimRowFrom(r)); }
  }
  return out;
}

/** A claim row as either store reads it (SQLite's negated is 0 or 1, PostgreSQL's a boolean). */
export function claimRowFrom(r: Record<string, unknown>): ClaimRow {
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
