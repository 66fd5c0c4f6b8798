import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { test } from 'node:test';
import { binaryReason, decodeBytes, declaredCharset, gunzip, isGzip, utf8Damage } from './decode.js';

const ok = (d: ReturnType<typeof decodeBytes>) => {
  assert.ok(d.ok, d.ok ? '' : d.error);
  return d;
};

test('UTF-8 with and without BOM', () => {
  assert.equal(ok(decodeBytes(Buffer.from('Café “quoted”'))).text, 'Café “quoted”');
  const d = ok(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zoë')])));
  assert.equal(d.text, 'Zoë');
  assert.equal(d.encoding, 'utf-8');
});

test('UTF-16 LE and BE with BOM', () => {
  const s = 'Ärzte in Łódź “sprechen”';
  const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(s, 'utf16le')]);
  assert.deepEqual([ok(decodeBytes(le)).text, ok(decodeBytes(le)).encoding], [s, 'utf-16le']);
  const be = Buffer.from(le.subarray(2));
  be.swap16();
  const d = ok(decodeBytes(Buffer.concat([Buffer.from([0xfe, 0xff]), be])));
  assert.deepEqual([d.text, d.encoding], [s, 'utf-16be']);
});

test('Windows-1252 fallback when bytes are not UTF-8', () => {
  // "café – “ok”" in cp1252: é=E9, en dash=96, curly quotes=93/94.
  const bytes = Buffer.from([0x63, 0x61, 0x66, 0xe9, 0x20, 0x96, 0x20, 0x93, 0x6f, 0x6b, 0x94]);
  const d = ok(decodeBytes(bytes));
  assert.equal(d.text, 'café – “ok”');
  assert.equal(d.encoding, 'windows-1252');
  // A declared charset is used when UTF-8 fails.
  assert.equal(ok(decodeBytes(Buffer.from([0x41, 0xa4]), 'iso-8859-15')).text, 'A€');
});

test('binary and empty inputs are refused with a one-line reason', () => {
  const cases: [Buffer, RegExp][] = [
    [Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0]), /binary file \(PNG image\)/],
    [Buffer.from('%PDF-1.7\n...'), /PDF/],
    [Buffer.from('abc\u0000def'), /NUL/],
    [Buffer.from(Array.from({ length: 400 }, (_, i) => (i * 37) % 32)), /binary file/],
    [Buffer.from('Plain words in UTF-16', 'utf16le'), /UTF-16 text without a byte-order mark/],
    [Buffer.alloc(0), /^empty file$/],
    [Buffer.from(' \n\t \r\n'), /only whitespace/],
    [Buffer.from([0xff, 0xfe, 0x20, 0x00, 0x0a, 0x00]), /only whitespace/],
  ];
  for (const [buf, re] of cases) {
    const d = decodeBytes(buf);
    assert.equal(d.ok, false);
    if (!d.ok) {
      assert.match(d.error, re);
      assert.ok(!d.error.includes('\n'));
    }
  }
  // One stray control byte in a long text is not binary.
  assert.equal(binaryReason(Buffer.from('x'.repeat(500) + '\u0007' + 'y'.repeat(500))), undefined);
});

test('gzip detection and decompression limit', () => {
  const gz = gzipSync(Buffer.from('hello '.repeat(1000)));
  assert.ok(isGzip(gz));
  assert.equal(gunzip(gz, 1e6).length, 6000);
  assert.throws(() => gunzip(gz, 100), /expands beyond/);
  assert.throws(() => gunzip(Buffer.from([0x1f, 0x8b, 1, 2, 3]), 1e6), /corrupt gzip/);
});

test('declared charset of HTML and XML', () => {
  assert.equal(declaredCharset(Buffer.from('<html><head><meta charset="windows-1251">')), 'windows-1251');
  assert.equal(declaredCharset(Buffer.from('<?xml version="1.0" encoding="ISO-8859-1"?><rss>')), 'ISO-8859-1');
  assert.equal(declaredCharset(Buffer.from('plain words')), undefined);
});

test('UTF-8 with a few damaged bytes stays UTF-8: the bad bytes become U+FFFD and are counted', () => {
  const text = '“We will stay,” said Zoë. “Until the council listens.” — the union’s leader';
  const utf8 = Buffer.from(text);
  // A lone continuation byte, a cut three-byte sequence and a byte that is never UTF-8.
  const damaged = Buffer.concat([utf8.subarray(0, 10), Buffer.from([0x80]), utf8.subarray(10, 30), Buffer.from([0xe2, 0x80]), utf8.subarray(30), Buffer.from([0xff])]);
  assert.deepEqual(utf8Damage(damaged), { sequences: 7, invalid: 4 });
  const d = ok(decodeBytes(damaged));
  assert.equal(d.encoding, 'utf-8');
  assert.equal(d.ok && d.invalidBytes, 4);
  const t = d.ok ? d.text : '';
  assert.equal(t.replace(/\uFFFD/g, ''), text);
  for (const q of ['“', '”', '’', 'ë', '—']) assert.ok(t.includes(q), q);
  // With a byte-order mark the file is UTF-8 whatever the damage.
  const marked = ok(decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('Zo'), Buffer.from([0xeb]), Buffer.from(' said')])));
  assert.deepEqual([marked.ok && marked.text, marked.ok && marked.invalidBytes], ['Zo\uFFFD said', 1]);
  // Clean UTF-8 has no count; cp1252 text (no well-formed sequences) is still cp1252.
  assert.equal(ok(decodeBytes(utf8)).ok && (ok(decodeBytes(utf8)) as { invalidBytes?: number }).invalidBytes, undefined);
  assert.equal(ok(decodeBytes(Buffer.from([0x93, 0x6f, 0x6b, 0x94, 0x20, 0xe9]))).encoding, 'windows-1252');
});
