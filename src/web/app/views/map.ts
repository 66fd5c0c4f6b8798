import { getJson, type EventHit, type PlaceHit, type WorldOutline } from '../api.js';
import { h, link, message, qs, s } from '../dom.js';
import { docAt } from './entity.js';

export interface MapPoint {
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  readonly weight: number;
  readonly country?: string;
  readonly cls?: string;
}

let outline: Promise<WorldOutline> | undefined;

/** Equirectangular, one unit per degree: the same formula the server used for the outline. */
export const project = (lon: number, lat: number): [number, number] => [lon + 180, 90 - lat];

/** Smallest box around the points, padded, never narrower than `minSpan` degrees. */
export function fitBox(points: readonly { lat: number; lon: number }[], minSpan = 24): [number, number, number, number] {
  if (!points.length) return [0, 0, 360, 180];
  const xs = points.map((p) => project(p.lon, p.lat)[0]);
  const ys = points.map((p) => project(p.lon, p.lat)[1]);
  let [x0, x1, y0, y1] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
  // Always 2:1, the frame's own shape, so sizes given in pixels convert exactly.
  const w = Math.min(360, Math.max(minSpan, (x1 - x0) * 1.3, (y1 - y0) * 1.3 * 2));
  const hgt = w / 2;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  x0 = Math.min(360 - w, Math.max(0, cx - w / 2));
  y0 = Math.min(180 - hgt, Math.max(0, cy - hgt / 2));
  x1 = x0 + w;
  y1 = y0 + hgt;
  return [x0, y0, x1 - x0, y1 - y0];
}

/**
 * An SVG map of the world outline with one circle per point, zoomed to fit the points.
 * Marker radii and label sizes are given in screen pixels and converted to map units for
 * the current zoom (see zoomTo), so they read the same at any scale.
 */
export async function worldMap(points: readonly MapPoint[], opts: { small?: boolean; onPick?: (p: MapPoint) => void; focus?: { lat: number; lon: number } } = {}): Promise<SVGSVGElement> {
  const world = await (outline ??= getJson<WorldOutline>('/api/world'));
  const svg = s('svg', { class: `worldmap${opts.small ? ' small' : ''}`, role: 'img', 'aria-label': 'map of places', preserveAspectRatio: 'xMidYMid meet', 'data-px': opts.small ? 460 : 900 },
    s('rect', { x: 0, y: 0, width: world.width, height: world.height, class: 'sea' }),
    s('g', { class: 'land' }, world.countries.map((c) => s('path', { d: c.d, class: 'country' }, s('title', {}, c.name)))),
  );
  const max = Math.max(1, ...points.map((p) => p.weight));
  const marks = s('g', { class: 'markers' });
  const labels = s('g', { class: 'labels' });
  const sorted = [...points].sort((a, b) => b.weight - a.weight);
  sorted.forEach((p, i) => {
    const [x, y] = project(p.lon, p.lat);
    const px = 4 + 7 * Math.sqrt(p.weight / max);
    const c = s('circle', { cx: x, cy: y, r: 1, 'data-r': px, class: `marker ${p.cls ?? ''}`.trim(), 'data-name': p.name, tabindex: opts.onPick ? 0 : null },
      s('title', {}, `${p.name}${p.country ? `, ${p.country}` : ''}: ${p.weight}`));
    if (opts.onPick) {
      c.addEventListener('click', () => opts.onPick!(p));
      c.addEventListener('keydown', (ev) => { if ((ev as KeyboardEvent).key === 'Enter') opts.onPick!(p); });
    }
    marks.append(c);
    if (i < (opts.small ? 8 : 30)) labels.append(s('text', { x, y, 'data-x': x, 'data-y': y, 'data-r': px, class: 'map-label' }, p.name));
  });
  svg.append(marks, labels);
  zoomTo(svg, opts.focus ? fitBox([opts.focus], 30) : fitBox(points));
  return svg;
}

/** Sets the visible box and rescales markers and labels to it. */
export function zoomTo(svg: SVGSVGElement, box: readonly [number, number, number, number]): void {
  svg.setAttribute('viewBox', box.join(' '));
  const unit = box[2] / Number(svg.getAttribute('data-px') ?? 900); // map units per screen pixel
  for (const c of svg.querySelectorAll('circle.marker')) c.setAttribute('r', String(Number(c.getAttribute('data-r')) * unit));
  for (const t of svg.querySelectorAll('text.map-label')) {
    const r = Number(t.getAttribute('data-r'));
    t.setAttribute('x', String(Number(t.getAttribute('data-x')) + (r + 3) * unit));
    t.setAttribute('y', String(Number(t.getAttribute('data-y')) + 4 * unit));
    t.setAttribute('font-size', String(12 * unit));
  }
}

/** Map of every place found, and events placed where their place is known. */
export async function mapView(root: HTMLElement, _arg: string, params: URLSearchParams): Promise<void> {
  const [places, events] = await Promise.all([
    getJson<{ places: PlaceHit[] }>('/api/places' + qs({ limit: 2000 })),
    getJson<{ events: EventHit[] }>('/api/events' + qs({ limit: 2000 })),
  ]);
  // Events are placed on the marker of their place (same name and coordinates).
  const at = (name: string, lat: number, lon: number) => `${name}|${lat.toFixed(3)}|${lon.toFixed(3)}`;
  const where = new Map(places.places.map((p) => [at(p.name, p.lat, p.lon), p]));
  const evAt = new Map<string, EventHit[]>();
  for (const e of events.events) {
    const p = e.location ? where.get(at(e.location.name, e.location.lat, e.location.lon)) : undefined;
    if (p) evAt.set(p.name, [...(evAt.get(p.name) ?? []), e]);
  }
  const detail = h('div', { class: 'map-detail', 'aria-live': 'polite' }, message('info', 'Pick a place on the map.'));
  const show = (name: string) => {
    const p = places.places.find((x) => x.name === name);
    if (!p) return;
    const evs = evAt.get(p.name) ?? [];
    detail.replaceChildren(
      h('h3', {}, p.name),
      h('p', { class: 'sub' }, `${p.country ?? ''} · ${p.lat.toFixed(3)}, ${p.lon.toFixed(3)} · ${p.documents} articles · ${p.mentions} mentions`),
      h('p', {}, link('/search' + qs({ place: p.name }), `Articles that mention ${p.name}`)),
      evs.length ? h('ul', { class: 'event-list' }, evs.slice(0, 20).map((e) => h('li', {}, h('strong', {}, e.type), ' ', link(docAt(e.doc, e.start, e.end), clip(e.text, 120))))) : '',
    );
  };
  const focusName = params.get('focus');
  const lat = Number(params.get('lat'));
  const lon = Number(params.get('lon'));
  const focus = focusName && Number.isFinite(lat) && Number.isFinite(lon) && params.get('lat') ? { lat, lon } : undefined;
  const points: MapPoint[] = places.places.map((p) => ({ name: p.name, lat: p.lat, lon: p.lon, weight: p.documents, country: p.country, cls: evAt.has(p.name) ? 'has-events' : '' }));
  const svg = await worldMap(points, { onPick: (p) => { mark(p.name); show(p.name); }, focus });
  const mark = (name: string) => {
    for (const c of svg.querySelectorAll('circle.marker')) c.classList.toggle('picked', c.getAttribute('data-name') === name);
  };
  const fit = fitBox(points);
  root.append(
    h('h1', {}, 'Map'),
    h('p', { class: 'count' }, `${places.places.length} places, ${events.events.length} events (${[...evAt.values()].reduce((n, x) => n + x.length, 0)} placed)`),
    h('div', { class: 'map-tools' },
      h('button', { type: 'button', onclick: () => zoomTo(svg, fit) }, 'Fit to places'),
      h('button', { type: 'button', onclick: () => zoomTo(svg, [0, 0, 360, 180]) }, 'Whole world')),
    h('div', { class: 'map-layout' }, h('div', { class: 'map-frame' }, svg), h('aside', {}, detail,
      h('h4', {}, 'Places'), h('ol', { class: 'place-list' }, places.places.slice(0, 100).map((p) =>
        h('li', {}, h('button', { type: 'button', class: 'facet-value', onclick: () => { mark(p.name); show(p.name); } }, p.name), h('span', { class: 'n' }, String(p.documents))))))),
  );
  if (!places.places.length) root.append(message('info', 'No places stored yet.'));
  if (focusName) { mark(focusName); show(focusName); }
}

function clip(t: string, n: number): string {
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
