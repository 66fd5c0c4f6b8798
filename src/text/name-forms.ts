import { ARTICLE_BEFORE_INITIAL, cleanName } from './names.js';
import { ALL_PRONOUNS } from './pronouns.js';
import { NAME_TITLES } from './titles.js';

/*
 * Name forms: person-name parts, initials, acronyms (the comparable key of a mention is in
 * src/text/names.ts). Pure functions, shared by within-document resolution (src/stages/resolve)
 * and the knowledge base (src/kb).
 */

const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv', 'phd', 'md']);
const ACRONYM_SKIP = new Set(['of', 'the', 'and', 'for', 'in', 'on', 'de', 'du', 'des', 'la', 'le', 'el', 'al', 'a', 'an', '&']);

/** Words of a person's name, without titles and suffixes: "Sen. Ted Cruz Jr." -> [ted, cruz]. */
export function personParts(surface: string, cleaned = cleanName(surface)): string[] {
  const words = cleaned.toLowerCase().split(/\s+/).map((w) => w.replace(/[.,]/g, '')).filter(Boolean);
  let i = 0;
  while (i < words.length - 1 && NAME_TITLES.has(words[i]!)) i++;
  let j = words.length;
  while (j > i + 1 && SUFFIXES.has(words[j - 1]!)) j--;
  return words.slice(i, j);
}

/** "U.N.", "ISIL", "HTS": a short all-capitals form. */
export function isAcronym(surface: string, cleaned = cleanName(surface)): boolean {
  const s = cleaned.replace(/\./g, '');
  return s.length >= 2 && s.length <= 7 && /^[\p{Lu}\d&]+s?$/u.test(s) && /\p{Lu}.*\p{Lu}/u.test(s);
}

/** Initials of the significant words: "Islamic State of Iraq and the Levant" -> "ISIL". */
export function initials(surface: string, cleaned = cleanName(surface)): string {
  const parts = cleaned.split(/[\s\-]+/).filter(Boolean);
  let out = '';
  for (const p of parts) {
    const bare = p.replace(ARTICLE_BEFORE_INITIAL, '');
    if (ACRONYM_SKIP.has(bare.toLowerCase())) continue;
    if (!/^\p{Lu}/u.test(bare)) continue;
    out += bare[0]!.toUpperCase();
  }
  return out;
}

/** True when one form is the acronym of the other. */
export function acronymOf(short: string, long: string): boolean {
  if (!isAcronym(short) || isAcronym(long)) return false;
  const a = cleanName(short).replace(/\./g, '').replace(/s$/, '').toUpperCase();
  const ini = initials(long);
  return a.length >= 2 && ini === a;
}

/**
 * A later, shorter person form that names the same person: the surname ("Hoffman"), the
 * given name alone, or a sub-sequence ending in the surname ("Hillary Clinton" within
 * "Hillary Rodham Clinton").
 */
export function personShortForm(short: readonly string[], full: readonly string[]): boolean {
  if (!short.length || short.length > full.length) return false;
  if (short.length === 1) return short[0] === full[full.length - 1] || (full.length >= 2 && short[0] === full[0]);
  if (short[short.length - 1] !== full[full.length - 1]) return false;
  let j = 0;
  for (const w of full) if (w === short[j]) j++;
  return j === short.length;
}

/** A "name" mention that is only a pronoun ("It" tagged as a name at a sentence start). */
export function isPronoun(surface: string): boolean {
  return ALL_PRONOUNS.has(surface.trim().toLowerCase());
}
