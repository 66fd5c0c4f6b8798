import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { Doc } from '../core/doc.js';
import { toRecord } from '../output/record.js';
import { defaultPipeline } from '../pipeline/default.js';
import { WorkerPool } from './pool.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-pool-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const untimed = <T extends { stages: { ms: number }[] }>(r: T): T => ({ ...r, stages: r.stages.map((s) => ({ ...s, ms: 0 })) });

test('a record extracted in a worker thread is the one this thread makes', async () => {
  const doc = Doc.create('Lina Haddad, a spokeswoman for the Port Elden council, said on 3 May that 40 families had returned to Kessel.\n', { title: 'Returns', published: '2024-05-04' });
  const pool = new WorkerPool({ workers: 1 });
  try {
    const there = await pool.extract(doc, { tokens: true });
    assert.deepEqual(untimed(there), untimed(toRecord(defaultPipeline().run(doc, { published: doc.meta.published }), { tokens: true })));
  } finally {
    await pool.close();
  }
});

test('an input past the memory budget fails by name with the limit, and the pool reads the next', async () => {
  const big = join(dir, 'many.json');
  writeFileSync(big, JSON.stringify(Array.from({ length: 200_000 }, (_, i) => ({ text: `The council met on Monday, meeting ${i}.`, title: `Meeting ${i}` }))));
  const small = join(dir, 'one.txt');
  writeFileSync(small, 'The council met on Monday.\n');
  const pool = new WorkerPool({ workers: 1, limits: { maxDocMemoryMb: 48 } });
  try {
    assert.deepEqual(await pool.read({ kind: 'file', path: big }), [
      { ok: false, source: big, error: 'reading stopped: over the 48 MB memory limit (--max-doc-memory)' },
    ]);
    const next = await pool.read({ kind: 'file', path: small });
    assert.equal(next.length, 1);
    assert.ok(next[0]!.ok);
  } finally {
    await pool.close();
  }
});

test('a file over the input limit is refused before it is read', async () => {
  const path = join(dir, 'big.txt');
  writeFileSync(path, 'x'.repeat(3000));
  const pool = new WorkerPool({ workers: 1, limits: { maxInputBytes: 1000 } });
  try {
    assert.deepEqual(await pool.read({ kind: 'file', path }), [{ ok: false, source: path, error: '3 kB of input, over the 1 kB limit (--max-input-size)' }]);
  } finally {
    await pool.close();
  }
});
