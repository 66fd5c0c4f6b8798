import { parseQuery, type QueryTerm } from '../query-terms.js';

/**
 * Turns what a person types (query-terms.ts) into a safe FTS5 MATCH expression: each term a
 * quoted phrase, `*` after a prefix. Returns undefined when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | undefined {
  const parsed = parseQuery(input);
  if (!parsed) return undefined;
  const term = (t: QueryTerm) => `"${t.words.join(' ')}"${t.prefix ? '*' : ''}`;
  let expr = parsed.groups.map((g) => (g.length > 1 ? `(${g.map(term).join(' OR ')})` : term(g[0]!))).join(' AND ');
  for (const t of parsed.excluded) expr = `(${expr}) NOT ${term(t)}`;
  return expr;
}
