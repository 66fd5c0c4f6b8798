import { GAZETTEER_LISTS, type GazCategory } from './gazetteer-data.js';

/*
 * Multi-word gazetteer matching over tokens. Entries are lowercased token sequences in a
 * trie; a match gives every covered token a (category, BILOU position) feature. The model
 * learns how far to trust each list, so lists can be generous.
 */

export const GAZ_CATEGORIES = Object.keys(GAZETTEER_LISTS) as GazCategory[];

export interface Node {
  next: Map<string, Node>;
  /** Bitmask of categories ending here. */
  cats: number;
}

const newNode = (): Node => ({ next: new Map(), cats: 0 });

let root: Node | undefined;
/** Lowercased single words that are in some list, with their category mask (for fine typing). */
let singles: Map<string, number> | undefined;

/** Splits an entry the way the tokenizer would split it: on spaces, keeping inner hyphens/apostrophes, with "’s" and dots kept. */
function entryTokens(entry: string): string[] {
  return entry.toLowerCase().replace(/’/g, "'").split(/\s+/).filter(Boolean);
}

function build(): Node {
  const r = newNode();
  const single = (singles = new Map<string, number>());
  GAZ_CATEGORIES.forEach((cat, ci) => {
    for (const entry of GAZETTEER_LISTS[cat].split('|')) {
      const toks = entryTokens(entry.trim());
      if (!toks.length) continue;
      let n = r;
      for (const t of toks) {
        let c = n.next.get(t);
        if (!c) n.next.set(t, (c = newNode()));
        n = c;
      }
      n.cats |= 1 << ci;
      const whole = toks.join(' ');
      single.set(whole, (single.get(whole) ?? 0) | (1 << ci));
    }
  });
  return r;
}

export function gazRoot(): Node {
  return (root ??= build());
}

/** Category mask of an exact (lowercased, space-joined) name, 0 when unknown. */
export function gazLookup(name: string): number {
  gazRoot();
  return singles!.get(name.toLowerCase().replace(/’/g, "'").replace(/\s+/g, ' ')) ?? 0;
}

export const catBit = (cat: GazCategory): number => 1 << GAZ_CATEGORIES.indexOf(cat);

/**
 * Calls `hit(tokenIndex, categoryIndex, part)` for every token covered by a match in
 * lower[from, to). Matches need a capitalised first token (lists hold names, and "turkey"
 * or "chad" in lower case are not places).
 */
export function matchGazetteer(
  lower: readonly string[],
  capital: (i: number) => boolean,
  from: number,
  to: number,
  hit: (i: number, cat: number, part: number) => void,
): void {
  const r = gazRoot();
  for (let s = from; s < to; s++) {
    if (!capital(s)) continue;
    let n: Node | undefined = r;
    for (let e = s; e < to; e++) {
      n = n.next.get(lower[e]!);
      if (!n) break;
      if (n.cats === 0) continue;
      for (let ci = 0; ci < GAZ_CATEGORIES.length; ci++) {
        if (!(n.cats & (1 << ci))) continue;
        if (e === s) hit(s, ci, 3);
        else {
          hit(s, ci, 0);
          for (let k = s + 1; k < e; k++) hit(k, ci, 1);
          hit(e, ci, 2);
        }
      }
    }
  }
}
