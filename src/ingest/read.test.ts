import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { gzipSync } from 'node:zlib';
import { articlePage, closedPort, NAV_ONLY_PAGE, PARAGRAPHS, rssFeed, send, serve } from './fixtures/samples.js';
import { readBytes, readInputs } from './read.js';
import { readStdin } from './sources.js';
import type { ReadItem, ReadOptions } from './types.js';

async function all(inputs: string[], opts: ReadOptions = {}): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const x of readInputs(inputs, opts)) out.push(x);
  return out;
}

const summary = (items: ReadItem[]) => items.map((i) => (i.ok ? `ok ${i.source}` : `FAIL ${i.source}: ${i.error}`));

let dir: string;
let srv: Awaited<ReturnType<typeof serve>>;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'newsgraph-read-'));
  const w = (name: string, data: string | Buffer) => writeFileSync(join(dir, name), data);
  w('a-byline.txt', 'Nia Holt| Coast Weekly\nThe lighthouse keeper retired after forty years. |\n');
  w('b-binary.bin', Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0x00, 0x10]));
  w('c-empty.txt', '');
  w('d-lines.jsonl', '{"id":"x1","text":"Good first line."}\n{oops}\n{"id":"x3","text":"Good third line."}\n');
  w('e-people.csv', 'name,age\nBo,3\n');
  w('f-nav.html', NAV_ONLY_PAGE);
  w('g-notes.rss', 'These are meeting notes, not a feed.\n');
  w('h-article.html', articlePage());
  w('i-utf16.txt', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('Der Stadtrat tagte am Montag.', 'utf16le')]));
  w('j-legacy.txt', Buffer.from([0x53, 0x61, 0x69, 0x64, 0x20, 0x93, 0x79, 0x65, 0x73, 0x94, 0x2e])); // Said “yes”. in cp1252
  w('k-packed.jsonl.gz', gzipSync('{"text":"Compressed story."}\n'));
  w('.hidden.txt', 'never read');
  mkdirSync(join(dir, 'sub'));
  writeFileSync(join(dir, 'sub', 'nested.json'), JSON.stringify([{ body: 'Nested one.' }, { body: 'Nested two.' }]));
  symlinkSync(dir, join(dir, 'sub', 'loop')); // a cycle the walk must not follow forever
  mkdirSync(join(dir, '.git'));
  writeFileSync(join(dir, '.git', 'config'), 'hidden folder');
  srv = await serve({
    '/story': send('text/html; charset=utf-8', articlePage()),
    '/feed': (req, res) => send('application/rss+xml', rssFeed(`http://${req.headers.host}`))(req, res),
    '/notfeed': send('application/rss+xml', 'plain words'),
    '/photo': send('image/jpeg', Buffer.from([0xff, 0xd8, 0xff])),
  });
});
after(async () => {
  rmSync(dir, { recursive: true, force: true });
  await srv.close();
});

test('a directory: recursive, sorted, hidden skipped; every bad input fails alone and the rest lands', async () => {
  const items = await all([dir]);
  const p = (n: string) => join(dir, n);
  assert.deepEqual(
    items.map((i) => `${i.ok ? 'ok' : 'FAIL'} ${i.source}`),
    [
      `ok ${p('a-byline.txt')}`,
      `FAIL ${p('b-binary.bin')}`,
      `FAIL ${p('c-empty.txt')}`,
      `ok ${p('d-lines.jsonl')}:1`,
      `FAIL ${p('d-lines.jsonl')}:2`,
      `ok ${p('d-lines.jsonl')}:3`,
      `FAIL ${p('e-people.csv')}`,
      `FAIL ${p('f-nav.html')}`,
      `FAIL ${p('g-notes.rss')}`,
      `ok ${p('h-article.html')}`,
      `ok ${p('i-utf16.txt')}`,
      `ok ${p('j-legacy.txt')}`,
      `ok ${p('k-packed.jsonl.gz')}:1`,
      `ok ${p('sub/nested.json')}#1`,
      `ok ${p('sub/nested.json')}#2`,
    ],
  );
  const errors = Object.fromEntries(items.filter((i) => !i.ok).map((i) => [i.source.slice(dir.length + 1), !i.ok ? i.error : '']));
  assert.deepEqual(Object.keys(errors).length, 6);
  assert.match(errors['b-binary.bin']!, /^binary file/);
  assert.equal(errors['c-empty.txt'], 'empty file');
  assert.match(errors['d-lines.jsonl:2']!, /^invalid JSON/);
  assert.match(errors['e-people.csv']!, /^no text column/);
  assert.match(errors['f-nav.html']!, /^no article found/);
  assert.match(errors['g-notes.rss']!, /^not a feed/);
  for (const e of Object.values(errors)) assert.ok(!e.includes('\n'));
  const text = (n: string) => items.find((i) => i.source === p(n) && i.ok) as Extract<ReadItem, { ok: true }>;
  assert.equal(text('a-byline.txt').doc.meta.author, 'Nia Holt');
  assert.equal(text('i-utf16.txt').doc.text, 'Der Stadtrat tagte am Montag.');
  assert.equal(text('j-legacy.txt').doc.text, 'Said “yes”.');
  assert.ok(text('h-article.html').doc.text.includes(PARAGRAPHS[2]!));
});

test('files, missing paths and forced formats', async () => {
  const items = await all([join(dir, 'a-byline.txt'), join(dir, 'no-such-file.txt'), 'ftp://x.example/a'], { from: 'text' });
  assert.deepEqual(summary(items).map((s) => s.replace(dir, 'D')), [
    'ok D/a-byline.txt',
    'FAIL D/no-such-file.txt: no such file or directory',
    'FAIL ftp://x.example/a: unsupported URL scheme (only http and https)',
  ]);
  // Forced to plain text, the byline stays in the text.
  assert.ok(items[0]!.ok && items[0]!.doc.text.startsWith('Nia Holt|'));
  const forced = await all([join(dir, 'a-byline.txt')], { from: 'jsonl' });
  assert.ok(!forced[0]!.ok && forced[0]!.source.endsWith('a-byline.txt:1'));
});

test('URLs: pages, feeds, unreachable, private, wrong type; the batch goes on', async () => {
  const port = await closedPort();
  const items = await all(
    [`${srv.base}/story`, `http://127.0.0.1:${port}/down`, `${srv.base}/photo`, `${srv.base}/notfeed`, `${srv.base}/feed`],
    { allowPrivate: true, timeoutMs: 3000 },
  );
  assert.deepEqual(summary(items).map((s) => s.replaceAll(srv.base, 'B').replace(String(port), 'P')), [
    'ok B/story',
    'FAIL http://127.0.0.1:P/down: cannot fetch: ECONNREFUSED',
    'FAIL B/photo: unsupported content type image/jpeg (expected HTML, a feed, JSON or text)',
    'FAIL B/notfeed: not a feed: the content is neither XML nor JSON',
    'ok B/feed#1',
    'ok B/feed#2',
  ]);
  const page = items[0]!;
  assert.ok(page.ok && page.doc.meta.url === `${srv.base}/news/ferry-route` && page.doc.meta.origin === `${srv.base}/story`);
  const refused = await all([`${srv.base}/story`], { timeoutMs: 3000 });
  assert.match(summary(refused)[0]!, /^FAIL http:\/\/127\.0\.0\.1:\d+\/story: refused: 127\.0\.0\.1 resolves to a private or loopback address/);
});

test('bytes from stdin or an upload go through the same detection', async () => {
  const bytes = await readStdin(Readable.from([Buffer.from('{"id":"s1","text":"From a pipe."}\n'), Buffer.from('{"id":"s2","text":"Second."}\n')]));
  const items: ReadItem[] = [];
  for await (const x of readBytes(bytes, { source: 'stdin' })) items.push(x);
  assert.deepEqual(items.map((i) => (i.ok ? i.doc.id : i.error)), ['s1', 's2']);
  // Undeclared JSON Lines with a broken line: still read line by line.
  const piped: ReadItem[] = [];
  for await (const x of readBytes(Buffer.from('{"text":"Fine."}\n{"text": "cut off\n{"text":"Also fine."}\n'), { source: 'stdin' })) piped.push(x);
  assert.deepEqual(piped.map((i) => [i.source, i.ok]), [['stdin:1', true], ['stdin:2', false], ['stdin:3', true]]);
  const gz: ReadItem[] = [];
  for await (const x of readBytes(Buffer.from([0x1f, 0x8b, 0x08, 0x00]), { source: 'up.gz' })) gz.push(x);
  assert.ok(!gz[0]!.ok && /corrupt gzip/.test(gz[0]!.error));
});

test('a file of UTF-8 with damaged bytes is read as UTF-8, its first article noting the file and the count', async () => {
  const rows = Buffer.concat([Buffer.from('title,text\nOne,“Open” said the mayor.\nTwo,Bad byte '), Buffer.from([0x9d]), Buffer.from(' here; “closed”.\n')]);
  const items = [];
  for await (const x of readBytes(rows, { source: 'news.csv', name: 'news.csv' })) items.push(x);
  assert.deepEqual(items.map((i) => i.ok && i.note), ['1 byte of news.csv is not valid UTF-8; read as UTF-8 with U+FFFD in its place', undefined]);
  assert.equal(items[1]!.ok && items[1]!.doc.text, 'Bad byte \uFFFD here; “closed”.');
});
