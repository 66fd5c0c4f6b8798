import type pg from 'pg';

export type Row = Record<string, unknown>;

/** A pool (reads) or a client checked out for one transaction (writes). */
export type Db = Pick<pg.ClientBase, 'query'>;

/**
 * Advisory lock keys (any 64-bit numbers, fixed so every process takes the same ones).
 * `write`: the knowledge-base and story part of every write. `schema`: migrations.
 */
export const LOCKS = { write: 0x6e67_6b62, schema: 0x6e67_7363 } as const;

const converted = new Map<string, string>();

/**
 * The SQL with each `?` turned into `$1`, `$2`… in order, so the statements read like the
 * SQLite store's. The SQL of this store never has a `?` of its own (no jsonb `?` operators).
 */
export function positional(sql: string): string {
  let out = converted.get(sql);
  if (out === undefined) {
    let n = 0;
    out = sql.replace(/\?/g, () => `$${++n}`);
    if (converted.size > 2000) converted.clear();
    converted.set(sql, out);
  }
  return out;
}

export async function all(db: Db, sql: string, args: readonly unknown[] = []): Promise<Row[]> {
  return (await db.query(positional(sql), args as unknown[])).rows as Row[];
}

export async function one(db: Db, sql: string, args: readonly unknown[] = []): Promise<Row | undefined> {
  return (await all(db, sql, args))[0];
}

export async function run(db: Db, sql: string, args: readonly unknown[] = []): Promise<number> {
  return (await db.query(positional(sql), args as unknown[])).rowCount ?? 0;
}

/** PostgreSQL's unique_violation, with the constraint it names. */
export function uniqueViolation(err: unknown): string | undefined {
  const e = err as { code?: unknown; constraint?: unknown } | null;
  return e?.code === '23505' ? String(e.constraint ?? '') : undefined;
}

/**
 * One INSERT of many rows: `rows` of cells in `columns` order, split so no statement passes
 * PostgreSQL's 65,535 parameters. `suffix` follows the VALUES (ON CONFLICT …).
 */
export async function insertRows(db: Db, table: string, columns: readonly string[], rows: readonly (readonly unknown[])[], suffix = ''): Promise<void> {
  const per = Math.max(1, Math.floor(60_000 / columns.length));
  for (let i = 0; i < rows.length; i += per) {
    const chunk = rows.slice(i, i + per);
    const args: unknown[] = [];
    const values = chunk.map((cells) => `(${cells.map((c) => { args.push(c ?? null); return `$${args.length}`; }).join(', ')})`);
    await db.query(`INSERT INTO ${table} (${columns.map((c) => `"${c}"`).join(', ')}) VALUES ${values.join(', ')} ${suffix}`, args);
  }
}
