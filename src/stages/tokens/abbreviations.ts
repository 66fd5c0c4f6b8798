/** Words that keep their final period as part of the token. Lower-cased, without the period. */
export const TITLE_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'maj', 'capt', 'cpt', 'sgt', 'cpl', 'pvt',
  'adm', 'cmdr', 'rev', 'fr', 'st', 'mt', 'ft', 'pres', 'supt', 'insp', 'hon', 'messrs', 'mme', 'mlle', 'sheikh',
]);

/** Abbreviations that may also end a sentence ("... in the U.S. The next day"). */
export const OTHER_ABBREVIATIONS = new Set([
  'inc', 'corp', 'ltd', 'co', 'jr', 'sr', 'no', 'nos', 'vs', 'etc', 'approx', 'est', 'dept', 'univ', 'assn', 'bros',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun',
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass',
  'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
  'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u',
]);

export function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  return TITLE_ABBREVIATIONS.has(w) || OTHER_ABBREVIATIONS.has(w);
}
