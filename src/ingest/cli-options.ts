import { InvalidArgumentError, Option, type Command } from 'commander';
import { NewsgraphError } from '../core/errors.js';
import { FORMATS, type Format, type ReadOptions } from './types.js';

/** Raw option values as commander hands them over (after addReaderOptions). */
export interface ReaderCliOptions {
  from?: string;
  follow?: boolean;
  textColumn?: string;
  titleColumn?: string;
  authorColumn?: string;
  outletColumn?: string;
  dateColumn?: string;
  urlColumn?: string;
  idColumn?: string;
  timeout?: string | number;
  maxBytes?: string | number;
  maxRedirects?: string | number;
  allowPrivate?: boolean;
}

// Parsed by commander itself, so a bad value reads like any other bad flag and stops before work starts.
function nonNegative(v: string): number {
  const n = Number(v);
  if (v.trim() === '' || !Number.isFinite(n) || n < 0) throw new InvalidArgumentError('expected a non-negative number');
  return n;
}

/** Adds the reader flags shared by every command that reads inputs (extract, ingest). */
export function addReaderOptions(cmd: Command): Command {
  return cmd
    .addOption(new Option('--from <format>', 'force the input format instead of detecting it').choices([...FORMATS]))
    .option('--follow', 'for feeds: fetch each item\'s page and extract its text')
    .option('--text-column <name>', 'CSV/TSV column holding the article text')
    .option('--title-column <name>', 'CSV/TSV column holding the title')
    .option('--author-column <name>', 'CSV/TSV column holding the author')
    .option('--outlet-column <name>', 'CSV/TSV column holding the outlet')
    .option('--date-column <name>', 'CSV/TSV column holding the publication date')
    .option('--url-column <name>', 'CSV/TSV column holding the URL')
    .option('--id-column <name>', 'CSV/TSV column holding the document id')
    .option('--timeout <seconds>', 'network timeout per URL, in seconds (default 20)', nonNegative)
    .option('--max-bytes <n>', 'largest response accepted from a URL, in bytes (default 10000000)', nonNegative)
    .option('--max-redirects <n>', 'most redirects followed per URL (default 5)', nonNegative)
    .option('--allow-private', 'allow URLs that resolve to loopback or private addresses');
}

function positive(name: string, v: string | number | undefined): number | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new NewsgraphError('usage', `${name} must be a non-negative number, got "${v}"`);
  return n;
}

/** Turns parsed CLI values into ReadOptions; throws a one-line NewsgraphError on a bad value. */
export function readerOptions(o: ReaderCliOptions): ReadOptions {
  if (o.from !== undefined && !(FORMATS as readonly string[]).includes(o.from)) {
    throw new NewsgraphError('usage', `unknown format "${o.from}" (expected one of ${FORMATS.join(', ')})`);
  }
  const columns: Record<string, string> = {};
  const map: [string, string | undefined][] = [
    ['text', o.textColumn],
    ['title', o.titleColumn],
    ['author', o.authorColumn],
    ['outlet', o.outletColumn],
    ['published', o.dateColumn],
    ['url', o.urlColumn],
    ['id', o.idColumn],
  ];
  for (const [field, col] of map) if (col) columns[field] = col;
  const timeout = positive('--timeout', o.timeout);
  const maxBytes = positive('--max-bytes', o.maxBytes);
  const maxRedirects = positive('--max-redirects', o.maxRedirects);
  return {
    ...(o.from ? { from: o.from as Format } : {}),
    ...(o.follow ? { follow: true } : {}),
    ...(Object.keys(columns).length ? { columns: columns as ReadOptions['columns'] } : {}),
    ...(timeout !== undefined ? { timeoutMs: Math.round(timeout * 1000) } : {}),
    ...(maxBytes !== undefined ? { maxBytes: Math.floor(maxBytes) } : {}),
    ...(maxRedirects !== undefined ? { maxRedirects: Math.floor(maxRedirects) } : {}),
    ...(o.allowPrivate ? { allowPrivate: true } : {}),
  };
}
