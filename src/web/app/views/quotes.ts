import { getJson, type EntityInfo, type QuoteHit, type SearchResponse } from '../api.js';
import { h, message, qs } from '../dom.js';
import { navigate } from '../nav.js';
import { pager } from '../pager.js';
import { exportLinks } from '../export-links.js';
import { quoteList } from './entity.js';

const PAGE = 50;
const FILTERS = ['speaker', 'entity', 'outlet', 'from', 'to'] as const;

/**
 * Quotes explorer over the whole page: filters by speaker (a name, alias or the words naming the
 * source; or an entity id from an entity page), outlet and date, paged without limit.
 */
export async function quotesView(root: HTMLElement, _arg: string, params: URLSearchParams): Promise<void> {
  const state = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  // One more than a page: whether there is a next page, without counting them all.
  const [quotes, people, outlets] = await Promise.all([
    getJson<{ quotes: QuoteHit[] }>('/api/quotes' + qs({ ...state, limit: PAGE + 1, offset })),
    getJson<{ entities: EntityInfo[] }>('/api/entities' + qs({ type: 'PERSON', limit: 200 })),
    getJson<SearchResponse>('/api/search' + qs({ limit: 1 })).then((r) => r.facets?.outlet ?? [], () => []),
  ]);
  const more = quotes.quotes.length > PAGE;
  const shown = quotes.quotes.slice(0, PAGE);
  const field = (name: (typeof FILTERS)[number], attrs: Record<string, string>) => h('input', { name, value: state[name], ...attrs });
  root.append(
    h('h1', {}, 'Quotes'),
    h('form', { class: 'quotes-form filter-form', onsubmit: (ev: Event) => {
      ev.preventDefault();
      const fd = new FormData(ev.target as HTMLFormElement);
      const next = Object.fromEntries(FILTERS.map((k) => [k, String(fd.get(k) ?? '').trim()]));
      // A speaker typed by name replaces the entity an entity page chose.
      if (next.speaker !== state.speaker) next.entity = '';
      navigate('/quotes' + qs(next));
    } },
    h('label', {}, 'Speaker ', field('speaker', { type: 'search', list: 'speakers', placeholder: 'a name or alias', 'aria-label': 'Speaker' })),
    h('label', {}, 'Outlet ', field('outlet', { type: 'search', list: 'outlets', placeholder: 'any outlet', 'aria-label': 'Outlet' })),
    h('label', {}, 'From ', field('from', { type: 'date' })),
    h('label', {}, 'To ', field('to', { type: 'date' })),
    state.entity ? h('input', { type: 'hidden', name: 'entity', value: state.entity }) : '',
    h('button', { type: 'submit' }, 'Show quotes'),
    h('datalist', { id: 'speakers' }, people.entities.map((p) => h('option', { value: p.name }))),
    h('datalist', { id: 'outlets' }, outlets.map((o) => h('option', { value: o.value })))),
  );
  const active = FILTERS.filter((k) => state[k]);
  if (active.length) {
    root.append(h('div', { class: 'chips' }, active.map((k) =>
      h('button', { type: 'button', class: 'chip', title: 'Remove this filter', onclick: () => navigate('/quotes' + qs({ ...state, [k]: '' })) }, `${k}: ${state[k]}`, ' ×'))));
  }
  const from = offset + 1;
  root.append(h('p', { class: 'count' }, shown.length ? `Quotes ${from}–${offset + shown.length}${more ? ' (more on the next pages)' : ''}` : ''),
    exportLinks('quotes', state));
  if (!active.length && !offset) {
    const bySpeaker = new Map<string, number>();
    for (const q of shown) {
      const k = q.speakerName ?? q.speakerText ?? 'unattributed';
      bySpeaker.set(k, (bySpeaker.get(k) ?? 0) + 1);
    }
    if (bySpeaker.size) {
      root.append(h('div', { class: 'chips' }, h('span', { class: 'sub' }, 'Speakers on this page: '), [...bySpeaker].sort((a, b) => b[1] - a[1]).slice(0, 20).map(([name, n]) =>
        h('button', { type: 'button', class: 'chip', onclick: () => navigate('/quotes' + qs({ speaker: name })) }, `${name} (${n})`))));
    }
  }
  root.append(shown.length ? quoteList(shown, true) : message('info', offset ? 'No more quotes.' : 'No quotes found.'));
  if (offset || more) root.append(pager(offset, PAGE, more, (o) => navigate('/quotes' + qs({ ...state, offset: o || undefined }))));
}
