import { MONTH_WORD_SOURCE, MONTHS } from '../../text/months.js';
import { WEEKDAY_NAMES } from '../../text/weekdays.js';

/** Words of the calendar, as regex sources and lookups (month and weekday names: src/text). */

export const MONTH_SOURCE = `(?:${MONTH_WORD_SOURCE})\\.?`;
export const WEEKDAY_SOURCE = `(?:${WEEKDAY_NAMES.join('|')})`;
/** The same words as lists, for rules' triggers (scan.ts). */
export const MONTH_WORDS: readonly string[] = Object.keys(MONTHS);
export const WEEKDAY_WORDS: readonly string[] = WEEKDAY_NAMES;

export const SEASONS: Record<string, string> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };
/** First month of each season (northern hemisphere, meteorological); winter starts in December of its year. */
export const SEASON_START: Record<string, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };

export const DAY_PARTS: Record<string, string> = { morning: 'MO', afternoon: 'AF', evening: 'EV', night: 'NI', tonight: 'NI' };

/** Duration units: TIMEX3 letter, whether it is a time-of-day unit (needs "T"), and a multiplier. */
export const UNITS: Record<string, { letter: string; time: boolean; times: number }> = {
  second: { letter: 'S', time: true, times: 1 },
  minute: { letter: 'M', time: true, times: 1 },
  hour: { letter: 'H', time: true, times: 1 },
  day: { letter: 'D', time: false, times: 1 },
  week: { letter: 'W', time: false, times: 1 },
  fortnight: { letter: 'W', time: false, times: 2 },
  month: { letter: 'M', time: false, times: 1 },
  year: { letter: 'Y', time: false, times: 1 },
  decade: { letter: 'Y', time: false, times: 10 },
  century: { letter: 'Y', time: false, times: 100 },
};
export const UNIT_SOURCE = '(?:second|minute|hour|day|week|fortnight|month|year|decade|centur(?:y|ie))';
export const UNIT_WORDS: readonly string[] = ['second', 'minute', 'hour', 'day', 'week', 'fortnight', 'month', 'year', 'decade', 'centur'];

/** Words before a duration that bound it, as TIMEX3 mods. */
export const DURATION_MODS: Record<string, string> = {
  'more than': 'MORE_THAN', over: 'MORE_THAN', 'upwards of': 'MORE_THAN', 'in excess of': 'MORE_THAN', 'longer than': 'MORE_THAN',
  'less than': 'LESS_THAN', under: 'LESS_THAN', 'fewer than': 'LESS_THAN', 'shorter than': 'LESS_THAN',
  nearly: 'LESS_THAN', almost: 'LESS_THAN',
  'at least': 'EQUAL_OR_MORE', 'no less than': 'EQUAL_OR_MORE',
  'up to': 'EQUAL_OR_LESS', 'at most': 'EQUAL_OR_LESS', 'no more than': 'EQUAL_OR_LESS',
  about: 'APPROX', around: 'APPROX', roughly: 'APPROX', approximately: 'APPROX', some: 'APPROX', 'an estimated': 'APPROX',
};
export const DURATION_MOD_SOURCE = Object.keys(DURATION_MODS).sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, '\\s+')).join('|');

/** "early 2016", "the end of March", "mid-2015": the part of the period, as a TIMEX3 mod. */
export function partMod(word: string | undefined): string | undefined {
  if (!word) return undefined;
  const w = word.toLowerCase();
  if (w === 'early' || w === 'beginning' || w === 'start' || w === 'dawn') return 'START';
  if (w === 'late' || w === 'end' || w === 'close') return 'END';
  if (w === 'mid' || w === 'middle') return 'MID';
  return undefined;
}
/** Regex source for such a part, before the period; the word is captured in group "part". */
export const PART_SOURCE = '(?:(?<part>early|late|mid)(?:\\s+|-)|(?:the\\s+)?(?<part2>beginning|start|end|middle|close)\\s+of\\s+(?:the\\s+)?)';
