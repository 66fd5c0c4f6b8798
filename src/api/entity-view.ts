import { entityKey, normalizeName } from '../store/keys.js';
import type { DocRef, EntityInfo, EntityMatch, PlaceHit, QuoteHit, RelationHit, Store } from '../store/store.js';
import { lineage, type Lineage } from './lineage.js';

/** Everything the entity page shows, in one response. */
export interface EntityView {
  /** With its knowledge-base profile: names with counts, types, first and last seen, outlets, former ids. */
  readonly entity: EntityInfo;
  /** The other entities the name asked for (or its own name) can mean, best first. */
  readonly candidates: { readonly name: string; readonly entities: EntityMatch[] };
  /** Rebrands, splits and merges through other entities, each with its evidence. */
  readonly lineage: Lineage;
  readonly mentionsOverTime: Awaited<ReturnType<Store['mentionsOverTime']>>;
  readonly coOccurring: Awaited<ReturnType<Store['coOccurring']>>;
  /** How many of its documents (the most recently stored) the co-occurrence counts cover. */
  readonly coOccurringOver: number;
  readonly quotesBy: QuoteHit[];
  readonly quotesAbout: QuoteHit[];
  readonly relations: RelationHit[];
  /**
   * One hop further: relations of its related entities that do not involve it (at most
   * NEIGHBOUR_RELATIONS per neighbour, for its first NEIGHBOURS neighbours), each with its evidence.
   */
  readonly neighbourRelations: RelationHit[];
  readonly places: PlaceHit[];
  /** Where the entity itself is on the map, when it was read as a place. */
  readonly location?: { lat: number; lon: number; country?: string };
  readonly documents: (DocRef & { snippet: string })[];
}

// Quotes about an entity and the places around it are read from its most recent documents:
// enough for a page, and bounded however famous the entity is.
const SAMPLE_DOCS = 40;
// Co-occurrence reads every entity of each document counted: bounded to the newest documents.
const CO_OCCURRENCE_DOCS = 250;
const DOCUMENTS = 20;
// The newest quotes by and about it: a page to read, with the quotes explorer for all of them.
const QUOTES = 50;
const CANDIDATES = 8;
export const NEIGHBOURS = 12;
export const NEIGHBOUR_RELATIONS = 6;

export async function entityView(store: Store, idOrName: string): Promise<EntityView | undefined> {
  // Links carry `TYPE:Name` as written in an article; the store keys entities by the normalised form.
  const typed = /^([A-Z]+):(.+)$/.exec(idOrName);
  const entity = (await store.entity(idOrName)) ?? (typed ? await store.entity(entityKey(typed[1]!, typed[2]!)) : undefined);
  if (!entity) return undefined;
  const id = entity.id;
  // Asked by a bare name, the other entities of that name; asked by id, those that share its name.
  const askedName = typed ? entity.name : idOrName;
  const [mentionsOverTime, coOccurring, quotesBy, quotesAbout, places, relations, found, matches, family] = await Promise.all([
    store.mentionsOverTime(id, 'month'),
    store.coOccurring(id, 20, CO_OCCURRENCE_DOCS),
    store.quotes({ entity: id, limit: QUOTES }),
    store.quotes({ about: id, recent: SAMPLE_DOCS, limit: QUOTES }),
    store.places({ entity: id, recent: SAMPLE_DOCS, limit: 50 }),
    store.relations({ entity: id, limit: 50 }),
    store.search({ entity: id, limit: DOCUMENTS, mark: ['', ''] }),
    store.lookup(askedName, CANDIDATES + 1),
    lineage(store, { id, name: entity.name }),
  ]);
  const neighbourRelations = await relationsAround(store, id, relations);
  // Where it is itself: the most reported of those places that bear one of its names.
  const names = new Set([entity.name, ...entity.aliases].map(normalizeName));
  const own = places.find((p) => names.has(normalizeName(p.name)));
  const location: EntityView['location'] = own ? { lat: own.lat, lon: own.lon, ...(own.country ? { country: own.country } : {}) } : undefined;
  return {
    entity,
    candidates: { name: askedName, entities: matches.filter((m) => m.id !== id).slice(0, CANDIDATES) },
    lineage: family,
    mentionsOverTime,
    coOccurring,
    coOccurringOver: Math.min(entity.documents, CO_OCCURRENCE_DOCS),
    quotesBy,
    quotesAbout,
    relations,
    neighbourRelations,
    places,
    location,
    documents: found.hits.map((h) => ({ doc: h.id, title: h.title, outlet: h.meta.outlet, published: h.meta.published, snippet: h.snippet })),
  };
}

/** The entity page as JSON text, as the server sends it (built where it is read: a page is large). */
export async function entityViewJson(store: Store, idOrName: string): Promise<string | undefined> {
  const view = await entityView(store, idOrName);
  return view === undefined ? undefined : JSON.stringify(view);
}

/** Relations among and beyond the entity's neighbours, so a page shows the group its rival became. */
async function relationsAround(store: Store, id: string, direct: readonly RelationHit[]): Promise<RelationHit[]> {
  const neighbours: string[] = [];
  for (const r of direct) {
    for (const side of [r.a.id, r.b.id]) if (side !== id && !neighbours.includes(side)) neighbours.push(side);
  }
  const seen = new Set<string>();
  const out: RelationHit[] = [];
  const found = await Promise.all(neighbours.slice(0, NEIGHBOURS).map((n) => store.relations({ entity: n, limit: NEIGHBOUR_RELATIONS * 2 })));
  for (const rels of found) {
    let kept = 0;
    for (const r of rels) {
      const key = `${r.type}\u0000${r.a.id}\u0000${r.b.id}`;
      // Its own relations are listed already; a name related to itself draws nothing.
      if (r.a.id === id || r.b.id === id || r.a.id === r.b.id || seen.has(key)) continue;
      if (kept++ >= NEIGHBOUR_RELATIONS) break;
      seen.add(key);
      out.push(r);
    }
  }
  return out;
}
