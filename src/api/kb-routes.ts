import { entityKey } from '../store/keys.js';
import type { Decision, DecisionRecord, EntityInfo, EntityMatch, Store } from '../store/store.js';
import { httpError, readJson } from './http.js';
import type { RouteContext, Router } from './router.js';

/**
 * The knowledge base over HTTP: which entity a name means, and the corrections an analyst makes
 * (merge, split, rename, not-same) with the audit trail of decisions. Each correction is one
 * store call, so it is one transaction: it happens whole or not at all.
 */
export interface KbRouteOptions {
  readonly store: Store;
  /** Refuses the request (401, or 403 on a read-only server) unless it carries the session token. */
  readonly requireToken: (ctx: RouteContext) => void;
  /** Called after every correction: caches of query results key on store changes. */
  readonly changed: () => void;
}

const BODY_LIMIT = 64 * 1024;
const NAME_MAX = 200;
const MAX_SPLIT_NAMES = 20;

export function kbRoutes(r: Router, o: KbRouteOptions): void {
  const { store } = o;

  /** Reads a correction: the token first, then the body, then each entity it names. */
  const correction = async (ctx: RouteContext) => {
    o.requireToken(ctx);
    return readJson(ctx.req, BODY_LIMIT);
  };
  const apply = async <T>(work: Promise<T>): Promise<T> => {
    const out = await work;
    o.changed();
    return out;
  };

  r.post('/api/entities/merge', async (ctx) => {
    const body = await correction(ctx);
    const into = await known(store, body, 'into'), from = await known(store, body, 'from');
    const merged = await apply(store.mergeEntities(into.id, from.id, decision(body)));
    return { entity: await profile(store, merged.id), decision: await latest(store, merged.id, 'merge') };
  });

  r.post('/api/entities/split', async (ctx) => {
    const body = await correction(ctx);
    const e = await known(store, body, 'id');
    const names = Array.isArray(body.names) ? body.names : [];
    if (!names.length || names.length > MAX_SPLIT_NAMES || !names.every((n) => typeof n === 'string' && n.trim() && n.length <= NAME_MAX)) {
      throw httpError(400, 'api.bad-body', `field "names" must list 1 to ${MAX_SPLIT_NAMES} names of the entity`);
    }
    const split = await apply(store.splitEntity(e.id, names as string[], decision(body)));
    return { entity: await profile(store, split.id), from: await profile(store, e.id), decision: await latest(store, split.id, 'split') };
  });

  r.post('/api/entities/rename', async (ctx) => {
    const body = await correction(ctx);
    const e = await known(store, body, 'id');
    const renamed = await apply(store.renameEntity(e.id, text(body, 'name', NAME_MAX, true)!, decision(body)));
    return { entity: await profile(store, renamed.id), decision: await latest(store, renamed.id, 'rename') };
  });

  r.post('/api/entities/not-same', async (ctx) => {
    const body = await correction(ctx);
    const a = await known(store, body, 'a'), b = await known(store, body, 'b');
    await apply(store.notSame(a.id, b.id, decision(body)));
    return { a, b, decision: await latest(store, a.id, 'not-same') };
  });

  r.post('/api/entities/undo', async (ctx) => {
    const body = await correction(ctx);
    const seq = body.seq;
    if (typeof seq !== 'number' || !Number.isInteger(seq) || seq < 1) throw httpError(400, 'api.bad-body', 'field "seq" must be the number of a decision (GET /api/decisions)');
    const undo = await apply(store.undoDecision(seq, decision(body)));
    const entity = await store.entity(undo.a);
    return { decision: undo, ...(entity ? { entity } : {}) };
  });

  r.get('/api/entities/:id/decisions', async ({ params }) => {
    const e = await store.entity(params.id!);
    if (!e) throw httpError(404, 'api.not-found', `no entity ${params.id}`);
    return { entity: { id: e.id, name: e.name }, decisions: await entityDecisions(store, e) };
  });

  r.get('/api/decisions', async ({ url }) => {
    const limit = Number(url.searchParams.get('limit') ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 500) throw httpError(400, 'api.bad-param', 'parameter limit must be an integer from 1 to 500');
    return { decisions: (await store.decisions()).slice(0, limit) };
  });
}

/** `GET /api/entities?name=`: the entity a name most often means, with the others it can mean. */
export async function nameLookup(store: Store, name: string, limit: number): Promise<{ name: string; entity: EntityMatch; candidates: EntityMatch[] }> {
  const [best, ...others] = await store.lookup(name, limit + 1);
  if (!best) throw httpError(404, 'api.not-found', `no entity is called ${name}`);
  const full = await store.entity(best.id);
  return { name, entity: { ...best, ...full }, candidates: others.slice(0, limit) };
}

/**
 * The decisions about an entity, newest first, with those taken about the ids merged into it
 * (the store answers for the id an old one leads to, so they are picked from its latest decisions).
 */
export async function entityDecisions(store: Store, e: EntityInfo): Promise<DecisionRecord[]> {
  const former = new Set(e.formerIds ?? []);
  const own = await store.decisions(e.id);
  const before = former.size ? (await store.decisions()).filter((d) => former.has(d.a) || (d.b !== undefined && former.has(d.b))) : [];
  const bySeq = new Map([...own, ...before].map((d) => [d.seq, d]));
  return [...bySeq.values()].sort((x, y) => y.seq - x.seq);
}

/**
 * The entity a correction names. Only ids are taken (`TYPE:name`, or an id merged away, which
 * leads to its entity): a bare name may mean several entities, and corrections are how those get
 * told apart.
 */
async function known(store: Store, body: Record<string, unknown>, field: string): Promise<EntityInfo> {
  const id = text(body, field, 300, true)!;
  const typed = /^([A-Z]+):(.+)$/.exec(id);
  if (!typed) throw httpError(400, 'api.bad-body', `field "${field}" must be an entity id (TYPE:name); GET /api/entities?name= finds one`);
  const e = (await store.entity(id)) ?? (await store.entity(entityKey(typed[1]!, typed[2]!)));
  if (!e) throw httpError(404, 'api.not-found', `no entity ${id}`);
  return e;
}

/** Who made the correction (the request's `who`, else "api") and why. */
function decision(body: Record<string, unknown>): Decision {
  const note = text(body, 'note', 1000, false);
  return { who: text(body, 'who', 100, false) ?? 'api', ...(note ? { note } : {}) };
}

function text(body: Record<string, unknown>, field: string, max: number, required: boolean): string | undefined {
  const v = body[field];
  if (v === undefined || v === null || (typeof v === 'string' && !v.trim() && !required)) {
    if (required) throw httpError(400, 'api.bad-body', `field "${field}" is required`);
    return undefined;
  }
  if (typeof v !== 'string' || !v.trim() || v.length > max) throw httpError(400, 'api.bad-body', `field "${field}" must be a non-empty string of at most ${max} characters`);
  return v.trim();
}

async function profile(store: Store, id: string): Promise<EntityInfo> {
  const e = await store.entity(id);
  if (!e) throw httpError(404, 'api.not-found', `no entity ${id}`);
  return e;
}

async function latest(store: Store, id: string, action: DecisionRecord['action']): Promise<DecisionRecord | undefined> {
  return (await store.decisions(id)).find((d) => d.action === action);
}
