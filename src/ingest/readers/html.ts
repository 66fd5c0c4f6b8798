import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import { cleanMeta, type DocMeta } from '../../core/meta.js';
import { flattenDeepNesting } from '../html-depth.js';
import { errorMessage } from '../../core/errors.js';
import { asString, normalizeDate } from '../fields.js';
import { htmlToText } from '../html-text.js';
import { failed, type ReadItem } from '../types.js';

/** Below this many words the "main text" is navigation or boilerplate, not an article. */
export const MIN_ARTICLE_WORDS = 20;

const ARTICLE_TYPES = /^(NewsArticle|Article|ReportageNewsArticle|AnalysisNewsArticle|OpinionNewsArticle|BackgroundNewsArticle|ReviewNewsArticle|BlogPosting|LiveBlogPosting|Report|ScholarlyArticle|TechArticle)$/;

type Json = Record<string, unknown>;

interface DocLike {
  querySelectorAll(sel: string): ArrayLike<{ getAttribute(n: string): string | null; textContent: string | null }>;
  querySelector(sel: string): { getAttribute(n: string): string | null; textContent: string | null } | null;
}

function isArticleNode(o: Json): boolean {
  const t = o['@type'];
  return (Array.isArray(t) ? t : [t]).some((x) => typeof x === 'string' && ARTICLE_TYPES.test(x));
}

/** The first schema.org article object in the page's JSON-LD blocks (top level, arrays or @graph). */
function jsonLdArticle(doc: DocLike): Json | undefined {
  const scripts = doc.querySelectorAll('script[type="application/ld+json"]');
  const stack: unknown[] = [];
  for (let i = 0; i < scripts.length; i++) {
    try {
      stack.push(JSON.parse(scripts[i]!.textContent ?? ''));
    } catch {
      // Broken JSON-LD is common; the meta tags still apply.
    }
  }
  while (stack.length) {
    const v = stack.shift();
    if (Array.isArray(v)) stack.push(...v);
    else if (v && typeof v === 'object') {
      const o = v as Json;
      if (isArticleNode(o)) return o;
      if (Array.isArray(o['@graph'])) stack.push(...(o['@graph'] as unknown[]));
    }
  }
  return undefined;
}

const isUrl = (s: string | undefined) => !!s && /^https?:\/\//i.test(s.trim());

function metaContent(doc: DocLike, selectors: string[]): string | undefined {
  for (const sel of selectors) {
    const els = doc.querySelectorAll(sel);
    const vals: string[] = [];
    for (let i = 0; i < els.length; i++) {
      const v = els[i]!.getAttribute('content')?.trim();
      if (v && !vals.includes(v)) vals.push(v);
    }
    if (vals.length) return vals.join(', ');
  }
  return undefined;
}

function resolveUrl(href: string | undefined | null, base: string | undefined): string | undefined {
  if (!href?.trim()) return undefined;
  try {
    return new URL(href.trim(), base).href;
  } catch {
    return isUrl(href) ? href.trim() : undefined;
  }
}

/** Metadata from the usual places: meta tags, Open Graph, the canonical link, JSON-LD. */
export function htmlMeta(doc: DocLike, pageUrl?: string): { meta: Omit<DocMeta, 'origin'>; articleBody?: string } {
  const ld = jsonLdArticle(doc);
  const ldAuthor = asString(ld?.author);
  const authorMeta = metaContent(doc, ['meta[name="author"]', 'meta[property="article:author"]', 'meta[name="byl"]', 'meta[name="parsely-author"]', 'meta[name="dc.creator"]', 'meta[name="DC.creator"]']);
  const canonical = doc.querySelector('link[rel="canonical"]')?.getAttribute('href');
  const ldUrl = asString(ld?.url) ?? asString(ld?.mainEntityOfPage);
  const titleTag = doc.querySelector('title')?.textContent ?? undefined;
  return {
    meta: {
      title: metaContent(doc, ['meta[property="og:title"]', 'meta[name="twitter:title"]']) ?? asString(ld?.headline) ?? titleTag,
      // article:author is often a profile URL; a name is what the record wants.
      author: (isUrl(authorMeta) ? undefined : authorMeta) ?? (isUrl(ldAuthor) ? undefined : ldAuthor),
      outlet: metaContent(doc, ['meta[property="og:site_name"]', 'meta[name="application-name"]']) ?? asString((ld?.publisher as Json | undefined)?.name),
      url: resolveUrl(canonical, pageUrl) ?? resolveUrl(metaContent(doc, ['meta[property="og:url"]']), pageUrl) ?? resolveUrl(ldUrl, pageUrl) ?? pageUrl,
      published: normalizeDate(
        metaContent(doc, [
          'meta[property="article:published_time"]',
          'meta[name="article:published_time"]',
          'meta[itemprop="datePublished"]',
          'meta[name="pubdate"]',
          'meta[name="publishdate"]',
          'meta[name="date"]',
          'meta[name="dc.date"]',
          'meta[name="DC.date.issued"]',
        ])?.split(', ')[0] ?? asString(ld?.datePublished),
      ),
      lang: doc.querySelector('html')?.getAttribute('lang') ?? undefined,
    },
    articleBody: typeof ld?.articleBody === 'string' ? ld.articleBody : undefined,
  };
}

const wordCount = (s: string) => s.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

export type Extracted = { ok: true; text: string; meta: DocMeta } | { ok: false; error: string };

/** Main text and metadata of an article page; a page without enough main text is refused. */
export function extractArticle(html: string, pageUrl?: string): Extracted {
  let document: ReturnType<typeof parseHTML>['document'];
  try {
    ({ document } = parseHTML(flattenDeepNesting(html)));
  } catch (err) {
    return { ok: false, error: `cannot parse HTML: ${errorMessage(err)}` };
  }
  const { meta, articleBody } = htmlMeta(document as unknown as DocLike, pageUrl);
  let text = '';
  let r: ReturnType<Readability['parse']> = null;
  try {
    // Readability rewrites the DOM it is given, so metadata is read first.
    r = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
    if (r?.content) text = htmlToText(r.content);
  } catch {
    // Leaves text empty: the JSON-LD body or the refusal below applies.
  }
  const ldText = articleBody ? htmlToText(articleBody) : '';
  // Readability's text keeps paragraphs; the JSON-LD body (often one run-on string) only
  // replaces it when readability missed the article or most of it.
  const ldWords = wordCount(ldText);
  const rWords = wordCount(text);
  if (ldWords >= MIN_ARTICLE_WORDS && (rWords < MIN_ARTICLE_WORDS || ldWords > 1.5 * rWords)) text = ldText;
  const words = wordCount(text);
  if (words < MIN_ARTICLE_WORDS) {
    return { ok: false, error: `no article found in the page (main text has ${words} word${words === 1 ? '' : 's'}, need ${MIN_ARTICLE_WORDS})` };
  }
  return {
    ok: true,
    text,
    meta: cleanMeta({
      ...meta,
      title: meta.title ?? r?.title,
      author: meta.author ?? r?.byline,
      outlet: meta.outlet ?? r?.siteName,
      published: meta.published ?? normalizeDate(r?.publishedTime),
      lang: meta.lang ?? r?.lang,
    }),
  };
}

export function readHtml(html: string, source: string, pageUrl?: string): ReadItem[] {
  const x = extractArticle(html, pageUrl);
  if (!x.ok) return [failed(source, x.error)];
  return [{ ok: true, source, doc: { text: x.text, meta: { ...x.meta, origin: source } } }];
}
