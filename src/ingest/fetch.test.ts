import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closedPort, send, serve } from './fixtures/samples.js';
import { fetchUrl } from './fetch.js';

let srv: Awaited<ReturnType<typeof serve>>;
const local = { allowPrivate: true, timeoutMs: 3000 };

before(async () => {
  srv = await serve({
    '/page': send('text/html; charset=ISO-8859-1', Buffer.from([0x3c, 0x70, 0x3e, 0x63, 0x61, 0x66, 0xe9])),
    '/hop1': (_q, r) => (r.writeHead(302, { location: '/hop2' }), r.end()),
    '/hop2': (_q, r) => (r.writeHead(301, { location: `${srv.base}/page` }), r.end()),
    '/loop': (_q, r) => (r.writeHead(307, { location: '/loop' }), r.end()),
    '/to-private': (_q, r) => (r.writeHead(302, { location: 'http://10.0.0.1/secret' }), r.end()),
    '/image': send('image/png', Buffer.from([0x89, 0x50, 0x4e, 0x47])),
    '/big': send('text/plain', 'x'.repeat(5000)),
    '/stream': (_q, r) => {
      // No Content-Length: the cap must hold while streaming.
      r.writeHead(200, { 'content-type': 'text/plain', 'transfer-encoding': 'chunked' });
      for (let i = 0; i < 10; i++) r.write('y'.repeat(1000));
      r.end();
    },
    '/slow': (_q, r) => {
      r.writeHead(200, { 'content-type': 'text/plain' });
      r.write('partial');
      setTimeout(() => r.end(), 5000).unref();
    },
    '/gone': send('text/plain', 'gone', 410),
  });
});
after(() => srv.close());

test('follows redirects and reports the final URL, media type and charset', async () => {
  const f = await fetchUrl(`${srv.base}/hop1`, local);
  assert.equal(f.url, `${srv.base}/page`);
  assert.equal(f.mediaType, 'text/html');
  assert.equal(f.charset, 'ISO-8859-1');
  assert.equal(f.bytes.length, 7);
});

test('limits: redirects, size (declared and streamed), time, status, type', async () => {
  await assert.rejects(fetchUrl(`${srv.base}/loop`, { ...local, maxRedirects: 3 }), /more than 3 redirects/);
  await assert.rejects(fetchUrl(`${srv.base}/hop1`, { ...local, maxRedirects: 1 }), /more than 1 redirects/);
  await assert.rejects(fetchUrl(`${srv.base}/big`, { ...local, maxBytes: 1000 }), /response of 5 kB exceeds the 1 kB limit/);
  await assert.rejects(fetchUrl(`${srv.base}/stream`, { ...local, maxBytes: 4000 }), /response exceeds the 4 kB limit/);
  await assert.rejects(fetchUrl(`${srv.base}/slow`, { ...local, timeoutMs: 300 }), /timed out after 0\.3 s/);
  await assert.rejects(fetchUrl(`${srv.base}/gone`, local), /HTTP 410/);
  await assert.rejects(fetchUrl(`${srv.base}/image`, local), /unsupported content type image\/png/);
});

test('unreachable host and private addresses', async () => {
  const port = await closedPort();
  await assert.rejects(fetchUrl(`http://127.0.0.1:${port}/`, local), /cannot fetch: ECONNREFUSED/);
  await assert.rejects(fetchUrl(`${srv.base}/page`, { timeoutMs: 3000 }), /refused: 127\.0\.0\.1 resolves to a private or loopback address/);
});

test('every redirect hop is checked against private addresses', async () => {
  // A policy that lets the local test server through but not 10.0.0.0/8, where the redirect points.
  const isBlocked = (ip: string) => ip.startsWith('10.');
  await assert.rejects(fetchUrl(`${srv.base}/to-private`, { timeoutMs: 3000, isBlocked }), /^NewsgraphError: refused: 10\.0\.0\.1 resolves to a private/);
  assert.equal((await fetchUrl(`${srv.base}/page`, { timeoutMs: 3000, isBlocked })).bytes.length, 7);
});
