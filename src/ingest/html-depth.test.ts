import assert from 'node:assert/strict';
import { test } from 'node:test';
import { flattenDeepNesting } from './html-depth.js';
import { extractArticle } from './readers/html.js';

const ARTICLE = '<p>' + 'Ferries resumed between Port Elden and Kessel on Monday after repairs to the harbour wall, the harbour master said. '.repeat(4) + '</p>';
const nested = (n: number, inner: string) => `<html><head><title>Harbour</title></head><body>${'<div class="x">'.repeat(n)}${inner}${'</div>'.repeat(n)}</body></html>`;

test('an ordinary page is returned as it is', () => {
  const page = `<!doctype html><html><head><script>if (a < b && c > d) {}</script><title>a < b</title></head><body><!-- <div> --><div data-x="a>b"><br><img src=x.png/><p>Text<p>More</div></body></html>`;
  assert.equal(flattenDeepNesting(page), page);
  assert.equal(flattenDeepNesting(nested(90, ARTICLE)), nested(90, ARTICLE));
});

test('elements nested past the limit lose their tags and keep their content', () => {
  const flat = flattenDeepNesting(nested(5, '<span><b>deep</b> text</span>'), 4);
  // html, body and two divs stay; the rest of the divs and the span and b inside them go.
  assert.equal(flat, '<html><head><title>Harbour</title></head><body><div class="x"><div class="x">deep text</div></div></body></html>');
  // End tags that close nothing, or close several elements at once, are taken as a browser takes them.
  assert.equal(flattenDeepNesting('<div><div><p>a</div></div></i><div>b</div>', 2), '<div><div>a</div></div></i><div>b</div>');
  // Unclosed quotes and tags cost one pass and break nothing.
  assert.equal(flattenDeepNesting('<div title="x<div <b'.repeat(3), 2), '<div title="x<div <b'.repeat(3));
});

test('a page of 100,000 nested divs keeps its article', () => {
  const x = extractArticle(nested(100_000, ARTICLE));
  assert.ok(x.ok, x.ok ? '' : x.error);
  assert.match(x.text, /^Ferries resumed between Port Elden and Kessel/);
  assert.equal(x.meta.title, 'Harbour');
});
