/** One term of a search query: its words (a phrase when several), excluded, or a prefix. */
export interface QueryTerm {
  readonly words: readonly string[];
  readonly prefix: boolean;
}

/** A query as every store reads it: groups that must all match (any term of a group), terms excluded. */
export interface ParsedQuery {
  readonly groups: readonly (readonly QueryTerm[])[];
  readonly excluded: readonly QueryTerm[];
}

/**
 * Reads what a person types (src/store/store.ts `SearchQuery.q`): all terms must match; "a
 * phrase" in double quotes; OR between two terms; -term excludes; term* is a prefix. Only
 * letters and digits are kept, everything else separates words, so punctuation ("al-Qaeda",
 * "U.S.", an unbalanced quote) never reaches a store's query syntax. Undefined when nothing
 * searchable is left.
 */
export function parseQuery(input: string): ParsedQuery | undefined {
  const parts: { term: QueryTerm; neg: boolean; or: boolean }[] = [];
  const re = /(-?)"([^"]*)"?|(\S+)/g;
  let pendingOr = false;
  for (let m = re.exec(input); m; m = re.exec(input)) {
    let neg = m[1] === '-';
    let raw = m[2] ?? m[3] ?? '';
    if (m[3] !== undefined) {
      if (raw === 'OR' && parts.length) { pendingOr = true; continue; }
      if (raw.startsWith('-') && raw.length > 1) { neg = true; raw = raw.slice(1); }
    }
    const prefix = m[3] !== undefined && raw.endsWith('*');
    const words = raw.match(/[\p{L}\p{N}\p{M}]+/gu);
    if (!words) continue;
    parts.push({ term: { words, prefix }, neg, or: pendingOr && !neg });
    pendingOr = false;
  }
  const groups: QueryTerm[][] = [];
  for (const p of parts) {
    if (p.neg) continue;
    if (p.or && groups.length) groups[groups.length - 1]!.push(p.term);
    else groups.push([p.term]);
  }
  if (!groups.length) return undefined;
  return { groups, excluded: parts.filter((p) => p.neg).map((p) => p.term) };
}
