import { NewsgraphError } from '../core/errors.js';
import type { EntityInfo, Store } from '../store/store.js';
import type { ClaimKind } from './assertions.js';
import { buildClaims, EVENT_DAYS, type Claim, type ClaimRow } from './build.js';

/** Periods around an entity's events searched for other perpetrators and denials that do not name it. */
export const EVENT_WINDOWS = 20;
/** Most event assertions read per such period. */
const WINDOW_ROWS = 500;

export interface ClaimQuery {
  /** Entity id: claims about it, and the claims that contradict them. */
  readonly entity?: string;
  readonly kind?: ClaimKind;
  /** Inclusive bounds on the day a claim is about, YYYY-MM-DD. */
  readonly from?: string;
  readonly to?: string;
  /** Most claims returned (most independent sources first). */
  readonly limit?: number;
}

/**
 * Claims built on read from the store's assertions: for one entity, its newest assertions (a
 * bounded, indexed read per side), plus the events of the same types in the periods of its
 * newest events, where another perpetrator or a denial that does not name it can be found.
 */
export async function claimsFor(store: Store, q: ClaimQuery): Promise<Claim[]> {
  const rows: ClaimRow[] = await store.claimRows({ entity: q.entity, from: q.from, to: q.to });
  if (q.entity) {
    for (const w of eventWindows(rows)) rows.push(...await store.claimRows({ kind: 'event', key: w.type, from: w.from, to: w.to, limit: WINDOW_ROWS }));
  }
  const seen = new Set<string>();
  const unique = rows.filter((r) => { const k = `${r.doc}#${r.seq}`; return !seen.has(k) && !!seen.add(k); });
  const all = buildClaims(unique);
  let claims = all;
  if (q.entity) {
    const own = all.filter((c) => c.subject.id === q.entity || c.object?.id === q.entity);
    const wanted = new Set([...own.map((c) => c.id), ...own.flatMap((c) => c.conflicts)]);
    claims = all.filter((c) => wanted.has(c.id));
  }
  if (q.kind) claims = claims.filter((c) => c.kind === q.kind);
  return q.limit === undefined ? claims : claims.slice(0, q.limit);
}

/** The periods (type, from, to) around the newest events of the rows, at most EVENT_WINDOWS. */
function eventWindows(rows: readonly ClaimRow[]): { type: string; from: string; to: string }[] {
  const out: { type: string; from: string; to: string }[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (r.kind !== 'event' || !r.day || !/^\d{4}-\d{2}-\d{2}$/.test(r.day)) continue;
    if (seen.has(`${r.key}|${r.day}`)) continue;
    seen.add(`${r.key}|${r.day}`);
    out.push({ type: r.key, from: shift(r.day, -EVENT_DAYS), to: shift(r.day, EVENT_DAYS) });
    if (out.length >= EVENT_WINDOWS) break;
  }
  return out;
}

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** An entity id as the store writes it (`ORG:lowland front`), as opposed to a name to look up. */
const ID = /^[A-Z]+:/;

/** The entity a name or id means: an id as given, a name through the knowledge-base lookup (the entity most documents call so). */
export async function claimEntity(store: Store, name: string): Promise<EntityInfo> {
  const matches = ID.test(name) ? [] : await store.lookup(name, 1);
  const e = await store.entity(matches[0]?.id ?? name);
  if (!e) throw new NewsgraphError('store.not-found', `no entity named ${name}`, 404);
  return e;
}
