import assert from 'node:assert/strict';
import { test } from 'node:test';
import { articlePage, NAV_ONLY_PAGE, PARAGRAPHS } from '../fixtures/samples.js';
import { extractArticle, readHtml } from './html.js';

test('main text with paragraph breaks, boilerplate left out', () => {
  const x = extractArticle(articlePage(), 'https://courier.example/news/2025/ferry?utm=x');
  assert.ok(x.ok, x.ok ? '' : x.error);
  if (!x.ok) return;
  for (const p of PARAGRAPHS) assert.ok(x.text.includes(p), `missing: ${p.slice(0, 30)}`);
  assert.ok(x.text.includes(`${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`), 'paragraphs separated by a blank line');
  assert.ok(x.text.includes('Timetables will follow.\nFares are unchanged.'), '<br> is a line break');
  assert.ok(!/Home|Copyright|tracking/.test(x.text));
});

test('metadata from meta tags and the canonical link', () => {
  const x = extractArticle(articlePage(), 'https://courier.example/news/2025/ferry?utm=x');
  assert.ok(x.ok);
  if (!x.ok) return;
  assert.deepEqual(x.meta, {
    title: 'Ferry route to reopen after board vote',
    author: 'Tomas Brandt',
    outlet: 'The Kessington Courier',
    url: 'https://courier.example/news/ferry-route',
    published: '2025-03-04T08:15:00+01:00',
    lang: 'en',
  });
});

test('metadata from JSON-LD when meta tags are absent', () => {
  const x = extractArticle(articlePage({ meta: false, jsonLd: true }), 'https://post.example/p/1');
  assert.ok(x.ok);
  if (!x.ok) return;
  assert.equal(x.meta.author, 'Ana Ruiz');
  assert.equal(x.meta.outlet, 'Island Post');
  assert.equal(x.meta.published, '2025-03-05');
  assert.equal(x.meta.url, 'https://post.example/p/1');
});

test('a page with no article is a clear failure naming the input', () => {
  const [item] = readHtml(NAV_ONLY_PAGE, 'index.html');
  assert.equal(item!.ok, false);
  if (!item!.ok) {
    assert.equal(item!.source, 'index.html');
    assert.match(item!.error, /^no article found in the page \(main text has \d+ words?, need \d+\)$/);
  }
  const [empty] = readHtml('<html><body></body></html>', 'blank.html');
  assert.equal(empty!.ok, false);
});

test('JSON-LD articleBody stands in when the page body holds no article', () => {
  const body = PARAGRAPHS.slice(0, 2).join(' ');
  const page = NAV_ONLY_PAGE.replace('</head>', `<script type="application/ld+json">${JSON.stringify({ '@type': ['NewsArticle'], headline: 'H', articleBody: body })}</script></head>`);
  const x = extractArticle(page);
  assert.ok(x.ok && x.text === body && x.meta.title === 'H');
});
