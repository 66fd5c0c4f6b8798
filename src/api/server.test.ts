import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';
import { IngestQueue } from './ingest.js';
import { apiRouter } from './routes.js';
import { createNewsgraphServer } from './server.js';
import { fixtureRecords, PLACES } from './test-fixtures.js';
import { rawRequest, rawSocket } from './raw-request.js';
import { startServer, stopServers, type Running } from './test-server.js';

const TOKEN = 'test-token-0123456789';

const start = (dir: string, name: string, opts: { token?: string; allowPrivate?: boolean; jsonLimit?: number } = {}): Promise<Running> =>
  startServer(dir, name, fixtureRecords(), opts);

async function json(res: Response): Promise<any> {
  return res.json();
}

async function waitJob(base: string, id: string): Promise<any> {
  // A minute at most: a busy machine slows the job's extraction thread, which runs at low priority.
  for (const end = Date.now() + 60_000; Date.now() < end;) {
    const j = await json(await fetch(`${base}/api/jobs/${id}`));
    if (j.state === 'done') return j;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('job did not finish');
}

const post = (base: string, path: string, body: unknown, token?: string) =>
  fetch(base + path, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(body),
  });

describe('HTTP API', () => {
  let dir: string;
  let rw: Running;
  let ro: Running;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-api-'));
    rw = await start(dir, 'rw', { token: TOKEN, jsonLimit: 64 * 1024 });
    ro = await start(dir, 'ro');
  });
  after(() => stopServers(dir, [rw, ro]));

  test('search ranks hits with snippets, marks and facets', async () => {
    const res = await json(await fetch(`${rw.base}/api/search?q=Mwangi`));
    assert.equal(res.total, 2);
    for (const h of res.hits) {
      assert.ok(h.id && h.title && h.meta.outlet);
      assert.ok(h.marks.length > 0);
      for (const [a, b] of h.marks) assert.equal(h.snippet.slice(a, b), 'Mwangi');
      assert.doesNotMatch(h.snippet, /[\uE000\uE001]/);
    }
    assert.ok(res.facets.entity.some((f: any) => f.value === 'ORG:red heron front' && f.label === 'Red Heron Front'));
    assert.deepEqual(res.facets.outlet.map((f: any) => f.value).sort(), ['Harbour Daily', 'Lakeside Courier']);
  });

  test('search says when the total, the ranking and the facets cover only part of the matches', async () => {
    const store = new SqliteStore(join(dir, 'capped.db'), { rankCap: 1, countCap: 1, facetCap: 1 });
    for (const r of fixtureRecords()) await store.put(r);
    const app = createNewsgraphServer({ store });
    const base = `http://127.0.0.1:${(await app.listen(0)).port}`;
    try {
      const capped = await json(await fetch(`${base}/api/search?q=Mwangi&limit=1`));
      assert.deepEqual([capped.total, capped.totalCapped, capped.rankedOver, capped.hits.length], [1, true, 1, 1]);
      assert.deepEqual([capped.facets.over, capped.facets.approximate], [1, true]);
      const plain = await json(await fetch(`${rw.base}/api/search?q=Mwangi&limit=1`));
      assert.deepEqual([plain.total, plain.totalCapped, plain.rankedOver], [2, undefined, undefined]);
      assert.deepEqual([plain.facets.over, plain.facets.approximate], [2, undefined]);
    } finally {
      await app.close();
      await store.close();
    }
  });

  test('facet counts are the same when served again for another page', async () => {
    const first = await json(await fetch(`${rw.base}/api/search?q=Red%20Heron&limit=1`));
    const second = await json(await fetch(`${rw.base}/api/search?q=Red%20Heron&limit=1&offset=1`));
    assert.deepEqual(second.facets, first.facets);
    assert.notEqual(second.hits[0].id, first.hits[0].id);
    assert.equal((await json(await fetch(`${rw.base}/api/search?q=Red%20Heron&facets=false`))).facets, undefined);
  });

  test('search facets filter: outlet, entity, type, place and date range', async () => {
    const q = async (qs: string) => (await json(await fetch(`${rw.base}/api/search?${qs}`))).hits.map((h: any) => h.title).sort();
    assert.deepEqual(await q('q=Mwangi&outlet=Harbour%20Daily'), ['Arrests in the capital']);
    assert.deepEqual(await q('entity=ORG%3Ablue%20lantern%20movement'), ['A rally for peace', 'Gunmen strike police post on the coast']);
    assert.deepEqual(await q('place=Lisbon'), ['Boats back in port']);
    assert.deepEqual(await q('from=2024-01-01&to=2024-02-28'), ['Boats back in port', 'Gunmen strike police post on the coast']);
    assert.equal((await q('type=PERSON')).length, 4);
    const bad = await fetch(`${rw.base}/api/search?type=ALIEN`);
    assert.equal(bad.status, 400);
    assert.equal((await fetch(`${rw.base}/api/search?from=yesterday`)).status, 400);
    assert.equal((await fetch(`${rw.base}/api/search?limit=100000`)).status, 400);
  });

  test('docs/:id returns the stored record; unknown ids are 404', async () => {
    const [hit] = (await json(await fetch(`${rw.base}/api/search?q=Okello`))).hits;
    const rec = await json(await fetch(`${rw.base}/api/docs/${hit.id}`));
    assert.equal(rec.schema, 'newsgraph/1');
    assert.equal(rec.id, hit.id);
    assert.ok(rec.quotes.length === 2 && rec.relations.length === 1);
    const missing = await fetch(`${rw.base}/api/docs/nope`);
    assert.equal(missing.status, 404);
    assert.equal((await json(missing)).error.code, 'api.not-found');
  });

  test('entities/:id gives aliases, relations, quotes by and about, co-occurrence and time series', async () => {
    for (const id of ['ORG:red heron front', 'ORG:Red Heron Front', 'RHF']) {
      const v = await json(await fetch(`${rw.base}/api/entities/${encodeURIComponent(id)}`));
      assert.equal(v.entity.name, 'Red Heron Front', id);
    }
    const v = await json(await fetch(`${rw.base}/api/entities/${encodeURIComponent('ORG:red heron front')}`));
    assert.deepEqual(v.entity.aliases, ['RHF']);
    const related = v.relations.map((r: any) => `${r.type}:${r.a.name}->${r.b.name}`).sort();
    assert.deepEqual(related, ['fights:Red Heron Front->national army', 'split:Red Heron Front->Blue Lantern Movement']);
    assert.equal(v.quotesAbout.length, 2);
    assert.ok(v.quotesAbout.every((q: any) => q.speakerName === 'Joel Mwangi'));
    assert.deepEqual(v.mentionsOverTime.map((p: any) => p.period), ['2024-02', '2024-03']);
    assert.ok(v.coOccurring.some((c: any) => c.name === 'Joel Mwangi' && c.documents === 2));
    assert.ok(v.places.some((p: any) => p.name === 'Nairobi'));
    const person = await json(await fetch(`${rw.base}/api/entities/${encodeURIComponent('PERSON:samuel okello')}`));
    assert.equal(person.quotesBy.length, 2);
    const place = await json(await fetch(`${rw.base}/api/entities/${encodeURIComponent('GPE:kampala')}`));
    assert.deepEqual(place.location, { lat: PLACES.Kampala.lat, lon: PLACES.Kampala.lon, country: 'UG' });
    assert.equal((await fetch(`${rw.base}/api/entities/${encodeURIComponent('ORG:nobody')}`)).status, 404);
  });

  test('quotes by speaker, places with coordinates, events with entity names', async () => {
    const quotes = (await json(await fetch(`${rw.base}/api/quotes?speaker=Mwangi`))).quotes;
    assert.equal(quotes.length, 2);
    assert.ok(quotes.every((q: any) => q.speakerName === 'Joel Mwangi' && q.text.length > 10));
    const places = (await json(await fetch(`${rw.base}/api/places`))).places;
    const mombasa = places.find((p: any) => p.name === 'Mombasa');
    assert.deepEqual([mombasa.lat, mombasa.lon], [PLACES.Mombasa.lat, PLACES.Mombasa.lon]);
    const ev = await json(await fetch(`${rw.base}/api/events`));
    assert.deepEqual(ev.events.map((e: any) => e.type), ['protest', 'attack', 'arrest', 'fight']);
    assert.equal(ev.entities['ORG:red heron front'].name, 'Red Heron Front');
    const attack = ev.events.find((e: any) => e.type === 'attack');
    assert.deepEqual(attack.location, { name: 'Mombasa', ...PLACES.Mombasa });
    const rel = (await json(await fetch(`${rw.base}/api/relations?type=leader`))).relations;
    assert.equal(rel.length, 1);
  });

  test('the OpenAPI description documents every endpoint', async () => {
    const spec = await json(await fetch(`${rw.base}/api/openapi.json`));
    assert.equal(spec.openapi, '3.1.0');
    const documented = Object.entries(spec.paths).flatMap(([path, ops]: [string, any]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const served = apiRouter({ store: rw.store, ingest: new IngestQueue(rw.store) }).list();
    assert.deepEqual([...served].sort(), [...documented].sort());
  });

  test('the world outline is served as SVG paths', async () => {
    const w = await json(await fetch(`${rw.base}/api/world`));
    assert.equal(w.width, 360);
    const kenya = w.countries.find((c: any) => c.name === 'Kenya');
    assert.match(kenya.d, /^M[\d.]+ [\d.]+L/);
    // Kenya lies around 34-42°E, 5°S-5°N: x = lon + 180, y = 90 - lat.
    const xs = [...kenya.d.matchAll(/[ML]([\d.]+) ([\d.]+)/g)].map((m: any) => [Number(m[1]), Number(m[2])]);
    assert.ok(xs.every(([x, y]: number[]) => x > 213 && x < 222 && y > 84 && y < 96));
    // Countries across the antimeridian stay in one piece instead of a band across the map.
    for (const name of ['Russia', 'Fiji']) {
      const d = w.countries.find((c: any) => c.name === name).d as string;
      for (const ring of d.split('Z').filter(Boolean)) {
        const rx = [...ring.matchAll(/[ML]([-\d.]+) /g)].map((m) => Number(m[1]));
        assert.ok(rx.every((x, i) => i === 0 || Math.abs(x - rx[i - 1]!) < 180), name);
      }
    }
  });

  test('the app and its assets are served with a strict policy; nothing outside the web root is', async () => {
    const page = await fetch(`${rw.base}/`);
    assert.equal(page.status, 200);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /script-src 'self'/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    const html = await page.text();
    assert.doesNotMatch(html, /<script>|style=/);
    assert.match((await fetch(`${rw.base}/app/main.js`)).headers.get('content-type') ?? '', /javascript/);
    assert.match((await fetch(`${rw.base}/static/app.css`)).headers.get('content-type') ?? '', /css/);
    assert.ok((await fetch(`${rw.base}/api/stats`)).headers.get('content-security-policy'));
    // The map library comes from its npm package, on this origin.
    assert.match((await fetch(`${rw.base}/vendor/leaflet/leaflet.js`)).headers.get('content-type') ?? '', /javascript/);
    assert.match((await fetch(`${rw.base}/vendor/leaflet.markercluster/MarkerCluster.css`)).headers.get('content-type') ?? '', /css/);
    for (const p of ['/..%2f..%2fpackage.json', '/app/main.d.ts', '/api/../../package.json', '/%2e%2e/%2e%2e/package.json', '/app/nope.js',
      '/vendor/leaflet/..%2fpackage.json', '/vendor/leaflet/%2e%2e/%2e%2e/typescript/package.json', '/vendor/typescript/lib/tsc.js', '/vendor/leaflet']) {
      assert.equal((await fetch(rw.base + p)).status, 404, p);
    }
    assert.equal((await fetch(`${rw.base}/api/search`, { method: 'DELETE' })).status, 405);
    // A browser following a dead link gets a page with a way back; programs get JSON.
    const page404 = await fetch(`${rw.base}/no/such/page`, { headers: { accept: 'text/html,*/*' } });
    assert.equal(page404.status, 404);
    assert.match(page404.headers.get('content-type') ?? '', /text\/html/);
    assert.match(await page404.text(), /Page not found[^]*href="\/#\/search"/);
    const json404 = await fetch(`${rw.base}/no/such/page`);
    assert.equal((await json404.json() as { error: { code: string } }).error.code, 'http.not-found');
  });

  test('every answer carries the security headers: API, world outline, files, errors', async () => {
    const answers = [
      ...await Promise.all(['/api/world', '/api/stats', '/static/app.css', '/', '/api/nope', '/nope.js', '/%ff'].map((p) => rawRequest(rw.base, p))),
      await rawRequest(rw.base, '/api/search', { method: 'DELETE' }),
      await rawRequest(rw.base, '/', { method: 'HEAD' }),
    ];
    for (const r of answers) {
      for (const h of ['content-security-policy', 'x-content-type-options', 'x-frame-options', 'referrer-policy', 'cross-origin-resource-policy']) {
        assert.ok(r.headers[h], `${r.status} ${h}`);
      }
    }
    // A request Node refuses before the handler (malformed) is answered in the same shape.
    const bad = await rawSocket(rw.base, 'GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n');
    assert.match(bad, /^HTTP\/1\.1 400 /);
    assert.match(bad, /content-security-policy: default-src 'none'/i);
    assert.match(bad, /\{"error":\{"code":"http.bad-request"/);
  });

  test('an oversized body is answered 413 with a JSON error, declared or not, not a reset connection', async () => {
    const headers = { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' };
    const chunks = Array.from({ length: 64 }, () => Buffer.alloc(16 * 1024, 0x20));
    const chunked = await rawRequest(rw.base, '/api/ingest/text', { method: 'POST', headers, chunks });
    const declared = await rawRequest(rw.base, '/api/ingest/text', { method: 'POST', headers: { ...headers, 'content-length': String(1024 * 1024) }, chunks });
    for (const r of [chunked, declared]) {
      assert.equal(r.status, 413);
      assert.deepEqual(JSON.parse(r.body).error, { code: 'http.too-large', message: `request body over the limit of ${64 * 1024} bytes` });
      assert.ok(r.headers['content-security-policy']);
    }
    // The connection stays usable for the next request.
    assert.equal((await fetch(`${rw.base}/api/stats`)).status, 200);
  });

  test('writes need the token; a server without one is read-only', async () => {
    assert.equal((await post(rw.base, '/api/ingest/text', { text: 'x' })).status, 401);
    assert.equal((await post(rw.base, '/api/ingest/text', { text: 'x' }, 'wrong-token-000')).status, 401);
    assert.equal((await post(ro.base, '/api/ingest/text', { text: 'x' }, TOKEN)).status, 403);
    assert.equal((await json(await fetch(`${ro.base}/api/stats`))).writable, false);
  });

  test('request bodies are limited and checked', async () => {
    const big = await post(rw.base, '/api/ingest/text', { text: 'a'.repeat(70 * 1024) }, TOKEN);
    assert.equal(big.status, 413);
    const wrongType = await fetch(`${rw.base}/api/ingest/text`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'text/plain' }, body: 'hello' });
    assert.equal(wrongType.status, 415);
    const badJson = await fetch(`${rw.base}/api/ingest/text`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{nope' });
    assert.equal(badJson.status, 400);
    assert.equal((await post(rw.base, '/api/ingest/text', { text: '   ' }, TOKEN)).status, 400);
  });

  test('pasted text is ingested through the pipeline once, with progress', async () => {
    const text = 'Ferry services between two lake towns resumed on Monday after a week of high winds, the operator said.';
    const before = await json(await fetch(`${rw.base}/api/search?q=ferry`));
    assert.deepEqual([before.total, before.facets.month], [0, []]);
    const r = await post(rw.base, '/api/ingest/text', { text, title: 'Ferries resume', published: '2024-04-02' }, TOKEN);
    assert.equal(r.status, 202);
    const job = await waitJob(rw.base, (await json(r)).job);
    assert.deepEqual([job.added, job.present, job.failed], [1, 0, 0]);
    const rec = await json(await fetch(`${rw.base}/api/docs/${job.docs[0].id}`));
    assert.equal(rec.meta.title, 'Ferries resume');
    assert.ok(rec.sentences.length >= 1, 'the pipeline ran');
    const after = await json(await fetch(`${rw.base}/api/search?q=ferry`));
    assert.equal(after.total, 1);
    assert.deepEqual(after.facets.month, [{ value: '2024-04', count: 1 }], 'facets counted anew after a new document');
    const again = await waitJob(rw.base, (await json(await post(rw.base, '/api/ingest/text', { text }, TOKEN))).job);
    assert.deepEqual([again.added, again.present], [0, 1]);
  });

  test('uploaded files go through the readers (byline records keep author and outlet)', async () => {
    const body = 'Tomas Ferreira| Delta Gazette\nThe river port in a delta town reopened its grain terminal after repairs. |\n';
    const r = await fetch(`${rw.base}/api/ingest/file?name=${encodeURIComponent('../../evil name.txt')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/octet-stream' },
      body,
    });
    assert.equal(r.status, 202);
    const job = await waitJob(rw.base, (await json(r)).job);
    assert.equal(job.added, 1, JSON.stringify(job.errors));
    const rec = await json(await fetch(`${rw.base}/api/docs/${job.docs[0].id}`));
    assert.equal(rec.meta.author, 'Tomas Ferreira');
    assert.equal(rec.meta.outlet, 'Delta Gazette');
    assert.doesNotMatch(rec.meta.origin ?? '', /newsgraph-ingest|\.\./);
  });

  test('URL ingest refuses loopback and private addresses unless allowed', async () => {
    for (const url of ['http://127.0.0.1:9/', 'http://localhost/', 'http://10.1.2.3/', 'http://[::1]/', 'file:///etc/passwd']) {
      const r = await post(rw.base, '/api/ingest/url', { url }, TOKEN);
      assert.equal(r.status, 400, url);
    }
    // With --allow-private a local page is fetched and ingested.
    const page: Server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Volunteers planted four hundred trees along a dry riverbed over the weekend, organisers said.');
    });
    await new Promise<void>((r) => page.listen(0, '127.0.0.1', () => r()));
    const open = await start(dir, 'private', { token: TOKEN, allowPrivate: true });
    try {
      const url = `http://127.0.0.1:${(page.address() as AddressInfo).port}/trees.txt`;
      const r = await post(open.base, '/api/ingest/url', { url }, TOKEN);
      assert.equal(r.status, 202);
      const job = await waitJob(open.base, (await json(r)).job);
      assert.equal(job.added, 1, JSON.stringify(job.errors));
    } finally {
      await open.app.close();
      await open.store.close();
      await new Promise<void>((r) => page.close(() => r()));
    }
  });
});
