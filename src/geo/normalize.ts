import { APOSTROPHE_OR_AYN, ARABIC_ARTICLES, stripMarks } from '../text/names.js';

/**
 * Name keys for gazetteer lookup. Transliterated place names vary in diacritics, apostrophes
 * (Tall ‘Afar), doubled consonants (Raqqa/Raqa), a final -ah/-a (Raqqah, Fallujah) and a
 * leading Arabic article (Ar-Raqqah, al-Bab). A key folds all of these away, so the index and
 * the text meet on the same skeleton; resolution, not the key, decides between look-alikes.
 * The pieces (marks, apostrophes, Arabic articles) are shared with the other name forms in
 * src/text/names.ts; the key itself stays here, next to the version models/geo records.
 */

/** Bumped whenever nameKey changes: the compiled gazetteer records the version it was built with. */
export const KEY_VERSION = 1;

const NON_ALNUM = /[^a-z0-9]+/g;
const DOUBLED = /([a-z])\1+/g;

function foldWord(w: string): string {
  let x = w;
  if (x.length > 3 && x.endsWith('ah')) x = x.slice(0, -1);
  return x.replace(DOUBLED, '$1');
}

const memo = new Map<string, string>();
const PLAIN = /^[A-Za-z0-9 .-]*$/;

/** Folds a name to its lookup key: "Tall ‘Afar" and "Tal Afar" give the same key. */
export function nameKey(name: string): string {
  // News repeats its names: short ones are remembered (bounded), plain ASCII skips Unicode folding.
  if (name.length > 40) return computeKey(name);
  let k = memo.get(name);
  if (k === undefined) {
    if (memo.size >= 50000) memo.clear();
    k = computeKey(name);
    memo.set(name, k);
  }
  return k;
}

function computeKey(name: string): string {
  const flat = (PLAIN.test(name) ? name.toLowerCase() : stripMarks(name)
    .toLowerCase()
    .replace(APOSTROPHE_OR_AYN, '')
    .replace(/ß/g, 'ss')
    .replace(/[æ]/g, 'ae')
    .replace(/[ø]/g, 'o')
    .replace(/[ł]/g, 'l')
    .replace(/[ı]/g, 'i'))
    .replace(NON_ALNUM, ' ')
    .trim();
  if (!flat) return '';
  const words = flat.split(' ');
  for (let i = 0; i < words.length; i++) words[i] = foldWord(words[i]!);
  return words.join(' ');
}

/** The key without a leading article ("ar raqa" -> "raqa"), or undefined when there is none. */
export function withoutArticle(key: string): string | undefined {
  const sp = key.indexOf(' ');
  if (sp < 0) return undefined;
  return ARABIC_ARTICLES.has(key.slice(0, sp)) ? key.slice(sp + 1) : undefined;
}

/** Spelling variants the index stores besides the key itself ("st x" <-> "saint x", "mt" <-> "mount"). */
export function keyVariants(key: string): string[] {
  const out: string[] = [];
  const bare = withoutArticle(key);
  if (bare) out.push(bare);
  const swaps: [string, string][] = [['saint ', 'st '], ['sainte ', 'ste '], ['mount ', 'mt '], ['fort ', 'ft ']];
  for (const [a, b] of swaps) {
    if (key.startsWith(a)) out.push(b + key.slice(a.length));
    else if (key.startsWith(b)) out.push(a + key.slice(b.length));
  }
  return out;
}
