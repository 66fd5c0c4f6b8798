import { parse } from 'csv-parse/sync';
import { errorMessage } from '../../core/errors.js';
import { FIELD_KEYS, matchKeys, recordToDoc } from '../fields.js';
import { failed, type ReadItem, type ReadOptions } from '../types.js';

/** The delimiter a CSV header uses: spreadsheets export `;` where the decimal mark is a comma. */
export function sniffDelimiter(text: string): string {
  const nl = text.indexOf('\n');
  const header = (nl < 0 ? text : text.slice(0, nl)).replace(/"[^"]*"/g, '');
  let best = ',';
  let bestN = 0;
  for (const d of [',', ';', '\t', '|']) {
    const n = header.split(d).length - 1;
    if (n > bestN) [best, bestN] = [d, n];
  }
  return best;
}

interface ParsedRow {
  record: Record<string, string>;
  raw: string;
  info: { lines: number };
}

/** Where a re-parse gives up: a file with this many malformed rows is not read further. */
const MAX_RESTARTS = 100;

/** Why a row is malformed, in the user's terms; `row` and `at` are the lines it starts and fails at. */
function reasonOf(err: Error & { code?: string }, row: number, at: number): string {
  if (err.code === 'CSV_QUOTE_NOT_CLOSED') return 'a quote opened in this row is never closed';
  if (err.code === 'CSV_INVALID_CLOSING_QUOTE') {
    return at > row ? `a quote opened in this row is not closed (it runs on to line ${at})` : 'a quoted field does not end at a delimiter';
  }
  if (err.code === 'INVALID_OPENING_QUOTE') return 'a quote inside an unquoted field';
  return errorMessage(err).replace(/\s+at line \d+.*$/, '');
}

/**
 * CSV or TSV with a header row: one article per row, the text under a recognised or mapped column.
 * A malformed row (an unclosed quote swallows every line after it) is reported by its line, and
 * the file is read again from the line after it, so the rows that follow still load.
 */
export function readTable(text: string, source: string, tsv: boolean, opts: ReadOptions = {}): ReadItem[] {
  const kind = tsv ? 'TSV' : 'CSV';
  const lines = text.split('\n');
  const starts: number[] = [];
  for (let i = 0, at = 0; i < lines.length; at += lines[i]!.length + 1, i++) starts.push(at);
  const blank = (line: number) => !lines[line - 1]?.replace(/\r$/, '').trim();
  const delimiter = tsv ? '\t' : sniffDelimiter(text);

  let header: string[] | undefined;
  const rows: { line: number; end: number; row: ParsedRow }[] = [];
  const out: { line: number; item: ReadItem }[] = [];
  // `base`: lines before the part being parsed; its line n is line base + n of the file.
  for (let base = 0, restarts = 0; base < lines.length; restarts++) {
    if (restarts > MAX_RESTARTS) {
      out.push({ line: base + 1, item: failed(`${source}:${base + 1}`, `not read: more than ${MAX_RESTARTS} malformed ${kind} rows before this line`) });
      break;
    }
    let error: (Error & { lines?: number }) | undefined;
    let part: ParsedRow[] = [];
    try {
      part = parse(base ? text.slice(starts[base]) : text, {
        delimiter,
        columns: header ?? ((h: string[]) => (header = h.map((c) => c.trim()))),
        bom: !base,
        info: true,
        raw: true,
        relax_column_count: true,
        relax_quotes: tsv,
        skip_empty_lines: true,
        skip_records_with_error: true,
        on_skip: (err) => {
          error ??= err;
          return undefined;
        },
      }) as unknown as ParsedRow[];
    } catch (err) {
      if (!header) return [failed(source, `cannot parse ${kind}: ${errorMessage(err)}`)];
      error ??= err as Error;
    }
    // Rows past the first error are not trusted: the parser's idea of where rows start may be off.
    const lastGood = error?.lines === undefined ? Infinity : error.lines;
    let end = base + (base ? 0 : 1);
    for (const row of part) {
      if (row.info.lines >= lastGood) break;
      end = base + row.info.lines;
      // A row starts as many lines before its end as it holds line breaks (blank lines before it,
      // which the raw text keeps, aside).
      rows.push({ line: end - (row.raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0), end, row });
    }
    if (!error) break;
    // The malformed row starts at the first line with content after the last good row.
    let bad = end + 1;
    while (bad < lines.length && blank(bad)) bad++;
    out.push({ line: bad, item: failed(`${source}:${bad}`, `malformed ${kind} row: ${reasonOf(error, bad, base + (error.lines ?? bad))}; the file is read on from the next line`) });
    base = bad;
  }

  const cols = header ?? [];
  if (!cols.length) return [failed(source, `no header row`)];
  const { map, missing } = matchKeys(cols, opts.columns);
  const list = cols.slice(0, 12).join(', ') + (cols.length > 12 ? ', …' : '');
  if (missing.length) return [failed(source, `no column "${missing[0]!.name}" for ${missing[0]!.field} (columns: ${list})`)];
  if (map.text === undefined) {
    return [failed(source, `no text column (looked for ${FIELD_KEYS.text.slice(0, 4).join(', ')}; name one with --text-column; columns: ${list})`)];
  }
  if (!rows.length && !out.length) return [failed(source, 'header row but no data rows')];
  for (const { line, row } of rows) {
    const where = `${source}:${line}`;
    const r = recordToDoc((k) => row.record[k], map, where);
    const body = r.text ?? '';
    const item: ReadItem = body.trim()
      ? { ok: true, source: where, doc: { text: body, meta: r.meta, ...(r.id !== undefined ? { id: r.id } : {}) } }
      : failed(where, `empty text in column "${map.text}"`);
    out.push({ line, item });
  }
  // Malformed rows were reported as they were met; keep the file's order.
  return out.sort((a, b) => a.line - b.line).map((x) => x.item);
}
