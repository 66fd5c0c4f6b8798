import { COUNTED_FIELDS } from '../../layers/index.js';
import type { NewsRecord } from '../record.js';
import { lineFormat } from './line-format.js';

const META = ['title', 'author', 'outlet', 'url', 'published', 'origin', 'lang'] as const;
export const CSV_COLUMNS = ['id', 'hash', ...META, 'characters', ...COUNTED_FIELDS.map((l) => `${l}_count`)];

/**
 * RFC 4180 quoting. Cells that a spreadsheet would run as a formula (=, +, @, or - before a
 * non-digit) get a leading apostrophe: titles come from untrusted web pages.
 */
export function csvCell(v: unknown): string {
  let s = v == null ? '' : String(v);
  if (/^[=+@\t\r]|^-[^\d\s.]/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One CSV line: quoted cells, CRLF as RFC 4180 asks. */
export function csvLine(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}

export function csvRow(r: NewsRecord): string {
  const meta = (r.meta ?? {}) as Record<string, unknown>;
  const layers = r as unknown as Record<string, unknown[] | undefined>;
  const cells = [r.id, r.hash, ...META.map((k) => meta[k]), r.text.length, ...COUNTED_FIELDS.map((l) => layers[l]?.length ?? 0)];
  return csvLine(cells);
}

/** One row per document: its metadata and how many items each layer holds (no article text). */
export const csvFormat = lineFormat({
  name: 'csv',
  description: 'one row per document: id, metadata and layer counts',
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  header: csvLine(CSV_COLUMNS),
  lines: (r) => [csvRow(r)],
});
