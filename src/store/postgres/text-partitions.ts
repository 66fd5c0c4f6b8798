import type pg from 'pg';
import { LOCKS } from './db.js';

/**
 * `texts` is partitioned by ranges of rowids, TEXT_PARTITION_ROWS each (`texts_0`, `texts_1`,
 * ...), so that a search reading the newest matches range by range (PgStore.newestMatches)
 * reads the text index of the partitions it needs, not the posting list of a word over every
 * text: at a million documents a common word's list is a hundred thousand entries, a
 * partition's a few thousand.
 */
export const TEXT_PARTITION_ROWS = 65_536;

/** The statement creating partition `k` of `texts` when it is missing. */
export const textPartitionSql = (k: number) =>
  `CREATE TABLE IF NOT EXISTS texts_${k} PARTITION OF texts FOR VALUES FROM (${k * TEXT_PARTITION_ROWS}) TO (${(k + 1) * TEXT_PARTITION_ROWS})`;

/**
 * Makes sure `texts` has a partition for every rowid up to the end of the partition after the
 * one holding `rowid`, and returns that end: a writer calls again only once its rowids reach the
 * partition made ahead, so a partition is made before any writer needs it. Runs in a transaction
 * of its own on `c` (a client in no transaction: creating a partition locks the whole table,
 * which must not wait on the caller's own writes), under an advisory lock so that two processes
 * do not create the same partition.
 */
export async function ensureTextPartitions(c: pg.ClientBase, rowid: number): Promise<number> {
  const last = Math.floor(Math.max(0, rowid) / TEXT_PARTITION_ROWS) + 1;
  await c.query('BEGIN');
  try {
    await c.query('SELECT pg_advisory_xact_lock($1)', [LOCKS.partitions]);
    const have = new Set((await c.query<{ name: string }>(
      "SELECT c.relname AS name FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'texts'::regclass",
    )).rows.map((r) => r.name));
    for (let k = 0; k <= last; k++) if (!have.has(`texts_${k}`)) await c.query(textPartitionSql(k));
    await c.query('COMMIT');
  } catch (err) {
    await c.query('ROLLBACK').catch(() => undefined);
    throw err;
  }
  return last * TEXT_PARTITION_ROWS;
}

/** Whether an insert failed for want of a partition of texts for its rowid. */
export function noPartition(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown } | null;
  return e?.code === '23514' && /no partition of relation "texts"/.test(String(e.message ?? ''));
}
