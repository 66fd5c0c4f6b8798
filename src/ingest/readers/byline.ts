import { cleanMeta } from '../../core/meta.js';
import { failed, type RawDoc, type ReadItem } from '../types.js';

// First line "Author| Outlet"; both parts short and free of bars so ordinary prose never matches.
const BYLINE = /^([^|\n]{1,120})\|[ \t]*([^|\n]{1,120})\n/;

const CLOSE = / \|[ \t]*(\r?\n|$)/;

/** Detection wants the closing mark too: a plain article may well start with "Politics | World". */
export function looksLikeByline(text: string): boolean {
  const head = text.slice(0, 512).replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  return BYLINE.test(head) && CLOSE.test(text);
}

/**
 * Splits a file of byline records: "Author| Outlet" line, body, record closed by " |".
 * Undefined when the text is not in that format.
 */
export function parseByline(text: string): RawDoc[] | undefined {
  if (!BYLINE.test(text)) return undefined;
  const out: RawDoc[] = [];
  let rest = text;
  while (rest.trim()) {
    const m = BYLINE.exec(rest);
    if (!m) return undefined;
    rest = rest.slice(m[0].length);
    const close = rest.search(/ \|[ \t]*(\n|$)/);
    const body = close >= 0 ? rest.slice(0, close) : rest;
    rest = close >= 0 ? rest.slice(close).replace(/^ \|[ \t]*\n?/, '') : '';
    // The byline line is blanked, not cut, so offsets into the text are offsets into the record.
    out.push({ text: ' '.repeat(m[0].length - 1) + '\n' + body, meta: cleanMeta({ author: m[1], outlet: m[2] }) });
  }
  return out;
}

export function readByline(text: string, source: string): ReadItem[] {
  // CRLF files: the document text is normalised to LF anyway, so doing it first changes no offset.
  const records = parseByline(text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n'));
  if (!records) return [failed(source, 'not a byline record (the first line must read "Author| Outlet")')];
  const items: ReadItem[] = [];
  records.forEach((doc, i) => {
    const origin = records.length > 1 ? `${source}#${i + 1}` : source;
    if (!doc.text.trim()) items.push(failed(origin, 'empty record (byline but no body)'));
    else items.push({ ok: true, source: origin, doc: { ...doc, meta: { ...doc.meta, origin } } });
  });
  return items;
}
