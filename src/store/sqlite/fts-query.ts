/**
 * Turns what a person types into a safe FTS5 MATCH expression, so punctuation in a query
 * ("al-Qaeda", "U.S.", an unbalanced quote) never becomes an SQL error.
 * All terms must match; "a phrase" in double quotes; OR between two terms; -term excludes;
 * term* is a prefix. Returns undefined when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | undefined {
  const parts: { text: string; neg: boolean; prefix: boolean; or: boolean }[] = [];
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
    // Only letters and digits reach FTS5; everything else separates words inside the phrase.
    const words = raw.match(/[\p{L}\p{N}\p{M}]+/gu);
    if (!words) continue;
    parts.push({ text: words.join(' '), neg, prefix, or: pendingOr && !neg });
    pendingOr = false;
  }
  const term = (p: (typeof parts)[number]) => `"${p.text}"${p.prefix ? '*' : ''}`;
  const groups: string[][] = [];
  for (const p of parts) {
    if (p.neg) continue;
    if (p.or && groups.length) groups[groups.length - 1]!.push(term(p));
    else groups.push([term(p)]);
  }
  if (!groups.length) return undefined;
  let expr = groups.map((g) => (g.length > 1 ? `(${g.join(' OR ')})` : g[0]!)).join(' AND ');
  for (const p of parts) if (p.neg) expr = `(${expr}) NOT ${term(p)}`;
  return expr;
}
