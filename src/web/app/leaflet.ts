import type * as Leaflet from 'leaflet';
import type {} from 'leaflet.markercluster';

/**
 * Leaflet and its marker-cluster plugin, loaded by index.html as classic scripts from
 * /vendor/ (served from their npm packages): they set the global `L`, which this module hands to
 * the views with its types. Nothing here fetches tiles: the base layer is the server's outline.
 */
export function leaflet(): typeof Leaflet {
  const L = (globalThis as unknown as { L?: typeof Leaflet }).L;
  if (!L?.markerClusterGroup) throw new Error('the map library did not load (/vendor/leaflet)');
  return L;
}

export type { Leaflet };
