import type Database from 'better-sqlite3';
import { BloomFilter } from '../../core/bloom.js';
import { RecentView } from './recent-postings.js';

/** The smallest summary: a young store's grows by rebuilding, twice as large each time. */
const MIN_CAPACITY = 1 << 16;

/**
 * Which sampled shingle hashes the copies index can hold, so a landing document looks up only
 * those: nearly every hash of an article that copies nothing is in no other document (at 100,000
 * documents, 96% of a new document's hashes are in none), and each lookup is a seek in a table
 * of millions of rows. The moved postings (copy_sketch, copy_sketch_mid) are summarised by a
 * Bloom filter, stored in copy_sketch_summary as of the last move of the recent postings (its
 * `through`, as in postings_moved) and kept up to date as they move; copy_sketch_new's hashes are held exactly,
 * with their documents (`recent`). Hashes of deleted documents stay "maybe" until the filter is
 * built again.
 */
export class CopySketchSummary {
  private readonly s: Record<'dataVersion' | 'moved' | 'row', Database.Statement>;
  private view?: { bloom: BloomFilter; through: number };
  /** copy_sketch_new by hash. */
  readonly recent: RecentView<number>;
  private dataVersion = -1;

  constructor(private readonly db: Database.Database) {
    const p = (sql: string) => db.prepare(sql);
    this.s = {
      dataVersion: p('PRAGMA data_version').pluck(),
      moved: p('SELECT through FROM postings_moved').pluck(),
      row: p('SELECT bits, entries, through FROM copy_sketch_summary'),
    };
    this.recent = new RecentView(db, 'copy_sketch');
  }

  /** Whether copy_sketch or copy_sketch_mid (the moved postings) may hold `hash` (false: it holds it for no document). */
  mayHold(hash: number): boolean {
    return this.current().bloom.has(hash);
  }

  /** Those of `hashes` that the moved postings may hold (the tables' version checked once). */
  mayHoldOf(hashes: readonly number[]): number[] {
    const { bloom } = this.current();
    return hashes.filter((h) => bloom.has(h));
  }

  /** Document `doc`'s hashes were written to copy_sketch_new. */
  added(doc: number, hashes: readonly number[]): void {
    this.recent.added(doc, hashes);
  }

  /** A write was rolled back: what was added in memory may not be in the tables, nor what moved back into copy_sketch_new. */
  rolledBack(): void {
    this.view = undefined;
    this.recent.forget();
  }

  /** Inside the write transaction, before copy_sketch_new moves into copy_sketch_mid. */
  beforeMove(): void {
    const v = this.current();
    for (const h of this.recent.postings().keys()) v.bloom.add(h);
  }

  /** After the move, in the same transaction: the summary is stored as of it. */
  afterMove(): void {
    const v = this.current();
    this.recent.moved();
    v.through = Number(this.s.moved.get());
    if (v.bloom.entries > v.bloom.capacity) v.bloom = tableSummary(this.db);
    save(this.db, v.bloom, v.through);
  }

  /** The summary as the tables stand: read again after another connection's commit. */
  private current(): NonNullable<CopySketchSummary['view']> {
    const version = Number(this.s.dataVersion.get());
    if (this.view && version === this.dataVersion) return this.view;
    this.dataVersion = version;
    const through = Number(this.s.moved.get());
    let bloom = this.view?.through === through ? this.view.bloom : undefined;
    if (!bloom) {
      const r = this.s.row.get() as { bits: Buffer; entries: number; through: number } | undefined;
      bloom = r && Number(r.through) === through ? new BloomFilter(0, { bits: r.bits, entries: Number(r.entries) }) : tableSummary(this.db);
    }
    return (this.view = { bloom, through });
  }
}

/** The tables a summary covers: the moved postings. */
const MOVED = ['copy_sketch', 'copy_sketch_mid'];

/** A filter of every hash moved, with room to grow to twice as many. */
function tableSummary(db: Database.Database): BloomFilter {
  const tables = MOVED.filter((t) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(t));
  const count = tables.reduce((n, t) => n + Number(db.prepare(`SELECT count(*) FROM ${t}`).pluck().get()), 0);
  const bloom = new BloomFilter(Math.max(MIN_CAPACITY, 2 * count));
  for (const t of tables) for (const h of db.prepare(`SELECT hash FROM ${t}`).pluck().iterate() as IterableIterator<number>) bloom.add(h);
  return bloom;
}

function save(db: Database.Database, bloom: BloomFilter, through: number): void {
  db.prepare('DELETE FROM copy_sketch_summary').run();
  db.prepare('INSERT INTO copy_sketch_summary (bits, entries, through) VALUES (?, ?, ?)').run(Buffer.from(bloom.bytes()), bloom.entries, through);
}

/** Schema step: the summary of a store's moved postings as they stand (after the table that holds it is created). */
export function writeCopySummary(db: Database.Database): void {
  save(db, tableSummary(db), Number(db.prepare('SELECT through FROM postings_moved').pluck().get()));
}
