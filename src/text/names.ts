/*
 * Name normalisation: the forms in which two writings of one name meet. Readers need
 * different strengths (the store must never merge two distinct names; the gazetteer key folds
 * transliteration away), so there are several normalisers, each named for its use and built
 * from the pieces here: accents, apostrophes, a leading "the", Arabic articles.
 */

// ---- pieces -----------------------------------------------------------------------------
// The gazetteer key (src/geo/normalize.ts) is built from stripMarks, APOSTROPHE_OR_AYN and
// ARABIC_ARTICLES and compiled into models/geo: changing them means bumping its KEY_VERSION.

/** Accents off after compatibility decomposition ("é" -> "e", "ﬁ" -> "fi"); only the Latin combining block goes. */
export function foldAccents(s: string): string {
  return s.normalize('NFKD').replace(/[\u0300-\u036f]/g, '');
}

/** Every combining mark off after canonical decomposition, in any script. */
export function stripMarks(s: string): string {
  return s.normalize('NFD').replace(/\p{M}+/gu, '');
}

/** Apostrophes typed as quote marks or a backtick. */
const QUOTE_APOSTROPHES = '‘’`';
/** Other characters typed for an apostrophe: the modifier letter apostrophe and the acute accent. */
const LETTER_APOSTROPHES = 'ʼ´';
/** Ayn and hamza of transliterated Arabic ("Tall ʿAfar"). */
const AYN_HAMZA = 'ʿʾ';

/** Quote-mark apostrophes, which every name key writes as "'". */
const QUOTE_APOSTROPHE = new RegExp(`[${QUOTE_APOSTROPHES}]`, 'g');
/** Every apostrophe look-alike, written as "'" by the store key. */
const APOSTROPHE_LIKE = new RegExp(`[${QUOTE_APOSTROPHES}${LETTER_APOSTROPHES}]`, 'g');
/** Apostrophes of any kind, with ayn and hamza: dropped from gazetteer keys. */
export const APOSTROPHE_OR_AYN = new RegExp(`['${QUOTE_APOSTROPHES}${LETTER_APOSTROPHES}${AYN_HAMZA}]`, 'g');

const LEADING_THE = /^the\s+/i;

/**
 * The Arabic article as transliterations write it, joined to a name or apart ("al-Bab",
 * "Ar-Raqqah", "ash-Sham"), and in Urdu names ("Zia-ul-Haq"), with the readers that take
 * each form: `key` gazetteer keys and place names, `initials` acronym initials, `surname`
 * a person's surname. Shorter forms come first ("as" before "ash").
 */
const ARABIC_ARTICLE_TABLE: readonly (readonly [form: string, uses: string])[] = [
  ['al', 'key initials surname'], ['el', 'key initials surname'], ['ar', 'key initials surname'],
  ['as', 'key initials surname'], ['ad', 'key initials surname'], ['an', 'key initials surname'],
  ['ash', 'key initials surname'], ['at', 'key surname'], ['az', 'key surname'], ['ath', 'key'], ['adh', 'key'],
  ['ud', 'surname'], ['ul', 'surname'],
];
function articlesFor(use: 'key' | 'initials' | 'surname'): string[] {
  return ARABIC_ARTICLE_TABLE.filter(([, uses]) => uses.split(' ').includes(use)).map(([a]) => a);
}

/** Articles a place name may start with, apart or hyphenated: the gazetteer drops them. */
export const ARABIC_ARTICLES: ReadonlySet<string> = new Set(articlesFor('key'));

/** An article and hyphen at the start of a word, which adds no letter to an acronym ("ad-Dawla"). */
export const ARTICLE_BEFORE_INITIAL = new RegExp(`^(?:${articlesFor('initials').join('|')})-`, 'i');

/** A hyphenated surname after a person's name ("al-Adnani", "ud-Din"). */
export const ARTICLE_SURNAME = new RegExp(`^(?:${articlesFor('surname').join('|')})[-‐][\\p{Lu}]`, 'u');

/** An article joined to the rest of a folded name ("alraqqa"): at least three letters must follow. */
const JOINED_ARTICLE = new RegExp(`^(?:${articlesFor('key').join('|')})(?=[a-z]{3})`);

// ---- normalisers ------------------------------------------------------------------------

/**
 * Cross-document form (the store's entity key): folds what varies between outlets for the
 * same name (case, accents, apostrophes, dashes, dots in initials, a leading "the", runs of
 * spaces) and nothing else, so distinct names never merge.
 */
export function normalizeName(name: string): string {
  return foldAccents(name)
    .toLowerCase()
    .replace(APOSTROPHE_LIKE, "'")
    .replace(/[\u2010-\u2015]/g, '-')
    .replace(/\.(?=\S)/g, '')
    .replace(/\.$/, '')
    .replace(LEADING_THE, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** A mention's surface without possessive, leading "the" and edge punctuation. */
export function cleanName(surface: string): string {
  let s = surface.replace(/\s+/g, ' ').trim();
  s = s.replace(/(?:['’]s|s['’])$/i, (m) => (/^s/i.test(m) ? m[0]! : ''));
  s = s.replace(LEADING_THE, '');
  s = s.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}.)]+$/gu, '');
  return s;
}

/** Key under which mentions of one name in a document meet: lower case, no dots ("U.N." and "UN"). */
export function mentionKey(surface: string, cleaned = cleanName(surface)): string {
  return cleaned.toLowerCase().replace(QUOTE_APOSTROPHE, "'").replace(/\./g, '').replace(/\s+/g, ' ');
}

/**
 * A name compared without case, accents, punctuation or a joined article, but with its
 * spelling: "Blomberg" is not "Bloomberg" (the gazetteer key, in src/geo, folds more).
 */
export function looseName(s: string): string {
  return stripMarks(s).toLowerCase().replace(/[^a-z0-9]+/g, '').replace(JOINED_ARTICLE, '');
}
