import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliHarness } from './harness.js';
import { jsonText, printable } from './terminal.js';

// Anything a terminal would act on: ESC, the rest of C0 but tab and newline, DEL, C1.
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f-\x9f]/;

test('printable takes out escape sequences whole and every other control character', () => {
  assert.equal(printable('Title\x1b]0;owned\x07 here'), 'Title here');
  assert.equal(printable('a\x1b]8;;http://x.example\x1b\\link\x1b]8;;\x1b\\b'), 'alinkb');
  assert.equal(printable('\x1b[2J\x1b[1;31mred\x1b[0m \x9b31mtoo'), 'red too');
  assert.equal(printable('bell\x07 back\x08 cr\r del\x7f c1\x85\x9d end'), 'bell back cr del c1 end');
  assert.equal(printable('keeps\ttabs\nand lines, “quotes”, Zoë, 東京, 🙂'), 'keeps\ttabs\nand lines, “quotes”, Zoë, 東京, 🙂');
  // An unterminated command loses its introducer only: the text after it stays.
  assert.equal(printable('x\x1b]no end, the rest of the article'), 'xno end, the rest of the article');
});

test('jsonText escapes DEL and C1 too, and reads back the same', () => {
  const value = { title: 'a\x1b[2Jb\x9bc\x7fd', text: '“fine”' };
  const s = jsonText(value);
  assert.doesNotMatch(s, CONTROL);
  assert.deepEqual(JSON.parse(s), value);
});

const { dir, cli } = cliHarness('newsgraph-terminal-');

test('search, show, stories, entities, quotes and claims print stored titles, authors, outlets and names without their escape sequences', () => {
  const doc = {
    title: 'Harbour \x1b]0;owned\x07closed\x1b[2J again',
    author: 'Ana \x9b31mRuiz',
    outlet: 'Bay\x1b[8m Post',
    text: 'Fishermen in Port Elden blockaded the harbour on Monday, said Tomas Verde, who leads the union.',
    id: 'doc\x1b[1m-1',
  };
  writeFileSync(join(dir, 'hostile.jsonl'), JSON.stringify(doc) + '\n');
  const ingest = cli('ingest', 'hostile.jsonl', '--db', 'news.db');
  assert.equal(ingest.code, 0, ingest.err);
  const runs = [
    cli('search', 'harbour', '--db', 'news.db'),
    cli('search', 'harbour', '--db', 'news.db', '--json'),
    cli('show', doc.id, '--db', 'news.db'),
    cli('show', doc.id, '--db', 'news.db', '--json'),
    cli('stories', '--db', 'news.db'),
    cli('entities', '--db', 'news.db'),
    cli('quotes', '--db', 'news.db'),
    cli('claims', '--db', 'news.db'),
  ];
  for (const r of runs) {
    assert.equal(r.code, 0, r.err);
    assert.doesNotMatch(r.out + r.err, CONTROL, r.out);
  }
  assert.match(runs[0]!.out, /Harbour closed again \(Bay Post/);
  assert.match(runs[2]!.out, /author {4}Ana Ruiz\n/);
  assert.match(runs[6]!.out, /Bay Post, doc doc-1/);
  assert.match(runs[7]!.out, /Bay Post, per Tomas Verde/);
  // JSON keeps the stored values exactly, escaped.
  assert.equal(JSON.parse(runs[3]!.out).meta.title, doc.title);
});
