import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const MAIN = fileURLToPath(new URL('../main.js', import.meta.url));

test('newsgraph serve ingests its inputs, serves the API and app, and stops on SIGTERM', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'newsgraph-serve-'));
  try {
    writeFileSync(join(dir, 'a.txt'), 'Beekeepers in a hill village reported a record honey harvest this autumn, the cooperative said.');
    const child = spawn(process.execPath, [MAIN, 'serve', 'a.txt', '--db', 'x.db', '--port', '0'], {
      cwd: dir,
      env: { ...process.env, NEWSGRAPH_TOKEN: 'serve-test-token' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8');
    const ingested = new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: string) => {
        err += d;
        if (/ingested a\.txt/.test(err)) resolve();
      });
      child.on('exit', () => reject(new Error(`serve exited early: ${err}`)));
    });
    await ingested;
    const port = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(err)?.[1];
    assert.ok(port, err);
    assert.match(err, /ingest enabled/);
    const stats = (await (await fetch(`http://127.0.0.1:${port}/api/stats`)).json()) as { documents: number; writable: boolean };
    assert.deepEqual(stats, { documents: 1, writable: true, allowPrivate: false });
    const hits = (await (await fetch(`http://127.0.0.1:${port}/api/search?q=honey`)).json()) as { total: number };
    assert.equal(hits.total, 1);
    assert.match(await (await fetch(`http://127.0.0.1:${port}/`)).text(), /<title>newsgraph<\/title>/);
    const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('newsgraph serve prints a fresh token when none is given, and --read-only has none', async () => {
  for (const [args, expect] of [[[], /ingest token for this run: ([\w-]{20,})/], [['--read-only'], /read-only/]] as const) {
    const env = { ...process.env };
    delete env.NEWSGRAPH_TOKEN;
    const child = spawn(process.execPath, [MAIN, 'serve', '--db', ':memory:', '--port', '0', ...args], { env, stdio: ['ignore', 'ignore', 'pipe'] });
    let err = '';
    child.stderr.setEncoding('utf8');
    await new Promise<void>((resolve, reject) => {
      child.stderr.on('data', (d: string) => { err += d; if (/serving[^\n]*\n/.test(err)) resolve(); });
      child.on('exit', () => reject(new Error(err)));
    });
    const port = /:(\d+)\//.exec(err)![1];
    const m = expect.exec(err);
    assert.ok(m, err);
    const r = await fetch(`http://127.0.0.1:${port}/api/ingest/text`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${m[1] ?? 'whatever-token'}` },
      body: JSON.stringify({ text: 'A short note about a village fair.' }),
    });
    assert.equal(r.status, args.length ? 403 : 202);
    const exited = new Promise((r2) => child.once('exit', r2));
    child.kill('SIGTERM');
    await exited;
  }
});

test('newsgraph serve refuses a short token and a bad port', () => {
  const short = spawnSync(process.execPath, [MAIN, 'serve', '--token', 'abc', '--db', ':memory:'], { encoding: 'utf8' });
  assert.equal(short.status, 2);
  assert.match(short.stderr, /token must be at least 8/);
  const port = spawnSync(process.execPath, [MAIN, 'serve', '--port', '70000', '--db', ':memory:'], { encoding: 'utf8' });
  assert.equal(port.status, 2);
  assert.match(port.stderr, /--port/);
});
