import type { ServerResponse } from 'node:http';
import { CLAIM_KINDS, type ClaimKind } from '../claims/assertions.js';
import type { Claim } from '../claims/build.js';
import { claimEntity, claimsFor } from '../claims/query.js';
import { csvLine } from '../output/export/csv.js';
import { EXPORT_FORMATS, exportFormat } from '../output/export/formats.js';
import { write } from '../output/export/write.js';
import type { NewsRecord } from '../output/record.js';
import type { QuoteHit, SearchQuery, Store } from '../store/store.js';
import { httpError, SECURITY_HEADERS } from './http.js';
import type { Router } from './router.js';

/** Most documents one export writes: a view's worth, not a dump of the store (`newsgraph export` is). */
export const EXPORT_MAX_DOCS = 2000;
const EXPORT_MAX_ROWS = 10000;

export interface ExportParams {
  readonly str: (p: URLSearchParams, name: string, max: number) => string | undefined;
  readonly date: (p: URLSearchParams, name: string) => string | undefined;
  readonly search: (p: URLSearchParams) => Omit<SearchQuery, 'limit' | 'offset'>;
  readonly quotes: (p: URLSearchParams) => Record<string, string | undefined>;
}

/**
 * Downloads of what a view shows, as files: the documents of a search, an entity or a story in
 * any record format (JSON Lines records with every span, per-document CSV, GeoJSON, and one row
 * per event, mention or quote), a quote list, a claim list with one row per piece of evidence.
 */
export function exportRoutes(r: Router, store: Store, p: ExportParams): void {
  r.get('/api/export/docs', async ({ url, res }) => {
    const q = url.searchParams;
    const format = exportFormat(q.get('format') ?? 'jsonl');
    if (!format) throw httpError(400, 'api.bad-param', `format must be one of ${[...EXPORT_FORMATS.keys()].join(', ')}`);
    const story = p.str(q, 'story', 200);
    const ids = story ? await storyDocs(store, story) : await searchDocs(store, p.search(q));
    attachment(res, format.mediaType, `newsgraph-${story ? 'story' : 'search'}.${format.extension}`);
    await format.write(records(store, ids), res);
    res.end();
    return undefined;
  });

  r.get('/api/export/quotes', async ({ url, res }) => {
    const q = url.searchParams;
    const format = tableFormat(q);
    const rows: QuoteHit[] = [];
    for (let offset = 0; rows.length < EXPORT_MAX_ROWS; offset += 500) {
      const page = await store.quotes({ ...p.quotes(q), limit: 500, offset });
      rows.push(...page);
      if (page.length < 500) break;
    }
    attachment(res, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8', `newsgraph-quotes.${format === 'csv' ? 'csv' : 'jsonl'}`);
    if (format === 'csv') {
      await write(res, csvLine(QUOTE_COLUMNS));
      for (const x of rows) await write(res, csvLine([x.doc, x.title, x.outlet, x.published, x.start, x.end, x.kind, x.speaker, x.speakerName, x.speakerText, x.cue, x.text]));
    } else for (const x of rows) await write(res, JSON.stringify(x) + '\n');
    res.end();
    return undefined;
  });

  r.get('/api/export/claims', async ({ url, res }) => {
    const q = url.searchParams;
    const format = tableFormat(q);
    const kind = p.str(q, 'kind', 20);
    if (kind !== undefined && !(CLAIM_KINDS as readonly string[]).includes(kind)) throw httpError(400, 'api.bad-param', `parameter kind must be one of ${CLAIM_KINDS.join(', ')}`);
    const name = p.str(q, 'entity', 300);
    const entity = name === undefined ? undefined : await claimEntity(store, name);
    const claims = await claimsFor(store, { entity: entity?.id, kind: kind as ClaimKind | undefined, from: p.date(q, 'from'), to: p.date(q, 'to'), limit: 1000 });
    attachment(res, format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8', `newsgraph-claims.${format === 'csv' ? 'csv' : 'jsonl'}`);
    if (format === 'csv') {
      await write(res, csvLine(CLAIM_COLUMNS));
      for (const c of claims) for (const line of claimLines(c)) await write(res, line);
    } else for (const c of claims) await write(res, JSON.stringify(c) + '\n');
    res.end();
    return undefined;
  });
}

const QUOTE_COLUMNS = ['doc', 'title', 'outlet', 'published', 'start', 'end', 'kind', 'speaker', 'speaker_name', 'speaker_text', 'cue', 'text'];
const CLAIM_COLUMNS = ['claim', 'kind', 'statement', 'subject', 'object', 'type', 'value', 'min', 'max', 'unit', 'negated', 'place', 'day',
  'documents', 'sources', 'conflicts', 'doc', 'start', 'end', 'evidence', 'outlet', 'published', 'speaker', 'copy_of'];

/** One line per piece of evidence: the claim's cells, then the span and the document that states it. */
export function claimLines(c: Claim): string[] {
  const head = [c.id, c.kind, c.statement, c.subject.id, c.object?.id, c.type, c.value, c.min, c.max, c.unit, c.negated ? 'true' : '', c.place, c.day,
    c.documents, c.sources, c.conflicts.join(';')];
  return c.evidence.map((e) => csvLine([...head, e.doc, e.start, e.end, e.text, e.outlet, e.published, e.speaker, e.copyOf]));
}

function tableFormat(q: URLSearchParams): 'csv' | 'jsonl' {
  const f = (q.get('format') ?? 'csv').toLowerCase();
  if (f !== 'csv' && f !== 'jsonl') throw httpError(400, 'api.bad-param', 'format must be csv or jsonl');
  return f;
}

function attachment(res: ServerResponse, type: string, filename: string): void {
  res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': type, 'content-disposition': `attachment; filename="${filename}"`, 'cache-control': 'no-store' });
}

async function searchDocs(store: Store, query: Omit<SearchQuery, 'limit' | 'offset'>): Promise<string[]> {
  const ids: string[] = [];
  for (let offset = 0; ids.length < EXPORT_MAX_DOCS; offset += 500) {
    const res = await store.search({ ...query, limit: 500, offset, facets: false });
    ids.push(...res.hits.map((h) => h.id));
    if (res.hits.length < 500) break;
  }
  return ids.slice(0, EXPORT_MAX_DOCS);
}

async function storyDocs(store: Store, id: string): Promise<string[]> {
  const story = await store.story(id);
  if (!story) throw httpError(404, 'api.not-found', `no story ${id}`);
  return story.items.map((d) => d.doc);
}

async function* records(store: Store, ids: readonly string[]): AsyncIterable<NewsRecord> {
  for (const id of ids) {
    const rec = await store.get(id);
    if (rec) yield rec;
  }
}
