import { NUMBER_WORDS_SOURCE, parseNumber } from '../../text/numbers.js';
import { MONTHS } from '../../text/months.js';
import { WEEKDAYS } from '../../text/weekdays.js';
import { addDays, addMonths, fmtDate, fmtMonth, fmtWeek, fmtYear, isValidDate, parseIsoDate, weekday, type Ymd } from './calendar.js';
import { MONTH_SOURCE, UNITS, WEEKDAY_SOURCE } from './lexicon.js';

/*
 * What the rules share: their types, the regex pieces of dates, and how a day, month or
 * offset is placed in time against the publication date.
 */

/** Which way the clause around an expression points: used to place "Friday" or "April" before or after the anchor. */
export type Direction = 'past' | 'future' | 'none';

export interface RuleEnv {
  readonly text: string;
  /** The publication date relative expressions resolve against; absent when unknown. */
  readonly anchor?: Ymd;
  /** Read an all-numeric date such as 8/10/2012 day first (the outlet's locale); month first when unset. */
  readonly dayFirst?: boolean;
  direction(start: number, end: number): Direction;
}

export interface Found {
  readonly value: string;
  readonly type: 'DATE' | 'TIME' | 'DURATION' | 'SET';
  readonly mod?: string;
  /** Needed the anchor and had none. */
  readonly unresolved?: boolean;
  /** A range's last end, as a TIMEX3 value ("between August and October": to 2017-10). */
  readonly to?: string;
  /** The stretch of time a date was counted with ("in two weeks": P2W). */
  readonly duration?: string;
  /**
   * A count of units ("ten days") a later pass may turn into a date counted from another time
   * (reference.ts); `anaphoric` when the words need one ("that day", "the next morning"), `vague`
   * when the count is not given ("the weeks before").
   */
  readonly offset?: { readonly n: number; readonly unit: string; readonly anaphoric?: boolean; readonly vague?: boolean };
  /** A range matched whole: where its first end stops and its second starts, relative to the match. */
  readonly split?: { readonly firstEnd: number; readonly secondStart: number; readonly second: Found };
}

export interface Rule {
  readonly name: string;
  readonly re: RegExp;
  /** The group "pre" is context ("the March vote", "in 2014") and not part of the time. */
  readonly trimThe?: boolean;
  /** A cheap test the text must pass before the rule's own regex is run over it. */
  readonly cue?: RegExp;
  /**
   * What every match holds, starting at most `reach` characters (spaces not counted) after the
   * match's own start: lower-case `words` (at the start of a word; a whole word with
   * `wholeWords`) or a cheap global `trigger`. The regex is then tried only near them (scan.ts).
   */
  readonly words?: readonly string[];
  readonly wholeWords?: boolean;
  readonly trigger?: RegExp;
  readonly reach?: number;
  build(m: RegExpExecArray, env: RuleEnv): Found | undefined;
}

export type G = Record<string, string | undefined>;
export const g = (m: RegExpExecArray): G => m.groups ?? {};
export const cap = (s: string | undefined) => !!s && s[0] !== s[0]!.toLowerCase();
export const month = (s: string) => MONTHS[s.toLowerCase().replace(/\.$/, '')]!;
/**
 * A month name written in lower case is still a month where the rest of the date makes it one
 * ("23rd february, 2016", "14 nov 2023"); alone, "may" and "march" are verbs.
 */
export function monthOk(mon: string, strong: boolean): boolean {
  return cap(mon) || strong || !/^(?:may|march|mar)\.?$/i.test(mon);
}
export const UNRESOLVED_DATE = 'XXXX-XX-XX';

/** Runs `f` on the anchor, or marks the expression unresolved with a placeholder value. */
export function anchored(env: RuleEnv, type: Found['type'], placeholder: string, f: (a: Ymd) => Found | undefined, mod?: string): Found | undefined {
  if (!env.anchor) return { value: placeholder, type, mod, unresolved: true };
  return f(env.anchor);
}

/**
 * A year written with two digits ("3 Aug 96", "'09") is the one in the hundred years that end
 * ten years after the reference year: in 2017, 96 is 1996 and 25 is 2025. Without a reference
 * the window ends in 2029.
 */
export function twoDigitYear(s: string, anchor?: Ymd): number {
  const digits = s.replace(/^['’]/, '');
  if (digits.length > 2) return Number(digits);
  const n = Number(digits), last = (anchor?.y ?? 2019) + 10;
  const y = Math.floor(last / 100) * 100 + n;
  return y > last ? y - 100 : y;
}

/**
 * The year of a month (and day) given without one. News dates sit close to the publication
 * date and mostly before it: a date a few months ahead is read as upcoming, anything further
 * as past, unless the clause's tense says otherwise.
 */
export function yearFor(a: Ymd, m: number, d: number | undefined, dir: Direction): number {
  const cands = [a.y - 1, a.y, a.y + 1].map((y) => ({ y, m, d: d ?? 1 })).filter((x) => d === undefined || isValidDate(x));
  // Distance in days (a date) or months (a month alone) from the anchor.
  const dist = (x: Ymd) => (d === undefined ? (x.y - a.y) * 12 + x.m - a.m : (Date.UTC(x.y, x.m - 1, x.d) - Date.UTC(a.y, a.m - 1, a.d)) / 864e5);
  const past = cands.filter((x) => dist(x) <= 0).pop();
  const future = cands.find((x) => dist(x) >= 0);
  if (!past) return future!.y;
  if (!future || dist(past) === 0) return past.y;
  const near = d === undefined ? 4 : 120, far = d === undefined ? 11 : 330;
  if (dir === 'past') return past.y;
  if (dist(future) <= (dir === 'future' ? far : near)) return future.y;
  return past.y;
}

/** The weekday `dow` nearest the anchor in the clause's direction ("on Friday" in a past-tense clause). */
export function weekdayDate(a: Ymd, dow: number, rel: string | undefined, dir: Direction): Ymd {
  const diff = (dow - weekday(a) + 7) % 7; // days forward to the next such weekday (0 = today)
  const r = rel?.toLowerCase();
  if (r === 'last' || r === 'past') return addDays(a, diff === 0 ? -7 : diff - 7);
  if (r === 'next' || r === 'coming') return addDays(a, diff === 0 ? 7 : diff);
  if (r === 'this') return addDays(a, ((dow + 6) % 7) - ((weekday(a) + 6) % 7)); // same ISO week
  if (dir === 'future') return addDays(a, diff);
  return addDays(a, diff === 0 ? 0 : diff - 7);
}

export function durationValue(n: number | undefined, unitWord: string): string {
  const u = UNITS[unitWord.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '')];
  if (!u) return 'PX';
  const prefix = u.time ? 'PT' : 'P';
  if (n === undefined) return `${prefix}X${u.letter}`;
  let k = n * u.times;
  if (!Number.isInteger(k)) {
    // Halves become the next smaller unit where there is one: 1.5 hours = PT90M, 2.5 years = P30M.
    if (u.letter === 'H') return Math.floor(k) ? `PT${Math.floor(k)}H${Math.round((k % 1) * 60)}M` : `PT${Math.round(k * 60)}M`;
    if (u.letter === 'Y' && !u.time) return `P${Math.round(k * 12)}M`;
    if (u.letter === 'D') return `PT${Math.round(k * 24)}H`;
    k = Math.round(k * 10) / 10;
  }
  return `${prefix}${k}${u.letter}`;
}

/** "two days ago": the anchor moved back, at the granularity of the unit. */
export function agoValue(a: Ymd, n: number, unitWord: string, sign: number): string {
  const unit = unitWord.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  const k = n * sign;
  switch (unit) {
    case 'day': return fmtDate(addDays(a, Math.round(k)));
    case 'week': return fmtWeek(addDays(a, Math.round(k * 7)));
    case 'fortnight': return fmtWeek(addDays(a, Math.round(k * 14)));
    case 'month': { const x = addMonths(a, Math.round(k)); return fmtMonth(x.y, x.m); }
    case 'year': return fmtYear(a.y + Math.round(k));
    case 'decade': return fmtYear(a.y + Math.round(k * 10));
    case 'century': return fmtYear(a.y + Math.round(k * 100));
    default: return fmtDate(a); // hours, minutes: the same day
  }
}

export const NUM = `(?:(?:\\d+|${NUMBER_WORDS_SOURCE})\\s+and\\s+a\\s+half|\\d+(?:\\.\\d+)?(?:\\s+1\\/2)?|${NUMBER_WORDS_SOURCE}|half\\s+an?|a\\s+quarter|an?|a\\s+few|several|few|many|some|(?:a\\s+)?couple(?:\\s+of)?|a\\s+half)`;
export function countOf(s: string): number | undefined {
  const t = s.toLowerCase().replace(/\s+/g, ' ');
  if (t === 'a' || t === 'an') return 1;
  if (t === 'a half' || /^half an?$/.test(t)) return 0.5; // "half an hour"
  if (t === 'a quarter') return 0.25; // "a quarter century"
  const andHalf = /^(.+) and a half$/.exec(t); // "two and a half years"
  if (andHalf) { const k = countOf(andHalf[1]!); return k === undefined ? undefined : k + 0.5; }
  if (/\d 1\/2$/.test(t)) return Number(t.split(' ')[0]) + 0.5;
  if (/couple/.test(t)) return 2;
  if (/^(a few|several|few|many|some)$/.test(t)) return undefined;
  return parseNumber(t);
}

export const WD = WEEKDAY_SOURCE;
export const MON = MONTH_SOURCE;
export const DAY = '(?:[12]\\d|3[01]|0?[1-9])(?:st|nd|rd|th)?';
export const YEAR = "(?:1[5-9]\\d\\d|20\\d\\d)";
export const END = '(?![\\w]|-[A-Za-z])';
export const re = (src: string) => new RegExp(src, 'gi');

export function fullDate(env: RuleEnv, m: RegExpExecArray, mm: number, d: number, yearText: string | undefined): Found | undefined {
  if (yearText) {
    const x = { y: twoDigitYear(yearText, env.anchor), m: mm, d };
    return isValidDate(x) ? { value: fmtDate(x), type: 'DATE' } : undefined;
  }
  if (d > 31) return undefined;
  const wdText = g(m).wd, rel = g(m).rel?.toLowerCase();
  return anchored(env, 'DATE', `XXXX-${String(mm).padStart(2, '0')}-${String(d).padStart(2, '0')}`, (a) => {
    // Tense cues mislead more than they help for a full date; "since" does not.
    const since = /\bsince\s+$/i.test(env.text.slice(Math.max(0, m.index - 8), m.index));
    let y = yearFor(a, mm, d, rel === 'last' || since ? 'past' : rel === 'next' ? 'future' : 'none');
    // A weekday named with the date settles the year when the clause did not.
    if (wdText) {
      const want = WEEKDAYS[wdText.toLowerCase()]!;
      const fit = [y, a.y - 1, a.y, a.y + 1].find((yy) => isValidDate({ y: yy, m: mm, d }) && weekday({ y: yy, m: mm, d }) === want);
      if (fit !== undefined) y = fit;
    }
    const x = { y, m: mm, d };
    return isValidDate(x) ? { value: fmtDate(x), type: 'DATE' } : undefined;
  });
}
