import { timingSafeEqual, createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { CLAIM_KINDS, type ClaimKind } from '../claims/assertions.js';
import { claimEntity, claimsFor } from '../claims/query.js';
import { ENTITY_TYPES, type EntityType } from '../core/layers.js';
import { cleanMeta } from '../core/meta.js';
import { assertFetchableUrl } from '../ingest/net-guard.js';
import { FORMATS, type Format } from '../ingest/types.js';
import type { Store } from '../store/store.js';
import { localReads, type PageReads } from './read-pool.js';
import { exportRoutes } from './export-routes.js';
import { locateEvents } from './event-places.js';
import { withFacets } from './search-page.js';
import { httpError, JsonText, readBody, readJson, SECURITY_HEADERS, sendJson } from './http.js';
import type { IngestQueue } from './ingest.js';
import { kbRoutes, nameLookup } from './kb-routes.js';
import { openApiDocument } from './openapi.js';
import { Router, type RouteContext } from './router.js';
import { worldGeoJson, worldOutline } from './world.js';

export interface ApiOptions {
  readonly store: Store;
  readonly ingest: IngestQueue;
  /** Bearer token for write endpoints; writes are disabled when unset. */
  readonly token?: string;
  readonly allowPrivate?: boolean;
  /** Largest JSON body (pasted text, URL requests). */
  readonly jsonLimit?: number;
  /** Largest uploaded file. */
  readonly uploadLimit?: number;
  /** Where searches and entity pages are read (default: the store, on this thread). */
  readonly reads?: PageReads;
}

const FACET_TTL_MS = 60_000;
const VIEW_TTL_MS = 30_000;

/** A small map whose entries expire; the oldest entry goes first when it is full. */
export class TtlCache<V> {
  private readonly map = new Map<string, { at: number; value: V }>();
  constructor(private readonly ttlMs: number, private readonly max: number) {}
  get(key: string): V | undefined {
    const e = this.map.get(key);
    if (!e) return undefined;
    if (Date.now() - e.at > this.ttlMs) {
      this.map.delete(key);
      return undefined;
    }
    return e.value;
  }
  set(key: string, value: V): void {
    this.map.delete(key);
    this.map.set(key, { at: Date.now(), value });
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}

export function apiRouter(o: ApiOptions): Router {
  const { store } = o;
  const reads = o.reads ?? localReads(store);
  const jsonLimit = o.jsonLimit ?? 2 * 1024 * 1024;
  const uploadLimit = o.uploadLimit ?? 20 * 1024 * 1024;
  const r = new Router();

  r.get('/api/stats', async () => ({ documents: await store.count(), writable: !!o.token, allowPrivate: !!o.allowPrivate }));

  // Facet counts cost more than the ranked page and do not change when paging: they are kept
  // briefly per filter set, and so is each page asked (an analyst going back, several on one
  // query). Both are dropped as soon as this server stores a new document.
  const facetCache = new TtlCache<string>(FACET_TTL_MS, 500);
  const pageCache = new TtlCache<string>(FACET_TTL_MS, 500);
  r.get('/api/search', async ({ url }) => {
    const p = url.searchParams;
    const filters = searchFilters(p);
    const wantFacets = p.get('facets') !== 'false';
    const limit = int(p, 'limit', 20, 1, 100);
    const offset = int(p, 'offset', 0, 0, 10000);
    const key = JSON.stringify([o.ingest.changes, filters]);
    const pageKey = JSON.stringify([key, limit, offset]);
    let facets = wantFacets ? facetCache.get(key) : undefined;
    let page = pageCache.get(pageKey);
    if (page === undefined || (wantFacets && facets === undefined)) {
      const res = await reads.search({ ...filters, limit, offset, facets: wantFacets && facets === undefined });
      page = res.page;
      pageCache.set(pageKey, page);
      if (res.facets !== undefined) facetCache.set(key, facets = res.facets);
    }
    return withFacets(page, facets);
  });

  r.get('/api/docs/:id', async ({ params }) => {
    const rec = await store.get(params.id!);
    if (!rec) throw httpError(404, 'api.not-found', `no document ${params.id}`);
    return rec;
  });

  r.get('/api/entities', async ({ url }) => {
    const p = url.searchParams;
    const name = str(p, 'name', 200);
    if (name) return nameLookup(store, name, int(p, 'limit', 10, 1, 50));
    return { entities: await store.entities({ q: str(p, 'q', 200), type: entityType(p.get('type')), ...page(p, 50) }) };
  });

  // An entity page reads dozens of its documents; the same page asked again soon (an analyst
  // going back, a team on one entity) is served as built, until this server changes the store
  // or VIEW_TTL_MS passes (for writes by other processes).
  const viewCache = new TtlCache<JsonText>(VIEW_TTL_MS, 200);
  r.get('/api/entities/:id', async ({ params }) => {
    const key = JSON.stringify([o.ingest.changes, params.id]);
    const view = viewCache.get(key) ?? await reads.entityView(params.id!);
    if (!view) throw httpError(404, 'api.not-found', `no entity ${params.id}`);
    viewCache.set(key, view);
    return view;
  });

  r.get('/api/stories', async ({ url }) => ({ stories: await store.stories(page(url.searchParams, 20)) }));

  r.get('/api/stories/:id', async ({ params }) => {
    const story = await store.story(params.id!);
    if (!story) throw httpError(404, 'api.not-found', `no story ${params.id}`);
    return story;
  });

  r.get('/api/quotes', async ({ url }) => {
    const p = url.searchParams;
    return { quotes: await store.quotes({ ...quoteFilters(p), ...page(p, 50) }) };
  });

  r.get('/api/claims', async ({ url }) => {
    const p = url.searchParams;
    const kind = str(p, 'kind', 20);
    if (kind !== undefined && !(CLAIM_KINDS as readonly string[]).includes(kind)) throw httpError(400, 'api.bad-param', `parameter kind must be one of ${CLAIM_KINDS.join(', ')}`);
    const name = str(p, 'entity', 300);
    const entity = name === undefined ? undefined : await claimEntity(store, name);
    const claims = await claimsFor(store, { entity: entity?.id, kind: kind as ClaimKind | undefined, from: date(p, 'from'), to: date(p, 'to'), limit: int(p, 'limit', 100, 1, 1000) });
    return { ...(entity ? { entity: { id: entity.id, name: entity.name, type: entity.type } } : {}), claims };
  });

  r.get('/api/places', async ({ url }) => {
    const p = url.searchParams;
    return { places: await store.places({ q: str(p, 'q', 200), country: str(p, 'country', 2), doc: str(p, 'doc', 200), from: date(p, 'from'), to: date(p, 'to'), ...page(p, 500, 5000) }) };
  });

  r.get('/api/events', async ({ url }) => {
    const p = url.searchParams;
    const events = await store.events({
      type: str(p, 'type', 100),
      entity: str(p, 'entity', 300),
      doc: str(p, 'doc', 200),
      from: date(p, 'from'),
      to: date(p, 'to'),
      ...page(p, 200, 2000),
    });
    return { events: await locateEvents(store, events), entities: await entityNames(store, events.flatMap((e) => [e.actor, e.target])) };
  });

  r.get('/api/relations', async ({ url }) => {
    const p = url.searchParams;
    return { relations: await store.relations({ entity: str(p, 'entity', 300), type: str(p, 'type', 100), doc: str(p, 'doc', 200), ...page(p, 100) }) };
  });

  r.get('/api/openapi.json', () => openApiDocument());

  // The outline never changes while the server runs: one serialisation, cached by browsers a day.
  const sendOutline = (res: RouteContext['res'], json: Buffer, type: string) => {
    res.writeHead(200, { ...SECURITY_HEADERS, 'content-type': `${type}; charset=utf-8`, 'content-length': String(json.length), 'cache-control': 'public, max-age=86400' });
    res.end(json);
    return undefined;
  };
  r.get('/api/world', ({ res }) => sendOutline(res, worldOutline().json, 'application/json'));
  r.get('/api/world/geojson', ({ res }) => sendOutline(res, worldGeoJson(), 'application/geo+json'));

  exportRoutes(r, store, { str, date, search: searchFilters, quotes: quoteFilters });

  const requireToken = ({ req }: RouteContext) => {
    if (!o.token) throw httpError(403, 'api.read-only', 'this server is read-only (started with --read-only or without a token)');
    if (!tokenMatches(req, o.token)) throw httpError(401, 'api.unauthorized', 'missing or wrong token (Authorization: Bearer TOKEN)');
  };

  // A correction changes what queries answer, as a new document does: cached facets are dropped.
  kbRoutes(r, { store, requireToken, changed: () => { o.ingest.changes++; } });

  r.post('/api/ingest/text', async (ctx) => {
    requireToken(ctx);
    const body = await readJson(ctx.req, jsonLimit);
    const text = typeof body.text === 'string' ? body.text : '';
    if (!text.trim()) throw httpError(400, 'api.no-text', 'field "text" is required');
    const meta = cleanMeta({ title: body.title, author: body.author, outlet: body.outlet, url: body.url, published: body.published });
    if (meta.published && !/^\d{4}-\d{2}-\d{2}/.test(meta.published)) throw httpError(400, 'api.bad-date', 'published must be YYYY-MM-DD');
    return accepted(ctx, o.ingest.text(text, meta, format(body.format)));
  });

  r.post('/api/ingest/file', async (ctx) => {
    requireToken(ctx);
    const name = ctx.url.searchParams.get('name') ?? 'upload';
    const body = await readBody(ctx.req, uploadLimit);
    if (!body.length) throw httpError(400, 'api.empty', 'the uploaded file is empty');
    return accepted(ctx, o.ingest.file(name, body, format(ctx.url.searchParams.get('format'))));
  });

  r.post('/api/ingest/url', async (ctx) => {
    requireToken(ctx);
    const body = await readJson(ctx.req, 64 * 1024);
    const url = typeof body.url === 'string' ? body.url.trim() : '';
    if (!url) throw httpError(400, 'api.no-url', 'field "url" is required');
    // Refused here with a clear answer; the fetcher checks again on every redirect.
    try {
      await assertFetchableUrl(url, { allowPrivate: !!o.allowPrivate });
    } catch (err) {
      const why = err instanceof Error ? err.message : String(err);
      throw httpError(400, 'api.url-refused', `${url}: ${why}${/private|loopback/.test(why) ? ' (start the server with --allow-private to allow it)' : ''}`);
    }
    return accepted(ctx, o.ingest.url(url, body.follow === true));
  });

  r.get('/api/jobs/:id', ({ params }) => {
    const job = o.ingest.get(params.id!);
    if (!job) throw httpError(404, 'api.not-found', `no ingest job ${params.id}`);
    return job;
  });

  return r;
}

/** Names for the entity ids (keys) a list refers to, so clients need not look each one up. */
async function entityNames(store: Store, ids: readonly (string | undefined)[]): Promise<Record<string, { name: string; type: string }>> {
  const out: Record<string, { name: string; type: string }> = {};
  for (const id of new Set(ids.filter((x): x is string => !!x))) {
    if (Object.keys(out).length >= 500) break;
    const e = await store.entity(id);
    if (e) out[id] = { name: e.name, type: e.type };
  }
  return out;
}

function accepted(ctx: RouteContext, job: { id: string }): undefined {
  sendJson(ctx.res, 202, { job: job.id, status: `/api/jobs/${job.id}` });
  return undefined;
}

function tokenMatches(req: IncomingMessage, token: string): boolean {
  const m = /^Bearer\s+(.+)$/i.exec(String(req.headers.authorization ?? ''));
  if (!m) return false;
  // Compare digests so the comparison takes the same time whatever the lengths.
  const a = createHash('sha256').update(m[1]!.trim()).digest();
  const b = createHash('sha256').update(token).digest();
  return timingSafeEqual(a, b);
}

/** Snippet without marks, plus the marked ranges as offsets into it. */
/** The filters of a search, as /api/search and the export of a search read them. */
function searchFilters(p: URLSearchParams) {
  return {
    q: str(p, 'q', 500),
    entity: p.getAll('entity').filter(Boolean).slice(0, 10),
    type: entityType(p.get('type')),
    place: str(p, 'place', 200),
    outlet: str(p, 'outlet', 200),
    from: date(p, 'from'),
    to: date(p, 'to'),
  };
}

function quoteFilters(p: URLSearchParams) {
  return { speaker: str(p, 'speaker', 200), entity: str(p, 'entity', 300), doc: str(p, 'doc', 200), outlet: str(p, 'outlet', 200), from: date(p, 'from'), to: date(p, 'to') };
}

function str(p: URLSearchParams, name: string, max: number): string | undefined {
  const v = p.get(name)?.trim();
  if (!v) return undefined;
  if (v.length > max) throw httpError(400, 'api.bad-param', `parameter ${name} is too long (max ${max})`);
  return v;
}

function int(p: URLSearchParams, name: string, dflt: number, min: number, max: number): number {
  const v = p.get(name);
  if (v == null || v === '') return dflt;
  const n = Number(v);
  if (!Number.isInteger(n) || n < min || n > max) throw httpError(400, 'api.bad-param', `parameter ${name} must be an integer from ${min} to ${max}`);
  return n;
}

function page(p: URLSearchParams, dflt: number, max = 500): { limit: number; offset: number } {
  return { limit: int(p, 'limit', dflt, 1, max), offset: int(p, 'offset', 0, 0, 100000) };
}

function date(p: URLSearchParams, name: string): string | undefined {
  const v = str(p, name, 30);
  if (v && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(v)) throw httpError(400, 'api.bad-param', `parameter ${name} must be YYYY, YYYY-MM or YYYY-MM-DD`);
  return v;
}

function entityType(v: string | null): EntityType | undefined {
  if (!v) return undefined;
  if (!(ENTITY_TYPES as readonly string[]).includes(v)) throw httpError(400, 'api.bad-param', `type must be one of ${ENTITY_TYPES.join(', ')}`);
  return v as EntityType;
}

function format(v: unknown): Format | undefined {
  if (v == null || v === '' || v === 'auto') return undefined;
  if (typeof v === 'string' && (FORMATS as readonly string[]).includes(v)) return v as Format;
  throw httpError(400, 'api.bad-param', `format must be one of ${FORMATS.join(', ')}`);
}
