import { MONTH_ABBREVIATIONS } from '../../text/months.js';
import { ABBREVIATED_TITLES } from '../../text/titles.js';
import { WEEKDAY_ABBREVIATIONS } from '../../text/weekdays.js';

/** Abbreviations that may also end a sentence ("... in the U.S. The next day"). */
export const OTHER_ABBREVIATIONS = new Set([
  'inc', 'corp', 'ltd', 'co', 'jr', 'sr', 'no', 'nos', 'vs', 'etc', 'approx', 'est', 'dept', 'univ', 'assn', 'bros',
  ...MONTH_ABBREVIATIONS,
  ...WEEKDAY_ABBREVIATIONS,
  'ala', 'ariz', 'ark', 'calif', 'colo', 'conn', 'del', 'fla', 'ga', 'ill', 'ind', 'kan', 'ky', 'la', 'md', 'mass',
  'mich', 'minn', 'miss', 'mo', 'mont', 'neb', 'nev', 'okla', 'ore', 'pa', 'tenn', 'tex', 'va', 'vt', 'wash', 'wis', 'wyo',
  'e.g', 'i.e', 'a.m', 'p.m', 'u.s', 'u.k', 'u.n', 'e.u',
]);

export function isAbbreviation(word: string): boolean {
  const w = word.toLowerCase();
  return ABBREVIATED_TITLES.has(w) || OTHER_ABBREVIATIONS.has(w);
}
