import type { DocMeta } from '../core/meta.js';

/** What a reader yields for one article: raw text (normalised later, once) and metadata. */
export interface RawDoc {
  readonly text: string;
  readonly meta: DocMeta;
  /** Caller-supplied id (JSON Lines `id`), kept as the document id. */
  readonly id?: string;
}

/** One result per article or per failed input; a failure never stops the batch. */
export type ReadItem =
  | {
      readonly ok: true;
      readonly source: string;
      readonly doc: RawDoc;
      /** Something the user should know although the article was read (for example a fallback taken). */
      readonly note?: string;
    }
  | { readonly ok: false; readonly source: string; readonly error: string };

export const FORMATS = ['text', 'byline', 'json', 'jsonl', 'csv', 'tsv', 'html', 'feed'] as const;
export type Format = (typeof FORMATS)[number];

/** Fields a tabular or JSON record can be mapped to. */
export type RecordField = 'text' | 'title' | 'author' | 'outlet' | 'url' | 'published' | 'id';

export interface ReadOptions {
  /** Force a format instead of detecting it. */
  readonly from?: Format;
  /** For feeds: fetch each item's page and extract its text. */
  readonly follow?: boolean;
  /** CSV/TSV column mapping: field name -> column name. */
  readonly columns?: Partial<Record<RecordField, string>>;
  /** Network limits for URLs (defaults: 20 s, 10 MB, 5 redirects). */
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  /** Largest file, stdin or upload accepted, in bytes after decompression (default 512 MB). */
  readonly maxInputBytes?: number;
  /** Allow URLs that resolve to loopback or private addresses. */
  readonly allowPrivate?: boolean;
}

export function failed(source: string, error: string): ReadItem {
  return { ok: false, source, error: error.replace(/\s*\n\s*/g, ' ').trim() };
}
