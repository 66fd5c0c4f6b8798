import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { articlePage, PARAGRAPHS, rssFeed, send, serve } from '../fixtures/samples.js';
import type { ReadItem } from '../types.js';
import { parseFeed, readFeed } from './feed.js';

async function all(it: AsyncIterable<ReadItem>): Promise<ReadItem[]> {
  const out: ReadItem[] = [];
  for await (const x of it) out.push(x);
  return out;
}

let srv: Awaited<ReturnType<typeof serve>>;
before(async () => {
  srv = await serve({ '/article': send('text/html; charset=utf-8', articlePage()) });
});
after(() => srv.close());

test('RSS 2.0: one document per item, HTML stripped, dates and authors read', async () => {
  const items = await all(readFeed(rssFeed('https://courier.example'), 'feed.xml'));
  assert.deepEqual(items.map((i) => [i.source, i.ok]), [['feed.xml#1', true], ['feed.xml#2', true]]);
  const [a, b] = items;
  assert.ok(a!.ok && b!.ok);
  if (!a!.ok || !b!.ok) return;
  assert.equal(a!.doc.text, `${PARAGRAPHS[0]}\n\n${PARAGRAPHS[1]}`);
  assert.deepEqual(a!.doc.meta, {
    title: 'Ferry route to reopen',
    author: 'Tomas Brandt',
    outlet: 'Kessington Courier',
    url: 'https://courier.example/article',
    published: '2025-03-04T08:15:00+01:00',
    origin: 'feed.xml#1',
  });
  assert.equal(b!.doc.meta.author, 'Lena Fisk');
  assert.equal(b!.doc.meta.published, '2025-03-05T10:00:00Z');
  assert.match(b!.doc.text, /council & the library trust/);
});

test('Atom with html and xhtml content, relative links', async () => {
  const atom = `<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom"><title>Desk</title>
<entry><title type="html">Bridge &lt;em&gt;closed&lt;/em&gt;</title><link rel="alternate" href="/b/1"/><author><name>Uma Ross</name></author>
<published>2025-01-02T03:04:05Z</published><content type="html">&lt;p&gt;The bridge shut at noon.&lt;/p&gt;&lt;p&gt;Traffic was diverted.&lt;/p&gt;</content></entry>
<entry><title>Second</title><link href="https://desk.example/b/2"/><updated>2025-01-03</updated><content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Inline XHTML body.</p></div></content></entry>
</feed>`;
  const items = await all(readFeed(atom, 'https://desk.example/atom', {}, 'https://desk.example/atom'));
  assert.ok(items.every((i) => i.ok));
  const [a, b] = items as Extract<ReadItem, { ok: true }>[];
  assert.equal(a!.doc.meta.title, 'Bridge closed');
  assert.equal(a!.doc.meta.url, 'https://desk.example/b/1');
  assert.equal(a!.doc.meta.author, 'Uma Ross');
  assert.equal(a!.doc.text, 'The bridge shut at noon.\n\nTraffic was diverted.');
  assert.equal(a!.source, 'https://desk.example/atom#1');
  assert.equal(b!.doc.text, 'Inline XHTML body.');
  assert.equal(b!.doc.meta.published, '2025-01-03');
});

test('RSS items with an atom:link and a permalink guid', async () => {
  const rss = `<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom"><channel><title>W</title>
<item><atom:link href="https://w.example/1" rel="alternate"/><description>Body one.</description></item>
<item><guid>https://w.example/2</guid><description>Body two.</description></item>
<item><guid isPermaLink="false">tag-3</guid><description>Body three.</description></item></channel></rss>`;
  const items = (await all(readFeed(rss, 'w.rss'))) as Extract<ReadItem, { ok: true }>[];
  assert.deepEqual(items.map((i) => i.doc.meta.url), ['https://w.example/1', 'https://w.example/2', undefined]);
});

test('JSON Feed', async () => {
  const jf = JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: 'Notes',
    items: [
      { id: '1', url: 'https://n.example/1', title: 'One', content_html: '<p>First <b>note</b>.</p>', authors: [{ name: 'Al Vik' }], date_published: '2025-02-02T10:00:00Z' },
      { id: '2', content_text: 'Plain second note.' },
      { id: '3' },
    ],
  });
  const items = await all(readFeed(jf, 'n.json'));
  assert.deepEqual(items.map((i) => i.ok), [true, true, false]);
  assert.ok(items[0]!.ok && items[0]!.doc.text === 'First note.' && items[0]!.doc.meta.author === 'Al Vik');
  assert.ok(!items[2]!.ok && /no text \(use --follow/.test(items[2]!.error));
});

test('a feed that is not XML or not a feed is a clear failure', async () => {
  const [a] = await all(readFeed('Just some words, not a feed.', 'news.rss'));
  assert.ok(!a!.ok && a!.source === 'news.rss' && a!.error === 'not a feed: the content is neither XML nor JSON');
  assert.match(String(parseFeed('<rss><channel><item></channel></rss>')), /not a valid XML feed: .*line 1/);
  assert.match(String(parseFeed('<?xml version="1.0"?><catalog><book/></catalog>')), /not an RSS or Atom feed \(root element <catalog>\)/);
  assert.match(String(parseFeed('{"hello":1}')), /no "items" array/);
});

test('follow fetches each page; a failed page falls back to the item text with a note', async () => {
  const items = await all(readFeed(rssFeed(srv.base), 'feed.xml', { follow: true, allowPrivate: true, timeoutMs: 5000 }));
  assert.equal(items.length, 2);
  const [a, b] = items;
  assert.ok(a!.ok && b!.ok);
  if (!a!.ok || !b!.ok) return;
  // The whole page, not the two-paragraph excerpt; page metadata wins, the feed fills gaps.
  assert.ok(a!.doc.text.includes(PARAGRAPHS[3]!));
  assert.equal(a!.doc.meta.outlet, 'The Kessington Courier');
  assert.equal(a!.doc.meta.origin, 'feed.xml#1');
  assert.equal(a!.note, undefined);
  assert.match(b!.note ?? '', /^could not follow http:\/\/127\.0\.0\.1:\d+\/missing: HTTP 404.*used the feed's own text$/);
  assert.match(b!.doc.text, /library will open/);
});
