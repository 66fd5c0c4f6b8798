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

export function worldOutline(): { outline: WorldOutline; json: Buffer } {
  if (cached) return cached;
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve('world-atlas/countries-110m.json'), 'utf8')) as {
    objects: { countries: unknown };
  };
  const fc = topojson.feature(topo, topo.objects.countries) as {
    features: { properties?: { name?: string }; geometry: Geometry | null }[];
  };
  const countries = fc.features
    .filter((f) => f.geometry)
    .map((f) => ({ name: f.properties?.name ?? '', d: geometryPath(f.geometry!) }));
  const outline: WorldOutline = { projection: 'equirectangular', width: 360, height: 180, countries };
  cached = { outline, json: Buffer.from(JSON.stringify(outline)) };
  return cached;
}

function geometryPath(g: Geometry): string {
  if (g.type === 'Polygon') return polygonPath(g.coordinates as Ring[]);
  if (g.type === 'MultiPolygon') return (g.coordinates as Ring[][]).map(polygonPath).join('');
  return '';
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

function polygonPath(rings: readonly Ring[]): string {
  let d = '';
  for (const ring of rings) {
    // A ring that crosses the antimeridian (eastern Russia, Fiji) would be drawn as a band across
    // the whole map; shifting its western half by 360° keeps it whole, the part off the map clipped.
    // (Antarctica wraps the whole globe: shifting would not make it narrower, so it is left alone.)
    const crosses = ring.some(([lon], i) => i > 0 && Math.abs(lon - ring[i - 1]![0]) > 180) && span(ring, 360) < 180;
    ring.forEach(([rawLon, lat], i) => {
      const lon = crosses && rawLon < 0 ? rawLon + 360 : rawLon;
      d += `${i ? 'L' : 'M'}${r2(lon + 180)} ${r2(90 - lat)}`;
    });
    d += 'Z';
  }
  return d;
}
