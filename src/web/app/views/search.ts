import { getJson, type EntityInfo, type SearchResponse } from '../api.js';
import { fmtDate, h, link, marked, message, qs } from '../dom.js';
import { navigate } from '../nav.js';
import { exportLinks } from '../export-links.js';
import { pager } from '../pager.js';
import type { FacetCount, Facets } from '../../../store/store.js';

const TYPES = ['PERSON', 'ORG', 'GPE', 'LOC', 'NORP', 'FAC', 'EVENT', 'WORK', 'MISC'];
const FILTERS = ['q', 'type', 'outlet', 'place', 'from', 'to'] as const;
const PAGE = 20;

/** Full-text search with facets; the route's query string is the whole state. */
export async function searchView(root: HTMLElement, _arg: string, params: URLSearchParams): Promise<void> {
  const state = Object.fromEntries(FILTERS.map((k) => [k, params.get(k) ?? ''])) as Record<(typeof FILTERS)[number], string>;
  const entities = params.getAll('entity');
  const offset = Math.max(0, Number(params.get('offset') ?? 0) || 0);
  const go = (patch: Record<string, string | string[] | number | undefined>) =>
    navigate('/search' + qs({ ...state, entity: entities, ...patch }));

  const input = (name: (typeof FILTERS)[number], attrs: Record<string, string>) =>
    h('input', { name, value: state[name], ...attrs });
  // Outlets and places are suggested from the facets of the whole store.
  const outletNames = h('datalist', { id: 'outlet-names' });
  const placeNames = h('datalist', { id: 'place-names' });
  void getJson<SearchResponse>('/api/search' + qs({ limit: 1 })).then((r) => {
    outletNames.replaceChildren(...(r.facets?.outlet ?? []).map((c) => h('option', { value: c.value })));
    placeNames.replaceChildren(...(r.facets?.place ?? []).map((c) => h('option', { value: c.label ?? c.value })));
  }, () => undefined);
  const form = h(
    'form',
    { class: 'search-form', role: 'search', onsubmit: (ev: Event) => {
      ev.preventDefault();
      const fd = new FormData(ev.target as HTMLFormElement);
      const next: Record<string, string> = {};
      for (const k of FILTERS) next[k] = String(fd.get(k) ?? '').trim();
      // An entity given by name becomes the entity that name most often means.
      const name = String(fd.get('entity-name') ?? '').trim();
      void (name ? entityByName(name) : Promise.resolve(undefined)).then((id) => {
        if (name && !id) return void form.querySelector('.filter-note')?.replaceChildren(`No entity is called “${name}”.`);
        navigate('/search' + qs({ ...next, entity: id ? [...new Set([...entities, id])] : entities }));
      });
    } },
    h('input', { name: 'q', type: 'search', value: state.q, placeholder: 'Search articles: words, "a phrase", name*', 'aria-label': 'Search text', class: 'q', autofocus: true }),
    h('button', { type: 'submit' }, 'Search'),
    h('details', { class: 'filters', open: !!(state.type || state.outlet || state.place || state.from || state.to) },
      h('summary', {}, 'Filters'),
      h('label', {}, 'Type ', h('select', { name: 'type' }, h('option', { value: '' }, 'any'), TYPES.map((t) => h('option', { value: t, selected: t === state.type }, t)))),
      h('label', {}, 'Entity ', entityInput()),
      h('label', {}, 'Outlet ', input('outlet', { type: 'text', list: 'outlet-names', placeholder: 'a name' })),
      h('label', {}, 'Place ', input('place', { type: 'text', list: 'place-names', placeholder: 'a name' })),
      h('label', {}, 'From ', input('from', { type: 'date' })),
      h('label', {}, 'To ', input('to', { type: 'date' })),
      h('span', { class: 'filter-note sub', role: 'status' }),
      outletNames, placeNames,
    ),
  );
  root.append(form);

  const active = [
    ...entities.map((e) => ({ label: `entity: ${e}`, drop: () => go({ entity: entities.filter((x) => x !== e), offset: undefined }) })),
    ...(['type', 'outlet', 'place', 'from', 'to'] as const).filter((k) => state[k]).map((k) => ({ label: `${k}: ${state[k]}`, drop: () => go({ [k]: undefined, offset: undefined }) })),
  ];
  if (active.length) {
    root.append(h('div', { class: 'chips' }, active.map((a) => h('button', { type: 'button', class: 'chip', title: 'Remove this filter', onclick: a.drop }, a.label, ' ×'))));
  }

  // Entities whose name starts with the query are offered first: one click to their page.
  const bare = state.q.replace(/["*]/g, '').trim();
  const [res, named] = await Promise.all([
    getJson<SearchResponse>('/api/search' + qs({ ...state, entity: entities, limit: PAGE, offset, facets: 'false' })),
    bare && !offset ? getJson<{ entities: EntityInfo[] }>('/api/entities' + qs({ q: bare, limit: 6 })).catch(() => ({ entities: [] })) : { entities: [] },
  ]);
  if (named.entities.length) {
    root.append(h('div', { class: 'entity-matches' }, h('span', { class: 'sub' }, 'Entities: '),
      named.entities.map((e) => h('a', { class: 'chip entity-chip', href: `#/entity/${encodeURIComponent(e.id)}` }, e.name, ' ', h('span', { class: `badge t-${e.type}` }, e.type), h('span', { class: 'n' }, String(e.documents))))));
  }
  const results = h('section', { class: 'results', 'aria-label': 'Results' });
  const side = h('aside', { class: 'facets', 'aria-label': 'Facets' });
  root.append(h('div', { class: 'search-layout' }, results, side));

  const count = res.totalCapped ? `More than ${res.total.toLocaleString('en')} articles` : res.total === 1 ? '1 article' : `${res.total.toLocaleString('en')} articles`;
  results.append(h('p', { class: 'count' }, count, state.q ? ` for “${state.q}”` : '',
    res.rankedOver ? h('span', { class: 'sub' }, ` · best of the newest ${res.rankedOver.toLocaleString('en')} shown first`) : ''));
  if (res.total) results.append(exportLinks('docs', { ...state, entity: entities }));
  if (!res.hits.length) results.append(message('info', state.q ? 'Nothing found. Try fewer words or drop a filter.' : 'No articles stored yet: add some under Ingest.'));
  const list = h('ol', { class: 'hits', start: offset + 1 });
  for (const hit of res.hits) {
    list.append(
      h('li', { class: 'hit' },
        h('h3', {}, link(`/doc/${encodeURIComponent(hit.id)}`, hit.title || hit.snippet.slice(0, 80) || hit.id)),
        h('p', { class: 'meta' }, [hit.meta.outlet, hit.meta.author, fmtDate(hit.meta.published)].filter(Boolean).join(' · ')),
        h('p', { class: 'snippet' }, marked(hit.snippet, hit.marks)),
      ),
    );
  }
  results.append(list);
  if (res.total > PAGE) results.append(pager(offset, PAGE, offset + PAGE < res.total, (o) => go({ offset: o || undefined }), res.total));

  // Facets cost more than the ranked page: hits are shown first, facets fill in when they arrive.
  side.append(h('p', { class: 'sub loading' }, 'Counting facets…'));
  void getJson<SearchResponse>('/api/search' + qs({ ...state, entity: entities, limit: 1 }))
    .then((r) => {
      side.replaceChildren();
      if (r.facets) renderFacets(side, r.facets, entities, go);
      side.dataset.ready = 'true';
    })
    .catch(() => side.replaceChildren());
}

function renderFacets(side: HTMLElement, f: Facets, entities: string[], go: (patch: Record<string, string | string[] | number | undefined>) => void): void {
  const facet = (title: string, counts: FacetCount[], pick: (c: FacetCount) => void) => {
    if (!counts.length) return;
    side.append(
      h('section', { class: 'facet' },
        h('h4', {}, title),
        h('ul', {}, counts.slice(0, 12).map((c) =>
          h('li', {}, h('button', { type: 'button', class: 'facet-value', onclick: () => pick(c) }, c.label ?? c.value), h('span', { class: 'n' }, String(c.count))),
        )),
      ),
    );
  };
  if (f.approximate) side.append(h('p', { class: 'sub facets-over' }, `Counted over the first ${f.over.toLocaleString('en')} results.`));
  facet('Entities', f.entity, (c) => go({ entity: [...new Set([...entities, c.value])], offset: undefined }));
  facet('Types', f.type, (c) => go({ type: c.value, offset: undefined }));
  facet('Places', f.place, (c) => go({ place: c.value, offset: undefined }));
  facet('Outlets', f.outlet, (c) => go({ outlet: c.value, offset: undefined }));
  facet('Months', f.month, (c) => go({ from: `${c.value}-01`, to: `${c.value}-31`, offset: undefined }));
}

/** A text field for an entity by name, suggesting the entities whose names start with what is typed. */
function entityInput(): HTMLElement {
  const list = h('datalist', { id: 'entity-names' });
  const field = h('input', { name: 'entity-name', type: 'text', list: 'entity-names', placeholder: 'a name', autocomplete: 'off', 'aria-label': 'Entity' });
  let asked = '';
  field.addEventListener('input', () => {
    const q = field.value.trim();
    if (q.length < 2 || q === asked) return;
    asked = q;
    void getJson<{ entities: EntityInfo[] }>('/api/entities' + qs({ q, limit: 10 })).then((r) => {
      if (asked === q) list.replaceChildren(...r.entities.map((e) => h('option', { value: e.name }, `${e.type} · ${e.documents} articles`)));
    }, () => undefined);
  });
  return h('span', {}, field, list);
}

/** The id of the entity a name most often means, if any. */
async function entityByName(name: string): Promise<string | undefined> {
  return getJson<{ entity: { id: string } }>('/api/entities' + qs({ name, limit: 1 })).then((r) => r.entity.id, () => undefined);
}
