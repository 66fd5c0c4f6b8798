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

test('an unclosed quote fails its own row, by line; the rows after it still load', () => {
  const csv = 'id,text\n1,"First row."\n2,"Second row, never closed.\n3,Third row.\n\n4,"Fourth, quoted."\n5,Fifth row.\n';
  const items = readTable(csv, 'q.csv', false);
  assert.deepEqual(items.map((i) => [i.source, i.ok]), [['q.csv:2', true], ['q.csv:3', false], ['q.csv:4', true], ['q.csv:6', true], ['q.csv:7', true]]);
  const bad = items[1]!;
  assert.ok(!bad.ok && /^malformed CSV row: a quote opened in this row is not closed \(it runs on to line 6\)/.test(bad.error), JSON.stringify(bad));
  assert.deepEqual(items.filter((i) => i.ok).map((i) => i.ok && i.doc.text), ['First row.', 'Third row.', 'Fourth, quoted.', 'Fifth row.']);
  // Two broken rows, the last at the end of the file; a quote inside an unquoted field.
  const two = readTable('text\n"open one\nfine\nmid"quote\nalso fine\n"open two\n', 't.csv', false);
  assert.deepEqual(two.map((i) => [i.source, i.ok]), [['t.csv:2', false], ['t.csv:3', true], ['t.csv:4', false], ['t.csv:5', true], ['t.csv:6', false]]);
  // Every row broken: failures by line, not "no data rows".
  const none = readTable('text\n"never closed\n', 'n.csv', false);
  assert.deepEqual(none.map((i) => [i.source, i.ok]), [['n.csv:2', false]]);
  assert.ok(!none[0]!.ok && /a quote opened in this row is never closed/.test(none[0]!.error));
});
