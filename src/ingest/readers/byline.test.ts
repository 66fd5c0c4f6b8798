import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseByline, readByline } from './byline.js';

test('byline line is blanked to the same length and the closing mark removed', () => {
  const file = 'Ada Brook| Valley News\nThe mill reopened on Monday. |\n';
  const [doc] = parseByline(file)!;
  assert.equal(doc!.meta.author, 'Ada Brook');
  assert.equal(doc!.meta.outlet, 'Valley News');
  assert.equal(doc!.text, ' '.repeat('Ada Brook| Valley News'.length) + '\nThe mill reopened on Monday.');
  // Offsets in the text equal offsets in the file.
  assert.equal(doc!.text.indexOf('mill'), file.indexOf('mill'));
});

test('several records in one file, each named by its index', () => {
  const items = readByline('A One| Paper A\nFirst body. |\nB Two| Paper B\nSecond body.\nMore. |\n', 'f.txt');
  assert.equal(items.length, 2);
  assert.deepEqual(items.map((i) => i.source), ['f.txt#1', 'f.txt#2']);
  const second = items[1]!;
  assert.ok(second.ok);
  if (second.ok) {
    assert.equal(second.doc.meta.author, 'B Two');
    assert.equal(second.doc.meta.origin, 'f.txt#2');
    assert.match(second.doc.text, /Second body\.\nMore\.$/);
  }
});

test('CRLF files and non-byline text', () => {
  const [item] = readByline('C Three| Paper C\r\nBody. |\r\n', 'c.txt');
  assert.ok(item!.ok && item!.doc.meta.outlet === 'Paper C');
  const [bad] = readByline('No bar on this line\nbody', 'd.txt');
  assert.equal(bad!.ok, false);
  assert.match(!bad!.ok ? bad!.error : '', /not a byline record/);
});
