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
  const groups = parsed.groups.map((g) => (g.length > 1 ? `(${g.map(term).join(' | ')})` : term(g[0]!)));
  return [...groups, ...parsed.excluded.map((t) => `!${term(t)}`)].join(' & ');
}

function term(t: QueryTerm): string {
  const words = t.words.map((w, i) => `'${w}'${t.prefix && i === t.words.length - 1 ? ':*' : ''}`);
  return words.length > 1 ? `(${words.join(' <-> ')})` : words[0]!;
}

/** The `to_tsquery` input of each term a match must have, by group (toTsQuery's groups, exclusions left out). */
export function termQueries(input: string): string[][] {
  return parseQuery(input)?.groups.map((g) => g.map(term)) ?? [];
}

/**
 * The phrases a match must contain, for the word-pair index (schema migration 5): for each group
 * of the query whose every alternative is a phrase of two words or more, those phrases (words
 * joined by spaces; a prefix's last word left out). A text that matches the query has, in each
 * such group, every pair of neighbouring words of one of its phrases. Empty when no group
 * qualifies: a single word, or an alternative of one, constrains no pair.
 */
export function phraseGroups(input: string): string[][] {
  const parsed = parseQuery(input);
  if (!parsed) return [];
  const phrase = (t: QueryTerm) => {
    const words = t.prefix ? t.words.slice(0, -1) : t.words;
    return words.length > 1 ? words.join(' ') : undefined;
  };
  return parsed.groups.map((g) => g.map(phrase)).filter((g): g is string[] => g.every((p) => p !== undefined));
}

/**
 * The word-pair query of `groups` (phraseGroups) given the pairs each phrase normalises to, in
 * the same order (flattened): all groups, any phrase of a group, all pairs of a phrase. A group
 * with a phrase that gave no pair is left out. Undefined when nothing is left.
 */
export function pairsQuery(groups: readonly (readonly string[])[], pairs: readonly (readonly string[])[]): string | undefined {
  const quote = (lexeme: string) => `'${lexeme.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
  let at = 0;
  const parts: string[] = [];
  for (const g of groups) {
    const alts = g.map(() => pairs[at++] ?? []);
    if (alts.some((a) => !a.length)) continue;
    parts.push(`(${alts.map((a) => `(${a.map(quote).join(' & ')})`).join(' | ')})`);
  }
  return parts.length ? parts.join(' & ') : undefined;
}

/**
 * Whether the pairs query of `input` (pairsQuery, given `pairs` as there) matches exactly the
 * texts the whole query matches: every term a phrase of two words that gave one pair, nothing
 * excluded. A text has the pair 'a b' exactly when its search vector has b right after a (the
 * pairs are read from its positions), so no position is left to check on the text.
 */
export function pairsAlone(input: string, pairs: readonly (readonly string[])[]): boolean {
  const parsed = parseQuery(input);
  if (!parsed || parsed.excluded.length) return false;
  const terms = parsed.groups.flat();
  // A prefix's phrase is one word short (phraseGroups), so it leaves the pairs fewer than the terms.
  return terms.every((t) => t.words.length === 2) && pairs.length === terms.length && pairs.every((p) => p.length === 1);
}
