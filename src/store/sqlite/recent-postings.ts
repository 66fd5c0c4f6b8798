import type Database from 'better-sqlite3';

/**
 * Posting tables (key -> documents) that every document adds dozens of rows to, each row under a
 * key of its own: written to one large B-tree, each row lands on a leaf of its own, and a group of
 * writes rewrites a page per row. They are written instead in tiers, as a log-structured index
 * is: a table of recent rows in document order (`<name>_new`, keyed by doc first: a group's rows
 * fill its last pages), moved every `every` documents in key order into a middle table
 * (`<name>_mid`, small, so a move rewrites few pages), itself moved into the large one every
 * `midMoves` moves (each of its leaves then written once for many rows, not once per move).
 * Readers look in the large and middle tables and in a connection's copy of the recent rows by
 * key (RecentView), read again after another connection's commit.
 */
export const RECENT_POSTINGS = { copy_sketch: 'hash, doc', story_keys: 'key, doc' } as const;

/** Documents stored between two moves of the recent postings. */
export const MERGE_EVERY = 2000;
/** Moves into the middle tables between two moves of them into the large ones (20,000 documents). */
export const MID_MOVES = 10;

/**
 * A connection's copy of one table of recent postings, by key (documents in ascending order): the
 * table is in document order, so a key is looked up here. Read again from the table after another
 * connection commits, after a rolled-back write and after a document leaves (`forget`).
 */
export class RecentView<K extends string | number> {
  private byKey?: Map<K, number[]>;
  private dataVersion = -1;
  private readonly rows: Database.Statement;
  private readonly version: Database.Statement;

  constructor(db: Database.Database, table: keyof typeof RECENT_POSTINGS) {
    const key = RECENT_POSTINGS[table].split(',')[0]!;
    this.rows = db.prepare(`SELECT ${key} AS k, doc FROM ${table}_new`);
    this.version = db.prepare('PRAGMA data_version').pluck();
  }

  /** The recent postings as the table holds them. */
  postings(): ReadonlyMap<K, readonly number[]> {
    const v = Number(this.version.get());
    if (this.byKey && v === this.dataVersion) return this.byKey;
    const byKey = new Map<K, number[]>();
    for (const r of this.rows.iterate() as IterableIterator<{ k: K; doc: number }>) {
      const docs = byKey.get(r.k);
      if (docs) docs.push(Number(r.doc));
      else byKey.set(r.k, [Number(r.doc)]);
    }
    this.dataVersion = v;
    return (this.byKey = byKey);
  }

  /** This connection wrote document `doc`'s postings under `keys`. */
  added(doc: number, keys: Iterable<K>): void {
    if (!this.byKey) return;
    for (const k of keys) {
      const docs = this.byKey.get(k);
      if (!docs) this.byKey.set(k, [doc]);
      else if (!docs.includes(doc)) {
        docs.push(doc);
        if (docs.length > 1 && docs[docs.length - 2]! > doc) docs.sort((a, b) => a - b);
      }
    }
  }

  /** Read the table again at next use. */
  forget(): void {
    this.byKey = undefined;
  }

  /** The rows moved out, in this connection's transaction. */
  moved(): void {
    if (this.byKey) this.byKey = new Map();
  }
}

/** What keeps a view of the postings (copy-summary.ts) and must follow a move, in its transaction. */
export interface MoveWatcher {
  beforeMove(): void;
  afterMove(): void;
}

export class RecentPostings {
  private readonly due: Database.Statement;
  private readonly moves: Database.Statement[];
  private readonly midMovesDone: Database.Statement;
  private readonly merges: Database.Statement[];
  private readonly marked: Database.Statement;

  constructor(private readonly db: Database.Database, private readonly every = MERGE_EVERY, private readonly midMoves = MID_MOVES) {
    // Documents stored since the last move (rows are numbered in order; a replacement keeps its row and is moved anyway).
    this.due = db.prepare('SELECT (SELECT coalesce(max(rowid), 0) FROM documents) - through FROM postings_moved').pluck();
    // Sorted in key order: the table written to is written leaf after leaf.
    const move = (from: string, to: string, cols: string) => [
      db.prepare(`INSERT OR IGNORE INTO ${to} (${cols}) SELECT ${cols} FROM ${from} ORDER BY ${cols}`),
      db.prepare(`DELETE FROM ${from}`),
    ];
    this.moves = Object.entries(RECENT_POSTINGS).flatMap(([t, cols]) => move(`${t}_new`, `${t}_mid`, cols));
    this.merges = Object.entries(RECENT_POSTINGS).flatMap(([t, cols]) => move(`${t}_mid`, t, cols));
    this.midMovesDone = db.prepare('SELECT mid_moves FROM postings_moved').pluck();
    this.marked = db.prepare('UPDATE postings_moved SET through = (SELECT coalesce(max(rowid), 0) FROM documents), mid_moves = ?');
  }

  /** Inside a write transaction, as it ends: moves the recent postings when `every` documents have come since the last move. */
  moveIfDue(...watchers: MoveWatcher[]): void {
    if (Number(this.due.get()) < this.every) return;
    for (const w of watchers) w.beforeMove();
    // Deferred, foreign keys let one statement write many rows without a journal of its own
    // (the rows moved reference documents that exist); the setting ends with the transaction.
    this.db.pragma('defer_foreign_keys = ON');
    for (const st of this.moves) st.run();
    let done = Number(this.midMovesDone.get()) + 1;
    if (done >= this.midMoves) {
      for (const st of this.merges) st.run();
      done = 0;
    }
    this.marked.run(done);
    for (const w of watchers) w.afterMove();
  }
}
