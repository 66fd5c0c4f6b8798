/*
 * How a name is compared across documents: a folded form that outlets and transliterations
 * share ("al-Qaeda", "Al Qaeda"; "Da'esh", "Daesh"), a consonant skeleton for spelling variants
 * ("al-Qaida"), person-name parts, and the keys a knowledge-base entity is found by.
 */
import type { EntityType } from '../core/layers.js';
import { Lru } from '../core/lru.js';
import { initials, isAcronym, personParts } from '../text/name-forms.js';
import { cleanName } from '../text/names.js';
import { normalizeName } from '../store/keys.js';
import { givenNamesMatch } from './nicknames.js';

export interface NameForm {
  /** Case, accents, apostrophes and hyphens folded: the exact-match form. */
  readonly fold: string;
  readonly words: readonly string[];
  /** Person names: given name and surname after titles and suffixes, when the name has both. */
  readonly given?: string;
  readonly surname?: string;
  /** The name is itself an acronym ("ISIL"): its letters, upper case. */
  readonly acronym?: string;
  /** Initials of a name of several words ("Islamic State of Iraq and the Levant" -> "ISIL"). */
  readonly initials?: string;
  /** Typed PERSON where it was read. */
  readonly person?: boolean;
  /** The consonant skeleton of `fold`. */
  readonly skeleton: string;
}

/** Folded form: the store's normalisation, then apostrophes dropped and hyphens made spaces. */
export function fold(name: string): string {
  return normalizeName(cleanName(name)).replace(/['’]/g, '').replace(/[-‐–—_/]+/g, ' ').replace(/[^\p{L}\p{N}&\s]/gu, '').replace(/\s+/g, ' ').trim();
}

/**
 * Consonant skeleton, word by word, keeping each word's first letter: transliterations that
 * differ in their vowels ("Qaeda", "Qaida"; "Mohammed", "Muhammad" after doubled letters fold) meet.
 */
export function skeleton(folded: string): string {
  return folded.split(' ').map((w) => w[0]! + w.slice(1).replace(/[aeiouy]/g, '').replace(/(.)\1+/g, '$1')).join(' ');
}

// Sized for the names a large knowledge base compares most; the least used are made again.
const FORMS = new Lru<string, NameForm>(200_000);

/** The comparable form of a name as read with a type; kept, as the same names recur in every document. */
export function nameForm(name: string, type: EntityType): NameForm {
  const key = `${type}\u0000${name}`;
  let form = FORMS.get(key);
  if (!form) FORMS.set(key, (form = Object.freeze(makeForm(name, type))));
  return form;
}

function makeForm(name: string, type: EntityType): NameForm {
  const f = fold(name);
  const words = f ? f.split(' ') : [];
  const form: { -readonly [K in keyof NameForm]: NameForm[K] } = { fold: f, words, skeleton: f ? skeleton(f) : '' };
  // Person parts for every type: one outlet's ORG "Mo Cheeks" is another's PERSON.
  const parts = personParts(name).map((w) => fold(w)).filter(Boolean);
  if (parts.length >= 2) { form.given = parts[0]!; form.surname = parts[parts.length - 1]!; }
  else if (parts.length === 1 && type === 'PERSON') form.surname = parts[0]!;
  form.person = type === 'PERSON';
  if (type !== 'PERSON' && isAcronym(name)) {
    form.acronym = cleanName(name).replace(/\./g, '').replace(/s$/, '').toUpperCase();
  } else if (type !== 'PERSON' && words.length >= 2) {
    const ini = initials(cleanName(name));
    if (ini.length >= 2) form.initials = ini;
  }
  return form;
}

/** The keys both sides share: folded form, skeleton, runs inside a long name, the name before "of", surname. */
function commonKeys(form: NameForm): string[] {
  const keys = [`n:${form.fold}`, `s:${form.skeleton}`];
  // A long name may be a short one with headline words around it: its two- and three-word runs.
  if (form.words.length >= 3 && form.words.length <= 5) {
    for (let n = 2; n < form.words.length; n++) {
      for (let i = 0; i + n <= form.words.length; i++) keys.push(`n:${form.words.slice(i, i + n).join(' ')}`);
    }
  }
  // "Islamic State of Iraq and the Levant" is found by "Islamic State".
  const of = form.words.indexOf('of');
  if (of >= 2) keys.push(`n:${form.words.slice(0, of).join(' ')}`);
  if (form.person && form.surname) keys.push(`p:${form.surname}`);
  return keys;
}

/**
 * Keys a knowledge-base entity is filed under for one of its names. Type-free on purpose: one
 * outlet's ORG is another's PERSON or GPE. An acronym is filed as such (`a:`), a long name
 * under its initials (`i:`): only an acronym looks the initials up.
 */
export function blockingKeys(form: NameForm): string[] {
  if (!form.fold) return [];
  const keys = commonKeys(form);
  if (form.acronym) keys.push(`a:${form.acronym}`);
  if (form.initials) keys.push(`i:${form.initials}`);
  return [...new Set(keys)];
}

/** Keys to look a name up by: an acronym finds long names of those initials, a long name the acronym it makes. */
export function lookupKeys(form: NameForm): string[] {
  if (!form.fold) return [];
  const keys = commonKeys(form);
  if (form.acronym) keys.push(`a:${form.acronym}`, `i:${form.acronym}`);
  if (form.initials) keys.push(`a:${form.initials}`);
  return [...new Set(keys)];
}

/** Edit distance, bounded: stops counting past `max`. */
function distance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
      best = Math.min(best, cur[j]!);
    }
    if (best > max) return max + 1;
    prev = cur;
  }
  return prev[b.length]!;
}

/** Two spellings of one name: same skeleton, and each word a letter (two in long words) away. */
export function spellingVariant(a: NameForm, b: NameForm): boolean {
  if (a.fold === b.fold) return true;
  if (a.words.length !== b.words.length || a.skeleton !== b.skeleton) return false;
  return a.words.every((w, i) => {
    const v = b.words[i]!;
    if (w === v) return true;
    const len = Math.min(w.length, v.length);
    if (len < 4 || Math.abs(w.length - v.length) > 1) return false;
    const max = len >= 7 ? 2 : 1;
    return distance(w, v, max) <= max;
  });
}

export type NameMatch = 'exact' | 'variant' | 'person' | 'surname' | 'acronym' | 'contains' | 'head' | 'none' | 'conflict';

/**
 * How strongly a name of one entity names another entity's name. `conflict`: two people who
 * share a surname but not a given name ("Bill" and "Hillary Clinton").
 */
export function compareNames(a: NameForm, b: NameForm, person: boolean): NameMatch {
  if (!a.fold || !b.fold) return 'none';
  if (a.fold === b.fold) return 'exact';
  if (person) {
    const sameSurname = !!a.given && !!b.given && a.surname === b.surname;
    if (sameSurname && givenNamesMatch(a.given!, b.given!)) return 'person';
    // A headline fragment around a full person name ("Sixers hire Maurice Cheeks").
    if ((b.given && containsWords(a.words, b.words)) || (a.given && containsWords(b.words, a.words))) return 'contains';
    if (sameSurname) return 'conflict';
    if ((!a.given && a.surname && a.surname === b.surname) || (!b.given && b.surname && b.surname === a.surname)) return 'surname';
  }
  if (spellingVariant(a, b)) return 'variant';
  if ((a.acronym && a.acronym === b.initials) || (b.acronym && b.acronym === a.initials)) return 'acronym';
  if (!person && (headOf(a.words, b.words) || headOf(b.words, a.words))) return 'head';
  return 'none';
}

/** "Islamic State" heading "Islamic State of Iraq and the Levant": a name of two words or more before "of". */
function headOf(short: readonly string[], long: readonly string[]): boolean {
  return short.length >= 2 && long.length > short.length + 1 && long[short.length] === 'of' && short.every((w, i) => long[i] === w);
}

/** The inner name's words in order inside a longer name with at most two more words. */
function containsWords(outer: readonly string[], inner: readonly string[]): boolean {
  if (inner.length < 2 || outer.length <= inner.length || outer.length > inner.length + 2) return false;
  for (let i = 0; i + inner.length <= outer.length; i++) if (inner.every((w, j) => outer[i + j] === w)) return true;
  return false;
}
