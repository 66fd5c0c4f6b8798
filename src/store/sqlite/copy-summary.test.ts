import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import Database from 'better-sqlite3';
import { CopySketchSummary } from './copy-summary.js';
import { RecentPostings } from './recent-postings.js';
import { migrate } from './schema.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-copy-summary-'));
after(() => rmSync(dir, { recursive: true, force: true }));

let docs = 0;
/** A document row with `hashes` in the recent sketch postings, written as SqliteCopies writes them (telling its summary). */
function stored(db: Database.Database, hashes: readonly number[], summary?: CopySketchSummary): number {
  const doc = ++docs;
  db.prepare("INSERT INTO documents (rowid, id, hash, added) VALUES (?, ?, ?, '2024-01-01')").run(doc, `d${doc}`, `h${doc}`);
  db.prepare('INSERT INTO copy_sketch_new (hash, doc) SELECT value, ? FROM json_each(?)').run(doc, JSON.stringify(hashes));
  summary?.added(doc, hashes);
  return doc;
}

/** Whether a hash can be found: among the recent rows, or maybe among the moved ones. */
const held = (s: CopySketchSummary, h: number) => s.recent.postings().has(h) || s.mayHold(h);

const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i * 7919);

function open(path: string): Database.Database {
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  migrate(db);
  return db;
}

test('copy summary: every hash stored, recent or moved, may be held; a fresh connection reads the stored filter', () => {
  const path = join(dir, 'a.db');
  const db = open(path);
  const summary = new CopySketchSummary(db);
  const moved = range(1000, 50), recent = range(5_000_000, 50), absent = range(900_000_000, 2000);
  stored(db, moved, summary);
  assert.ok(moved.every((h) => held(summary, h)), 'recent rows are held exactly');
  const postings = new RecentPostings(db, 1, 1);
  db.transaction(() => postings.moveIfDue(summary))();
  assert.equal(Number(db.prepare('SELECT count(*) FROM copy_sketch').pluck().get()), 50);
  stored(db, recent, summary);
  for (const s of [summary, new CopySketchSummary(db)]) {
    assert.ok([...moved, ...recent].every((h) => held(s, h)));
    assert.ok(absent.filter((h) => held(s, h)).length < 40, 'hashes in no document are mostly ruled out');
  }
  // The fresh connection used the stored filter: it is as of the last move.
  const row = db.prepare('SELECT entries, through FROM copy_sketch_summary').get() as { entries: number; through: number };
  assert.deepEqual([row.entries, row.through], [50, 1]);
  db.close();
});

test('copy summary: follows another connection\'s commits, and a rolled-back move', () => {
  const path = join(dir, 'b.db');
  const a = open(path), b = open(path);
  const sa = new CopySketchSummary(a), sb = new CopySketchSummary(b);
  const first = range(10, 40), second = range(20_000_000, 40), third = range(40_000_000, 40);
  stored(a, first, sa);
  assert.ok(first.every((h) => held(sa, h)));
  // b moves a's rows and stores more: a reads the summary b stored and b's recent rows.
  b.transaction(() => new RecentPostings(b, 1).moveIfDue(sb))();
  stored(b, second, sb);
  assert.ok([...first, ...second].every((h) => held(sa, h)));
  // A move taken back leaves its rows in the recent table, where the summary finds them again.
  stored(a, third, sa);
  assert.ok(third.every((h) => held(sa, h)));
  a.exec('BEGIN IMMEDIATE');
  new RecentPostings(a, 1).moveIfDue(sa);
  a.exec('ROLLBACK');
  sa.rolledBack();
  assert.ok([...first, ...second, ...third].every((h) => held(sa, h)));
  assert.equal(Number(a.prepare('SELECT count(*) FROM copy_sketch_new').pluck().get()), 80);
  a.close();
  b.close();
});

test('copy summary: a filter past its size is built again, larger, from the table', () => {
  const path = join(dir, 'c.db');
  const db = open(path);
  const summary = new CopySketchSummary(db);
  const size = () => (db.prepare('SELECT length(bits) FROM copy_sketch_summary').pluck().get() as number);
  const before = size();
  const many = range(7, 110_000);
  stored(db, many, summary);
  db.transaction(() => new RecentPostings(db, 1).moveIfDue(summary))();
  assert.ok(size() > before, 'rebuilt larger');
  const row = db.prepare('SELECT entries FROM copy_sketch_summary').pluck().get();
  assert.equal(row, 110_000);
  assert.ok(many.every((h) => held(summary, h)));
  const fresh = new CopySketchSummary(db);
  assert.ok(range(1_000_000_007, 5000).filter((h) => held(fresh, h)).length < 100);
  db.close();
});
