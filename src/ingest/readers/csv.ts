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

/** CSV or TSV with a header row: one article per row, the text under a recognised or mapped column. */
export function readTable(text: string, source: string, tsv: boolean, opts: ReadOptions = {}): ReadItem[] {
  const items: ReadItem[] = [];
  let header: string[] | undefined;
  let rows: ParsedRow[];
  try {
    rows = parse(text, {
      delimiter: tsv ? '\t' : sniffDelimiter(text),
      columns: (h: string[]) => (header = h.map((c) => c.trim())),
      bom: true,
      info: true,
      raw: true,
      relax_column_count: true,
      relax_quotes: tsv,
      skip_empty_lines: true,
      skip_records_with_error: true,
      on_skip: (err) => {
        items.push(failed(`${source}:${err?.lines ?? '?'}`, `malformed ${tsv ? 'TSV' : 'CSV'} row: ${errorMessage(err)}`));
        return undefined;
      },
    }) as unknown as ParsedRow[];
  } catch (err) {
    return [failed(source, `cannot parse ${tsv ? 'TSV' : 'CSV'}: ${errorMessage(err)}`)];
  }
  const cols = header ?? [];
  if (!cols.length) return [failed(source, `no header row`)];
  const { map, missing } = matchKeys(cols, opts.columns);
  const list = cols.slice(0, 12).join(', ') + (cols.length > 12 ? ', …' : '');
  if (missing.length) return [failed(source, `no column "${missing[0]!.name}" for ${missing[0]!.field} (columns: ${list})`)];
  if (map.text === undefined) {
    return [failed(source, `no text column (looked for ${FIELD_KEYS.text.slice(0, 4).join(', ')}; name one with --text-column; columns: ${list})`)];
  }
  if (!rows.length) return [failed(source, 'header row but no data rows')];
  const out: { line: number; item: ReadItem }[] = items.map((item) => ({ line: Number(/:(\d+)$/.exec(item.source)?.[1] ?? 0), item }));
  for (const row of rows) {
    const line = row.info.lines - (row.raw.replace(/\r?\n$/, '').match(/\n/g)?.length ?? 0);
    const where = `${source}:${line}`;
    const r = recordToDoc((k) => row.record[k], map, where);
    const body = r.text ?? '';
    const item: ReadItem = body.trim()
      ? { ok: true, source: where, doc: { text: body, meta: r.meta, ...(r.id !== undefined ? { id: r.id } : {}) } }
      : failed(where, `empty text in column "${map.text}"`);
    out.push({ line, item });
  }
  // Skipped rows were reported as they were met; keep the file's order.
  return out.sort((a, b) => a.line - b.line).map((x) => x.item);
}
