/*
 * Titles: the words written before a person's name ("Mr", "Gen.", "President", "Sheikh").
 * One table holds them all; each stage reads the subset it was tuned on, named and exported
 * below, so a word is added or moved in one place. Words are lower-case, without a period.
 */

/**
 * What a stage uses a title word for (the second column of the table):
 *   person  places: before a capitalised name, makes it a person's ("President Jordan")
 *   strip   resolve: left out of a person's name when names are compared
 *   office  relations: in a person mention, makes it a post, not a name ("the Foreign Secretary")
 *   period  tokens, sentences: an abbreviation that keeps its period and never ends a sentence
 *   ner     entities: an entry of the tagger's title gazetteer; "ner." also with its period ("Gen.")
 */
export const TITLE_USES = ['person', 'strip', 'office', 'period', 'ner', 'ner.'] as const;
type Use = (typeof TITLE_USES)[number];

/** Each word with the uses it serves, space-separated. */
export const TITLE_TABLE: readonly (readonly [word: string, uses: string])[] = [
  // forms of address
  ['mr', 'person strip period ner ner.'],
  ['mrs', 'person strip period ner ner.'],
  ['ms', 'person strip period ner ner.'],
  ['miss', 'person strip ner'],
  ['messrs', 'period'],
  ['mme', 'period'],
  ['mlle', 'period'],
  ['dr', 'person strip period ner ner.'],
  ['prof', 'person strip period ner ner.'],
  ['professor', 'person strip ner'],
  ['sir', 'person strip ner'],
  ['dame', 'person ner'],
  ['lord', 'person strip ner'],
  ['lady', 'person strip ner'],
  ['hon', 'period'],
  // public office
  ['president', 'person strip office ner'],
  ['vice-president', 'ner'],
  ['pres', 'period'],
  ['prime', 'strip office'],
  ['premier', 'person ner'],
  ['chancellor', 'person strip ner'],
  ['minister', 'person strip office ner'],
  ['secretary', 'person strip office ner'],
  ['secretary-general', 'ner'],
  ['ambassador', 'strip office ner'],
  ['envoy', 'office ner'],
  ['senator', 'person strip ner'],
  ['sen', 'person strip period ner.'],
  ['representative', 'person strip office ner'],
  ['rep', 'person strip period ner.'],
  ['congressman', 'strip ner'],
  ['congresswoman', 'strip ner'],
  ['speaker', 'ner'],
  ['governor', 'person strip office ner'],
  ['gov', 'person strip period ner.'],
  ['mayor', 'person strip office ner'],
  ['judge', 'person strip ner'],
  ['justice', 'person strip ner'],
  ['commissioner', 'ner'],
  ['chairman', 'strip office ner'],
  ['chairwoman', 'office ner'],
  ['director', 'office ner'],
  ['head', 'office'],
  ['leader', 'office ner'],
  ['chief', 'person office ner'],
  ['spokesman', 'office ner'],
  ['spokeswoman', 'office ner'],
  ['spokesperson', 'office'],
  ['officer', 'person strip office ner'],
  ['inspector', 'ner'],
  ['insp', 'period'],
  ['supt', 'period'],
  ['detective', 'strip ner'],
  // military ranks
  ['general', 'person strip office ner'],
  ['gen', 'person strip period ner.'],
  ['lieutenant', 'person ner'],
  ['lt', 'person strip period ner ner.'],
  ['colonel', 'person ner'],
  ['col', 'person strip period ner ner.'],
  ['major', 'person ner'],
  ['maj', 'person period ner.'],
  ['captain', 'person strip ner'],
  ['capt', 'person strip period ner.'],
  ['cpt', 'period'],
  ['sergeant', 'person strip ner'],
  ['sgt', 'person strip period ner.'],
  ['corporal', 'ner'],
  ['cpl', 'period ner.'],
  ['private', 'ner'],
  ['pvt', 'period ner.'],
  ['admiral', 'person ner'],
  ['adm', 'person strip period ner.'],
  ['commander', 'person office ner'],
  ['cmdr', 'period ner.'],
  ['commander-in-chief', 'ner'],
  ['marshal', 'ner'],
  ['brigadier', 'ner'],
  ['brig', 'ner.'],
  // royalty and rulers
  ['king', 'person strip office ner'],
  ['queen', 'person strip office ner'],
  ['prince', 'person strip office ner'],
  ['princess', 'person strip ner'],
  ['emir', 'person office ner'],
  ['amir', 'ner'],
  ['sultan', 'person ner'],
  ['caliph', 'ner'],
  // religion
  ['pope', 'person strip ner'],
  ['cardinal', 'person ner'],
  ['archbishop', 'ner'],
  ['bishop', 'person ner'],
  ['rev', 'person strip period ner ner.'],
  ['reverend', 'person ner'],
  ['father', 'person ner'],
  ['fr', 'period'],
  ['sister', 'person ner'],
  ['brother', 'person ner'],
  ['saint', 'person'],
  ['st', 'person period'],
  ['imam', 'person ner'],
  ['sheikh', 'person strip period ner'],
  ['shaikh', 'person ner'],
  ['sheik', 'ner'],
  ['mullah', 'person ner'],
  ['ayatollah', 'person ner'],
  ['rabbi', 'ner'],
  // family
  ['uncle', 'person'],
  ['aunt', 'person'],
  // sport and work
  ['coach', 'person ner'],
  ['manager', 'ner'],
  ['striker', 'ner'],
  ['midfielder', 'ner'],
  ['defender', 'ner'],
  ['goalkeeper', 'ner'],
  ['analyst', 'ner'],
  // words that go with a title ("former President", "Vice President")
  ['former', 'strip'],
  ['vice', 'strip'],
  // not titles, but abbreviated before a name the same way ("Mt. Sinjar", "Ft. Hood")
  ['mt', 'period'],
  ['ft', 'period'],
];

/** Titles of more than one word, in the tagger's gazetteer only. */
const COMPOUND_TITLES = [
  'grand ayatollah', 'crown prince', 'vice president', 'prime minister', 'foreign minister', 'defence minister',
  'defense minister', 'interior minister', 'finance minister', 'secretary of state', 'defense secretary',
  'secretary general', 'field marshal', 'brigadier general', 'major general', 'lieutenant general', 'lt. gen.',
  'maj. gen.', 'brig. gen.',
];

/** The words of the table that serve `use`. */
export function titlesFor(use: Use): string[] {
  return TITLE_TABLE.filter(([, uses]) => uses.split(' ').includes(use)).map(([w]) => w);
}

/** Words before a name that make it a person's ("President Jordan", "Gen. Austin"). */
export const PERSON_TITLES: ReadonlySet<string> = new Set(titlesFor('person'));

/** Titles, and "former" or "vice", left out of a person's name: "Sen. Ted Cruz" is "ted cruz". */
export const NAME_TITLES: ReadonlySet<string> = new Set(titlesFor('strip'));

/** A word anywhere in a person mention (any case) that makes it a post rather than a name. */
export const OFFICE_WORD = new RegExp(`\\b(?:${titlesFor('office').join('|')})\\b`, 'i');

/** Abbreviations before a name that keep their final period: "Gen." never ends a sentence. */
export const ABBREVIATED_TITLES: ReadonlySet<string> = new Set(titlesFor('period'));

/** The title list of the tagger's gazetteer, '|'-separated (it matches lower-cased). */
export const GAZETTEER_TITLES = [
  ...titlesFor('ner'),
  ...titlesFor('ner.').map((w) => `${w}.`),
  ...COMPOUND_TITLES,
].join('|');
