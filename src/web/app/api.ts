import type { Claim } from '../../claims/build.js';
import type { NewsRecord } from '../../output/record.js';
import type { DecisionRecord, EntityInfo, EntityMatch, Facets, PlaceHit, QuoteHit, RelationHit, SearchHit, StoryDetail, StoryInfo } from '../../store/store.js';
import type { EntityView } from '../../api/entity-view.js';
import type { LocatedEvent } from '../../api/event-places.js';
import type { Lineage, LineageStep } from '../../api/lineage.js';

export type EventHit = LocatedEvent;
export type { Claim, NewsRecord, StoryDetail, StoryInfo, EntityInfo, EntityMatch, DecisionRecord, PlaceHit, QuoteHit, RelationHit, EntityView, Lineage, LineageStep };

/** `GET /api/entities?name=`: the entity a name most often means, and the others it can mean. */
export interface NameLookup {
  readonly name: string;
  readonly entity: EntityMatch;
  readonly candidates: EntityMatch[];
}

export interface Hit extends SearchHit {
  readonly marks: [number, number][];
}
export interface SearchResponse {
  readonly total: number;
  readonly totalCapped?: boolean;
  readonly rankedOver?: number;
  readonly hits: Hit[];
  readonly facets?: Facets;
}
export interface Stats {
  readonly documents: number;
  readonly writable: boolean;
  readonly allowPrivate: boolean;
}
export interface JobStatus {
  readonly id: string;
  readonly source: string;
  readonly state: 'queued' | 'running' | 'done';
  readonly read: number;
  readonly added: number;
  readonly present: number;
  readonly refreshed: number;
  readonly failed: number;
  readonly errors: { source: string; error: string }[];
  readonly docs: { id: string; title?: string; status: string; language?: string }[];
}
export interface WorldOutline {
  readonly width: number;
  readonly height: number;
  readonly countries: { name: string; d: string }[];
}

export class ApiError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

async function parse<T>(res: Response): Promise<T> {
  const body = (await res.json().catch(() => null)) as { error?: { message?: string } } | null;
  if (!res.ok) throw new ApiError(res.status, body?.error?.message ?? `HTTP ${res.status}`);
  return body as T;
}

export async function getJson<T>(path: string): Promise<T> {
  return parse<T>(await fetch(path, { headers: { accept: 'application/json' } }));
}

export async function postJson<T>(path: string, body: unknown, token: string): Promise<T> {
  return parse<T>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` }, body: JSON.stringify(body) }));
}

export async function postFile<T>(path: string, file: Blob, token: string): Promise<T> {
  return parse<T>(await fetch(path, { method: 'POST', headers: { 'content-type': 'application/octet-stream', authorization: `Bearer ${token}` }, body: file }));
}
