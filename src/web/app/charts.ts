import { h, s } from './dom.js';
import { spreadLabels, textWidth } from './label-layout.js';

export interface Bar {
  readonly label: string;
  readonly value: number;
  readonly title?: string;
}

/** A bar chart drawn as SVG (periods on x, counts on y), sized by its viewBox. */
export function barChart(bars: readonly Bar[], opts: { width?: number; height?: number; label?: string } = {}): SVGSVGElement {
  const W = opts.width ?? 640;
  const H = opts.height ?? 180;
  const pad = { l: 36, r: 8, t: 10, b: 34 };
  const max = Math.max(1, ...bars.map((b) => b.value));
  const iw = W - pad.l - pad.r;
  const ih = H - pad.t - pad.b;
  const bw = bars.length ? iw / bars.length : iw;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'chart', role: 'img', 'aria-label': opts.label ?? 'chart' });
  const ticks = niceTicks(max);
  for (const t of ticks) {
    const y = pad.t + ih - (t / max) * ih;
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y, y2: y, class: 'grid' }), s('text', { x: pad.l - 4, y: y + 4, class: 'tick', 'text-anchor': 'end' }, String(t)));
  }
  const every = Math.max(1, Math.ceil(bars.length / 12));
  bars.forEach((b, i) => {
    const bh = (b.value / max) * ih;
    const x = pad.l + i * bw;
    // A bar is never wider than 48 units: one month of data reads as one month, not as a wall.
    const w = Math.max(1, Math.min(48, bw * 0.8));
    svg.append(s('rect', { x: x + (bw - w) / 2, y: pad.t + ih - bh, width: w, height: bh, class: 'bar' }, s('title', {}, b.title ?? `${b.label}: ${b.value}`)));
    if (i % every === 0) svg.append(s('text', { x: x + bw / 2, y: H - pad.b + 14, class: 'tick', 'text-anchor': 'middle' }, b.label));
  });
  svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: pad.t + ih, y2: pad.t + ih, class: 'axis' }));
  return svg;
}

function niceTicks(max: number): number[] {
  const step = max <= 5 ? 1 : Math.pow(10, Math.floor(Math.log10(max))) * (max / Math.pow(10, Math.floor(Math.log10(max))) > 5 ? 2 : 1);
  const out: number[] = [];
  for (let v = 0; v <= max; v += step) out.push(v);
  return out;
}

/** Fills the gaps between the first and last month so time reads evenly. */
export function fillMonths(counts: readonly { period: string; value: number }[]): Bar[] {
  const months = counts.filter((c) => /^\d{4}-\d{2}$/.test(c.period)).sort((a, b) => a.period.localeCompare(b.period));
  if (!months.length) return counts.map((c) => ({ label: c.period, value: c.value }));
  const byPeriod = new Map(months.map((c) => [c.period, c.value]));
  const out: Bar[] = [];
  let [y, m] = months[0]!.period.split('-').map(Number) as [number, number];
  const last = months[months.length - 1]!.period;
  for (let guard = 0; guard < 600; guard++) {
    const p = `${y}-${String(m).padStart(2, '0')}`;
    out.push({ label: p, value: byPeriod.get(p) ?? 0 });
    if (p === last) break;
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

export interface GraphEdge {
  readonly type: string;
  readonly other: { id: string; name: string };
  readonly outgoing: boolean;
  readonly documents: number;
}

/** A relation one hop further out: between two of the entity's neighbours, or from one to a new node. */
export interface OuterEdge {
  readonly type: string;
  readonly a: { id: string; name: string };
  readonly b: { id: string; name: string };
  readonly documents: number;
}

/**
 * The entity in the middle, related entities around it, one labelled edge per relation; with
 * outer edges, its neighbours move to an inner ring and the entities only they relate to sit
 * on an outer ring beside the neighbour that leads to them.
 */
export function relationGraph(center: string, edges: readonly GraphEdge[], href: (id: string) => string, outerEdges: readonly OuterEdge[] = []): SVGSVGElement {
  const W = 640;
  const H = 360;
  const cx = W / 2;
  const cy = H / 2;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'graph', role: 'img', 'aria-label': `relations of ${center}` },
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '6', markerHeight: '6', orient: 'auto-start-reverse' }, s('path', { d: 'M0 0L10 5L0 10z', class: 'arrowhead' }))));
  const others = [...new Map(edges.map((e) => [e.other.id, e.other])).values()].slice(0, 16);
  const pos = new Map<string, { x: number; y: number; angle: number }>();
  const R = Math.min(W, H) / 2 - 45;
  const inner = new Set(others.map((o) => o.id));
  const outer = outerEdges.filter((e) => inner.has(e.a.id) || inner.has(e.b.id));
  // Two rings: the neighbours start on the left, where the wide box leaves the outer ring room.
  const two = outer.length > 0;
  const start = two ? Math.PI : -Math.PI / 2;
  const [rx, ry] = two ? [(W / 2 - 80) * 0.5, (H / 2 - 45) * 0.5] : [R * 1.45, R];
  others.forEach((o, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, others.length) + start;
    pos.set(o.id, { x: cx + rx * Math.cos(a), y: cy + ry * Math.sin(a), angle: a });
  });
  // Outer nodes fan out around the angle of the neighbour that leads to them.
  const children = new Map<string, { id: string; name: string }[]>();
  for (const e of outer) {
    for (const [from, to] of [[e.a, e.b], [e.b, e.a]] as const) {
      if (!inner.has(from.id) || inner.has(to.id) || [...children.values()].some((cs) => cs.some((c) => c.id === to.id))) continue;
      if ([...children.values()].reduce((n, cs) => n + cs.length, 0) >= 24) continue;
      children.set(from.id, [...(children.get(from.id) ?? []), to]);
    }
  }
  const outerNodes: { id: string; name: string }[] = [];
  for (const [parent, cs] of children) {
    const base = pos.get(parent)!.angle;
    const spread = Math.min(0.35, (Math.PI / Math.max(1, others.length)) / Math.max(1, cs.length - 1));
    cs.forEach((c, k) => {
      const a = base + (k - (cs.length - 1) / 2) * spread;
      pos.set(c.id, { x: cx + (W / 2 - 80) * Math.cos(a), y: cy + (H / 2 - 45) * Math.sin(a), angle: a });
      outerNodes.push(c);
    });
  }
  const shorten = (x: number, y: number, tx: number, ty: number) => {
    const d = Math.hypot(tx - x, ty - y) || 1;
    return [tx - ((tx - x) / d) * 14, ty - ((ty - y) / d) * 14] as const;
  };
  // Parallel relations between the same two nodes get their labels stacked.
  const stacked = new Map<string, number>();
  const drawEdge = (p1: { x: number; y: number }, p2: { x: number; y: number }, type: string, documents: number, pair: string, cls: string) => {
    const k = stacked.get(pair) ?? 0;
    stacked.set(pair, k + 1);
    const [ex, ey] = shorten(p1.x, p1.y, p2.x, p2.y);
    svg.append(s('line', { x1: p1.x, y1: p1.y, x2: ex, y2: ey, class: `edge ${cls} rel-${type}`, 'marker-end': 'url(#arrow)' }, s('title', {}, `${type} (${documents} documents)`)));
    edgeLabels.push(s('text', { x: (p1.x + p2.x) / 2, y: (p1.y + p2.y) / 2 - 3 + k * 13, class: 'edge-label', 'text-anchor': 'middle' }, type));
  };
  const edgeLabels: SVGTextElement[] = [];
  const c = { x: cx, y: cy };
  for (const e of edges) {
    const p = pos.get(e.other.id);
    if (!p || !inner.has(e.other.id)) continue;
    drawEdge(e.outgoing ? c : p, e.outgoing ? p : c, e.type, e.documents, e.other.id, 'edge-direct');
  }
  for (const e of outer) {
    const pa = pos.get(e.a.id);
    const pb = pos.get(e.b.id);
    if (pa && pb) drawEdge(pa, pb, e.type, e.documents, [e.a.id, e.b.id].sort().join('\u0000'), 'edge-outer');
  }
  const centerLabel = s('text', { x: cx, y: cy + 28, class: 'node-label center', 'text-anchor': 'middle' }, clip(center, 32));
  svg.append(s('circle', { cx, cy, r: 12, class: 'node node-center' }), centerLabel);
  const nodeLabels: SVGTextElement[] = [centerLabel];
  for (const [o, cls] of [...others.map((o) => [o, 'node'] as const), ...outerNodes.map((o) => [o, 'node node-outer'] as const)]) {
    const p = pos.get(o.id)!;
    // With two rings the inner labels (but for the lowest) go above their node and the outer ones below, so names do not collide.
    const ly = two && cls === 'node' && Math.sin(p.angle) < 0.3 ? p.y - 15 : p.y + 24;
    const label = s('text', { x: p.x, y: ly, class: 'node-label', 'text-anchor': 'middle' }, clip(o.name, 28));
    nodeLabels.push(label);
    svg.append(s('a', { href: href(o.id) }, s('circle', { cx: p.x, cy: p.y, r: cls === 'node' ? 9 : 7, class: cls }), label));
  }
  // Names first, then relation words; each moves off the ones placed before it. Edge labels are
  // drawn last so they sit above the lines.
  const labels = [...nodeLabels, ...edgeLabels];
  const ys = spreadLabels(labels.map((t) => {
    const size = t.classList.contains('edge-label') ? 11 : 13;
    return { x: Number(t.getAttribute('x')), y: Number(t.getAttribute('y')), w: textWidth(t.textContent ?? '', size) + 4, h: size + 2 };
  }), 0, H);
  labels.forEach((t, i) => t.setAttribute('y', String(ys[i])));
  svg.append(...edgeLabels);
  return svg;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

export function legend(items: readonly [string, string][]): HTMLElement {
  return h('ul', { class: 'legend' }, items.map(([cls, label]) => h('li', {}, h('span', { class: `swatch ${cls}` }), label)));
}
