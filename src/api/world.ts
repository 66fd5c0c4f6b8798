import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import topojson from 'topojson-client';

/**
 * The world outline for the map, from the world-atlas package (Natural Earth, 1:110m), turned
 * into SVG paths once per process. Projection: equirectangular, one unit per degree,
 * x = lon + 180, y = 90 - lat; the app places points with the same formula.
 */
export interface WorldOutline {
  readonly projection: 'equirectangular';
  readonly width: 360;
  readonly height: 180;
  readonly countries: readonly { readonly name: string; readonly d: string }[];
}

type Ring = readonly (readonly [number, number])[];
interface Geometry {
  readonly type: string;
  readonly coordinates: unknown;
}

let cached: { outline: WorldOutline; json: Buffer } | undefined;
let cachedGeo: Buffer | undefined;
let features: { name: string; polygons: Ring[][] }[] | undefined;

/** Each country as polygons of [lon, lat] rings, antimeridian crossings made whole (see `unwrap`). */
function countryPolygons(): { name: string; polygons: Ring[][] }[] {
  if (features) return features;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as {
    objects: { countries: unknown };
  };
  const fc = topojson.feature(topo, topo.objects.countries) as {
    features: { properties?: { name?: string }; geometry: Geometry | null }[];
  };
  features = fc.features
    .filter((f) => f.geometry && (f.geometry.type === 'Polygon' || f.geometry.type === 'MultiPolygon'))
    .map((f) => {
      const g = f.geometry!;
      const polys = g.type === 'Polygon' ? [g.coordinates as Ring[]] : (g.coordinates as Ring[][]);
      return { name: f.properties?.name ?? '', polygons: polys.map((rings) => rings.map(unwrap)) };
    });
  return features;
}

export function worldOutline(): { outline: WorldOutline; json: Buffer } {
  if (cached) return cached;
  const countries = countryPolygons().map((c) => ({ name: c.name, d: c.polygons.map(polygonPath).join('') }));
  const outline: WorldOutline = { projection: 'equirectangular', width: 360, height: 180, countries };
  cached = { outline, json: Buffer.from(JSON.stringify(outline)) };
  return cached;
}

/**
 * The same outline as GeoJSON (a FeatureCollection of country MultiPolygons, property `name`),
 * for a map library to draw as its base layer. Longitudes of a ring that crosses the
 * antimeridian run past 180 rather than wrap.
 */
export function worldGeoJson(): Buffer {
  cachedGeo ??= Buffer.from(JSON.stringify({
    type: 'FeatureCollection',
    features: countryPolygons().map((c) => ({
      type: 'Feature',
      properties: { name: c.name },
      geometry: { type: 'MultiPolygon', coordinates: c.polygons.map((rings) => rings.map((ring) => ring.map(([lon, lat]) => [r2(lon), r2(lat)]))) },
    })),
  }));
  return cachedGeo;
}

function span(ring: Ring, shiftWest: number): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const [lon] of ring) {
    const x = lon < 0 ? lon + shiftWest : lon;
    if (x < lo) lo = x;
    if (x > hi) hi = x;
  }
  return hi - lo;
}

const r2 = (n: number) => Math.round(n * 100) / 100;

/**
 * A ring that crosses the antimeridian (eastern Russia, Fiji) would be drawn as a band across the
 * whole map; shifting its western half by 360° keeps it whole, the part off the map clipped.
 * (Antarctica wraps the whole globe: shifting would not make it narrower, so it is left alone.)
 */
function unwrap(ring: Ring): Ring {
  const crosses = ring.some(([lon], i) => i > 0 && Math.abs(lon - ring[i - 1]![0]) > 180) && span(ring, 360) < 180;
  return crosses ? ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat] as const) : ring;
}

function polygonPath(rings: readonly Ring[]): string {
  let d = '';
  for (const ring of rings) {
    ring.forEach(([lon, lat], i) => {
      d += `${i ? 'L' : 'M'}${r2(lon + 180)} ${r2(90 - lat)}`;
    });
    d += 'Z';
  }
  return d;
}
