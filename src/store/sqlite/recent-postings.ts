import type Database from 'better-sqlite3';

/**
 * Posting tables (key -> documents) that every document adds dozens of rows to, each row under a
 * key of its own: written to one large B-tree, each row lands on a leaf of its own, and a group of
 * writes rewrites a page per row. They are written instead to a small table of the same shape
 * (`<name>_new`), whose few pages stay hot, and moved into the large one in key order every
 * `every` documents, when each of its leaves is written once for many rows. Readers look in both.
 */
export const RECENT_POSTINGS = { copy_sketch: 'hash, doc', story_keys: 'key, doc' } as const;

/** Documents stored between two moves of the recent postings. */
export const MERGE_EVERY = 2000;

/** What keeps a view of the postings (copy-summary.ts) and must follow a move, in its transaction. */
export interface MoveWatcher {
  beforeMove(): void;
  afterMove(): void;
}

export class RecentPostings {
  private readonly due: Database.Statement;
  private readonly moves: Database.Statement[];
  private readonly marked: Database.Statement;

  constructor(private readonly db: Database.Database, private readonly every = MERGE_EVERY) {
    // Documents stored since the last move (rows are numbered in order; a replacement keeps its row and is moved anyway).
    this.due = db.prepare('SELECT (SELECT coalesce(max(rowid), 0) FROM documents) - through FROM postings_moved').pluck();
    // Read in the small table's key order: the large one is written leaf after leaf.
    this.moves = Object.entries(RECENT_POSTINGS).flatMap(([t, cols]) => [
      db.prepare(`INSERT OR IGNORE INTO ${t} (${cols}) SELECT ${cols} FROM ${t}_new`),
      db.prepare(`DELETE FROM ${t}_new`),
    ]);
    this.marked = db.prepare('UPDATE postings_moved SET through = (SELECT coalesce(max(rowid), 0) FROM documents)');
  }

  /** Inside a write transaction, as it ends: moves the recent postings when `every` documents have come since the last move. */
  moveIfDue(watcher?: MoveWatcher): void {
    if (Number(this.due.get()) < this.every) return;
    watcher?.beforeMove();
    // Deferred, foreign keys let one statement write many rows without a journal of its own
    // (the rows moved reference documents that exist); the setting ends with the transaction.
    this.db.pragma('defer_foreign_keys = ON');
    for (const st of this.moves) st.run();
    this.marked.run();
    watcher?.afterMove();
  }
}
