import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sampleRecords } from '../../store/contract.js';
import { CSV_COLUMNS, csvCell, csvRow } from './csv.js';

test('csv cells: RFC 4180 quoting, and no cell a spreadsheet would run as a formula', () => {
  assert.equal(csvCell('plain'), 'plain');
  assert.equal(csvCell(undefined), '');
  assert.equal(csvCell(42), '42');
  assert.equal(csvCell('a, b'), '"a, b"');
  assert.equal(csvCell('say "no"'), '"say ""no"""');
  assert.equal(csvCell('two\nlines'), '"two\nlines"');
  assert.equal(csvCell('=HYPERLINK("x")'), `"'=HYPERLINK(""x"")"`);
  assert.equal(csvCell('@SUM(A1)'), "'@SUM(A1)");
  assert.equal(csvCell('-cmd'), "'-cmd");
  assert.equal(csvCell('-12.5'), '-12.5');
});

test('csv rows: one per document, metadata then layer counts, in header order', () => {
  const [r] = sampleRecords();
  const cells = csvRow(r!).trimEnd().split(',');
  assert.equal(cells.length, CSV_COLUMNS.length);
  const row = Object.fromEntries(CSV_COLUMNS.map((c, i) => [c, cells[i]]));
  assert.equal(row.id, r!.id);
  assert.equal(row.outlet, 'Harbour Times');
  assert.equal(row.published, '2023-03-02');
  assert.equal(row.quotes_count, '1');
  assert.equal(row.mentions_count, String(r!.mentions.length));
  assert.equal(row.characters, String(r!.text.length));
});
