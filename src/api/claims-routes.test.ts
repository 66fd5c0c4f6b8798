import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { fixtureRecords } from './test-fixtures.js';
import { startServer, stopServers, type Running } from './test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-claims-api-'));
let ro: Running;
before(async () => { ro = await startServer(dir, 'claims', fixtureRecords()); });
after(() => stopServers(dir, [ro]));

const get = async (path: string) => { const res = await fetch(`${ro.base}${path}`); return { status: res.status, body: await res.json() as any }; };

test('GET /api/claims?entity=NAME: the entity the name means and the claims about it, each with its evidence spans', async () => {
  const { status, body } = await get('/api/claims?entity=Red%20Heron%20Front');
  assert.equal(status, 200);
  assert.equal(body.entity.id, 'ORG:red heron front');
  const attack = body.claims.find((c: any) => c.kind === 'event' && c.type === 'attack');
  assert.ok(attack, JSON.stringify(body.claims.map((c: any) => c.statement)));
  assert.equal(attack.subject.name, 'Red Heron Front');
  assert.deepEqual([attack.documents, attack.sources, attack.conflicts], [1, 1, []]);
  const rec = fixtureRecords().find((r) => r.id === attack.evidence[0].doc)!;
  assert.equal(rec.text.slice(attack.evidence[0].start, attack.evidence[0].end), 'Fighters of the Red Heron Front attacked a police post in Mombasa on February 2');
  const events = await get('/api/claims?entity=ORG:red%20heron%20front&kind=event');
  assert.ok(events.body.claims.length >= 1 && events.body.claims.every((c: any) => c.kind === 'event'));
});

test('GET /api/claims: a bad kind is a 400, an unknown entity a 404, each with one clear message', async () => {
  const bad = await get('/api/claims?kind=rumour');
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /kind must be one of quantity, event, relation, quote/);
  const none = await get('/api/claims?entity=Nobody%20At%20All');
  assert.equal(none.status, 404);
  assert.match(none.body.error.message, /no entity named Nobody At All/);
});
