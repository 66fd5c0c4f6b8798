import { looksLikeByline } from './readers/byline.js';
import { normKey, TEXT_KEYS } from './fields.js';
import type { Format } from './types.js';

export interface FormatHints {
  /** File name or URL path (a trailing .gz already removed). */
  readonly name?: string;
  /** HTTP Content-Type, for URLs. */
  readonly contentType?: string;
}

const BY_EXTENSION: Record<string, Format> = {
  json: 'json',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
  csv: 'csv',
  tsv: 'tsv',
  tab: 'tsv',
  html: 'html',
  htm: 'html',
  xhtml: 'html',
  rss: 'feed',
  atom: 'feed',
  xml: 'feed',
};

function extensionOf(name: string | undefined): string | undefined {
  const m = /\.([a-z0-9]{1,8})$/i.exec(name ?? '');
  return m?.[1]?.toLowerCase();
}

function byContentType(ct: string | undefined): Format | undefined {
  const t = (ct ?? '').split(';')[0]!.trim().toLowerCase();
  if (!t) return undefined;
  if (t === 'text/html' || t === 'application/xhtml+xml') return 'html';
  if (t === 'application/feed+json' || /(rss|atom|rdf)\+xml$/.test(t) || t.endsWith('/xml')) return 'feed';
  if (t === 'application/x-ndjson' || t === 'application/jsonl' || t === 'application/jsonlines') return 'jsonl';
  if (t === 'text/csv') return 'csv';
  if (t === 'text/tab-separated-values') return 'tsv';
  if (t.endsWith('/json') || t.endsWith('+json')) return 'json';
  return undefined;
}

const XML_FEED_ROOT = /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*|<\?[\s\S]*?\?>\s*|<!DOCTYPE[^>]*>\s*)*<(?:rss|feed|rdf:RDF|RDF)\b/;
const HTML_START = /^(?:<\?xml[^>]*\?>\s*)?(?:<!--[\s\S]*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b/i;

// A JSON Feed names its version near the top; checking that avoids parsing a large file twice.
const JSON_FEED_VERSION = /^\{[\s\S]*?"version"\s*:\s*"https?:\/\/jsonfeed\.org\/version\//;

/**
 * True when every non-blank line of the head opens a JSON object: JSON Lines rather than one
 * (pretty-printed) document. Line ends are not checked, so a broken line still reads as one bad line.
 */
export function looksLikeJsonLines(text: string): boolean {
  const lines = text.slice(0, 64 * 1024).split('\n').filter((l) => l.trim());
  return lines.length >= 2 && lines.every((l) => /^\s*\{/.test(l));
}

/** A header line that names a known text column reads as a table even without a .csv name. */
function tableDelimiter(text: string): ',' | '\t' | undefined {
  const first = text.slice(0, text.indexOf('\n') >>> 0).replace(/\r$/, '');
  for (const d of ['\t', ','] as const) {
    const cols = first.split(d).map((c) => normKey(c.replace(/^"|"$/g, '')));
    if (cols.length >= 2 && cols.some((c) => TEXT_KEYS.includes(c))) return d;
  }
  return undefined;
}

/** Detects the input format from its content, its name and its content type, in that order of trust. */
export function detectFormat(text: string, hints: FormatHints = {}): Format {
  const head = text.replace(/^\uFEFF/, '').trimStart();
  const ext = extensionOf(hints.name);
  const declared = (ext && BY_EXTENSION[ext]) || byContentType(hints.contentType);
  // Structural signals in the content are unambiguous and beat a misleading name.
  if (XML_FEED_ROOT.test(head.slice(0, 4096))) return 'feed';
  if (HTML_START.test(head.slice(0, 4096))) return 'html';
  if (declared === 'csv' || declared === 'tsv' || declared === 'jsonl' || declared === 'feed' || declared === 'html') return declared;
  if (head.startsWith('{') || head.startsWith('[')) {
    if (JSON_FEED_VERSION.test(head.slice(0, 8192))) return 'feed';
    if (declared !== 'json' && looksLikeJsonLines(head)) return 'jsonl';
    return 'json';
  }
  if (declared) return declared;
  if (head.startsWith('<') && /^<[a-z!]/i.test(head) && /<\/(p|div|article|span|a)>/i.test(head.slice(0, 64 * 1024))) return 'html';
  if (looksLikeByline(text)) return 'byline';
  const delim = tableDelimiter(head);
  if (delim) return delim === '\t' ? 'tsv' : 'csv';
  return 'text';
}
