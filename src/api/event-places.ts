import type { NewsRecord } from '../output/record.js';
import type { EventHit, Store } from '../store/store.js';

export interface EventLocation {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly country?: string;
}

export type LocatedEvent = EventHit & { location?: EventLocation; placeName?: string };

/**
 * Where each event happened, read from its article's places layer: the place its `placeId`
 * names when the stage gave one, else the place read from the same entity as the event's
 * place, else a place of that name.
 * The store keeps events without coordinates; the map and timeline need them.
 */
export async function locateEvents(store: Store, events: readonly EventHit[]): Promise<LocatedEvent[]> {
  const records = new Map<string, Promise<NewsRecord | undefined>>();
  const load = (id: string) => {
    let r = records.get(id);
    if (!r) records.set(id, (r = store.get(id)));
    return r;
  };
  return Promise.all(
    events.map(async (e) => {
      const placeId = typeof e.item.placeId === 'string' ? e.item.placeId : undefined;
      const local = typeof e.item.place === 'string' ? e.item.place : undefined;
      if (placeId === undefined && local === undefined) return e;
      const rec = await load(e.doc);
      if (!rec) return e;
      const p =
        (placeId !== undefined ? rec.places.find((x) => x.id === placeId) : undefined) ??
        rec.places.find((x) => x.entity !== undefined && x.entity === local) ??
        rec.places.find((x) => x.name.toLowerCase() === local?.toLowerCase() || x.text === local);
      const ent = local ? rec.entities.find((x) => x.id === local) : undefined;
      const placeName = p?.name ?? ent?.name ?? e.place;
      return p ? { ...e, placeName, location: { name: p.name, lat: p.lat, lon: p.lon, country: p.country } } : { ...e, placeName };
    }),
  );
}
