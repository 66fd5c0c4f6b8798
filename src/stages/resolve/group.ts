import type { EntityType, Mention } from '../../core/layers.js';
import type { AliasPair } from './aliases.js';
import { acronymOf, cleanName, isAcronym, nameKey, personParts, personShortForm } from './names.js';

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
function fullestName(ms: readonly Mention[], type: EntityType): string {
  let best = cleanName(ms[0]!.text);
  let bestScore = -1;
  for (const m of ms) {
    const s = cleanName(m.text);
    if (!s) continue;
    const parts = type === 'PERSON' ? personParts(s).length : 0;
    const score = (isAcronym(s) ? 0 : 1_000_000) + parts * 1000 + s.length;
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
  const keys = ms.map((m) => nameKey(m.text));
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
  // Acronyms: join the nearest spelled-out form, before it if any, else after it.
  ms.forEach((m, i) => {
    if (!isAcronym(m.text)) return;
    let target = -1;
    for (let j = 0; j < ms.length; j++) {
      if (j === i || !acronymOf(m.text, ms[j]!.text)) continue;
      if (j < i || target < 0 || target > i) target = j;
      if (j > i && target >= 0) break;
    }
    if (target >= 0) uf.union(target, i);
  });
  // People: short forms join the full name mentioned most often (the nearest one on a tie).
  const parts = ms.map((m) => personParts(m.text));
  const fullPeople = ms.map((m, i) => (m.type === 'PERSON' && parts[i]!.length >= 2 ? i : -1)).filter((i) => i >= 0);
  ms.forEach((m, i) => {
    const p = parts[i]!;
    if (!p.length || p.length > 3 || isAcronym(m.text)) return;
    if (m.type !== 'PERSON' && p.length > 1) return;
    const counts = new Map<number, { n: number; last: number }>();
    for (const j of fullPeople) {
      if (j === i || parts[j]!.length <= p.length || !personShortForm(p, parts[j]!)) continue;
      const root = uf.find(j);
      const c = counts.get(root) ?? { n: 0, last: -1 };
      c.n++;
      if (j < i) c.last = j;
      counts.set(root, c);
    }
    let best = -1, bestN = 0, bestLast = -2;
    for (const [root, c] of counts) {
      if (c.n > bestN || (c.n === bestN && c.last > bestLast)) {
        best = root;
        bestN = c.n;
        bestLast = c.last;
      }
    }
    // A one-word non-person tag only joins a person through the surname.
    if (best >= 0 && (m.type === 'PERSON' || parts[best]!.at(-1) === p[0])) uf.union(best, i);
  });
  // Organisations: a distinctive leading or trailing part of a longer name.
  ms.forEach((m, i) => {
    if (m.type !== 'ORG' || isAcronym(m.text)) return;
    const words = cleanName(m.text).toLowerCase().split(/\s+/);
    if (words.every((w) => GENERIC_ORG_WORDS.has(w))) return;
    for (let j = 0; j < ms.length; j++) {
      const o = ms[j]!;
      if (j === i || o.type !== 'ORG') continue;
      const ow = cleanName(o.text).toLowerCase().split(/\s+/);
      if (ow.length <= words.length) continue;
      const head = words.every((w, k) => ow[k] === w), tail = words.every((w, k) => ow[ow.length - words.length + k] === w);
      if (head || tail) {
        uf.union(j, i);
        break;
      }
    }
  });
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
    const name = fullestName(gm, type);
    const seen = new Set([nameKey(name)]);
    const aliases: string[] = [];
    for (const m of gm) {
      const s = cleanName(m.text);
      const k = nameKey(s);
      if (!k || seen.has(k)) continue;
      seen.add(k);
      aliases.push(s);
    }
    out.push({ members, type, name, aliases });
  }
  out.sort((a, b) => a.members[0]! - b.members[0]!);
  return out;
}
