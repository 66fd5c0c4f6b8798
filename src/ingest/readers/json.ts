import { errorMessage } from '../../core/errors.js';
import { looksLikeJsonLines } from '../detect.js';
import { matchKeys, normKey, recordToDoc, textKeysHint } from '../fields.js';
import { failed, type ReadItem, type ReadOptions } from '../types.js';

// Wrappers that APIs put around a list of articles ({"articles": [...]}, {"data": [...]}).
const LIST_KEYS = ['articles', 'items', 'documents', 'docs', 'data', 'results', 'records', 'stories'];

function isObject(v: unknown): v is Record<string, unknown> {
  return !!v && typeof v === 'object' && !Array.isArray(v);
}

/** One JSON object to a read item; `where` names it in messages. */
export function objectToItem(o: unknown, where: string, opts: ReadOptions = {}): ReadItem {
  if (!isObject(o)) return failed(where, `expected a JSON object, got ${Array.isArray(o) ? 'an array' : o === null ? 'null' : typeof o}`);
  const keys = Object.keys(o);
  const { map, missing } = matchKeys(keys, opts.columns);
  if (missing.length) return failed(where, `no field "${missing[0]!.name}" (fields: ${keys.slice(0, 12).join(', ')})`);
  const r = recordToDoc((k) => o[k], map, where);
  if (map.text === undefined) return failed(where, `no text field (${textKeysHint()})`);
  if (r.text === undefined) return failed(where, `field "${map.text}" is not a string`);
  if (!r.text.trim()) return failed(where, `field "${map.text}" is empty`);
  return { ok: true, source: where, doc: { text: r.text, meta: r.meta, ...(r.id !== undefined ? { id: r.id } : {}) } };
}

function jsonError(err: unknown): string {
  return `invalid JSON: ${errorMessage(err).replace(/^Unexpected/, 'unexpected')}`;
}

/** A JSON document: one article object, an array of them, or an object wrapping such an array. */
export function readJson(text: string, source: string, opts: ReadOptions = {}): ReadItem[] {
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch (err) {
    // A .json file that actually holds JSON Lines is common enough to read as such.
    if (looksLikeJsonLines(text.trimStart())) return [...readJsonLines(text, source, opts)];
    return [failed(source, jsonError(err))];
  }
  if (isObject(v)) {
    const o = v;
    const hasText = matchKeys(Object.keys(o), opts.columns).map.text !== undefined;
    const list = hasText ? undefined : Object.keys(o).find((k) => LIST_KEYS.includes(normKey(k)) && Array.isArray(o[k]));
    if (list === undefined) return [objectToItem(o, source, opts)];
    v = o[list];
  }
  if (!Array.isArray(v)) return [failed(source, `expected a JSON object or an array of objects, got ${v === null ? 'null' : typeof v}`)];
  if (!v.length) return [failed(source, 'empty JSON array')];
  return v.map((o, i) => objectToItem(o, `${source}#${i + 1}`, opts));
}

/** JSON Lines: one object per line. A bad line is one failed item naming `source:line`; the others still go in. */
export function* readJsonLines(text: string, source: string, opts: ReadOptions = {}): Generator<ReadItem> {
  let any = false;
  let lineNo = 0;
  let pos = 0;
  while (pos < text.length) {
    let end = text.indexOf('\n', pos);
    if (end < 0) end = text.length;
    const line = text.slice(pos, end);
    pos = end + 1;
    lineNo++;
    if (!line.trim()) continue;
    any = true;
    const where = `${source}:${lineNo}`;
    let o: unknown;
    try {
      o = JSON.parse(line);
    } catch (err) {
      yield failed(where, jsonError(err));
      continue;
    }
    yield objectToItem(o, where, opts);
  }
  if (!any) yield failed(source, 'empty input (no JSON lines)');
}
