import type Database from 'better-sqlite3';

/**
 * Where an id leads once merges have folded it into another: `redirect` maps an old id to the
 * one it was merged into (`SELECT new FROM … WHERE old = ?`); chains are followed, a few hops at most.
 */
export function followRedirects(redirect: Database.Statement, id: string): string {
  let cur = id;
  for (let hops = 0; hops < 16; hops++) {
    const r = redirect.get(cur) as { new: unknown } | undefined;
    if (!r) return cur;
    cur = String(r.new);
  }
  return cur;
}
