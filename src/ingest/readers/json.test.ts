import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readJson, readJsonLines } from './json.js';

test('JSON Lines: fields mapped, id kept, malformed lines fail by line while good lines go in', () => {
  const input = [
    '{"id":"a1","text":"The dam held.","headline":"Dam","byline":"R. Stone","link":"https://example.org/a","pubDate":"2024-02-01","site":"Gazette"}',
    '{"text": "broken',
    '',
    '{"body":"Second story."}',
    '{"title":"no text here"}',
    '[1,2]',
  ].join('\n');
  const items = [...readJsonLines(input, 'in.jsonl')];
  assert.deepEqual(items.map((i) => [i.source, i.ok]), [
    ['in.jsonl:1', true],
    ['in.jsonl:2', false],
    ['in.jsonl:4', true],
    ['in.jsonl:5', false],
    ['in.jsonl:6', false],
  ]);
  const first = items[0]!;
  assert.ok(first.ok);
  if (first.ok) {
    assert.equal(first.doc.id, 'a1');
    assert.deepEqual(first.doc.meta, { title: 'Dam', author: 'R. Stone', outlet: 'Gazette', url: 'https://example.org/a', published: '2024-02-01', origin: 'in.jsonl:1' });
  }
  const bad = items[1]!;
  assert.ok(!bad.ok && /^invalid JSON/.test(bad.error));
  assert.ok(!items[3]!.ok && /no text field/.test(items[3]!.error));
});

test('JSON Lines keeps text exactly, CRLF included', () => {
  const [item] = [...readJsonLines('{"id":7,"text":"  spaced\\ttext "}\r\n', 'x')];
  assert.ok(item!.ok);
  if (item!.ok) {
    assert.equal(item!.doc.text, '  spaced\ttext ');
    assert.equal(item!.doc.id, '7');
  }
});

test('JSON: object, array, wrapped list, and failures', () => {
  assert.equal(readJson('{"content":"One piece.","author":{"name":"Kim Ito"}}', 'a.json')[0]!.ok, true);
  const arr = readJson('[{"article":"Alpha."},{"nope":1},"str"]', 'b.json');
  assert.deepEqual(arr.map((i) => [i.source, i.ok]), [['b.json#1', true], ['b.json#2', false], ['b.json#3', false]]);
  const wrapped = readJson('{"status":"ok","articles":[{"title":"T","content":"Wrapped.","source":{"id":null,"name":"Wire"}}]}', 'c.json');
  assert.ok(wrapped[0]!.ok && wrapped[0]!.doc.meta.outlet === 'Wire');
  const broken = readJson('{"text": ', 'd.json');
  assert.ok(!broken[0]!.ok && broken[0]!.source === 'd.json' && /invalid JSON/.test(broken[0]!.error));
  const lines = readJson('{"text":"One."}\n{"text":"Two."}\n', 'f.json');
  assert.deepEqual(lines.map((i) => [i.source, i.ok]), [['f.json:1', true], ['f.json:2', true]]);
  const mapped = readJson('{"story_text":"Mapped."}', 'e.json', { columns: { text: 'story_text' } });
  assert.ok(mapped[0]!.ok);
});
