import type { Place } from '../core/layers.js';
import { eventLayer } from '../layers/events.js';
import { placeLayer } from '../layers/places.js';
import { exportColumns, type ExportColumn } from '../layers/spec.js';
import type { ExportFormat } from './export/formats.js';
import { write } from './export/write.js';
import { eventRows } from './event-rows.js';
import type { NewsRecord } from './record.js';

const EVENT_PROPERTIES = exportColumns(eventLayer, 'geojson');
const PLACE_PROPERTIES = exportColumns(placeLayer, 'geojson');

const point = <R>(lon: number, lat: number, columns: readonly ExportColumn<R>[], row: R): object => ({
  type: 'Feature',
  geometry: { type: 'Point', coordinates: [lon, lat] },
  properties: Object.fromEntries(columns.map((c) => [c.name, c.value(row)])),
});

/**
 * GeoJSON (RFC 7946) FeatureCollection: one Point per event that has a placed location, and
 * one Point per distinct place a document names. Coordinates are [longitude, latitude];
 * properties are the columns the events and places layers declare.
 */
export function recordFeatures(r: NewsRecord): object[] {
  const features: object[] = [];
  for (const x of eventRows(r)) {
    if (!x.place || !Number.isFinite(x.place.lat) || !Number.isFinite(x.place.lon)) continue;
    features.push(point(x.place.lon, x.place.lat, EVENT_PROPERTIES, x));
  }
  const seen = new Map<string, { p: Place; n: number }>();
  for (const p of r.places ?? []) {
    if (!Number.isFinite(p.lat) || !Number.isFinite(p.lon) || p.embedded) continue;
    const key = p.geonameId !== undefined ? `g${p.geonameId}` : `${p.name}|${p.lat}|${p.lon}`;
    const s = seen.get(key);
    if (s) s.n++;
    else seen.set(key, { p, n: 1 });
  }
  for (const { p, n } of seen.values()) {
    features.push(point(p.lon, p.lat, PLACE_PROPERTIES, { doc: r.id, title: r.meta?.title, place: p, mentions: n }));
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
