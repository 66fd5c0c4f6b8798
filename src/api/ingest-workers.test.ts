import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { longArticle } from '../workers/test-articles.js';
import { fixtureRecords } from './test-fixtures.js';
import { startServer, stopServers, type Running } from './test-server.js';

// Ingest jobs run in worker threads within per-input limits: the server answers while one
// works, and an input over a limit fails alone, by name, with the limit.
const TOKEN = 'test-token-0123456789';
const dir = mkdtempSync(join(tmpdir(), 'newsgraph-api-workers-'));
let s: Running;
before(async () => {
  s = await startServer(dir, 'w', fixtureRecords(), { token: TOKEN, pool: { workers: 1, limits: { maxDocMs: 4000 } } });
});
after(() => stopServers(dir, [s]));

const upload = (name: string, body: Blob | string) =>
  fetch(`${s.base}/api/ingest/file?name=${encodeURIComponent(name)}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' },
    body,
  }).then(async (r) => { assert.equal(r.status, 202); return (await r.json()).job as string; });
const job = async (id: string) => (await fetch(`${s.base}/api/jobs/${id}`)).json();
async function done(id: string): Promise<any> {
  for (;;) {
    const j = await job(id);
    if (j.state === 'done') return j;
    await new Promise((r) => setTimeout(r, 50));
  }
}

test('a search is answered while an ingest job extracts a long document (4 MB, stopped at its time budget)', async () => {
  const id = await upload('long.txt', longArticle(4_000_000));
  while ((await job(id)).state === 'queued') await new Promise((r) => setTimeout(r, 20));
  const res = await fetch(`${s.base}/api/search?q=ferry`);
  assert.equal(res.status, 200);
  assert.ok(Array.isArray((await res.json()).hits));
  // Answered before the job ended: the document is still being extracted (or stopped at its budget).
  assert.equal((await job(id)).state, 'running');
  const j = await done(id);
  assert.deepEqual(j.errors, [{ source: 'long.txt', error: 'extraction stopped: over the 4 s limit (--max-doc-time)' }]);
});

test('a small gzip upload that expands past the document limit fails by name, the next upload is stored', async () => {
  const bomb = await upload('bomb.txt.gz', new Blob([gzipSync('The council met. '.repeat(400_000))]));
  const next = await upload('next.txt', 'Ferries resumed between Port Elden and Kessel on Monday, the harbour master said.');
  const [a, b] = [await done(bomb), await done(next)];
  assert.deepEqual(a.errors, [{ source: 'bomb.txt.gz', error: '6.8 MB of text, over the 5 MB limit (--max-doc-size)' }]);
  assert.equal(b.added, 1, JSON.stringify(b.errors));
});
