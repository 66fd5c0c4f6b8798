import { h, qs } from './dom.js';

type Params = Record<string, string | readonly string[] | undefined>;

const DOC_FORMATS: readonly [string, string][] = [
  ['jsonl', 'records (JSON Lines, every span)'], ['mentions-csv', 'mentions CSV'], ['quotes-csv', 'quotes CSV'],
  ['events-csv', 'events CSV'], ['geojson', 'places and events (GeoJSON)'], ['csv', 'per-article CSV'],
];

/**
 * Download links for what a view shows, with its own filters: the documents of a search, an
 * entity or a story in each record format; a quote or claim list as CSV or JSON Lines.
 */
export function exportLinks(kind: 'docs' | 'quotes' | 'claims', params: Params): HTMLElement {
  const formats: readonly [string, string][] = kind === 'docs' ? DOC_FORMATS : [['csv', 'CSV (spans and sources)'], ['jsonl', 'JSON Lines']];
  return h('p', { class: 'export-links' }, h('span', { class: 'sub' }, 'Export: '),
    formats.flatMap(([f, label], i) => [i ? h('span', { class: 'sub' }, ' · ') : '',
      h('a', { href: `/api/export/${kind}${qs({ ...params, format: f })}`, download: '', class: `export export-${f}` }, label)]));
}
