import type { Place } from '../core/layers.js';
import type { ExportFormat } from './export/formats.js';
import { write } from './export/write.js';
import { eventRows } from './event-rows.js';
import type { NewsRecord } from './record.js';

/**
 * GeoJSON (RFC 7946) FeatureCollection: one Point per event that has a placed location, and
 * one Point per distinct place a document names. Coordinates are [longitude, latitude].
 */
export function recordFeatures(r: NewsRecord): object[] {
  const features: object[] = [];
  for (const x of eventRows(r)) {
    if (!x.place || !Number.isFinite(x.place.lat) || !Number.isFinite(x.place.lon)) continue;
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [x.place.lon, x.place.lat] },
      properties: {
        kind: 'event', id: x.id, doc: x.docId, type: x.type, plover: x.plover, date: x.date, precision: x.precision,
        actor: x.actor || undefined, target: x.target || undefined, place: x.placeName, geonameId: x.place.geonameId,
        country: x.place.country, fatalities: x.fatalities, claimed: x.claimed || undefined, negated: x.negated || undefined,
        hedged: x.hedged || undefined, source: x.source || undefined, url: x.url || undefined, evidence: x.evidence,
      },
    });
  }
  const seen = new Map<string, { p: Place; n: number }>();
  for (const p of r.places ?? []) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon)) continue;
    const key = p.geonameId !== undefined ? `g${p.geonameId}` : `${p.name}|${p.lat}|${p.lon}`;
    const s = seen.get(key);
    if (s) s.n++;
    else seen.set(key, { p, n: 1 });
  }
  for (const { p, n } of seen.values()) {
    features.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: { kind: 'place', doc: r.id, name: p.name, text: p.text, geonameId: p.geonameId, country: p.country, featureCode: p.featureCode, mentions: n, title: r.meta?.title },
    });
  }
  return features;
}

export const geojsonFormat: ExportFormat = {
  name: 'geojson',
  description: 'GeoJSON FeatureCollection: events with a placed location, and the places each document names',
  mediaType: 'application/geo+json',
  extension: 'geojson',
  async write(records, out) {
    await write(out, '{"type":"FeatureCollection","features":[');
    let n = 0, first = true;
    for await (const r of records) {
      for (const f of recordFeatures(r)) {
        await write(out, (first ? '\n' : ',\n') + JSON.stringify(f));
        first = false;
      }
      n++;
    }
    await write(out, '\n]}\n');
    return n;
  },
};
