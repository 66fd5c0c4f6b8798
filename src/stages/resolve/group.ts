import type { EntityType, Mention } from '../../core/layers.js';
import type { AliasPair } from './aliases.js';
import { cleanName, mentionKey } from '../../text/names.js';
import { initials, isAcronym, personParts, personShortForm } from '../../text/name-forms.js';

/** Words too generic to stand for an organisation on their own ("the Party", "the Court"). */
const GENERIC_ORG_WORDS = new Set([
  'party', 'group', 'council', 'committee', 'department', 'ministry', 'army', 'court', 'house', 'senate', 'union',
  'company', 'corp', 'inc', 'ltd', 'co', 'university', 'college', 'school', 'institute', 'center', 'centre', 'agency',
  'office', 'bank', 'church', 'state', 'states', 'national', 'american', 'new', 'united', 'international', 'news',
  'times', 'post', 'journal', 'press', 'daily', 'network', 'foundation', 'association', 'service', 'forces', 'force',
  'police', 'government', 'administration', 'federal', 'democratic', 'republican', 'campaign', 'board', 'commission',
]);

class UnionFind {
  private readonly parent: number[];
  constructor(n: number) {
    this.parent = Array.from({ length: n }, (_, i) => i);
  }
  find(i: number): number {
    while (this.parent[i] !== i) i = this.parent[i] = this.parent[this.parent[i]!]!;
    return i;
  }
  /** Joins two sets; the earlier mention stays the root so groups keep document order. */
  union(a: number, b: number): void {
    const ra = this.find(a), rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent[rb] = ra;
    else this.parent[ra] = rb;
  }
}

/** The indices by a word of each (`of`), each list ascending as `indices` are. */
function indexBy(indices: readonly number[], of: (i: number) => string): Map<string, number[]> {
  const m = new Map<string, number[]>();
  for (const i of indices) {
    const k = of(i);
    const l = m.get(k);
    if (l) l.push(i);
    else m.set(k, [i]);
  }
  return m;
}

/** Two ascending lists as one, ascending, without repeats. */
function union(a: readonly number[] = [], b: readonly number[] = []): number[] {
  const out: number[] = [];
  let i = 0, j = 0;
  while (i < a.length || j < b.length) {
    const x = j >= b.length || (i < a.length && a[i]! <= b[j]!) ? a[i++]! : b[j++]!;
    if (out.at(-1) !== x) out.push(x);
  }
  return out;
}

/** The largest of the ascending `js` below `i`, or -1. */
function lastBefore(js: readonly number[], i: number): number {
  let lo = 0, hi = js.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (js[mid]! < i) lo = mid + 1;
    else hi = mid;
  }
  return lo > 0 ? js[lo - 1]! : -1;
}

/**
 * The full person names a short form can stand for, grouped by their current set, worked out once
 * per distinct short form and kept until a union moves a full name to another set: a document
 * that repeats a surname thousands of times costs one grouping, not one scan per mention.
 */
class FullNames {
  private readonly hasFull: boolean[];
  private version = 0;
  private readonly cache = new Map<string, { version: number; matches: number[]; groups: { root: number; js: number[] }[] }>();

  constructor(private readonly uf: UnionFind, fullPeople: readonly number[], n: number) {
    this.hasFull = new Array<boolean>(n).fill(false);
    for (const j of fullPeople) this.hasFull[uf.find(j)] = true;
  }

  /** Sets holding full names that `short` can stand for, in the order of their first such name. */
  groups(short: readonly string[], matches: () => number[]): readonly { root: number; js: number[] }[] {
    const key = short.join('\u0001');
    let c = this.cache.get(key);
    if (!c) this.cache.set(key, (c = { version: -1, matches: matches(), groups: [] }));
    if (c.version !== this.version) {
      const byRoot = new Map<number, number[]>();
      for (const j of c.matches) {
        const r = this.uf.find(j);
        const js = byRoot.get(r);
        if (js) js.push(j);
        else byRoot.set(r, [j]);
      }
      c.groups = [...byRoot].map(([root, js]) => ({ root, js }));
      c.version = this.version;
    }
    return c.groups;
  }

  /** Joins mention `i` to the set rooted at `root`; groupings are redone when a full name changes set or root. */
  union(root: number, i: number): void {
    const ra = this.uf.find(root), rb = this.uf.find(i);
    if (ra === rb) return;
    if (this.hasFull[rb] || rb < ra) this.version++;
    this.uf.union(ra, rb);
    this.hasFull[Math.min(ra, rb)] = this.hasFull[ra]! || this.hasFull[rb]!;
  }
}

export interface NameGroup {
  /** Indices into the name mentions, in document order. */
  readonly members: number[];
  readonly type: EntityType;
  readonly name: string;
  readonly aliases: string[];
}

const TYPE_RANK: EntityType[] = ['PERSON', 'ORG', 'GPE', 'NORP', 'LOC', 'FAC', 'EVENT', 'WORK', 'MISC'];

function majorityType(ms: readonly Mention[]): EntityType {
  const count = new Map<EntityType, number>();
  for (const m of ms) count.set(m.type, (count.get(m.type) ?? 0) + 1);
  let best: EntityType = ms[0]!.type;
  for (const t of TYPE_RANK) {
    const n = count.get(t) ?? 0;
    if (n > (count.get(best) ?? 0)) best = t;
  }
  return best;
}

/** The fullest form: most name parts for people, the longest non-acronym otherwise. */
function fullestName(members: readonly number[], clean: readonly string[], acronym: readonly boolean[], parts: readonly string[][], type: EntityType): string {
  let best = clean[members[0]!]!;
  let bestScore = -1;
  for (const i of members) {
    const s = clean[i]!;
    if (!s) continue;
    const n = type === 'PERSON' ? parts[i]!.length : 0;
    const score = (acronym[i] ? 0 : 1_000_000) + n * 1000 + s.length;
    if (score > bestScore) {
      best = s;
      bestScore = score;
    }
  }
  return best;
}

/**
 * Groups name mentions into entities: same name, declared aliases, acronyms of a
 * spelled-out name, surnames and given names of a full person name, and the head or
 * tail of a longer organisation name ("Georgetown" for "Georgetown University").
 */
export function groupNames(ms: readonly Mention[], aliasPairs: readonly AliasPair[]): NameGroup[] {
  const uf = new UnionFind(ms.length);
  const index = new Map<Mention, number>();
  ms.forEach((m, i) => index.set(m, i));
  const clean = ms.map((m) => cleanName(m.text));
  const keys = ms.map((m, i) => mentionKey(m.text, clean[i]));
  const byKey = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!k) return;
    const j = byKey.get(k);
    if (j === undefined) byKey.set(k, i);
    else uf.union(j, i);
  });
  for (const [a, b] of aliasPairs) {
    const i = index.get(a), j = index.get(b);
    if (i !== undefined && j !== undefined) uf.union(i, j);
  }
  // Each mention's forms, computed once: the loops below compare every pair of names.
  const acronym = ms.map((m, i) => isAcronym(m.text, clean[i]));
  const words = clean.map((c) => c.toLowerCase().split(/\s+/));
  const byInitials = new Map<string, number[]>();
  ms.forEach((m, j) => {
    if (acronym[j]) return;
    const ini = initials(m.text, clean[j]);
    if (ini.length < 2) return;
    const list = byInitials.get(ini);
    if (list) list.push(j);
    else byInitials.set(ini, [j]);
  });
  // Acronyms: join the nearest spelled-out form, before it if any, else after it.
  ms.forEach((m, i) => {
    if (!acronym[i]) return;
    const candidates = byInitials.get(clean[i]!.replace(/\./g, '').replace(/s$/, '').toUpperCase()) ?? [];
    let target = -1;
    for (const j of candidates) {
      if (j < i) target = j;
      else if (target < 0) target = j;
    }
    if (target >= 0) uf.union(target, i);
  });
  // People: short forms join the full name mentioned most often (the nearest one on a tie).
  const parts = ms.map((m, i) => personParts(m.text, clean[i]));
  const fullPeople = ms.map((m, i) => (m.type === 'PERSON' && parts[i]!.length >= 2 ? i : -1)).filter((i) => i >= 0);
  const fullOf = new FullNames(uf, fullPeople, ms.length);
  // A short form matches a full name on its last word, or a one-word form on the first.
  const fullByLast = indexBy(fullPeople, (j) => parts[j]!.at(-1)!);
  const fullByFirst = indexBy(fullPeople, (j) => parts[j]![0]!);
  ms.forEach((m, i) => {
    const p = parts[i]!;
    if (!p.length || p.length > 3 || acronym[i]) return;
    if (m.type !== 'PERSON' && p.length > 1) return;
    let best = -1, bestN = 0, bestLast = -2;
    const candidates = () => union(fullByLast.get(p.at(-1)!), p.length === 1 ? fullByFirst.get(p[0]!) : undefined);
    for (const g of fullOf.groups(p, () => candidates().filter((j) => parts[j]!.length > p.length && personShortForm(p, parts[j]!)))) {
      const last = lastBefore(g.js, i);
      if (g.js.length > bestN || (g.js.length === bestN && last > bestLast)) {
        best = g.root;
        bestN = g.js.length;
        bestLast = last;
      }
    }
    // A one-word non-person tag only joins a person through the surname.
    if (best >= 0 && (m.type === 'PERSON' || parts[best]!.at(-1) === p[0])) fullOf.union(best, i);
  });
  // Organisations: a distinctive leading or trailing part of a longer name.
  const orgs = ms.map((m, j) => (m.type === 'ORG' ? j : -1)).filter((j) => j >= 0);
  // A longer name shares the first or the last word: only those are compared.
  const orgByFirst = indexBy(orgs, (j) => words[j]![0]!);
  const orgByLast = indexBy(orgs, (j) => words[j]!.at(-1)!);
  for (const i of orgs) {
    const w = words[i]!;
    if (acronym[i] || w.every((x) => GENERIC_ORG_WORDS.has(x))) continue;
    for (const j of union(orgByFirst.get(w[0]!), orgByLast.get(w.at(-1)!))) {
      const ow = words[j]!;
      if (j === i || ow.length <= w.length || (ow[0] !== w[0] && ow[ow.length - 1] !== w[w.length - 1])) continue;
      const head = w.every((x, k) => ow[k] === x), tail = w.every((x, k) => ow[ow.length - w.length + k] === x);
      if (head || tail) {
        uf.union(j, i);
        break;
      }
    }
  }
  const groups = new Map<number, number[]>();
  ms.forEach((_, i) => {
    const r = uf.find(i);
    const g = groups.get(r);
    if (g) g.push(i);
    else groups.set(r, [i]);
  });
  const out: NameGroup[] = [];
  for (const members of groups.values()) {
    const gm = members.map((i) => ms[i]!);
    const type = majorityType(gm);
    const name = fullestName(members, clean, acronym, parts, type);
    const seen = new Set([mentionKey(name, name)]);
    const aliases: string[] = [];
    for (const i of members) {
      const s = clean[i]!;
      const k = keys[i]!;
      if (!k || seen.has(k)) continue;
      seen.add(k);
      aliases.push(s);
    }
    out.push({ members, type, name, aliases });
  }
  out.sort((a, b) => a.members[0]! - b.members[0]!);
  return out;
}
