import { h, link } from '../dom.js';

const VIEWS: readonly [string, string, string][] = [
  ['/search', 'Search', 'Full-text search over every stored article: words, "a phrase", a OR b, -word, prefix*. Each hit shows a snippet of its own text with the matched words marked. Filters (entity type, outlet, place, dates) and facets narrow the list; the list exports as records or as tables of mentions, quotes and events.'],
  ['/doc/', 'Article', 'One article with what was found in it highlighted in the text: entities, quotes and their speakers, quantities, dates, places and events (the legend beside each switch shows its style). Every finding in the side panel jumps to the words it was read from. Articles not in English are stored without extraction, and say so.'],
  ['/entity/', 'Entity', 'One entity across all articles: its names, types and outlets, an organisation\'s lineage of names, mentions over time, quotes by and about it, the entities it is reported with, relations drawn as a graph, places, and the audit trail of corrections. With the token, merge, split, rename, "not the same" and undo.'],
  ['/story/', 'Story', 'The reports of one event, outlets in order of publication; a copy is marked with the outlet it reproduces, and the report others copy is marked original.'],
  ['/quotes', 'Quotes', 'Every quote, newest first, by speaker (a name, an alias or the words naming the source), outlet and date, page after page.'],
  ['/claims', 'Claims', 'Statements across articles (figures, events, relations, quotes): each with its evidence spans, how many articles and how many independent sources support it, and the claims that contradict it.'],
  ['/map', 'Map', 'Places and events on a world map drawn from a country outline, with no tiles and no network: markers cluster at every zoom, a legend tells places from events, a picked place lists its articles and events, and a period filter keeps the articles of those dates.'],
  ['/timeline', 'Timeline', 'Events in time order, zoomable by period, a page at a time; each shows its trigger in its sentence, and denied or hedged events are marked.'],
  ['/ingest', 'Ingest', 'Add articles by pasting text, uploading files or giving a URL (with the token); each job reports what was added.'],
  ['/api', 'API', 'The HTTP API, read from its OpenAPI description.'],
];

/** What each view shows, and how independence and conflicts are decided. */
export function helpView(root: HTMLElement): void {
  root.append(
    h('h1', {}, 'Help'),
    h('section', { class: 'help' },
      h('h2', {}, 'Views'),
      h('dl', { class: 'help-views' }, VIEWS.flatMap(([route, name, what]) => [
        h('dt', {}, route.endsWith('/') ? name : link(route, name)), h('dd', {}, what)])),
      h('h2', {}, 'Independent sources'),
      h('p', {}, 'A copy is a document most of whose own text (60% or more of its five-word shingles, outlet boilerplate left out) is in an earlier stored document; it counts as the document it copies. Documents that name the same wire in their dateline or credit line, or come from one outlet, count as one source. The count of independent sources is the number of groups left.'),
      h('p', { class: 'sub' }, 'Where it can be wrong: an outlet that rewrites a wire story in its own words without crediting it counts as its own source; a dateline naming a wire for a story the outlet reported itself joins it to the wire.'),
      h('h2', {}, 'Conflicts'),
      h('p', {}, 'Figures about the same entity, thing counted and event, dated at most three days apart, support each other when their values can both hold ("more than 100" and "about 120") and conflict when they cannot. An event asserted by some articles and denied by others conflicts, as does the same event blamed on another actor. A relation asserted and denied conflicts.'),
      h('p', { class: 'sub' }, 'Where it can be wrong: a rounded figure and a precise one conflict; two attacks by one group on one town within three days are one claim; a hedged report counts as an assertion.'),
      h('p', {}, 'The project README, section “How independence and conflicts are decided, and where they can be wrong”, gives the full rules and thresholds.'),
      h('h2', {}, 'Languages'),
      h('p', {}, 'Extraction reads English only. The language of each article is detected from its text; an article in another language is stored and searchable, its findings left empty, and its page says so.'),
    ),
  );
}

/** An address inside the app that names no view. */
export function notFoundView(root: HTMLElement, name: string): void {
  root.append(
    h('h1', {}, 'Page not found'),
    h('p', { class: 'msg msg-error', role: 'alert' }, `There is no page “#/${name}” in this app.`),
    h('p', {}, link('/search', '‹ Back to Search'), ' · ', link('/help', 'Help: what each view shows')),
  );
}
