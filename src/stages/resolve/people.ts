import type { Mention } from '../../core/layers.js';
import { personShortForm } from '../../text/name-forms.js';
import type { UnionFind } from './union-find.js';

/*
 * People within one document. Full names (two parts or more) that share a surname but differ in
 * their given names are two people ("Bill Clinton", "Hillary Clinton"); a group never holds both.
 * A bare surname or given name goes to the compatible person the text makes most likely: the
 * one named most, the one named last (more so within the same sentence), and the one whose
 * stated gender (a title: "Mr.", "Mrs.") agrees. When two people stay close, the bare name is
 * left unlinked rather than joining either.
 */

/** Titles that state a gender. */
const MALE_TITLES = new Set(['mr', 'sir', 'lord', 'king', 'prince', 'father', 'brother']);
const FEMALE_TITLES = new Set(['mrs', 'ms', 'miss', 'madam', 'madame', 'lady', 'dame', 'queen', 'princess', 'sister']);

type Gender = 'male' | 'female' | undefined;

/** The gender a mention's own title states ("Mrs. Clinton"), if any. */
const ANY_GENDER_TITLE = new RegExp(`\\b(?:${[...MALE_TITLES, ...FEMALE_TITLES].join('|')})\\b`, 'i');

export function titleGender(surface: string): Gender {
  // Most names carry no such title: one test before splitting words.
  if (!ANY_GENDER_TITLE.test(surface)) return undefined;
  for (const w of surface.toLowerCase().split(/\s+/).slice(0, 3)) {
    const bare = w.replace(/\./g, '');
    if (MALE_TITLES.has(bare)) return 'male';
    if (FEMALE_TITLES.has(bare)) return 'female';
  }
  return undefined;
}

/** Two full names of different people: one surname, and neither is a shorter form of the other. */
export function differentPeople(a: readonly string[], b: readonly string[]): boolean {
  if (a.length < 2 || b.length < 2 || a[a.length - 1] !== b[b.length - 1]) return false;
  return !personShortForm(a, b) && !personShortForm(b, a);
}

/** How much a bare name's choice must lead the next one to be taken. */
const MARGIN = 0.5;

export interface PeopleInput {
  readonly ms: readonly Mention[];
  /** Person-name parts of each mention (`personParts`). */
  readonly parts: readonly (readonly string[])[];
  readonly acronym: readonly boolean[];
  /** Sentence index of each mention. */
  readonly sentence: readonly number[];
}

/** The shorter person forms `linkPeople` places itself: they must not meet by their key first. */
export function shortPersonForms(input: PeopleInput): Set<number> {
  const { ms, parts, acronym } = input;
  const full = fullNames(input);
  const isFull = new Set(full);
  const out = new Set<number>();
  if (!full.length) return out;
  ms.forEach((m, i) => {
    const p = parts[i]!;
    if (!p.length || p.length > 3 || acronym[i]) return;
    if (isFull.has(i) || (m.type !== 'PERSON' && p.length > 1)) return;
    for (const j of fullFitting(input, p)) {
      if (j === i || parts[j]!.length <= p.length || !personShortForm(p, parts[j]!)) continue;
      // A one-word non-person tag only stands for a person through the surname.
      if (m.type !== 'PERSON' && parts[j]!.at(-1) !== p[0]) continue;
      out.add(i);
      return;
    }
  });
  return out;
}

const fullCache = new WeakMap<PeopleInput, number[]>();

/** The full person names (two parts or more) of the input, computed once per input. */
function fullNames(input: PeopleInput): number[] {
  let full = fullCache.get(input);
  if (!full) {
    const { ms, parts, acronym } = input;
    full = ms.map((m, i) => (m.type === 'PERSON' && parts[i]!.length >= 2 && !acronym[i] ? i : -1)).filter((i) => i >= 0);
    fullCache.set(input, full);
  }
  return full;
}

const fittingCache = new WeakMap<PeopleInput, { byLast: Map<string, number[]>; byFirst: Map<string, number[]>; oneWord: Map<string, number[]> }>();

/**
 * The full names that a shorter form `p` can be part of (`personShortForm` needs the same last
 * word, or for one word the same first word), in document order: found by word, so a long
 * document does not compare every short form with every full name.
 */
function fullFitting(input: PeopleInput, p: readonly string[]): readonly number[] {
  let index = fittingCache.get(input);
  if (!index) {
    index = { byLast: new Map(), byFirst: new Map(), oneWord: new Map() };
    const add = (m: Map<string, number[]>, k: string, j: number) => (m.get(k) ?? m.set(k, []).get(k)!).push(j);
    for (const j of fullNames(input)) {
      add(index.byLast, input.parts[j]!.at(-1)!, j);
      add(index.byFirst, input.parts[j]![0]!, j);
    }
    fittingCache.set(input, index);
  }
  const byLast = index.byLast.get(p.at(-1)!) ?? [];
  if (p.length !== 1) return byLast;
  let both = index.oneWord.get(p[0]!);
  if (!both) {
    both = [...new Set([...byLast, ...(index.byFirst.get(p[0]!) ?? [])])].sort((x, y) => x - y);
    index.oneWord.set(p[0]!, both);
  }
  return both;
}

/**
 * True when the groups of `a` and `b` may be one entity: no two of their full person names
 * are different people. Each group carries the distinct full names of its members (union-find
 * labels), so a check reads those, not every full name of the document.
 */
export function compatible(uf: UnionFind, input: PeopleInput, a: number, b: number): boolean {
  if (uf.find(a) === uf.find(b)) return true;
  uf.label(() => fullNames(input).map((j) => [j, input.parts[j]!.join('\0')] as const));
  const fa = uf.labelsOf(a), fb = uf.labelsOf(b);
  for (const x of fa) for (const y of fb) if (differentPeople(x.split('\0'), y.split('\0'))) return false;
  return true;
}

/**
 * Links the person mentions of a document: shorter full forms and bare names to the compatible
 * full name the text makes most likely. `deferred` are the short forms kept apart until now
 * (`shortPersonForms`); those left unlinked meet others of the same key.
 */
export function linkPeople(uf: UnionFind, input: PeopleInput, keys: readonly string[], deferred: ReadonlySet<number>): void {
  const { ms, parts, sentence } = input;
  const full = fullNames(input);
  // Each person is named by the group its full names formed before bare names are placed.
  joinFullForms(uf, input, full);
  // Owner group of each mention placed so far (-1: none); a full name's group never changes.
  const owner = new Int32Array(ms.length).fill(-1);
  for (const j of full) owner[j] = uf.find(j);
  const size = new Map<number, number>();
  const gender = new Map<number, Gender | 'both'>();
  const place = (i: number, g: number) => {
    owner[i] = g;
    size.set(g, (size.get(g) ?? 0) + 1);
    const t = titleGender(ms[i]!.text), had = gender.get(g);
    if (t) gender.set(g, had && had !== t ? 'both' : t);
  };
  for (const j of full) place(j, owner[j]!);
  // The last mention of each group before the one placed now: owners before it are settled
  // (full names before the walk, each bare name at its turn), so one pass forward keeps them.
  const lastAt = new Map<number, number>();
  let seen = 0;
  const lastBefore = (g: number, i: number) => {
    for (; seen < i; seen++) if (owner[seen]! >= 0) lastAt.set(owner[seen]!, seen);
    return lastAt.get(g) ?? -1;
  };
  // The people a bare form can name depend on the form alone: found once per form.
  const candidatesOf = new Map<string, number[]>();
  const unlinked: number[] = [];
  for (let i = 0; i < ms.length; i++) {
    if (!deferred.has(i)) continue;
    const p = parts[i]!;
    const t = titleGender(ms[i]!.text);
    const form = ms[i]!.type === 'PERSON' ? keys[i]! : `~${keys[i]!}`;
    let candidates = candidatesOf.get(form);
    if (!candidates) {
      const found = new Set<number>();
      for (const j of fullFitting(input, p)) {
        if (parts[j]!.length <= p.length || !personShortForm(p, parts[j]!)) continue;
        if (ms[i]!.type !== 'PERSON' && parts[j]!.at(-1) !== p[0]) continue;
        found.add(owner[j]!);
      }
      candidatesOf.set(form, (candidates = [...found]));
    }
    if (!candidates.length) {
      unlinked.push(i);
      continue;
    }
    const last = candidates.map((g) => lastBefore(g, i));
    const latest = Math.max(-1, ...last);
    // Named last counts only when no other candidate is named in that same sentence.
    const latestAlone = latest >= 0 && last.every((at) => at === latest || at < 0 || sentence[at] !== sentence[latest]);
    const scored: { g: number; score: number }[] = [];
    candidates.forEach((g, n) => {
      const known = gender.get(g);
      if (t && known && known !== 'both' && known !== t) return;
      const at = last[n]!;
      let score = Math.log(1 + (size.get(g) ?? 0));
      if (latestAlone && at === latest) score += sentence[at] === sentence[i] ? 2 : 1;
      if (t && known === t) score += 1;
      scored.push({ g, score });
    });
    scored.sort((a, b) => b.score - a.score);
    const best = scored[0];
    if (best && (scored.length === 1 || best.score - scored[1]!.score >= MARGIN) && compatible(uf, input, best.g, i)) {
      place(i, best.g);
      uf.union(best.g, i);
    } else unlinked.push(i);
  }
  // Bare names left open meet others of the same form, never a person.
  const byKey = new Map<string, number>();
  for (const i of unlinked) {
    const k = keys[i]!;
    if (!k) continue;
    const j = byKey.get(k);
    if (j === undefined) byKey.set(k, i);
    else uf.union(j, i);
  }
}

/**
 * A shorter full form ("Hillary Clinton", "Guajardo Villarreal") joins the longer full name it
 * is part of ("Hillary Rodham Clinton"), the one named most when several fit.
 */
function joinFullForms(uf: UnionFind, input: PeopleInput, full: readonly number[]): void {
  const { parts } = input;
  for (const i of full) {
    const count = new Map<number, number>();
    for (const j of fullFitting(input, parts[i]!)) {
      if (parts[j]!.length <= parts[i]!.length || !personShortForm(parts[i]!, parts[j]!)) continue;
      const r = uf.find(j);
      count.set(r, (count.get(r) ?? 0) + 1);
    }
    const best = [...count].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0];
    if (best && compatible(uf, input, best[0], i)) uf.union(best[0], i);
  }
}
