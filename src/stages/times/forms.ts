import { fmtDate, fmtMonth, fmtTime, isValidDate } from './calendar.js';
import { MONTH_WORDS } from './lexicon.js';
import { DAY, fullDate, g, MON, month, monthOk, re, twoDigitYear, yearFor, YEAR, type Found, type Rule, type RuleEnv } from './resolve.js';

/*
 * Dates written in digits (ISO timestamps, 8/10/2012, 10.08.2012) and ranges matched whole
 * ("from Sep to Nov", "May 5-10", "5 to 10 May"): forms whose parts mean little alone.
 */

/**
 * Day and month order of an all-numeric date: a part above 12 settles it, dots are written day
 * first, and otherwise the outlet's locale decides (`env.dayFirst`), month first when unknown.
 */
function numericDate(env: RuleEnv, a: number, b: number, sep: string): { m: number; d: number } {
  const dayFirst = a > 12 ? true : b > 12 ? false : sep === '.' ? true : !!env.dayFirst;
  return dayFirst ? { d: a, m: b } : { d: b, m: a };
}

const RANGE_SEP = '(?<sep>\\s*(?:-|–|—)\\s*|\\s+(?:to|and|through|thru|until|till)\\s+)';

/** The year of a month range's first end: the second end's year when given, else placed from the anchor. */
function rangeYears(env: RuleEnv, m: RegExpExecArray, m1: number, m2: number, y1?: string, y2?: string): [number, number] | undefined {
  if (y1 && y2) return [Number(y1), Number(y2)];
  if (y1) return [Number(y1), m2 >= m1 ? Number(y1) : Number(y1) + 1];
  if (y2) return [m2 >= m1 ? Number(y2) : Number(y2) - 1, Number(y2)];
  if (!env.anchor) return undefined;
  const first = yearFor(env.anchor, m1, undefined, env.direction(m.index, m.index + m[0].length));
  return [first, m2 >= m1 ? first : first + 1];
}

export const FORM_RULES: readonly Rule[] = [
  {
    name: 'iso-timestamp',
    cue: /\d{4}-\d\d-\d\d/,
    // "2016-11-02T14:30:00Z", "2016-11-02 14:30": the clock time is kept as written, the zone dropped.
    re: /\b(?<y>\d{4})-(?<m>\d\d)-(?<d>\d\d)(?:[T ](?<h>[01]\d|2[0-3]):(?<min>[0-5]\d)(?::(?<s>[0-5]\d)(?:[.,]\d+)?)?(?:Z|[+-]\d\d:?\d\d)?)?(?![\d:])/g,
    build(m) {
      const x = g(m);
      const date = { y: +x.y!, m: +x.m!, d: +x.d! };
      if (!isValidDate(date)) return undefined;
      if (!x.h) return { value: fmtDate(date), type: 'DATE' };
      return { value: fmtDate(date) + fmtTime(+x.h, +x.min!) + (x.s ? ':' + x.s : ''), type: 'TIME' };
    },
  },
  {
    name: 'numeric-date',
    cue: /\d[/.-]\d{1,2}[/.-]\d/,
    // "8/10/2012", "10.08.2012", "08-10-2012", "8/10/12"; a two-digit year only with slashes (dots and dashes make versions and scores).
    re: /(?<![\d/.:,-])(?<a>\d{1,2})(?<sep>[/.-])(?<b>\d{1,2})\k<sep>(?<y>\d{4}|(?<=\/)\d{2})(?![\d/]|[.,:-]\d)/g,
    build(m, env) {
      const x = g(m);
      const { m: mm, d } = numericDate(env, +x.a!, +x.b!, x.sep!);
      const date = { y: twoDigitYear(x.y!, env.anchor), m: mm, d };
      if (x.y!.length === 4 && !/^(?:1[89]|20)/.test(x.y!)) return undefined;
      return isValidDate(date) ? { value: fmtDate(date), type: 'DATE' } : undefined;
    },
  },
  {
    name: 'year-first-date',
    cue: /\d{4}[/.]\d/,
    re: /(?<![\d/.-])(?<y>(?:1[89]|20)\d\d)(?<sep>[/.])(?<m>\d{1,2})\k<sep>(?<d>\d{1,2})(?![\d/]|[.,]\d)/g,
    build(m) {
      const x = g(m);
      const date = { y: +x.y!, m: +x.m!, d: +x.d! };
      return isValidDate(date) ? { value: fmtDate(date), type: 'DATE' } : undefined;
    },
  },
  {
    name: 'month-range',
    words: MONTH_WORDS,
    wholeWords: true,
    reach: 10,
    // "between August and October", "from Sep to Nov 2012", "June-August 2016".
    re: re(`\\b(?:(?<pre>between|from)\\s+)?(?<m1>${MON})(?:,?\\s+(?<y1>${YEAR}))?${RANGE_SEP}(?<m2>${MON})(?![\\w])(?:,?\\s+(?<y2>${YEAR})\\b)?`),
    build(m, env) {
      const x = g(m);
      const sep = x.sep!.trim().toLowerCase();
      if (sep === 'and' && !x.pre) return undefined; // "August and October" may be two times, not a stretch
      // Without "from" or a year, only full capitalised names make a range ("Jan to Mar" may be names).
      const strong = !!(x.pre || x.y1 || x.y2);
      if (!monthOk(x.m1!, strong) || !monthOk(x.m2!, strong)) return undefined;
      if (!strong && (!/^[A-Z][a-z]{4,}$/.test(x.m1!) || !/^[A-Z][a-z]{4,}$/.test(x.m2!))) return undefined;
      const m1 = month(x.m1!), m2 = month(x.m2!);
      if (m1 === m2 && !x.y1) return undefined;
      const years = rangeYears(env, m, m1, m2, x.y1, x.y2);
      const mm = (k: number) => String(k).padStart(2, '0');
      const firstText = x.y1 ? m[0].slice(0, m[0].indexOf(x.y1) + x.y1.length) : m[0].slice(0, m[0].indexOf(x.m1!) + x.m1!.length);
      if (!years) {
        return splitAt(m, firstText, x.m2!, { value: `XXXX-${mm(m1)}`, type: 'DATE', unresolved: true }, { value: `XXXX-${mm(m2)}`, type: 'DATE', unresolved: true });
      }
      return splitAt(m, firstText, x.m2!, { value: fmtMonth(years[0], m1), type: 'DATE' }, { value: fmtMonth(years[1], m2), type: 'DATE' });
    },
  },
  {
    name: 'day-range',
    cue: /\d(?:st|nd|rd|th)?\s*(?:[-–—]|\s(?:to|and|through|thru|until|till)\s)\s*(?:the\s+)?\d/i,
    // "May 5-10", "April 24 and 25", "from March 3 to 7, 2016", "5 to 10 May", "between the 3rd and the 5th of June".
    re: re(`\\b(?:(?<pre>between|from)\\s+)?(?:(?<mon>${MON})\\s+(?<d1>${DAY})${RANGE_SEP}(?<d2>${DAY})(?![\\w%]|[:.,/]\\d|\\s*(?:${MON}|percent|per\\s+cent|%))|(?:the\\s+)?(?<e1>${DAY})${RANGE_SEP.replace('sep', 'sep2')}(?:the\\s+)?(?<e2>${DAY})(?:\\s+of)?\\s+(?<mon2>${MON})(?![\\w]))(?:,?\\s+(?<y>${YEAR})\\b)?`),
    build(m, env) {
      const x = g(m);
      const mon = (x.mon ?? x.mon2)!, d1 = parseInt((x.d1 ?? x.e1)!, 10), d2 = parseInt((x.d2 ?? x.e2)!, 10);
      const sep = (x.sep ?? x.sep2)!.trim().toLowerCase();
      if (!(d1 < d2) || !monthOk(mon, !!(x.pre || x.y))) return undefined;
      if (sep === 'and' && !x.pre && !x.mon) return undefined; // "3 and 5 May" may be counts
      const mm = month(mon);
      const a = fullDate(env, m, mm, d1, x.y);
      if (!a) return undefined;
      const year = a.unresolved ? undefined : a.value.slice(0, 4);
      const b = year ? fullDate(env, m, mm, d2, year) : { value: `XXXX-${String(mm).padStart(2, '0')}-${String(d2).padStart(2, '0')}`, type: 'DATE' as const, unresolved: true };
      if (!b) return undefined;
      if (x.mon) {
        // "May 5-10": the first end is "May 5", the second the day number.
        const firstText = m[0].slice(0, m[0].indexOf(x.d1!, m[0].indexOf(x.mon) + x.mon.length) + x.d1!.length);
        return splitAt(m, firstText, x.d2!, a, b, firstText.length);
      }
      // "5 to 10 May": the first end is the day number, the second the rest.
      const firstText = m[0].slice(0, m[0].indexOf(x.e1!) + x.e1!.length);
      return splitAt(m, firstText, x.e2!, a, b, firstText.length);
    },
  },
];

/**
 * A range matched whole becomes two items: the first end (carrying the range's last value in
 * `to`) and the second. `secondText` is looked for after the first end.
 */
function splitAt(m: RegExpExecArray, firstText: string, secondText: string, first: Found, second: Found, from = firstText.length): Found {
  const secondStart = m[0].indexOf(secondText, from);
  return { ...first, to: second.value, split: { firstEnd: firstText.length, secondStart, second } };
}
