import { cleanMeta, type DocMeta } from '../core/meta.js';
import type { RecordField } from './types.js';
import { MONTHS } from '../text/months.js';

/** Field names compared without case, spaces, dashes or underscores: "Published At" = "published_at". */
export function normKey(k: string): string {
  return k.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export const TEXT_KEYS = ['text', 'body', 'content', 'article', 'articlebody', 'articletext', 'fulltext', 'story', 'contenttext'];

/** Recognised names per field, most specific first. */
export const FIELD_KEYS: Record<RecordField, readonly string[]> = {
  text: TEXT_KEYS,
  title: ['title', 'headline', 'heading'],
  author: ['author', 'byline', 'authors', 'creator', 'writer'],
  outlet: ['outlet', 'source', 'site', 'sitename', 'publisher', 'publication', 'newspaper'],
  url: ['url', 'link', 'canonicalurl', 'permalink', 'href'],
  published: ['published', 'date', 'pubdate', 'datepublished', 'publishedat', 'publishdate', 'publicationdate', 'publishedtime'],
  id: ['id', 'docid', 'documentid', 'articleid', 'guid'],
};

export const FIELD_NAMES = Object.keys(FIELD_KEYS) as RecordField[];

/** Finds, for each field, the first key of `keys` that names it (exact match of the normalised name). */
export function matchKeys(keys: readonly string[], explicit: Partial<Record<RecordField, string>> = {}): {
  map: Partial<Record<RecordField, string>>;
  missing: { field: RecordField; name: string }[];
} {
  const byNorm = new Map<string, string>();
  for (const k of keys) if (!byNorm.has(normKey(k))) byNorm.set(normKey(k), k);
  const map: Partial<Record<RecordField, string>> = {};
  const missing: { field: RecordField; name: string }[] = [];
  const taken = new Set<string>();
  for (const field of FIELD_NAMES) {
    const want = explicit[field];
    if (want === undefined) continue;
    const hit = keys.includes(want) ? want : byNorm.get(normKey(want));
    if (hit === undefined) missing.push({ field, name: want });
    else {
      map[field] = hit;
      taken.add(hit);
    }
  }
  for (const field of FIELD_NAMES) {
    if (map[field] !== undefined || explicit[field] !== undefined) continue;
    for (const cand of FIELD_KEYS[field]) {
      const hit = byNorm.get(cand);
      if (hit !== undefined && !taken.has(hit)) {
        map[field] = hit;
        taken.add(hit);
        break;
      }
    }
  }
  return { map, missing };
}

/** A metadata value as one string: arrays joined, objects by their name (`{name: "..."}`, as many APIs nest them). */
export function asString(v: unknown): string | undefined {
  if (v == null) return undefined;
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) {
    const parts = v.map(asString).filter((s): s is string => !!s && !!s.trim());
    return parts.length ? parts.join(', ') : undefined;
  }
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return asString(o.name ?? o['@value'] ?? o.value ?? o.title ?? o.href ?? o.url);
  }
  return undefined;
}

// RFC 822 dates as feeds write them: "Tue, 04 Mar 2025 09:30:00 +0100".
const RFC822 = /^(?:[a-z]{3},?\s+)?(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{2,4})(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?(?:\s*([+-]\d{4}|[a-z]{1,5}))?)?/i;

/**
 * A publication date as ISO 8601. ISO-looking values are kept verbatim (their own offset and
 * precision are information); RFC 822 keeps the local day and offset; other formats go through
 * Date.parse; undefined when nothing parses.
 */
export function normalizeDate(v: unknown): string | undefined {
  const s = asString(v)?.trim();
  if (!s) return undefined;
  if (/^\d{4}-\d{2}(-\d{2})?([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(s)) return s.replace(' ', 'T');
  const m = RFC822.exec(s);
  if (m) {
    const [, d, mon, y, hh, mm, ss, zone] = m;
    const month = MONTHS[mon!.toLowerCase()]?.toString().padStart(2, '0');
    const year = y!.length === 2 ? (Number(y) < 50 ? '20' : '19') + y : y!;
    if (month) {
      const date = `${year}-${month}-${d!.padStart(2, '0')}`;
      if (!hh) return date;
      const time = `${hh.padStart(2, '0')}:${mm}:${ss ?? '00'}`;
      const off = zone && /^[+-]\d{4}$/.test(zone) ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone && /^(gmt|utc|ut|z)$/i.test(zone) ? 'Z' : '';
      if (off || !zone) return `${date}T${time}${off}`;
    }
  }
  const t = Date.parse(s);
  return Number.isNaN(t) ? undefined : new Date(t).toISOString();
}

/** The text of a record under a known or mapped name, with the rest of its metadata. */
export function recordToDoc(
  get: (key: string) => unknown,
  map: Partial<Record<RecordField, string>>,
  origin: string,
): { text?: string; id?: string; meta: DocMeta } {
  const val = (f: RecordField) => (map[f] !== undefined ? get(map[f]!) : undefined);
  const text = val('text');
  const id = asString(val('id'));
  return {
    text: typeof text === 'string' ? text : undefined,
    id: id && id.trim() ? id : undefined,
    meta: cleanMeta({
      title: asString(val('title')),
      author: asString(val('author')),
      outlet: asString(val('outlet')),
      url: asString(val('url')),
      published: normalizeDate(val('published')),
      origin,
    }),
  };
}

export function textKeysHint(): string {
  return 'text, body, content or article';
}
