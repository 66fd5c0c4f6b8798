import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import type { NewsRecord } from '../../output/record.js';
import { cliHarness } from '../harness.js';

// `ingest` killed with SIGKILL while it writes: the store must open intact, hold only whole
// documents, and a second run must leave it as one clean run would.
const { dir, cli } = cliHarness('newsgraph-crash-');
const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));
const TOWNS = ['Port Elden', 'Kessel', 'Marrow', 'Dunmore', 'Ostrava Lake', 'Velmora'];
const PEOPLE = ['Amara Okafor', 'Tomas Verde', 'Lina Haddad', 'Jonas Berg', 'Ilse Konrad'];
const DOCS = 60;

function writeArticles(folder: string): void {
  mkdirSync(folder, { recursive: true });
  for (let i = 0; i < DOCS; i++) {
    const town = TOWNS[i % TOWNS.length]!, who = PEOPLE[i % PEOPLE.length]!;
    const text = `${town} council approved ${10 + i} new homes on Tuesday, report ${i}. ` +
      `“The ${town} plan will take ${2 + (i % 4)} years,” said ${who}, the council's leader. ` +
      `Critics in ${TOWNS[(i + 1) % TOWNS.length]} said the cost, ${3 + i} million euros, was too high.`;
    writeFileSync(join(folder, `a${String(i).padStart(3, '0')}.txt`), text);
  }
}

/** Records without what differs between runs by nature: the time each stage took. */
function exported(db: string): Map<string, NewsRecord> {
  const r = cli('export', '--db', db, '--format', 'jsonl');
  assert.equal(r.code, 0, r.err);
  const recs = r.out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as NewsRecord);
  return new Map(recs.map((x) => [x.id, { ...x, stages: x.stages.map((s) => ({ ...s, ms: 0 })) }]));
}

function storedCount(db: string): number {
  if (!existsSync(db)) return 0;
  const raw = new Database(db, { readonly: true, fileMustExist: true });
  try {
    return Number((raw.prepare('SELECT count(*) AS n FROM documents').get() as { n: number }).n);
  } catch {
    return 0; // schema not set up yet
  } finally {
    raw.close();
  }
}

/** Starts `ingest`, waits until it has stored `after` documents, and kills it with SIGKILL. */
function ingestKilledAfter(db: string, folder: string, after: number): Promise<{ killed: boolean }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, 'ingest', folder, '--db', db, '--no-progress'], { cwd: dir, stdio: 'ignore', timeout: 180_000 });
    let done = false;
    const poll = setInterval(() => {
      if (done) return;
      if (storedCount(join(dir, db)) >= after) {
        done = true;
        clearInterval(poll);
        child.kill('SIGKILL');
      }
    }, 5);
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      clearInterval(poll);
      resolve({ killed: signal === 'SIGKILL' });
    });
  });
}

test('ingest killed with SIGKILL mid-batch: an intact store of whole documents, and a re-run equals a clean run', async () => {
  const folder = join(dir, 'articles');
  writeArticles(folder);
  const clean = cli('ingest', folder, '--db', 'clean.db', '--no-progress');
  assert.equal(clean.code, 0, clean.err);
  const want = exported('clean.db');
  assert.equal(want.size, DOCS);

  const { killed } = await ingestKilledAfter('crash.db', folder, 3);
  assert.ok(killed, 'ingest finished before it could be killed');
  const raw = new Database(join(dir, 'crash.db'));
  try {
    assert.equal(raw.pragma('integrity_check', { simple: true }), 'ok');
    // Every stored document is whole: its record, its text for search, and its layers' rows.
    const n = (sql: string) => Number((raw.prepare(sql).get() as { n: number }).n);
    const docs = n('SELECT count(*) AS n FROM documents');
    assert.ok(docs >= 3 && docs < DOCS, `${docs} documents stored before the kill`);
    assert.equal(n('SELECT count(*) AS n FROM records'), docs);
    assert.equal(n('SELECT count(*) AS n FROM documents_fts'), docs);
    assert.equal(n('SELECT count(DISTINCT doc) AS n FROM mentions'), docs);
  } finally {
    raw.close();
  }
  const partial = exported('crash.db');
  for (const [id, rec] of partial) assert.deepEqual({ ...rec, story: undefined }, { ...want.get(id), story: undefined }, `document ${id} as stored before the kill`);

  const rerun = cli('ingest', folder, '--db', 'crash.db', '--no-progress');
  assert.equal(rerun.code, 0, rerun.err);
  assert.deepEqual(exported('crash.db'), want);
});
