import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { cleanMeta, type DocMeta } from '../../core/meta.js';
import { errorMessage } from '../../core/errors.js';
import { decodeBytes, declaredCharset, invalidBytesNote } from '../decode.js';
import { fetchUrl, type FetchLimits } from '../fetch.js';
import { asString, normalizeDate } from '../fields.js';
import { htmlToText } from '../html-text.js';
import { failed, type ReadItem, type ReadOptions } from '../types.js';
import { extractArticle } from './html.js';

/** One entry of a feed, format-independent. */
export interface FeedItem {
  readonly title?: string;
  readonly link?: string;
  readonly author?: string;
  readonly published?: string;
  /** Plain text of the item's content or description. */
  readonly text: string;
}

export interface Feed {
  readonly title?: string;
  readonly items: FeedItem[];
}

type Node = Record<string, unknown>;

const ARRAYS = new Set(['item', 'entry', 'link', 'author', 'category', 'contributor']);
let parser: XMLParser | undefined;
function xmlParser(): XMLParser {
  // Namespace prefixes dropped: dc:creator -> creator, content:encoded -> encoded, rdf:RDF -> RDF.
  parser ??= new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '@_',
    removeNSPrefix: true,
    parseTagValue: false,
    parseAttributeValue: false,
    htmlEntities: true,
    isArray: (name) => ARRAYS.has(name),
  });
  return parser;
}

/** The text in a parsed XML value: a string, {#text}, or nested inline XHTML. */
function textOf(v: unknown): string {
  if (v == null) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(textOf).filter(Boolean).join(' ');
  if (typeof v === 'object') {
    return Object.entries(v as Node)
      .filter(([k]) => !k.startsWith('@_'))
      .map(([, x]) => textOf(x))
      .filter(Boolean)
      .join(' ');
  }
  return '';
}

const plain = (v: unknown) => {
  const s = textOf(v).trim();
  return s ? htmlToText(s) : undefined;
};

function first<T>(v: T | T[] | undefined): T | undefined {
  return Array.isArray(v) ? v[0] : v;
}

/** RSS `author` is "mail@example.org (Name)"; the name is what the record wants. */
function rssAuthor(v: unknown): string | undefined {
  const s = textOf(v).trim();
  const m = /^\S+@\S+\s*\((.+)\)$/.exec(s);
  return m ? m[1] : /^\S+@\S+$/.test(s) ? undefined : s || undefined;
}

function rssItems(items: Node[]): FeedItem[] {
  return items.map((it) => {
    const guid = it.guid as Node | string | undefined;
    const guidLink = typeof guid === 'object' && guid?.['@_isPermaLink'] !== 'false' ? textOf(guid) : typeof guid === 'string' && /^https?:/.test(guid) ? guid : undefined;
    return {
      title: plain(it.title),
      // <link> text, or an atom:link's href where a feed mixes the two.
      link: ((it.link as unknown[] | undefined) ?? []).map((l) => (typeof l === 'object' && l ? asString((l as Node)['@_href']) : textOf(l).trim())).find(Boolean) || guidLink,
      author: (first(it.creator as unknown[]) ? textOf(first(it.creator as unknown[])) : undefined) || rssAuthor(first(it.author as unknown[])),
      published: textOf(it.pubDate ?? it.date ?? it.published).trim() || undefined,
      text: plain(it.encoded ?? it.description) ?? '',
    };
  });
}

function atomLink(links: Node[] | undefined): string | undefined {
  const all = (links ?? []).filter((l) => typeof l === 'object');
  const alt = all.find((l) => !l['@_rel'] || l['@_rel'] === 'alternate') ?? all[0];
  return alt ? asString(alt['@_href']) : undefined;
}

function atomItems(entries: Node[]): FeedItem[] {
  return entries.map((e) => ({
    title: plain(e.title),
    link: atomLink(e.link as Node[] | undefined),
    author: ((e.author as Node[] | undefined) ?? []).map((a) => textOf(a.name ?? a)).filter(Boolean).join(', ') || undefined,
    published: textOf(e.published ?? e.updated ?? e.issued).trim() || undefined,
    text: plain(e.content ?? e.summary) ?? '',
  }));
}

function parseXmlFeed(text: string): Feed | string {
  const valid = XMLValidator.validate(text);
  if (valid !== true) return `not a valid XML feed: ${valid.err.msg} (line ${valid.err.line})`;
  let doc: Node;
  try {
    doc = xmlParser().parse(text) as Node;
  } catch (err) {
    return `not a valid XML feed: ${errorMessage(err)}`;
  }
  const rss = doc.rss as Node | undefined;
  if (rss) {
    const ch = first(rss.channel as Node | Node[]) ?? {};
    return { title: plain(ch.title), items: rssItems((ch.item as Node[]) ?? []) };
  }
  const rdf = doc.RDF as Node | undefined;
  if (rdf) return { title: plain((rdf.channel as Node | undefined)?.title), items: rssItems((rdf.item as Node[]) ?? []) };
  const atom = doc.feed as Node | undefined;
  if (atom) return { title: plain(atom.title), items: atomItems((atom.entry as Node[]) ?? []) };
  const root = Object.keys(doc).find((k) => !k.startsWith('?') && !k.startsWith('#'));
  return `not an RSS or Atom feed (root element <${root ?? '?'}>)`;
}

function parseJsonFeed(text: string): Feed | string {
  let o: Node;
  try {
    o = JSON.parse(text) as Node;
  } catch (err) {
    return `not a valid JSON Feed: ${errorMessage(err)}`;
  }
  if (!o || typeof o !== 'object' || !Array.isArray(o.items)) return 'not a JSON Feed (no "items" array)';
  const names = (v: unknown) => asString(Array.isArray(v) ? v.map((a) => (a as Node)?.name) : (v as Node | undefined)?.name);
  return {
    title: asString(o.title),
    items: (o.items as Node[]).map((it) => ({
      title: asString(it.title),
      link: asString(it.url) ?? asString(it.external_url),
      author: names(it.authors) ?? names(it.author),
      published: asString(it.date_published),
      text: (typeof it.content_html === 'string' ? htmlToText(it.content_html) : '') || asString(it.content_text)?.trim() || asString(it.summary)?.trim() || '',
    })),
  };
}

/** Parses RSS 2.0/1.0, Atom or JSON Feed; a string is the reason it is not one. */
export function parseFeed(text: string): Feed | string {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  if (head.startsWith('<')) return parseXmlFeed(head);
  if (head.startsWith('{')) return parseJsonFeed(head);
  return 'not a feed: the content is neither XML nor JSON';
}

async function followItem(link: string, opts: ReadOptions): Promise<{ text: string; meta: DocMeta; note?: string } | string> {
  try {
    const page = await fetchUrl(link, opts as FetchLimits);
    if (page.mediaType && !/html/.test(page.mediaType)) return `not an HTML page (${page.mediaType})`;
    const d = decodeBytes(page.bytes, page.charset ?? declaredCharset(page.bytes));
    if (!d.ok) return d.error;
    const x = extractArticle(d.text, page.url);
    if (!x.ok) return x.error;
    return d.invalidBytes ? { ...x, note: invalidBytesNote(link, d.invalidBytes) } : x;
  } catch (err) {
    return errorMessage(err);
  }
}

/** One document per feed item; with `follow`, each item's page replaces the feed's excerpt. */
export async function* readFeed(text: string, source: string, opts: ReadOptions = {}, feedUrl?: string): AsyncGenerator<ReadItem> {
  const feed = parseFeed(text);
  if (typeof feed === 'string') {
    yield failed(source, feed);
    return;
  }
  if (!feed.items.length) {
    yield failed(source, 'feed has no items');
    return;
  }
  let n = 0;
  for (const it of feed.items) {
    const where = `${source}#${++n}`;
    let link: string | undefined;
    try {
      link = it.link ? new URL(it.link, feedUrl).href : undefined;
    } catch {
      link = undefined;
    }
    const own = cleanMeta({ title: it.title, author: it.author, outlet: feed.title, url: link, published: normalizeDate(it.published), origin: where });
    let note: string | undefined;
    if (opts.follow) {
      const page = link ? await followItem(link, opts) : 'the item has no link';
      if (typeof page !== 'string') {
        // The page usually knows more; the feed fills what it leaves out.
        const meta = cleanMeta({ ...own, ...page.meta, published: page.meta.published ?? own.published, origin: where });
        yield { ok: true, source: where, doc: { text: page.text, meta }, ...(page.note ? { note: page.note } : {}) };
        continue;
      }
      if (!it.text.trim()) {
        yield failed(where, `could not follow ${link ?? 'the item'}: ${page}; the feed item has no text either`);
        continue;
      }
      note = `could not follow ${link ?? 'the item'}: ${page}; used the feed's own text`;
    }
    if (!it.text.trim()) {
      yield failed(where, `feed item has no text${opts.follow ? '' : ' (use --follow to fetch its page)'}`);
      continue;
    }
    yield { ok: true, source: where, doc: { text: it.text, meta: own }, ...(note ? { note } : {}) };
  }
}
