import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { NewsRecord } from '../output/record.js';
import { fixtureRecords } from './test-fixtures.js';
import { startServer, stopServers, type Running } from './test-server.js';

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-export-api-'));
let ro: Running;
before(async () => { ro = await startServer(dir, 'export', fixtureRecords()); });
after(() => stopServers(dir, [ro]));

const byId = new Map(fixtureRecords().map((r) => [r.id, r]));
const download = async (path: string) => {
  const res = await fetch(`${ro.base}${path}`);
  return { status: res.status, type: res.headers.get('content-type') ?? '', disposition: res.headers.get('content-disposition') ?? '', text: await res.text() };
};
const table = (text: string) => parse(text, { columns: true }) as Record<string, string>[];

test('a search exports as records, and as mentions and quotes with their spans and sources', async () => {
  const hits = (await (await fetch(`${ro.base}/api/search?q=Mwangi`)).json() as { hits: { id: string }[] }).hits.map((h) => h.id).sort();
  const jsonl = await download('/api/export/docs?q=Mwangi&format=jsonl');
  assert.equal(jsonl.status, 200);
  assert.match(jsonl.disposition, /attachment; filename="newsgraph-search\.jsonl"/);
  const records = jsonl.text.trim().split('\n').map((l) => JSON.parse(l) as NewsRecord);
  assert.deepEqual(records.map((r) => r.id).sort(), hits);

  const mentions = await download('/api/export/docs?q=Mwangi&format=mentions-csv');
  assert.match(mentions.type, /text\/csv/);
  const rows = table(mentions.text);
  assert.ok(rows.length > 4);
  assert.deepEqual([...new Set(rows.map((r) => r.doc))].sort(), hits);
  for (const r of rows) {
    // Each row's span is the text it names, in the document it names.
    assert.equal(byId.get(r.doc!)!.text.slice(Number(r.start), Number(r.end)), r.text);
    assert.equal(r.outlet, byId.get(r.doc!)!.meta.outlet);
  }
  assert.ok(rows.some((r) => r.text === 'Joel Mwangi' && r.type === 'PERSON' && r.entity_name === 'Joel Mwangi'));

  const quotes = table((await download('/api/export/docs?q=Mwangi&format=quotes-csv')).text);
  assert.ok(quotes.length >= 1);
  for (const q of quotes) assert.equal(byId.get(q.doc!)!.text.slice(Number(q.start), Number(q.end)), q.text);
  assert.ok(quotes.some((q) => q.speaker_name === 'Joel Mwangi'));
});

test('a quote list and a claim list export with one row per quote, per piece of evidence', async () => {
  const quotes = table((await download('/api/export/quotes?speaker=Okello&format=csv')).text);
  assert.equal(quotes.length, 2);
  for (const q of quotes) assert.equal(byId.get(q.doc!)!.text.slice(Number(q.start), Number(q.end)), q.text);
  const claims = await download('/api/export/claims?entity=Red%20Heron%20Front&format=csv');
  assert.match(claims.disposition, /newsgraph-claims\.csv/);
  const rows = table(claims.text);
  assert.ok(rows.some((r) => r.kind === 'event' && r.type === 'attack'));
  for (const r of rows) {
    assert.equal(byId.get(r.doc!)!.text.slice(Number(r.start), Number(r.end)), r.evidence);
    assert.ok(Number(r.sources) >= 1 && r.subject);
  }
  const jsonl = (await download('/api/export/claims?entity=Red%20Heron%20Front&format=jsonl')).text.trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(jsonl.length, new Set(rows.map((r) => r.claim)).size);
});

test('a story exports its documents; bad formats and unknown stories are refused', async () => {
  assert.equal((await download('/api/export/docs?format=pdf')).status, 400);
  assert.equal((await download('/api/export/quotes?format=xml')).status, 400);
  assert.equal((await download('/api/export/docs?story=nope')).status, 404);
  const all = table((await download('/api/export/docs?format=csv')).text);
  assert.equal(all.length, fixtureRecords().length);
});
