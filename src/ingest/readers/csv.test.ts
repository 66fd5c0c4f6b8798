import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readTable, sniffDelimiter } from './csv.js';

test('CSV with recognised columns, quoted multi-line text, per-row sources', () => {
  const csv = 'id,Headline,Body,Author,Date,URL\n' + 'n1,Rain,"Heavy rain, again.\nRivers rose.",J. Park,2024-04-02,https://example.org/r\n' + 'n2,Sun,Dry week ahead.,,,\n';
  const items = readTable(csv, 'n.csv', false);
  assert.deepEqual(items.map((i) => i.source), ['n.csv:2', 'n.csv:4']);
  const a = items[0]!;
  assert.ok(a.ok);
  if (a.ok) {
    assert.equal(a.doc.text, 'Heavy rain, again.\nRivers rose.');
    assert.equal(a.doc.id, 'n1');
    assert.deepEqual(a.doc.meta, { title: 'Rain', author: 'J. Park', url: 'https://example.org/r', published: '2024-04-02', origin: 'n.csv:2' });
  }
});

test('TSV, semicolon CSV, and column mapping', () => {
  const tsv = readTable('title\ttext\nA\tFirst "quoted" words.\n', 't.tsv', true);
  assert.ok(tsv[0]!.ok && tsv[0]!.doc.text === 'First "quoted" words.');
  assert.equal(sniffDelimiter('a;b;"c,d"\n'), ';');
  const semi = readTable('titel;inhalt\nX;Ein Text.\n', 's.csv', false, { columns: { text: 'inhalt', title: 'titel' } });
  assert.ok(semi[0]!.ok && semi[0]!.doc.meta.title === 'X');
});

test('a CSV without a text column is one clear failure', () => {
  const items = readTable('name,age\nBo,3\nCy,4\n', 'people.csv', false);
  assert.equal(items.length, 1);
  const f = items[0]!;
  assert.ok(!f.ok);
  if (!f.ok) {
    assert.equal(f.source, 'people.csv');
    assert.match(f.error, /no text column .*--text-column.*columns: name, age/);
  }
  const missing = readTable('a,b\n1,2\n', 'm.csv', false, { columns: { text: 'story' } });
  assert.ok(!missing[0]!.ok && /no column "story"/.test(missing[0]!.error));
});

test('empty text cells fail by row; the other rows go in', () => {
  const items = readTable('text\nfine\n""\nalso fine\n', 'e.csv', false);
  assert.deepEqual(items.map((i) => [i.source, i.ok]), [['e.csv:2', true], ['e.csv:3', false], ['e.csv:4', true]]);
});
