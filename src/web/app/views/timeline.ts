import { getJson, type EventHit } from '../api.js';
import { fmtDate, h, link, message, qs, s } from '../dom.js';
import { navigate } from '../nav.js';
import { eventEvidence } from '../event-text.js';
import { pager } from '../pager.js';
import { docAt } from './entity.js';

const dayNumber = (d: string) => Date.parse(d.length === 4 ? `${d}-07-01` : d.length === 7 ? `${d}-15` : d.slice(0, 10)) / 86400000;

const PAGE = 100;

/**
 * Events on a time axis (one row per type; click the axis to zoom into that stretch) and as a
 * dated list a page at a time. The period is in the route (`from`, `to`), so zooming is links.
 */
export async function timelineView(root: HTMLElement, _arg: string, params: URLSearchParams): Promise<void> {
  const type = params.get('type') ?? '';
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const route = (patch: Record<string, string | number | undefined>) => '/timeline' + qs({ type, from, to, ...patch });
  // The axis draws up to 2,000 events of the period; the list pages through all of them.
  const [all, page] = await Promise.all([
    getJson<{ events: EventHit[] }>('/api/events' + qs({ type, from, to, limit: 2000 })),
    getJson<{ events: EventHit[]; entities: Record<string, { name: string }> }>('/api/events' + qs({ type, from, to, limit: PAGE + 1, offset })),
  ]);
  const { events } = all;
  const { entities } = page;
  root.append(h('h1', {}, 'Timeline'));
  const dated = events.filter((e) => e.date && Number.isFinite(dayNumber(e.date)));
  const types = [...new Set(events.map((e) => e.type))].sort();
  root.append(h('p', { class: 'count' }, `${events.length}${events.length === 2000 ? '+' : ''} events, ${dated.length} dated${from || to ? ` · ${from || '…'} to ${to || '…'}` : ''}`),
    h('div', { class: 'chips' },
      h('button', { type: 'button', class: `chip${type ? '' : ' on'}`, onclick: () => navigate(route({ type: undefined })) }, 'all types'),
      types.map((t) => h('button', { type: 'button', class: `chip${t === type ? ' on' : ''}`, onclick: () => navigate(route({ type: t })) }, t))));
  if (from || to) {
    root.append(h('div', { class: 'timeline-tools' },
      h('button', { type: 'button', class: 'zoom-out', onclick: () => navigate(route(zoomOut(from, to))) }, 'Zoom out'),
      h('button', { type: 'button', class: 'all-time', onclick: () => navigate(route({ from: undefined, to: undefined })) }, 'All dates')));
  }
  if (!events.length) {
    root.append(message('info', type || from || to ? 'No events in this selection.' : 'No events stored yet.'));
    return;
  }
  if (dated.length) root.append(axis(dated, (a, b) => navigate(route({ from: a, to: b, offset: undefined }))));
  else root.append(message('info', 'None of these events is dated (by its text or its article): they are listed without a time axis.'));
  root.append(h('p', { class: 'legend sub' }, h('mark', { class: 'trigger' }, 'Marked'), ' words are the trigger each event was read from; ',
    h('span', { class: 'event-mark negated' }, 'denied'), ' events are struck through, ', h('span', { class: 'event-mark hedged' }, 'hedged'), ' ones (alleged, reportedly) in italics.'));
  const shown = page.events.slice(0, PAGE);
  const byMonth = new Map<string, EventHit[]>();
  for (const e of shown) {
    const k = e.date ? e.date.slice(0, 7) : 'undated';
    byMonth.set(k, [...(byMonth.get(k) ?? []), e]);
  }
  root.append(h('div', { class: 'timeline-list' }, [...byMonth].map(([month, evs]) =>
    h('section', {}, h('h3', {}, month), h('ul', {}, evs.map((e) =>
      h('li', { class: `event${e.item.negated ? ' negated' : ''}${e.item.hedged ? ' hedged' : ''}` },
        h('span', { class: 'date' }, fmtDate(e.date)), ' ', h('strong', { class: `etype` }, e.type),
        e.item.negated ? h('span', { class: 'badge neg-badge' }, 'denied') : '', e.item.hedged ? h('span', { class: 'badge hedge-badge' }, 'hedged') : '', ' ',
        e.actor ? link(`/entity/${encodeURIComponent(e.actor)}`, entities[e.actor]?.name ?? e.actor) : '',
        e.target ? [' → ', link(`/entity/${encodeURIComponent(e.target)}`, entities[e.target]?.name ?? e.target)] : '',
        e.location ? [' @ ', link('/map' + qs({ focus: e.location.name, lat: e.location.lat, lon: e.location.lon }), e.location.name)] : e.placeName ? ` @ ${e.placeName}` : '', ' ',
        h('div', { class: 'sub' }, link(docAt(e.doc, e.start, e.end), eventEvidence(e, 200)), ` · ${e.title ?? ''}`))))))));
  if (offset || page.events.length > PAGE) root.append(pager(offset, PAGE, page.events.length > PAGE, (o) => navigate(route({ offset: o || undefined }))));
}

/** Twice the period, around its middle. */
function zoomOut(from: string, to: string): { from?: string; to?: string } {
  if (!from || !to) return {};
  const a = dayNumber(from), b = dayNumber(to);
  const half = Math.max(15, b - a);
  return { from: isoDay(a - half / 2), to: isoDay(b + half / 2) };
}

const isoDay = (d: number) => new Date(Math.round(d) * 86400000).toISOString().slice(0, 10);

function axis(events: readonly EventHit[], zoom: (from: string, to: string) => void): SVGSVGElement {
  const W = 900;
  const types = [...new Set(events.map((e) => e.type))].sort();
  const rowH = 22;
  const pad = { l: 110, r: 30, t: 10, b: 28 };
  const H = pad.t + pad.b + rowH * types.length;
  const days = events.map((e) => dayNumber(e.date!));
  let d0 = Math.min(...days);
  let d1 = Math.max(...days);
  if (d1 - d0 < 30) { d0 -= 15; d1 += 15; }
  const margin = (d1 - d0) * 0.04;
  d0 -= margin;
  d1 += margin;
  const x = (d: number) => pad.l + ((d - d0) / (d1 - d0)) * (W - pad.l - pad.r);
  const svg = s('svg', { viewBox: `0 0 ${W} ${H}`, class: 'timeline', role: 'img', 'aria-label': 'events over time; click to zoom in' });
  // A click on the axis zooms into a quarter of the period shown, centred where it was clicked.
  svg.append(s('rect', { x: pad.l, y: 0, width: W - pad.l - pad.r, height: H, class: 'zoom-area', onclick: (ev: Event) => {
    const box = svg.getBoundingClientRect();
    const at = d0 + (((ev as MouseEvent).clientX - box.left) * (W / box.width) - pad.l) / (W - pad.l - pad.r) * (d1 - d0);
    const quarter = Math.max(3, (d1 - d0) / 8);
    zoom(isoDay(at - quarter), isoDay(at + quarter));
  } }, s('title', {}, 'Click to zoom in here')));
  types.forEach((t, i) => {
    const y = pad.t + rowH * i + rowH / 2;
    svg.append(s('line', { x1: pad.l, x2: W - pad.r, y1: y, y2: y, class: 'grid' }), s('text', { x: pad.l - 6, y: y + 4, 'text-anchor': 'end', class: 'tick' }, t));
  });
  // Ticks on month (or year) starts, at most eight of them.
  const first = new Date(d0 * 86400000);
  const months: string[] = [];
  for (let y = first.getUTCFullYear(), m = first.getUTCMonth() + 1; dayNumber(`${y}-${String(m).padStart(2, '0')}-01`) <= d1; m === 12 ? (y++, (m = 1)) : m++) {
    months.push(`${y}-${String(m).padStart(2, '0')}`);
  }
  const step = Math.max(1, Math.ceil(months.length / 8));
  const yearly = step >= 12;
  for (const [i, ym] of months.entries()) {
    if (yearly ? !ym.endsWith('-01') || (Number(ym.slice(0, 4)) % Math.ceil(step / 12)) !== 0 : i % step !== 0) continue;
    const d = dayNumber(`${ym}-01`);
    if (d < d0) continue;
    svg.append(s('line', { x1: x(d), x2: x(d), y1: pad.t, y2: H - pad.b, class: 'grid' }), s('text', { x: x(d), y: H - 8, 'text-anchor': 'middle', class: 'tick' }, yearly ? ym.slice(0, 4) : ym));
  }
  for (const e of events) {
    const y = pad.t + rowH * types.indexOf(e.type) + rowH / 2;
    svg.append(s('a', { href: '#' + docAt(e.doc, e.start, e.end) },
      s('circle', { cx: x(dayNumber(e.date!)), cy: y, r: 5, class: `event-dot${e.item.negated ? ' negated' : ''}${e.item.hedged ? ' hedged' : ''}` },
        s('title', {}, `${e.date} ${e.type}${e.item.negated ? ' (denied)' : ''}${e.item.hedged ? ' (hedged)' : ''}: ${clip(e.text, 100)}`))));
  }
  return svg;
}

function clip(t: string, n: number): string {
  return t.length > n ? t.slice(0, n - 1) + '…' : t;
}
