import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { kbFixtureRecords } from './kb-test-fixtures.js';
import { startServer, stopServers, type Running } from './test-server.js';

const TOKEN = 'kb-test-token-0123456789';

const start = (dir: string, name: string, token?: string) => startServer(dir, name, kbFixtureRecords(), { token });

const enc = encodeURIComponent;

describe('HTTP API: knowledge base', () => {
  let dir: string;
  let rw: Running;
  let ro: Running;
  const get = async (path: string) => (await fetch(rw.base + path)).json() as Promise<any>;
  const post = (path: string, body: unknown, token: string | null = TOKEN, base = rw.base) =>
    fetch(base + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify(body),
    });
  const error = async (res: Response, status: number, code: string) => {
    assert.equal(res.status, status);
    const body = (await res.json()) as any;
    assert.equal(body.error.code, code);
    assert.equal(typeof body.error.message, 'string');
    assert.doesNotMatch(body.error.message, /\n/);
  };

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-kb-api-'));
    rw = await start(dir, 'rw', TOKEN);
    ro = await start(dir, 'ro');
  });
  after(() => stopServers(dir, [rw, ro]));

  test('a name lookup gives the entity most often called so, with the other candidates', async () => {
    const res = await get(`/api/entities?name=Okafor`);
    assert.equal(res.entity.id, 'PERSON:amara okafor');
    assert.deepEqual([res.entity.called, res.entity.match], [2, 'name']);
    // The best one comes with its knowledge-base profile.
    assert.deepEqual(res.entity.names.map((n: any) => [n.name, n.documents]).sort(), [['Amara Okafor', 2], ['Okafor', 2]]);
    assert.deepEqual([res.entity.firstSeen, res.entity.lastSeen], ['2018-03-04', '2021-06-12']);
    assert.deepEqual(res.candidates.map((c: any) => [c.id, c.called]), [['PERSON:daniel okafor', 1]]);
    await error(await fetch(`${rw.base}/api/entities?name=Nobody%20Here`), 404, 'api.not-found');
    // Without a name the list of entities is unchanged.
    assert.ok((await get('/api/entities?q=silver')).entities.length === 2);
  });

  test('the entity page carries the profile and the other entities of the name asked', async () => {
    const v = await get(`/api/entities/Okafor`);
    assert.equal(v.entity.id, 'PERSON:amara okafor');
    assert.deepEqual(v.entity.types, [{ type: 'PERSON', documents: 2 }]);
    assert.deepEqual(v.entity.outlets.map((o: any) => o.outlet).sort(), ['Northgate Times', 'Tidewater Herald']);
    assert.equal(v.candidates.name, 'Okafor');
    assert.deepEqual(v.candidates.entities.map((c: any) => [c.id, c.called, c.match]), [['PERSON:daniel okafor', 1, 'name']]);
    const byId = await get(`/api/entities/${enc('PERSON:daniel okafor')}`);
    assert.deepEqual([byId.candidates.name, byId.candidates.entities], ['Daniel Okafor', []]);
  });

  test('lineage follows a group that renamed itself twice, both ways, with evidence and dates', async () => {
    for (const id of ['ORG:silver reed collective', 'ORG:silver reed front', 'ORG:reed liberation army']) {
      const { lineage } = await get(`/api/entities/${enc(id)}`);
      assert.deepEqual(lineage.chain.map((e: any) => e.name), ['Silver Reed Collective', 'Silver Reed Front', 'Reed Liberation Army'], id);
      const steps = lineage.steps.map((s: any) => `${s.date} ${s.a.name} ${s.type} ${s.b.name}`);
      // The merger its members deny is left out; the splinter group is one more step away.
      assert.deepEqual(steps, [
        '2018 Silver Reed Collective rebrand Silver Reed Front',
        '2021 Hill Lantern Brigade split Reed Liberation Army',
        '2021-06-12 Silver Reed Front rebrand Reed Liberation Army',
      ], id);
      const first = lineage.steps[0].evidence[0];
      assert.equal(first.text, 'Silver Reed Collective renamed itself the Silver Reed Front in 2018');
      assert.deepEqual([first.time, first.outlet, first.published], ['2018', 'Tidewater Herald', '2018-03-04']);
      const doc = await get(`/api/docs/${enc(first.doc)}`);
      assert.equal(doc.text.slice(first.start, first.end), first.text);
    }
    const alone = await get(`/api/entities/${enc('PERSON:joseph banda')}`);
    assert.deepEqual(alone.lineage, { chain: [{ id: 'PERSON:joseph banda', name: 'Joseph Banda' }], steps: [] });
  });

  test('corrections need the token; a server without one refuses them', async () => {
    const body = { into: 'PERSON:joseph banda', from: 'PERSON:joe banda' };
    await error(await post('/api/entities/merge', body, null), 401, 'api.unauthorized');
    await error(await post('/api/entities/merge', body, 'wrong-token-0000'), 401, 'api.unauthorized');
    await error(await post('/api/entities/rename', { id: 'PERSON:joe banda', name: 'J. Banda' }, null), 401, 'api.unauthorized');
    await error(await post('/api/entities/split', { id: 'ORG:lake patrol', names: ['Lake Patrol Unit'] }, null), 401, 'api.unauthorized');
    await error(await post('/api/entities/not-same', { a: 'PERSON:joe banda', b: 'PERSON:joseph banda' }, null), 401, 'api.unauthorized');
    await error(await post('/api/entities/merge', body, TOKEN, ro.base), 403, 'api.read-only');
    assert.equal((await get(`/api/entities/${enc('PERSON:joe banda')}`)).entity.id, 'PERSON:joe banda', 'nothing changed');
  });

  test('unknown ids are 404 and bad bodies 400, with nothing changed', async () => {
    const missing = 'PERSON:nobody at all';
    await error(await post('/api/entities/merge', { into: 'PERSON:joseph banda', from: missing }), 404, 'api.not-found');
    await error(await post('/api/entities/split', { id: missing, names: ['X'] }), 404, 'api.not-found');
    await error(await post('/api/entities/rename', { id: missing, name: 'X' }), 404, 'api.not-found');
    await error(await post('/api/entities/not-same', { a: missing, b: 'PERSON:joe banda' }), 404, 'api.not-found');
    await error(await fetch(`${rw.base}/api/entities/${enc(missing)}/decisions`), 404, 'api.not-found');
    for (const [path, body] of [
      ['/api/entities/merge', { into: 'PERSON:joseph banda' }],
      ['/api/entities/merge', { into: 'Joseph Banda', from: 'PERSON:joe banda' }],
      ['/api/entities/merge', { into: 'PERSON:joseph banda', from: 'PERSON:joseph banda' }],
      ['/api/entities/split', { id: 'ORG:lake patrol', names: 'Lake Patrol Unit' }],
      ['/api/entities/split', { id: 'ORG:lake patrol', names: [] }],
      ['/api/entities/split', { id: 'ORG:lake patrol', names: ['Harbour Watch'] }],
      ['/api/entities/rename', { id: 'PERSON:joe banda', name: '  ' }],
      ['/api/entities/rename', { id: 'PERSON:joe banda', name: 'J. Banda', who: 42 }],
      ['/api/entities/not-same', { a: 'PERSON:joe banda', b: 'PERSON:joe banda' }],
    ] as const) {
      const res = await post(path, body);
      assert.equal(res.status, 400, `${path} ${JSON.stringify(body)}`);
    }
    const notJson = await fetch(`${rw.base}/api/entities/rename`, { method: 'POST', headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' }, body: '{' });
    await error(notJson, 400, 'http.bad-json');
    // The failed split moved nothing and recorded nothing.
    const patrol = await get(`/api/entities/${enc('ORG:lake patrol')}`);
    assert.equal(patrol.entity.documents, 2);
    assert.deepEqual((await get(`/api/entities/${enc('ORG:lake patrol')}/decisions`)).decisions, []);
  });

  test('merge: the other entity, its names and its articles join; its id leads here; caches follow', async () => {
    const facetIds = async () => (await get('/api/search?q=Banda')).facets.entity.map((f: any) => `${f.value} ${f.count}`).sort();
    assert.deepEqual(await facetIds(), ['PERSON:joe banda 1', 'PERSON:joseph banda 1']);
    const page = async () => (await get(`/api/entities/${enc('PERSON:joseph banda')}`)).entity;
    assert.deepEqual([(await page()).documents, (await page()).formerIds], [1, undefined]);
    const res = await post('/api/entities/merge', { into: 'PERSON:joseph banda', from: 'PERSON:joe banda', note: 'same harbour master', who: 'analyst-1' });
    assert.equal(res.status, 200);
    const out = (await res.json()) as any;
    assert.equal(out.entity.id, 'PERSON:joseph banda');
    assert.equal(out.entity.documents, 2);
    assert.deepEqual(out.entity.formerIds, ['PERSON:joe banda']);
    assert.deepEqual([out.decision.action, out.decision.a, out.decision.b, out.decision.who, out.decision.note], ['merge', 'PERSON:joseph banda', 'PERSON:joe banda', 'analyst-1', 'same harbour master']);
    assert.deepEqual(await facetIds(), ['PERSON:joseph banda 2'], 'cached facets were dropped');
    assert.deepEqual([(await page()).documents, (await page()).formerIds], [2, ['PERSON:joe banda']], 'the cached entity page was dropped');
    const old = await get(`/api/entities/${enc('PERSON:joe banda')}`);
    assert.equal(old.entity.id, 'PERSON:joseph banda');
    assert.deepEqual(old.entity.aliases, ['Joe Banda']);
  });

  test('split: the articles that use a name move to a new entity, kept apart from the old one', async () => {
    const res = await post('/api/entities/split', { id: 'ORG:lake patrol', names: ['Lake Patrol Unit'] });
    assert.equal(res.status, 200);
    const out = (await res.json()) as any;
    assert.deepEqual([out.entity.id, out.entity.name, out.entity.documents], ['ORG:lake patrol unit', 'Lake Patrol Unit', 1]);
    assert.deepEqual([out.from.id, out.from.documents], ['ORG:lake patrol', 1]);
    assert.deepEqual([out.decision.action, out.decision.who, out.decision.name], ['split', 'api', 'Lake Patrol Unit']);
    const trail = (await get(`/api/entities/${enc('ORG:lake patrol')}/decisions`)).decisions.map((d: any) => d.action);
    assert.deepEqual(trail, ['not-same', 'split']);
  });

  test('rename: the chosen name stays; not-same: recorded both ways; every decision is listed', async () => {
    const res = await post('/api/entities/rename', { id: 'ORG:tidewater college', name: 'Tidewater College of Marine Studies', who: 'analyst-2' });
    assert.equal(res.status, 200);
    assert.equal(((await res.json()) as any).entity.name, 'Tidewater College of Marine Studies');
    assert.equal((await get(`/api/entities/${enc('ORG:tidewater college')}`)).entity.name, 'Tidewater College of Marine Studies');

    const ns = await post('/api/entities/not-same', { a: 'PERSON:amara okafor', b: 'PERSON:daniel okafor', note: 'a minister and a lecturer' });
    assert.equal(ns.status, 200);
    const out = (await ns.json()) as any;
    assert.deepEqual([out.a.id, out.b.id, out.decision.action, out.decision.note], ['PERSON:amara okafor', 'PERSON:daniel okafor', 'not-same', 'a minister and a lecturer']);
    for (const id of ['PERSON:amara okafor', 'PERSON:daniel okafor']) {
      const trail = await get(`/api/entities/${enc(id)}/decisions`);
      assert.deepEqual(trail.decisions.map((d: any) => `${d.action} ${d.a} ${d.b}`), ['not-same PERSON:amara okafor PERSON:daniel okafor'], id);
    }
    const all = (await get('/api/decisions')).decisions;
    assert.deepEqual(all.map((d: any) => d.action), ['not-same', 'rename', 'not-same', 'split', 'merge']);
    assert.ok(all.every((d: any) => typeof d.seq === 'number' && /^\d{4}-\d{2}-\d{2}T/.test(d.at)));
    assert.equal((await get('/api/decisions?limit=2')).decisions.length, 2);
    assert.equal((await fetch(`${rw.base}/api/decisions?limit=0`)).status, 400);
  });

  test('the decisions of an entity include those about ids merged into it', async () => {
    assert.equal((await post('/api/entities/rename', { id: 'ORG:lake patrol unit', name: 'Lake Patrol Unit (army)' })).status, 200);
    assert.equal((await post('/api/entities/merge', { into: 'ORG:hill lantern brigade', from: 'ORG:lake patrol unit' })).status, 200);
    const trail = (await get(`/api/entities/${enc('ORG:hill lantern brigade')}/decisions`)).decisions.map((d: any) => `${d.action} ${d.a}`);
    assert.deepEqual(trail.slice(0, 2), ['merge ORG:hill lantern brigade', 'rename ORG:lake patrol unit']);
  });
});
