import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectFormat } from './detect.js';

test('content decides structural formats whatever the name says', () => {
  assert.equal(detectFormat('<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>', { name: 'x.txt' }), 'feed');
  assert.equal(detectFormat('<feed xmlns="http://www.w3.org/2005/Atom"></feed>'), 'feed');
  assert.equal(detectFormat('<!DOCTYPE html><html><body>x</body></html>', { name: 'page.xml' }), 'html');
  assert.equal(detectFormat('{"version":"https://jsonfeed.org/version/1.1","items":[]}', { name: 'f.json' }), 'feed');
});

test('extension and content type', () => {
  assert.equal(detectFormat('a,b\n1,2', { name: 'x.csv' }), 'csv');
  assert.equal(detectFormat('a\tb\n1\t2', { name: 'X.TSV' }), 'tsv');
  assert.equal(detectFormat('{"text":"a"}', { name: 'x.jsonl' }), 'jsonl');
  assert.equal(detectFormat('{"text":"a"}\n{"text":"b"}', { name: 'x.json' }), 'json');
  assert.equal(detectFormat('<p>hi</p>', { contentType: 'text/html; charset=utf-8' }), 'html');
  assert.equal(detectFormat('<x/>', { contentType: 'application/rss+xml' }), 'feed');
});

test('content sniffing without a name', () => {
  assert.equal(detectFormat('{"text":"a"}\n{"text":"b"}\n'), 'jsonl');
  assert.equal(detectFormat('[{"text":"a"}]'), 'json');
  assert.equal(detectFormat('{"text":"a"}'), 'json');
  assert.equal(detectFormat('Ann Lee| Harbour Times\nBody text here. |\n'), 'byline');
  assert.equal(detectFormat('id,title,body\n1,x,"some text"\n'), 'csv');
  assert.equal(detectFormat('headline\ttext\nx\ty\n'), 'tsv');
  assert.equal(detectFormat('Politics | World\nThe summit opened with a long speech.\n'), 'text');
  assert.equal(detectFormat('Just an ordinary article, with commas, in it.\nSecond line.'), 'text');
  assert.equal(detectFormat('<div><p>Fragment of a page</p></div>'), 'html');
});
