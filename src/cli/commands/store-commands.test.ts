import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { NewsRecord } from '../../output/record.js';
import { validateRecord } from '../../output/validate.js';
import { sampleRecords } from '../../store/contract.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { cliHarness } from '../harness.js';

// End to end through the real command line, as a user runs it.
const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const { dir, cli } = cliHarness('newsgraph-cli-');
const jsonl = (s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as NewsRecord);

const ARTICLE =
  'Priya Raman| Coastal Herald\n' +
  'Fishermen in Port Elden blockaded the harbour on Monday to protest against a new licence fee. ' +
  '“We will stay until the council listens,” said Tomas Verde, who leads the fishermen’s union. ' +
  'The council said the fee would raise 2 million dollars for dredging. |\n';

test('ingest twice stores one document; search finds it; show and export give it back with its metadata', () => {
  writeFileSync(join(dir, 'harbour.txt'), ARTICLE);
  const first = cli('ingest', 'harbour.txt', '--db', 'news.db');
  assert.equal(first.code, 0, first.err);
  assert.match(first.err, /1 added, 0 already present, 0 failed; 1 documents stored/);
  const second = cli('ingest', 'harbour.txt', '--db', 'news.db', '--json');
  assert.equal(second.code, 0, second.err);
  assert.deepEqual(JSON.parse(second.out), { db: 'news.db', added: 0, present: 1, refreshed: 0, failed: [], warnings: [], unsupported: {}, total: 1 });

  const found = cli('search', 'blockaded', '--db', 'news.db', '--json');
  assert.equal(found.code, 0, found.err);
  const res = JSON.parse(found.out) as { total: number; hits: { id: string; snippet: string; meta: Record<string, string> }[] };
  assert.equal(res.total, 1);
  assert.match(res.hits[0]!.snippet, /«blockaded»/);
  assert.equal(res.hits[0]!.meta.outlet, 'Coastal Herald');
  const id = res.hits[0]!.id;

  const human = cli('search', 'harbour', '--db', 'news.db');
  assert.equal(human.code, 0);
  assert.match(human.out, new RegExp(`id ${id}`));
  assert.match(human.out, /1-1 of 1 documents/);

  const exported = jsonl(cli('export', '--db', 'news.db', '--format', 'jsonl').out);
  assert.equal(exported.length, 1);
  assert.equal(exported[0]!.id, id);
  assert.equal(exported[0]!.meta.author, 'Priya Raman');
  assert.equal(exported[0]!.meta.outlet, 'Coastal Herald');
  assert.ok(exported[0]!.text.includes('Fishermen in Port Elden'));
  assert.ok(!exported[0]!.text.includes('Coastal Herald'));
  assert.deepEqual(validateRecord(exported[0]), []);
  // The stored record is what extract writes for the same input, with each entity's knowledge-base
  // id, the source it counts as and its story.
  const extracted = jsonl(cli('extract', 'harbour.txt').out)[0]!;
  assert.ok(exported[0]!.entities.length && exported[0]!.entities.every((e) => e.kb));
  assert.equal(exported[0]!.source, 'coastal herald');
  assert.equal(exported[0]!.story, `story:${id}`);
  const withoutKb = ({ source: _s, story: _story, ...r }: NewsRecord) => ({ ...r, stages: [], entities: r.entities.map(({ kb: _kb, ...e }) => e) });
  assert.deepEqual(withoutKb(exported[0]!), withoutKb(extracted));

  const shown = cli('show', id, '--db', 'news.db', '--json');
  assert.deepEqual(JSON.parse(shown.out), exported[0]);
  assert.match(cli('show', id, '--db', 'news.db').out, /outlet {4}Coastal Herald/);

  const csv = cli('export', '--db', 'news.db', '--format', 'csv', '--out', 'news.csv');
  assert.equal(csv.code, 0, csv.err);
  const rows = readFileSync(join(dir, 'news.csv'), 'utf8').trim().split('\r\n');
  assert.equal(rows.length, 2);
  assert.match(rows[0]!, /^id,hash,title,author,outlet,url,published/);
  assert.match(rows[1]!, new RegExp(`^${id},[0-9a-f]{16},,Priya Raman,Coastal Herald,`));
});

test('bad inputs are reported one line each, naming the input; the rest of the batch lands', () => {
  writeFileSync(join(dir, 'empty.txt'), '');
  writeFileSync(join(dir, 'blob.bin'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3, 0, 0, 0xff, 0xfe, 0, 0]));
  writeFileSync(join(dir, 'mixed.jsonl'),
    '{"id":"a1","text":"The mayor of Ostrava opened a new tram line on Friday.","title":"Tram line opens"}\n' +
    '{"id":"a2", "text": \n' +
    '{"id":"a3","text":"Storms closed the mountain pass near Brasov for two days."}\n');
  const r = cli('ingest', 'empty.txt', 'blob.bin', 'mixed.jsonl', 'nowhere.txt', '--db', 'bad.db');
  assert.equal(r.code, 1);
  assert.match(r.err, /2 added, 0 already present, 4 failed; 2 documents stored/);
  for (const input of ['empty.txt', 'blob.bin', 'mixed.jsonl:2', 'nowhere.txt']) {
    assert.match(r.err, new RegExp(`^newsgraph: ${input.replace('.', '\\.')}: \\S`, 'm'), input);
  }
  assert.doesNotMatch(r.err, /^\s+at /m);
  assert.equal(JSON.parse(cli('search', 'tram', '--db', 'bad.db', '--json').out).hits[0].id, 'a1');
});

test('read commands fail in one line on a missing database, an unknown id or a bad flag', () => {
  const missing = cli('search', 'anything', '--db', 'absent.db');
  assert.equal(missing.code, 1);
  assert.equal(missing.err, 'newsgraph: no database at absent.db (run `newsgraph ingest --db absent.db ...` first)\n');
  assert.equal(existsSync(join(dir, 'absent.db')), false);
  writeFileSync(join(dir, 'one.txt'), 'Snow fell on Tallinn for the first time this winter.');
  cli('ingest', 'one.txt', '--db', 'one.db');
  const unknown = cli('show', 'nope', '--db', 'one.db');
  assert.equal(unknown.code, 1);
  assert.equal(unknown.err, 'newsgraph: no document with id nope in one.db\n');
  const badFormat = cli('export', '--db', 'one.db', '--format', 'xml');
  assert.equal(badFormat.code, 2);
  assert.match(badFormat.err, /^newsgraph: unknown export format "xml" \(expected one of jsonl, csv[^)]*\)\n$/);
  assert.equal(cli('search', 'snow', '--db', 'one.db', '--limit', 'many').code, 2);
  const none = cli('search', 'volcano', '--db', 'one.db');
  assert.equal(none.code, 1);
  assert.match(none.err, /no documents match "volcano"/);
});

test('quotes and entities list what is stored: speakers with outlet and date, entities with counts', async () => {
  const store = new SqliteStore(join(dir, 'quotes.db'));
  for (const r of sampleRecords()) await store.put(r);
  await store.close();
  const all = cli('quotes', '--db', 'quotes.db');
  assert.equal(all.code, 0, all.err);
  assert.match(all.out, /^Amara Okafor: “The rain came late,”\n {3}Valley Post, 2023-04-10, doc /m);
  assert.match(all.out, /^Port officials \(reported\): a ceasefire/m);
  const by = cli('quotes', '--db', 'quotes.db', '--speaker', 'Okafor', '--json');
  const hits = jsonl(by.out) as unknown as { speakerName: string; outlet: string }[];
  assert.deepEqual(hits.map((h) => [h.speakerName, h.outlet]), [['Amara Okafor', 'Valley Post'], ['Amara Okafor', 'Harbour Times']]);

  const list = cli('entities', '--db', 'quotes.db', '--type', 'PERSON');
  assert.match(list.out, /^PERSON  Amara Okafor \(also Okafor\)\n {8}2 documents, 3 mentions {2}id PERSON:amara okafor\n/);
  const one = cli('entities', 'okafor', '--db', 'quotes.db');
  assert.match(one.out, /documents per month:\n {2}2023-03 {2}# 1\n {2}2023-04 {2}# 1/);
  assert.match(one.out, /appears with:\n(.*\n)*? {2}Northern Relief Agency \(ORG, 1 documents\)/);
  assert.equal(cli('entities', 'Nobody', '--db', 'quotes.db').err, 'newsgraph: no entity named Nobody in quotes.db\n');
});

test('the example articles ingest without a failure and are searchable', () => {
  const examples = join(ROOT, 'examples');
  const r = cli('ingest', examples, '--db', 'examples.db', '--json');
  assert.equal(r.code, 0, r.err);
  const sum = JSON.parse(r.out) as { added: number; failed: unknown[] };
  assert.ok(sum.added >= 7, `only ${sum.added} example articles`);
  assert.ok(readdirSync(examples).length >= 5);
  const hits = JSON.parse(cli('search', 'ceasefire', '--db', 'examples.db', '--json').out) as { total: number };
  assert.ok(hits.total >= 1);
  for (const rec of jsonl(cli('export', '--db', 'examples.db', '--format', 'jsonl').out)) assert.deepEqual(validateRecord(rec), [], rec.meta.origin);
});

const SEED = [resolve(process.cwd(), '../shared/data/seed'), fileURLToPath(new URL('../../../../shared/data/seed', import.meta.url))].find(existsSync);

test('the seed record ingested twice is one document, found by a word of its body, exported with its metadata',
  { skip: !SEED && 'needs ../shared/data/seed' }, () => {
    const file = readdirSync(SEED!).filter((f) => f.endsWith('.txt')).map((f) => join(SEED!, f))[0]!;
    assert.equal(cli('ingest', file, '--db', 'seed.db').code, 0);
    const again = cli('ingest', file, '--db', 'seed.db');
    assert.equal(again.code, 0);
    assert.match(again.err, /0 added, 1 already present, 0 failed; 1 documents stored/);
    const [record] = jsonl(cli('export', '--db', 'seed.db', '--format', 'jsonl').out);
    assert.ok(record?.meta.author && record.meta.outlet, 'author and outlet kept');
    // A long word from the middle of the body, picked at run time.
    const words = record.text.match(/\p{L}{9,}/gu) ?? [];
    const word = words[Math.floor(words.length / 2)]!;
    const res = JSON.parse(cli('search', word, '--db', 'seed.db', '--json').out) as { hits: { id: string }[] };
    assert.deepEqual(res.hits.map((h) => h.id), [record.id]);
  });

test('reprocess on a store this build just made changes no record; a stale store is brought up to date', async () => {
  writeFileSync(join(dir, 'reprocess.txt'), ARTICLE.replace('Port Elden', 'Port Amsel'));
  assert.equal(cli('ingest', 'reprocess.txt', '--db', 'reprocess.db').code, 0);
  const before = cli('export', '--db', 'reprocess.db', '--format', 'jsonl').out;
  const dry = cli('reprocess', '--db', 'reprocess.db', '--dry-run', '--json');
  assert.equal(dry.code, 0, dry.err);
  assert.deepEqual(JSON.parse(dry.out), { db: 'reprocess.db', dryRun: true, checked: 1, stale: 0, refreshed: 0, failed: [], byStage: {} });
  const run = cli('reprocess', '--db', 'reprocess.db');
  assert.equal(run.code, 0, run.err);
  assert.match(run.err, /0 refreshed, 0 failed, 1 already current/);
  assert.equal(cli('export', '--db', 'reprocess.db', '--format', 'jsonl').out, before);

  // As if an older build had made the quotes: the quotes and what reads them run again.
  const store = new SqliteStore(join(dir, 'reprocess.db'));
  const rec = jsonl(before)[0]!;
  await store.replace({ ...rec, stages: rec.stages.map((s) => (s.name === 'quotes' ? { ...s, version: 'older' } : s)) });
  await store.close();
  const stale = cli('reprocess', '--db', 'reprocess.db', '--dry-run');
  assert.match(stale.err, /1 of 1 records made by older stages \(quotes 1\)/);
  assert.equal(cli('reprocess', '--db', 'reprocess.db', '--layers', 'places').err.includes('0 refreshed'), true);
  const fixed = cli('reprocess', '--db', 'reprocess.db', '--json');
  assert.equal(JSON.parse(fixed.out).refreshed, 1, fixed.err);
  const after = jsonl(cli('export', '--db', 'reprocess.db', '--format', 'jsonl').out)[0]!;
  const strip = (r: NewsRecord) => ({ ...r, stages: r.stages.map((s) => [s.name, s.version]) });
  assert.deepEqual(strip(after), strip(rec));
  // Stages that read nothing the quotes changed kept their stored timings: they did not run.
  const ms = (r: NewsRecord, n: string) => r.stages.find((s) => s.name === n)!.ms;
  assert.equal(ms(after, 'mentions'), ms(rec, 'mentions'));
  assert.equal(ms(after, 'places'), ms(rec, 'places'));

  const bad = cli('reprocess', '--db', 'reprocess.db', '--layers', 'nonsense');
  assert.equal(bad.code, 1);
  assert.match(bad.err, /^newsgraph: unknown layer "nonsense"/);
  assert.match(cli('reprocess', '--db', 'missing.db').err, /no database at missing.db/);
});
