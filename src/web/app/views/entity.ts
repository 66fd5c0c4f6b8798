import { getJson, type DecisionRecord, type EntityView, type QuoteHit, type RelationHit, type Stats } from '../api.js';
import { barChart, fillMonths, relationGraph, type GraphEdge } from '../charts.js';
import { fmtDate, h, link, message, qs } from '../dom.js';
import { navigate } from '../nav.js';
import { exportLinks } from '../export-links.js';
import { correctionsBody, undoDecision, type Corrected } from './corrections.js';
import { candidatesNote, decisionList, lineageBody, profileBody } from './entity-kb.js';
import { worldMap } from '../world-svg.js';

export const entityHref = (id: string) => `#/entity/${encodeURIComponent(id)}`;
export const docAt = (doc: string, start: number, end: number) => `/doc/${encodeURIComponent(doc)}?at=${start}-${end}`;

// Said once on the page drawn again after a correction.
let corrected: Corrected | undefined;

/** One entity across the corpus: names, activity over time, quotes, neighbours, relations, places. */
export async function entityPage(root: HTMLElement, id: string): Promise<void> {
  const [v, stats] = await Promise.all([getJson<EntityView>(`/api/entities/${encodeURIComponent(id)}`), getJson<Stats>('/api/stats')]);
  const e = v.entity;
  const { decisions } = await getJson<{ decisions: DecisionRecord[] }>(`/api/entities/${encodeURIComponent(e.id)}/decisions`);
  const notice = corrected;
  corrected = undefined;
  const undoStatus = h('div', { class: 'undo-status', 'aria-live': 'polite' });
  // A correction or an undo draws the page again, with what it did said at the top.
  const redraw = (c: Corrected) => {
    corrected = c;
    window.scrollTo(0, 0);
    navigate(`/entity/${encodeURIComponent(e.id)}`);
  };
  root.append(
    h('p', { class: 'back' }, link('/search' + qs({ entity: e.id }), `‹ Articles that mention ${e.name}`)),
    notice ? h('p', { class: 'msg msg-done', role: 'status' }, notice.text, notice.entity ? [' ', link(`/entity/${encodeURIComponent(notice.entity.id)}`, `Open ${notice.entity.name}`)] : '',
      notice.decision?.undoable && stats.writable ? [' ', h('button', { type: 'button', class: 'undo undo-last', onclick: () => void undoDecision(notice.decision!, undoStatus, redraw) }, 'Undo')] : '') : '',
    undoStatus,
    h('header', { class: 'entity-head' },
      h('h1', {}, e.name, ' ', h('span', { class: `badge t-${e.type}` }, e.type)),
      e.formerIds?.includes(id) ? h('p', { class: 'sub merged-from' }, `${id} was merged into this entity.`) : '',
      e.aliases.length ? h('p', { class: 'aliases' }, 'Also known as: ', h('span', { class: 'alias-list' }, e.aliases.join(' · '))) : '',
      e.description ? h('p', { class: 'description' }, e.description) : '',
      h('p', { class: 'meta' }, `${e.documents} article${e.documents === 1 ? '' : 's'} · ${e.mentions} mention${e.mentions === 1 ? '' : 's'} · `, h('a', { class: 'claims-link', href: '#/claims' + qs({ entity: e.id }) }, 'Claims, support and conflicts')),
      exportLinks('docs', { entity: e.id }),
      candidatesNote(v),
    ),
  );

  const grid = h('div', { class: 'entity-grid' });
  root.append(grid);
  const panel = (title: string, cls: string, ...body: (Node | string)[]) => grid.append(h('section', { class: `panel ${cls}` }, h('h2', {}, title), ...body));

  panel('Knowledge base', 'kb', profileBody(e));
  if (v.lineage.steps.length) panel('Lineage', 'lineage-panel', lineageBody(e, v));

  const bars = fillMonths(v.mentionsOverTime.map((p) => ({ period: p.period, value: p.mentions })));
  // Panels with nothing to show are left out rather than drawn empty.
  if (bars.length) panel('Mentions over time', 'timechart', barChart(bars, { label: `mentions of ${e.name} per month` }));

  const edges: GraphEdge[] = v.relations.map((r) => {
    const outgoing = r.a.id === e.id;
    return { type: r.type, other: outgoing ? r.b : r.a, outgoing, documents: r.documents };
  }).filter((x) => x.other.id !== e.id);
  const further = v.neighbourRelations ?? [];
  if (edges.length) {
    panel('Relations', 'relations',
      relationGraph(e.name, edges, entityHref, further),
      relationList(v.relations.filter((r) => r.a.id !== r.b.id)),
      further.length ? h('h3', {}, 'Relations of related entities') : '',
      further.length ? relationList(further, 'neighbour-relations') : '',
    );
  }

  if (v.quotesBy.length) panel(`Quotes by ${e.name}`, 'quotes-by', quoteList(v.quotesBy, false), h('p', {}, link('/quotes' + qs({ entity: e.id }), 'All quotes by this speaker')));
  if (v.quotesAbout.length) panel(`Quotes about ${e.name}`, 'quotes-about', quoteList(v.quotesAbout, true));

  if (v.coOccurring.length) {
    panel('Often mentioned with', 'cooccur',
      v.coOccurringOver < e.documents ? h('p', { class: 'sub' }, `Counted in its latest ${v.coOccurringOver.toLocaleString('en')} of ${e.documents.toLocaleString('en')} articles.`) : '',
      h('ul', { class: 'cooccur-list' }, v.coOccurring.map((c) => h('li', {}, link(`/entity/${encodeURIComponent(c.id)}`, c.name), ' ', h('span', { class: `badge t-${c.type}` }, c.type), h('span', { class: 'n' }, String(c.documents))))));
  }

  const pts = v.places.map((p) => ({ name: p.name, lat: p.lat, lon: p.lon, weight: p.documents, country: p.country }));
  if (v.location) pts.unshift({ name: e.name, lat: v.location.lat, lon: v.location.lon, weight: e.documents, country: v.location.country });
  if (pts.length) {
    panel('Places', 'places',
      v.location ? h('p', {}, `Located at ${v.location.lat.toFixed(2)}, ${v.location.lon.toFixed(2)}${v.location.country ? ` (${v.location.country})` : ''}`) : '',
      await worldMap(pts, { small: true }),
      h('ul', { class: 'place-list' }, v.places.slice(0, 15).map((p) => h('li', {}, link('/map' + qs({ focus: p.name, lat: p.lat, lon: p.lon }), p.name), h('span', { class: 'n' }, String(p.documents))))),
    );
  }

  panel('Articles', 'docs', h('ul', { class: 'doc-list' }, v.documents.map((d) =>
    h('li', {}, link(`/doc/${encodeURIComponent(d.doc)}`, d.title || d.doc), h('span', { class: 'sub' }, ` ${[d.outlet, fmtDate(d.published)].filter(Boolean).join(' · ')}`)))));

  // Decisions name entities by id; the ones this page knows are shown by name.
  const known = new Map<string, string>([[e.id, e.name], ...v.candidates.entities.map((c) => [c.id, c.name] as [string, string]),
    ...v.lineage.steps.flatMap((s) => [[s.a.id, s.a.name], [s.b.id, s.b.name]] as [string, string][])]);
  const decisionStatus = h('div', { class: 'undo-status', 'aria-live': 'polite' });
  panel('Decisions', 'decisions', decisionStatus, decisionList(decisions, (x) => known.get(x) ?? x, stats.writable ? (d) => void undoDecision(d, decisionStatus, redraw) : undefined));
  if (stats.writable) panel('Corrections', 'corrections-panel', correctionsBody(e, redraw));
}

/** Each relation with its two entities linked and its first piece of evidence linked to the span it was read from. */
function relationList(rels: readonly RelationHit[], cls = ''): HTMLElement {
  return h('ul', { class: `relation-list ${cls}`.trim() }, rels.map((r) =>
    h('li', {}, link(`/entity/${encodeURIComponent(r.a.id)}`, r.a.name), ` ${r.type} `, link(`/entity/${encodeURIComponent(r.b.id)}`, r.b.name),
      h('span', { class: 'n' }, `${r.documents} doc${r.documents === 1 ? '' : 's'}`),
      r.evidence[0] ? h('div', { class: 'sub' }, link(docAt(r.evidence[0].doc, r.evidence[0].start, r.evidence[0].end), clip(r.evidence[0].text, 160))) : '')));
}

export function quoteList(quotes: readonly QuoteHit[], withSpeaker: boolean): HTMLElement {
  if (!quotes.length) return message('info', 'None found.');
  return h('ul', { class: 'quote-list' }, quotes.map((q) =>
    h('li', { class: 'quote' },
      h('blockquote', {}, link(docAt(q.doc, q.start, q.end), clip(q.text, 400))),
      h('p', { class: 'sub' },
        withSpeaker ? [q.speaker ? link(`/entity/${encodeURIComponent(q.speaker)}`, q.speakerName ?? q.speakerText ?? q.speaker) : (q.speakerText ?? 'unattributed'), ' · '] : '',
        [q.kind, q.outlet, fmtDate(q.published)].filter(Boolean).join(' · '), ' · ', link(`/doc/${encodeURIComponent(q.doc)}`, q.title || 'article'))),
  ));
}

function clip(s: string, n: number): string {
  return s.length > n ? s.slice(0, n - 1) + '…' : s;
}
