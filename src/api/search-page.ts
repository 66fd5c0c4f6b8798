import type { SearchHit, SearchQuery, Store } from '../store/store.js';
import { JsonText } from './http.js';

// Matched words in snippets are wrapped in these private-use characters by the store, then
// turned into offsets, so clients highlight them without ever parsing markup.
const MARK_OPEN = '\uE000';
const MARK_CLOSE = '\uE001';

/**
 * A page of search results as /api/search sends it, in two JSON texts: the page (an object)
 * and its facets when asked. Facets do not change when paging, so the server keeps them apart
 * and joins them to each page; text crosses threads and is sent without serialising again.
 */
export interface SearchPageText {
  readonly page: string;
  readonly facets?: string;
}

/** One search, made into the API's page text where it is read (a read thread, or the server's). */
export async function searchPageText(store: Store, query: SearchQuery): Promise<SearchPageText> {
  const res = await store.search({ ...query, mark: [MARK_OPEN, MARK_CLOSE] });
  const page = JSON.stringify({
    total: res.total,
    ...(res.totalCapped ? { totalCapped: true } : {}),
    ...(res.rankedOver ? { rankedOver: res.rankedOver } : {}),
    hits: res.hits.map(markedHit),
  });
  return res.facets ? { page, facets: JSON.stringify(res.facets) } : { page };
}

/** The response: the page, with the facets as its last member when there are any. */
export function withFacets(page: string, facets: string | undefined): JsonText {
  return new JsonText(facets === undefined ? page : `${page.slice(0, -1)},"facets":${facets}}`);
}

/** A hit whose snippet carries its matched words as [start, end) offsets instead of marks. */
export function markedHit(h: SearchHit): SearchHit & { marks: [number, number][] } {
  const marks: [number, number][] = [];
  let out = '';
  let open = -1;
  for (const ch of h.snippet) {
    if (ch === MARK_OPEN) open = out.length;
    else if (ch === MARK_CLOSE) {
      if (open >= 0 && out.length > open) marks.push([open, out.length]);
      open = -1;
    } else out += ch;
  }
  return { ...h, snippet: out, marks };
}
