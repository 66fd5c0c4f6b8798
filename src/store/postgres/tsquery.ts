import { parseQuery, type QueryTerm } from '../query-terms.js';

/**
 * Turns what a person types (query-terms.ts) into input for `to_tsquery('newsgraph', …)`:
 * every word a quoted lexeme (letters and digits only, so nothing in it is tsquery syntax), a
 * phrase joined by `<->`, a prefix marked `:*` on its last word, OR as `|`, exclusion as `!`.
 * websearch_to_tsquery would be simpler but has no prefixes. Undefined when nothing is left.
 */
export function toTsQuery(input: string): string | undefined {
  const parsed = parseQuery(input);
  if (!parsed) return undefined;
  const term = (t: QueryTerm) => {
    const words = t.words.map((w, i) => `'${w}'${t.prefix && i === t.words.length - 1 ? ':*' : ''}`);
    return words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!;
  };
  const groups = parsed.groups.map((g) => (g.length > 1 ? `(${g.map(term).join(' | ')})` : term(g[0]!)));
  return [...groups, ...parsed.excluded.map((t) => `!${term(t)}`)].join(' & ');
}
