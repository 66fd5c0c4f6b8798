import { getJson, type WorldOutline } from './api.js';
import { s } from './dom.js';

/** A small static world map (SVG, the server's outline) for panels such as the entity page's places. */
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
