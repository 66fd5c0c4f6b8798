import type { EntityType, Mention } from '../../core/layers.js';
import type { AliasPair } from './aliases.js';
import { cleanName, mentionKey } from '../../text/names.js';
import { initials, isAcronym, personParts } from '../../text/name-forms.js';
import { compatible, linkPeople, shortPersonForms, type PeopleInput } from './people.js';
import { UnionFind } from './union-find.js';

/** Words too generic to stand for an organisation on their own ("the Party", "the Court"). */
const GENERIC_ORG_WORDS = new Set([
  'party', 'group', 'council', 'committee', 'department', 'ministry', 'army', 'court', 'house', 'senate', 'union',
  'company', 'corp', 'inc', 'ltd', 'co', 'university', 'college', 'school', 'institute', 'center', 'centre', 'agency',
  'office', 'bank', 'church', 'state', 'states', 'national', 'american', 'new', 'united', 'international', 'news',
  'times', 'post', 'journal', 'press', 'daily', 'network', 'foundation', 'association', 'service', 'forces', 'force',
  'police', 'government', 'administration', 'federal', 'democratic', 'republican', 'campaign', 'board', 'commission',
]);

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

/**
 * Groups name mentions into entities: same name, declared aliases, acronyms of a
 * spelled-out name, surnames and given names of a full person name, and the head or
 * tail of a longer organisation name ("Georgetown" for "Georgetown University").
 */
export function groupNames(ms: readonly Mention[], aliasPairs: readonly AliasPair[], sentenceOf: (m: Mention) => number = () => 0): NameGroup[] {
  const uf = new UnionFind(ms.length);
  const index = new Map<Mention, number>();
  ms.forEach((m, i) => index.set(m, i));
  const clean = ms.map((m) => cleanName(m.text));
  const keys = ms.map((m, i) => mentionKey(m.text, clean[i]));
  // Each mention's forms, computed once: the loops below compare every pair of names.
  const acronym = ms.map((m, i) => isAcronym(m.text, clean[i]));
  const parts = ms.map((m, i) => personParts(m.text, clean[i]));
  const people: PeopleInput = { ms, parts, acronym, sentence: ms.map(sentenceOf) };
  // Bare person names ("Clinton") are placed one by one below: two of them may name two people.
  const deferred = shortPersonForms(people);
  const join = (a: number, b: number) => {
    if (compatible(uf, people, a, b)) uf.union(a, b);
  };
  const byKey = new Map<string, number>();
  keys.forEach((k, i) => {
    if (!k || deferred.has(i)) return;
    const j = byKey.get(k);
    if (j === undefined) byKey.set(k, i);
    else uf.union(j, i);
  });
  for (const [a, b] of aliasPairs) {
    const i = index.get(a), j = index.get(b);
    if (i !== undefined && j !== undefined) join(i, j);
  }
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
    if (target >= 0) join(target, i);
  });
  // People: full names with different given names stay apart; bare names go to the likeliest.
  linkPeople(uf, people, keys, deferred);
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
        join(j, i);
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
