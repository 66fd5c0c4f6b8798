import { getJson, type EventHit, type PlaceHit } from '../api.js';
import { fmtDate, h, link, message, qs } from '../dom.js';
import { eventEvidence } from '../event-text.js';
import { leaflet, type Leaflet } from '../leaflet.js';
import { navigate } from '../nav.js';
import { docAt } from './entity.js';

type SearchHits = { total: number; hits: { id: string; title?: string; meta: { outlet?: string; published?: string } }[] };

/** One place on the map: its stored name and coordinates, and the events located there. */
interface MapPlace {
  readonly place: PlaceHit;
  readonly events: EventHit[];
}

let world: Promise<GeoJSON.FeatureCollection> | undefined;

const key = (name: string, lat: number, lon: number) => `${name}|${lat.toFixed(3)}|${lon.toFixed(3)}`;

/**
 * Places and events on a pannable, zoomable world map: markers clustered at every zoom, places
 * and events told apart (legend), a picked place highlighted with its articles and events, and a
 * period filter. The base layer is the server's country outline: no tiles, no network.
 */
export async function mapView(root: HTMLElement, _arg: string, params: URLSearchParams): Promise<void> {
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [places, events, outline] = await Promise.all([
    getJson<{ places: PlaceHit[] }>('/api/places' + qs({ limit: 2000, from, to })),
    getJson<{ events: EventHit[] }>('/api/events' + qs({ limit: 2000, from, to })),
    (world ??= getJson<GeoJSON.FeatureCollection>('/api/world/geojson')),
  ]);
  // Events sit on the marker of their place (same name and coordinates).
  const byKey = new Map<string, MapPlace>(places.places.map((p) => [key(p.name, p.lat, p.lon), { place: p, events: [] }]));
  let placed = 0;
  for (const e of events.events) {
    const at = e.location ? byKey.get(key(e.location.name, e.location.lat, e.location.lon)) : undefined;
    if (at) { at.events.push(e); placed++; }
  }
  const all = [...byKey.values()];

  const detail = h('div', { class: 'map-detail', 'aria-live': 'polite' }, message('info', 'Pick a place on the map or in the list.'));
  const canvas = h('div', { class: 'map-canvas', id: 'map-canvas', role: 'application', 'aria-label': 'Map of places and events' });
  const filter = h('form', { class: 'map-filter', onsubmit: (ev: Event) => {
    ev.preventDefault();
    const fd = new FormData(ev.target as HTMLFormElement);
    navigate('/map' + qs({ from: String(fd.get('from') ?? ''), to: String(fd.get('to') ?? '') }));
  } },
  h('label', {}, 'From ', h('input', { type: 'date', name: 'from', value: from })),
  h('label', {}, 'To ', h('input', { type: 'date', name: 'to', value: to })),
  h('button', { type: 'submit' }, 'Apply'),
  from || to ? h('button', { type: 'button', onclick: () => navigate('/map') }, 'All dates') : '');
  const tools = h('div', { class: 'map-tools' });
  const list = h('ol', { class: 'place-list' });
  root.append(
    h('h1', {}, 'Map'),
    h('p', { class: 'count' }, `${places.places.length} places, ${events.events.length} events (${placed} placed)${from || to ? ` · ${from || '…'} to ${to || '…'}` : ''}`),
    h('div', { class: 'map-bar' }, filter, tools),
    h('div', { class: 'map-layout' }, h('div', { class: 'map-frame' }, canvas), h('aside', {}, detail, all.length ? h('h4', {}, 'Places') : '', list)),
  );
  if (!all.length) root.append(message('info', from || to ? 'No places in articles of this period.' : 'No places stored yet.'));

  // Leaflet measures its container: the map is made once the view is in the page.
  root.addEventListener('view:attached', () => {
    const L = leaflet();
    const map = L.map(canvas, { minZoom: 1, maxZoom: 12, zoomSnap: 0.5, worldCopyJump: false, maxBounds: [[-85, -220], [85, 220]] });
    map.attributionControl.setPrefix('Leaflet · outline: Natural Earth');
    L.geoJSON(outline, { interactive: false, style: () => ({ className: 'country', weight: 0.7, color: '#b9b3a6', fillColor: '#f4f1ea', fillOpacity: 1 }) }).addTo(map);
    const clusters = L.markerClusterGroup({ showCoverageOnHover: false, maxClusterRadius: 45, spiderfyOnMaxZoom: true, iconCreateFunction: clusterIcon(L) });
    const markers = new Map<string, Leaflet.Marker>();
    let picked: string | undefined;
    const pick = (k: string, zoom: boolean) => {
      const at = byKey.get(k);
      const m = markers.get(k);
      if (!at || !m) return;
      if (picked) markers.get(picked)?.getElement()?.classList.remove('picked');
      picked = k;
      for (const li of list.querySelectorAll('li')) li.classList.toggle('current', li.dataset.key === k);
      const mark = () => m.getElement()?.classList.add('picked');
      if (zoom) clusters.zoomToShowLayer(m, mark);
      else mark();
      showDetail(detail, at);
    };
    for (const at of all) {
      const p = at.place;
      const k = key(p.name, p.lat, p.lon);
      const m = L.marker([p.lat, p.lon], { icon: pinIcon(L, at.events.length ? 'place has-events' : 'place', p.documents), title: `${p.name}: ${p.documents} article${p.documents === 1 ? '' : 's'}`, alt: p.name });
      // Content as a node, never a string: Leaflet would parse a string as markup.
      m.bindTooltip(h('span', {}, p.name), { direction: 'right', offset: [8, 0] });
      m.on('click', () => pick(k, false));
      markers.set(k, m);
      clusters.addLayer(m);
      // Each event is a marker of its own at its place, so clusters count what happened there too.
      for (const e of at.events) {
        const em = L.marker([p.lat, p.lon], { icon: pinIcon(L, 'event', 1), title: `${e.type}${e.date ? ` (${e.date})` : ''}`, alt: e.type });
        em.on('click', () => pick(k, false));
        clusters.addLayer(em);
      }
      list.append(h('li', { 'data-key': k }, h('button', { type: 'button', class: 'facet-value', onclick: () => pick(k, true) }, p.name), h('span', { class: 'n' }, String(p.documents))));
    }
    map.addLayer(clusters);
    legend(L).addTo(map);
    const bounds = all.length ? L.latLngBounds(all.map((a) => [a.place.lat, a.place.lon] as [number, number])).pad(0.3) : undefined;
    const fit = () => (bounds ? map.fitBounds(bounds, { maxZoom: 5 }) : map.setView([20, 10], 1.5));
    tools.append(
      h('button', { type: 'button', class: 'fit', onclick: fit }, 'Fit to places'),
      h('button', { type: 'button', class: 'whole', onclick: () => map.setView([20, 10], 1.5) }, 'Whole world'));
    // The zoom level on the element: what tests and styles can read without reaching into Leaflet.
    map.on('zoomend', () => { canvas.dataset.zoom = String(map.getZoom()); });
    const focus = params.get('focus');
    const lat = Number(params.get('lat'));
    const lon = Number(params.get('lon'));
    const focusKey = focus ? [...byKey.keys()].find((k) => k.startsWith(focus + '|') && (!params.get('lat') || k === key(focus, lat, lon))) : undefined;
    if (focusKey) pick(focusKey, true);
    else if (focus && params.get('lat') && Number.isFinite(lat) && Number.isFinite(lon)) map.setView([lat, lon], 6);
    else fit();
    canvas.dataset.zoom = String(map.getZoom());
    canvas.dataset.ready = 'true';
  }, { once: true });
}

/** A marker drawn by CSS from its class: a dot for a place, a diamond for an event. */
function pinIcon(L: typeof Leaflet, kind: string, weight: number): Leaflet.DivIcon {
  const size = kind === 'event' ? 12 : Math.round(12 + 4 * Math.min(4, Math.log2(weight)));
  return L.divIcon({ className: `pin pin-${kind.replace(' ', ' pin-')}`, html: h('span', { class: 'pin-dot' }), iconSize: [size, size] });
}

/** Clusters show how many places and events they hold, coloured by which of the two they hold. */
function clusterIcon(L: typeof Leaflet): (c: Leaflet.MarkerCluster) => Leaflet.DivIcon {
  return (c) => {
    const kids = c.getAllChildMarkers();
    const events = kids.filter((m) => (m.options.icon?.options.className ?? '').includes('pin-event')).length;
    const kind = events === 0 ? 'places' : events === kids.length ? 'events' : 'mixed';
    const size = kids.length < 10 ? 30 : kids.length < 100 ? 36 : 44;
    const label = `${kids.length - events} place${kids.length - events === 1 ? '' : 's'}, ${events} event${events === 1 ? '' : 's'}`;
    return L.divIcon({ className: `cluster cluster-${kind}`, html: h('span', { title: label }, String(kids.length)), iconSize: [size, size] });
  };
}

function legend(L: typeof Leaflet): Leaflet.Control {
  const control = new L.Control({ position: 'bottomright' });
  control.onAdd = () => h('div', { class: 'map-legend' },
    h('div', {}, h('span', { class: 'pin pin-place key' }, h('span', { class: 'pin-dot' })), ' place (size: articles)'),
    h('div', {}, h('span', { class: 'pin pin-place pin-has-events key' }, h('span', { class: 'pin-dot' })), ' place with events'),
    h('div', {}, h('span', { class: 'pin pin-event key' }, h('span', { class: 'pin-dot' })), ' event'),
    h('div', {}, h('span', { class: 'cluster cluster-mixed key' }, h('span', {}, 'n')), ' cluster: click to zoom in'));
  return control;
}

function showDetail(detail: HTMLElement, at: MapPlace): void {
  const p = at.place;
  const docs = h('ul', { class: 'doc-list' }, h('li', { class: 'sub' }, 'Loading articles…'));
  detail.replaceChildren(
    h('h3', {}, p.name),
    h('p', { class: 'sub' }, `${p.country ?? ''} · ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)} · ${p.documents} article${p.documents === 1 ? '' : 's'} · ${p.mentions} mention${p.mentions === 1 ? '' : 's'}`),
    h('h4', {}, 'Articles'), docs,
    h('p', {}, link('/search' + qs({ place: p.name }), `All articles that mention ${p.name}`)),
    at.events.length ? h('h4', {}, `Events (${at.events.length})`) : '',
    at.events.length ? h('ul', { class: 'event-list' }, at.events.slice(0, 50).map((e) =>
      h('li', { class: `event${e.item.negated ? ' negated' : ''}${e.item.hedged ? ' hedged' : ''}` }, h('strong', {}, e.type), ' ', h('span', { class: 'date' }, e.date ?? ''), ' ', link(docAt(e.doc, e.start, e.end), eventEvidence(e, 120))))) : '',
  );
  void getJson<SearchHits>('/api/search' + qs({ place: p.name, limit: 10, facets: 'false' })).then((r) => {
    docs.replaceChildren(...r.hits.map((d) => h('li', {}, link(`/doc/${encodeURIComponent(d.id)}`, d.title || d.id), h('span', { class: 'sub' }, ` ${[d.meta.outlet, fmtDate(d.meta.published)].filter(Boolean).join(' · ')}`))));
    if (r.total > r.hits.length) docs.append(h('li', { class: 'sub' }, `and ${r.total - r.hits.length} more`));
  }, () => docs.replaceChildren());
}
