import { h, s } from './dom.js';

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
    svg.append(s('rect', { x: x + bw * 0.1, y: pad.t + ih - bh, width: Math.max(1, bw * 0.8), height: bh, class: 'bar' }, s('title', {}, b.title ?? `${b.label}: ${b.value}`)));
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

/** The entity in the middle, related entities around it, one labelled edge per relation. */
export function relationGraph(center: string, edges: readonly GraphEdge[], href: (id: string) => string): SVGSVGElement {
  const W = 640;
  const H = 360;
  const cx = W / 2;
  const cy = H / 2;
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'graph', role: 'img', 'aria-label': `relations of ${center}` },
    s('defs', {}, s('marker', { id: 'arrow', viewBox: '0 0 10 10', refX: '10', refY: '5', markerWidth: '6', markerHeight: '6', orient: 'auto-start-reverse' }, s('path', { d: 'M0 0L10 5L0 10z', class: 'arrowhead' }))));
  const others = [...new Map(edges.map((e) => [e.other.id, e.other])).values()].slice(0, 16);
  const pos = new Map<string, { x: number; y: number }>();
  const R = Math.min(W, H) / 2 - 45;
  others.forEach((o, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, others.length) - Math.PI / 2;
    pos.set(o.id, { x: cx + R * 1.45 * Math.cos(a), y: cy + R * Math.sin(a) });
  });
  const byOther = new Map<string, GraphEdge[]>();
  for (const e of edges) if (pos.has(e.other.id)) byOther.set(e.other.id, [...(byOther.get(e.other.id) ?? []), e]);
  for (const [id, es] of byOther) {
    const p = pos.get(id)!;
    es.forEach((e, k) => {
      const [x1, y1, x2, y2] = e.outgoing ? [cx, cy, p.x, p.y] : [p.x, p.y, cx, cy];
      const shorten = (x: number, y: number, tx: number, ty: number) => {
        const d = Math.hypot(tx - x, ty - y) || 1;
        return [tx - ((tx - x) / d) * 14, ty - ((ty - y) / d) * 14] as const;
      };
      const [ex, ey] = shorten(x1, y1, x2, y2);
      svg.append(s('line', { x1, y1, x2: ex, y2: ey, class: `edge rel-${e.type}`, 'marker-end': 'url(#arrow)' }, s('title', {}, `${e.type} (${e.documents} documents)`)));
      const mx = (cx + p.x) / 2;
      const my = (cy + p.y) / 2 + k * 13;
      svg.append(s('text', { x: mx, y: my - 3, class: 'edge-label', 'text-anchor': 'middle' }, e.type));
    });
  }
  svg.append(s('circle', { cx, cy, r: 12, class: 'node node-center' }), s('text', { x: cx, y: cy + 28, class: 'node-label center', 'text-anchor': 'middle' }, clip(center, 32)));
  for (const o of others) {
    const p = pos.get(o.id)!;
    const a = s('a', { href: href(o.id) }, s('circle', { cx: p.x, cy: p.y, r: 9, class: 'node' }), s('text', { x: p.x, y: p.y + 24, class: 'node-label', 'text-anchor': 'middle' }, clip(o.name, 28)));
    svg.append(a);
  }
  return svg;
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}

export function legend(items: readonly [string, string][]): HTMLElement {
  return h('ul', { class: 'legend' }, items.map(([cls, label]) => h('li', {}, h('span', { class: `swatch ${cls}` }), label)));
}
