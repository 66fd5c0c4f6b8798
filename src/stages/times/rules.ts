import { NUMBER_WORDS_SOURCE, parseNumber } from '../../text/numbers.js';
import { addDays, addMonths, compareYmd, easter, fmtDate, fmtMonth, fmtTime, fmtWeek, fmtYear, isValidDate, nthWeekday, parseIsoDate, weekday, type Ymd } from './calendar.js';
import { DAY_PARTS, DURATION_MOD_SOURCE, DURATION_MODS, MONTH_WORDS, PART_SOURCE, partMod, SEASON_START, SEASONS, UNIT_SOURCE, UNIT_WORDS, WEEKDAY_WORDS } from './lexicon.js';
import { FULL_MONTHS } from '../../text/months.js';
import { WEEKDAYS } from '../../text/weekdays.js';
import { FORM_RULES } from './forms.js';
import { REFERENCE_RULES } from './reference.js';
import {
  agoValue, anchored, cap, monthOk, twoDigitYear, countOf, DAY, durationValue, END, fullDate, g, MON, month, NUM, re, UNRESOLVED_DATE, WD, weekdayDate, YEAR, yearFor,
  type Direction, type Found, type Rule, type RuleEnv,
} from './resolve.js';

export type { Direction, Found, Rule, RuleEnv } from './resolve.js';

/** A capitalised word right after another capitalised word, as in a name ("USA Today", "News Daily"). */
function inName(text: string, at: number): boolean {
  return /^[A-Z]/.test(text[at] ?? '') && /[A-Z][\w.]*\s+$/.test(text.slice(Math.max(0, at - 30), at)) && !/[.!?:]\s+$/.test(text.slice(Math.max(0, at - 3), at));
}
// Days that name an event or a programme rather than a date.
const NAMED_DAY_BEFORE = /\b(?:Super|Black|Good|Bloody|Palm|Ash|Holy|Maundy|Cyber|Giving|News)\s+$/;

function seasonValue(a: Ymd, code: string, rel: string | undefined, dir: Direction): string {
  const start = SEASON_START[code]!;
  // Winter of year Y runs from December Y to February Y+1.
  // Months counted from year 0; a season is labelled by the year it starts in.
  const curIdx = a.y * 12 + a.m - 1;
  const startIdx = (y: number) => y * 12 + start - 1;
  const years = [a.y - 2, a.y - 1, a.y, a.y + 1];
  const inside = years.find((y) => curIdx >= startIdx(y) && curIdx < startIdx(y) + 3);
  const lastDone = [...years].reverse().find((y) => startIdx(y) + 3 <= curIdx)!;
  const nextUp = years.find((y) => startIdx(y) > curIdx)!;
  const r = rel?.toLowerCase();
  let y: number;
  if (r === 'last' || r === 'past' || r === 'previous') y = lastDone;
  else if (r === 'next' || r === 'coming') y = nextUp;
  else if (inside !== undefined) y = inside;
  else if (r === 'this') y = dir === 'past' ? lastDone : nextUp;
  else y = dir === 'future' ? nextUp : dir === 'past' ? lastDone : (curIdx - (startIdx(lastDone) + 2) <= startIdx(nextUp) - curIdx ? lastDone : nextUp);
  return `${fmtYear(y)}-${code}`;
}


/** The year of quarter `q` spoken of in the past: last year's when it has not begun yet this year. */
const pastQuarterYear = (a: Ymd, q: number): number => ((q - 1) * 3 + 1 > a.m ? a.y - 1 : a.y);

function clock(hh: string, mm: string | undefined, ampm: string | undefined): string | undefined {
  let h = Number(hh);
  const min = mm ? Number(mm) : 0;
  const x = ampm?.toLowerCase().replace(/\./g, '');
  if (x === 'pm' && h < 12) h += 12;
  if (x === 'am' && h === 12) h = 0;
  if (h > 24 || min > 59) return undefined;
  return fmtTime(h, min);
}

const HOLIDAYS: Record<string, (y: number) => Ymd> = {
  'christmas': (y) => ({ y, m: 12, d: 25 }),
  'christmas day': (y) => ({ y, m: 12, d: 25 }),
  'christmas eve': (y) => ({ y, m: 12, d: 24 }),
  "new year's day": (y) => ({ y, m: 1, d: 1 }),
  "new year's eve": (y) => ({ y, m: 12, d: 31 }),
  'thanksgiving': (y) => nthWeekday(y, 11, 4, 4),
  'thanksgiving day': (y) => nthWeekday(y, 11, 4, 4),
  'easter': (y) => easter(y),
  'easter sunday': (y) => easter(y),
  'independence day': (y) => ({ y, m: 7, d: 4 }),
  'halloween': (y) => ({ y, m: 10, d: 31 }),
  "valentine's day": (y) => ({ y, m: 2, d: 14 }),
  'election day': (y) => addDays(nthWeekday(y, 11, 1, 1), 1),
};
const HOLIDAY_SOURCE = Object.keys(HOLIDAYS).sort((a, b) => b.length - a.length).map((k) => k.replace(/ /g, '\\s+').replace(/'/g, "['’]")).join('|');

// A part of the day ("Monday afternoon") stays in the span and out of the value: TIMEX3 allows
// 2017-07-24TAF, but news annotation mostly gives the day alone.

// Words that make "in N units" a stretch measured back from now or a record, not a date ahead.
const STRETCH_BEFORE = /\b(?:first|last|only|once|twice|times?|record|ever|most|least|fewest|worst|best|highest|lowest|biggest|largest|smallest|greatest|fastest|slowest|strongest|weakest|longest|shortest|warmest|coldest|hottest|wettest|driest|busiest|heaviest|deadliest)\b[^.;!?]*$/i;

// A parenthesis ends a time, as TIMEX3 extents do; a weekday inside it or right after it still
// gives the time its day: "4 in the morning (4 a.m. EDT Thursday)", "10:35 a.m. (0735 GMT) Friday".
const PAREN_DAY = new RegExp(`^\\s*\\((?:[^()]{0,30}?\\b(${WD})\\)|[^()]{1,24}\\)\\s+(?:on\\s+)?(${WD})\\b)`, 'i');

const SET_WORDS: Record<string, string> = { daily: 'P1D', weekly: 'P1W', monthly: 'P1M', annually: 'P1Y', yearly: 'P1Y', hourly: 'PT1H', nightly: 'P1D', quarterly: 'P3M' };

/** The rules, most specific first; overlapping matches are settled by length, then by this order. */
export const RULES: readonly Rule[] = [
  ...FORM_RULES,
  ...REFERENCE_RULES,
  {
    name: 'clock-time',
    trigger: re(`\\d(?:[:.][0-5]\\d)?(?:\\s*(?:a\\.m|p\\.m|am\\b|pm\\b)|\\s+(?:o['’]clock\\s+)?(?:in\\s+the\\s+(?:morning|afternoon|evening)|at\\s+night)|\\s+(?:tonight|this\\s+(?:evening|afternoon))\\b|\\s*(?:and|to|until|till|-|–)\\s*\\d{1,2}(?:[:.][0-5]\\d)?\\s*(?:a\\.m|p\\.m|am\\b|pm\\b))|\\d:[0-5]\\d|noon|midnight|midday`),
    reach: 20,
    cue: /\d\s*(?:[ap]\.?m\b|in\s+the\s|at\s+night)|\d\s+(?:tonight|this\s+(?:evening|afternoon))\b|\d:\d|noon|midnight|midday/i,
    // "10:35 a.m. Friday", "4 in the morning", "at 14:30", "noon".
    re: re(`\\b(?:(?<wd1>${WD}),?\\s+(?:at\\s+)?)?(?:(?<h>[01]?\\d|2[0-3])(?:[:.](?<min>[0-5]\\d))?(?:\\s*(?<ampm>a\\.m\\.?|p\\.m\\.?|am\\b|pm\\b)|\\s+(?:o['’]clock\\s+)?(?:in\\s+the\\s+(?<dp>morning|afternoon|evening)|at\\s+(?<dp2>night))|(?<=\\b(?:at|by|from|until|till|after|before|around|about)\\s+(?:[01]?\\d|2[0-3])(?:[:.][0-5]\\d)?)(?=\\s+(?<dp3>tonight|this\\s+(?:evening|afternoon))\\b)|(?<=\\b(?:between|from)\\s+(?:[01]?\\d|2[0-3])(?:[:.][0-5]\\d)?)(?=\\s*(?:and|to|until|till|-|–)\\s*(?<h2>[01]?\\d|2[0-3])(?:[:.][0-5]\\d)?\\s*(?<ap2>a\\.m|p\\.m|am\\b|pm\\b)))|(?<=\\b(?:at|by|from|until|till|after|before|since)\\s+)(?<h24>[01]?\\d|2[0-3]):(?<m24>[0-5]\\d)(?![:.,]?\\d)(?:\\s*(?:hrs|hours|h)\\b)?)(?:\\s+(?:[ECMP][SD]T|GMT|UTC)\\b)?(?:\\s+(?:on\\s+)?(?<wd2>${WD})\\b)?|\\b(?:12\\s+)?(?<word>noon|midnight|midday)\\b`),
    build(m, env) {
      const x = g(m);
      if (x.word && /\bhigh\s+$/i.test(env.text.slice(Math.max(0, m.index - 6), m.index))) return undefined; // "high noon"
      // "At 8 tonight": a bare hour before a later part of today is in the afternoon or evening.
      const dp = (x.dp ?? x.dp2 ?? x.dp3?.replace(/^this\s+/i, '').replace(/^tonight$/i, 'night'))?.toLowerCase();
      // "Between 3 and 5 pm": the first end takes the last one's half of the day ("from 11 to 1 pm": the morning).
      const pmEnd = x.ap2 && /^p/i.test(x.ap2) && (Number(x.h2) === 12 || Number(x.h) > Number(x.h2));
      const ampm = x.ampm ?? (pmEnd ? 'am' : x.ap2) ?? (dp === 'morning' ? 'am' : dp ? (Number(x.h) < 5 && dp === 'night' ? 'am' : 'pm') : undefined);
      const t = x.word ? (x.word.toLowerCase() === 'midnight' ? 'T24:00' : 'T12:00') : x.h24 ? clock(x.h24, x.m24, undefined) : clock(x.h!, x.min, ampm);
      if (!t) return undefined;
      // "4 in the morning (4 a.m. EDT Thursday)": the day may stand in or right after a parenthesis after the time.
      const paren = PAREN_DAY.exec(env.text.slice(m.index + m[0].length, m.index + m[0].length + 60));
      const wd = x.wd1 ?? x.wd2 ?? paren?.[1] ?? paren?.[2];
      if (wd && !cap(wd)) return undefined;
      return anchored(env, 'TIME', UNRESOLVED_DATE + t, (a) => {
        const day = wd ? weekdayDate(a, WEEKDAYS[wd.toLowerCase()]!, undefined, env.direction(m.index, m.index + m[0].length)) : a;
        return { value: fmtDate(day) + t, type: 'TIME' };
      });
    },
  },
  {
    // "by the 15th", "on the 3rd of next month": a day of the month with no month named.
    name: 'day-of-month',
    trigger: /\bthe\s+\d{1,2}(?:st|nd|rd|th)\b/gi,
    reach: 2,
    re: re(`(?<=\\b(?:on|by|until|till|before|after|since|from)\\s+)the\\s+(?<d>[1-9]|[12]\\d|3[01])(?:st|nd|rd|th)(?:\\s+of\\s+(?<rel>this|next|last)\\s+month)?(?=\\s*(?:[.,;:!?)]|$|\\s(?:and|or|but|when|at|to|of\\s+(?:the\\s+)?month)\\b))`),
    build(m, env) {
      const x = g(m);
      const d = Number(x.d);
      return anchored(env, 'DATE', UNRESOLVED_DATE, (a) => {
        const past = !x.rel && env.direction(m.index, m.index + m[0].length) === 'past';
        const months = x.rel ? { this: 0, next: 1, last: -1 }[x.rel.toLowerCase() as 'this'] : past ? (d > a.d ? -1 : 0) : d < a.d ? 1 : 0;
        const day = { ...addMonths({ y: a.y, m: a.m, d: 1 }, months), d };
        return isValidDate(day) ? { value: fmtDate(day), type: 'DATE' } : { value: UNRESOLVED_DATE, type: 'DATE' };
      });
    },
  },
  {
    name: 'month-day',
    words: MONTH_WORDS,
    wholeWords: true,
    reach: 30,
    re: re(`\\b(?<weekof>the\\s+week\\s+of\\s+)?(?:(?<rel>last|next|this)\\s+)?(?:(?<wd>${WD}),?\\s+)?(?<mon>${MON})(?:\\s+|-)(?<d>${DAY})${END}(?:(?:,?\\s+|[-/])(?<y>${YEAR})\\b|,?\\s+(?<y2>['’]\\d\\d)\\b)?`),
    build(m, env) {
      const x = g(m);
      const year = x.y ?? x.y2;
      if (!monthOk(x.mon!, !!(year || x.wd || /[a-z]$/i.test(x.d!))) || (x.wd && !cap(x.wd) && !year)) return undefined;
      const f = fullDate(env, m, month(x.mon!), parseInt(x.d!, 10), year);
      if (f && x.weekof && !f.unresolved) return { value: fmtWeek(parseIsoDate(f.value)!), type: 'DATE' };
      return f;
    },
  },
  {
    name: 'day-month',
    trigger: re(`\\d(?:st|nd|rd|th)?(?:\\s+of\\s+|\\s+|[-/])${MON}`),
    reach: 20,
    // "3 Aug 96", "10-August-2012", "23rd february, 2016"; a two-digit year is not a count ("3 May 20 people").
    re: re(`\\b(?:(?<wd>${WD}),?\\s+)?(?:the\\s+)?(?<d>${DAY})(?:\\s+of\\s+|\\s+|(?<sep>[-/]))(?<mon>${MON})(?![\\w])(?:(?:,?\\s+|[-/])(?<y>${YEAR})\\b|(?:,?\\s+|[-/])(?<y2>['’]?\\d\\d)(?![\\d%])(?!\\s*(?:percent|per\\s+cent)|\\s+(?!(?:and|or|but|when|while|until|to|in|at|on|for|with|from|by|after|before|as)\\b)[a-z]))?`),
    build(m, env) {
      const x = g(m);
      const year = x.y ?? x.y2;
      if (!monthOk(x.mon!, !!(year || x.sep || /[a-z]$/i.test(x.d!))) || (x.wd && !cap(x.wd) && !year)) return undefined;
      if (x.mon!.toLowerCase() === 'may' && !year && !x.wd) return undefined; // "5 may" is too often the verb
      return fullDate(env, m, month(x.mon!), parseInt(x.d!, 10), year);
    },
  },
  {
    name: 'month-year',
    words: MONTH_WORDS,
    wholeWords: true,
    reach: 25,
    re: re(`\\b${PART_SOURCE}?(?<mon>${MON})(?:,?\\s+(?:of\\s+)?|[-/]|\\s*['’])(?<y>${YEAR}|(?<=['’])\\d\\d)\\b`),
    build(m, env) {
      const x = g(m);
      if (!monthOk(x.mon!, false)) return undefined;
      return { value: fmtMonth(twoDigitYear(x.y!, env.anchor), month(x.mon!)), type: 'DATE', mod: partMod(x.part ?? x.part2) };
    },
  },
  {
    name: 'month',
    words: MONTH_WORDS,
    wholeWords: true,
    reach: 30,
    trimThe: true,
    re: re(`(?<pre>\\b(?:in|since|until|till|through|from|by|during|before|after|of|to|and|or|between|on|the(?!\\s+(?:beginning|start|end|middle|close)\\b))\\s+)?\\b(?:(?<rel>last|next|this|early|late|mid)(?:\\s+|-)|(?:the\\s+)?(?<part2>beginning|start|end|middle|close)\\s+of\\s+)?(?<mon>${MON})(?![\\w-])(?:,?\\s+(?:of\\s+)?(?<yrel>this|last|next)\\s+year\\b)?`),
    build(m, env) {
      const x = g(m);
      if (!cap(x.mon)) return undefined;
      const lower = x.mon!.toLowerCase().replace(/\.$/, '');
      // "May" and "March" are common words; alone they need a preposition or a modifier.
      if ((lower === 'may' || lower === 'march') && !x.pre && !x.rel && !x.part2) return undefined;
      if (!FULL_MONTHS.has(lower) && !x.rel && !x.part2) return undefined; // "Jan" alone is more often a name
      const mm = month(x.mon!);
      const rel = x.rel?.toLowerCase();
      const mod = partMod(rel) ?? partMod(x.part2);
      return anchored(env, 'DATE', 'XXXX-' + String(mm).padStart(2, '0'), (a) => {
        let y: number;
        if (x.yrel) y = a.y + ({ this: 0, last: -1, next: 1 }[x.yrel.toLowerCase() as 'this'] ?? 0);
        else if (rel === 'last') y = mm < a.m ? a.y : a.y - 1;
        else if (rel === 'next') y = mm > a.m ? a.y : a.y + 1;
        else if (rel === 'this') y = a.y;
        else y = yearFor(a, mm, undefined, env.direction(m.index, m.index + m[0].length));
        return { value: fmtMonth(y, mm), type: 'DATE', mod };
      }, mod);
    },
  },
  {
    name: 'decade',
    trigger: /\d0['’]?s\b/g,
    reach: 40,
    re: re(`\\b${PART_SOURCE}?(?:the\\s+)?(?:(?<c>1[0-9]|20)(?<d>\\d)0['’]?s|['’](?<d2>\\d)0s|(?<=\\bthe\\s+)(?<d3>[1-9])0['’]s)\\b`),
    build(m, env) {
      const x = g(m);
      const mod = partMod(x.part ?? x.part2);
      if (x.c) return { value: `${x.c}${x.d}X`, type: 'DATE', mod };
      const d = Number(x.d2 ?? x.d3);
      const century = env.anchor && d * 10 <= env.anchor.y % 100 ? Math.floor(env.anchor.y / 100) : 19;
      return { value: `${century}${d}X`, type: 'DATE', mod };
    },
  },
  {
    name: 'century',
    words: ['century'],
    reach: 40,
    re: re(`\\b(?:the\\s+)?(?<n>\\d{1,2}|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)(?:st|nd|rd|th)?\\s+century\\b|\\b(?<this>this|last|next)\\s+century\\b`),
    build(m, env) {
      const x = g(m);
      const ORD = ['first', 'second', 'third', 'fourth', 'fifth', 'sixth', 'seventh', 'eighth', 'ninth', 'tenth', 'eleventh', 'twelfth', 'thirteenth', 'fourteenth', 'fifteenth', 'sixteenth', 'seventeenth', 'eighteenth', 'nineteenth', 'twentieth'];
      if (x.this) {
        const off = { this: 0, last: -1, next: 1 }[x.this.toLowerCase() as 'this'];
        return anchored(env, 'DATE', 'XX', (a) => ({ value: String(Math.floor(a.y / 100) + off).padStart(2, '0'), type: 'DATE' }));
      }
      const n = /\d/.test(x.n!) ? Number(x.n) : x.n!.toLowerCase() === 'twenty-first' ? 21 : ORD.indexOf(x.n!.toLowerCase()) + 1;
      if (n < 1 || n > 21) return undefined;
      return { value: String(n - 1).padStart(2, '0'), type: 'DATE' };
    },
  },
  {
    name: 'season',
    words: ['spring', 'summer', 'fall', 'autumn', 'winter'],
    reach: 40,
    re: re(`(?<pre>\\b(?:in|during|since|until|through|by|over|before|after|throughout|of)\\s+(?:the\\s+)?)?\\b(?:(?<rel>last|this|next|past|coming|previous)\\s+|${PART_SOURCE})?(?<s>spring|summer|fall|autumn|winter)(?:\\s+(?:of\\s+)?(?<y>${YEAR})\\b)?(?![\\w-])`),
    build(m, env) {
      const x = g(m);
      const code = SEASONS[x.s!.toLowerCase()]!;
      const mod = partMod(x.part ?? x.part2);
      if (x.y) return { value: `${x.y}-${code}`, type: 'DATE', mod };
      // A bare season word ("fall", "spring") is too often something else.
      if (!x.rel && !x.pre && !mod) return undefined;
      if (!x.rel && !mod && x.s!.toLowerCase() === 'fall' && /^\s+(?:of|in|to|from)\b/i.test(env.text.slice(m.index + m[0].length))) return undefined;
      return anchored(env, 'DATE', 'XXXX-' + code, (a) => ({ value: seasonValue(a, code, x.rel, env.direction(m.index, m.index + m[0].length)), type: 'DATE', mod }), mod);
    },
  },
  {
    name: 'quarter',
    words: ['quarter', 'half'],
    reach: 30,
    // "the 1988 third quarter", "last year's second half": the year may stand before the ordinal.
    re: re(`\\b(?:the\\s+)?(?:(?<y0>${YEAR})(?:['’]s)?\\s+|(?<rel0>this|last|next)\\s+year['’]s\\s+)?(?<q>first|second|third|fourth|final|1st|2nd|3rd|4th)(?:\\s+|-)(?<unit>quarter|half)(?:\\s+(?:of\\s+(?<y>${YEAR})|(?:of\\s+)?(?<rel>this|last|next)\\s+year))?\\b`),
    build(m, env) {
      const x = g(m);
      const half = x.unit!.toLowerCase() === 'half';
      const q0 = { first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4, final: half ? 2 : 4 }[x.q!.toLowerCase()]!;
      if (half && q0 > 2) return undefined;
      const code = half ? `H${q0}` : `Q${q0}`;
      const q = half ? (q0 - 1) * 2 + 1 : q0; // first quarter of the period, to place it in time
      const yw = x.y ?? x.y0, rel = x.rel ?? x.rel0;
      if (yw) return { value: `${yw}-${code}`, type: 'DATE' };
      return anchored(env, 'DATE', `XXXX-${code}`, (a) => {
        const off = rel ? { this: 0, last: -1, next: 1 }[rel.toLowerCase() as 'this'] : 0;
        const y = !rel && env.direction(m.index, m.index + m[0].length) === 'past' ? pastQuarterYear(a, q) : a.y + off;
        return { value: `${fmtYear(y)}-${code}`, type: 'DATE' };
      });
    },
  },
  {
    // "Q3 2012", "Q1'19", "in Q4": a quarter by its code; without a year, only after a word of time.
    name: 'quarter-code',
    trigger: /\bQ[1-4]\b/g,
    reach: 12,
    re: re(`(?:\\b(?<pre>in|during|for|by|since|until|through|from|to|and|of|the)\\s+)?\\bQ(?<n>[1-4])(?:(?:\\s+(?:of\\s+)?|\\s*[-/]\\s*)(?<y>${YEAR})|['’](?<yy>\\d\\d))?(?![\\w'’-])`),
    build(m, env) {
      const x = g(m);
      const code = `Q${x.n}`;
      if (x.y) return { value: `${x.y}-${code}`, type: 'DATE' };
      if (x.yy) return { value: `${twoDigitYear(x.yy, env.anchor)}-${code}`, type: 'DATE' };
      if (!x.pre || x.pre.toLowerCase() === 'the') return undefined;
      return anchored(env, 'DATE', `XXXX-${code}`, (a) => {
        const past = env.direction(m.index, m.index + m[0].length) === 'past';
        return { value: `${fmtYear(past ? pastQuarterYear(a, Number(x.n)) : a.y)}-${code}`, type: 'DATE' };
      });
    },
  },
  {
    name: 'year',
    trigger: /(?:1[5-9]|20)\d\d/g,
    reach: 35,
    trimThe: true,
    re: re(`(?<pre>\\b(?:in|since|until|till|through|from|by|during|before|after|of|to|and|or|between|fiscal|the(?!\\s+(?:beginning|start|end|middle|close)\\b)|year|summer|spring|winter|fall|autumn)[\\s-]+)?(?:(?<part>early|late|mid)(?:\\s+|-)|(?:the\\s+)?(?<part2>beginning|start|end|middle|close)\\s+of\\s+)?(?:(?<pp>post|pre)-)?(?<![\\d,.$£€]|[^a-z]-)(?<y>${YEAR})(?![\\d%]|s\\b|,\\d|\\.\\d|\\s*(?:percent|per\\s+cent)\\b)`),
    build(m, env) {
      const x = g(m);
      const before = env.text.slice(Math.max(0, m.index - 25), m.index).toLowerCase();
      // A count of people or things, not a year: "about 2000 people", "some 1500 fighters".
      if (!x.pre && /(?:about|some|around|nearly|almost|than|least|over|to|estimated|roughly|approximately)\s*$/.test(before)) return undefined;
      if (/(?:['’]s|\b(?:his|her|its|their|my|our|your))\s+$/i.test(before) && /^\s+[A-Z]/.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return undefined; // "his 1987 Chevrolet"
      const post = /^\s+([a-z]+)/.exec(env.text.slice(m.index + m[0].length, m.index + m[0].length + 30))?.[1];
      if (post && /^(?:people|troops|soldiers|fighters|civilians|men|women|children|refugees|families|homes|houses|members|workers|jobs|dollars|euros|pounds|tons|tonnes|miles|km|kilometers|kilometres|metres|meters|feet|votes|cases|deaths|times)$/.test(post)) return undefined;
      const pp = x.pp?.toLowerCase();
      return { value: x.y!, type: 'DATE', mod: pp === 'post' ? 'AFTER' : pp === 'pre' ? 'BEFORE' : partMod(x.part ?? x.part2) };
    },
  },
  {
    name: 'holiday',
    words: ['christmas', 'year', 'thanksgiving', 'easter', 'independence', 'halloween', 'valentine', 'election'],
    reach: 10,
    // "Easter week", "Christmas week 2015": the ISO week the day falls in.
    re: re(`\\b(?:(?<rel>last|next|this)\\s+)?(?<h>${HOLIDAY_SOURCE})(?:\\s+(?<wk>week)\\b)?(?:,?\\s+(?<y>${YEAR}))?\\b`),
    build(m, env) {
      const x = g(m);
      if (!cap(x.h)) return undefined;
      if (/^\s+[A-Z][a-z]/.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 3)) && !x.y) return undefined; // "Easter Island"
      const f = HOLIDAYS[x.h!.toLowerCase().replace(/\s+/g, ' ').replace(/’/g, "'")]!;
      const fmt = x.wk ? fmtWeek : fmtDate;
      if (x.y) return { value: fmt(f(+x.y)), type: 'DATE' };
      return anchored(env, 'DATE', x.wk ? 'XXXX-WXX' : 'XXXX-XX-XX', (a) => {
        const rel = x.rel?.toLowerCase();
        // The holiday's week under way is the one meant, whatever the tense ("as Easter week began").
        const current = x.wk && !rel ? [a.y - 1, a.y, a.y + 1].map(f).find((c) => fmtWeek(c) === fmtWeek(a)) : undefined;
        if (current) return { value: fmtWeek(current), type: 'DATE' };
        const dir = rel === 'last' ? 'past' : rel === 'next' ? 'future' : env.direction(m.index, m.index + m[0].length);
        const cands = [a.y - 1, a.y, a.y + 1].map(f);
        const pick = dir === 'past' ? cands.filter((c) => compareYmd(c, a) < 0).pop()! : dir === 'future' ? cands.find((c) => compareYmd(c, a) >= 0)! :
          cands.reduce((b, c) => (Math.abs(Date.UTC(c.y, c.m - 1, c.d) - Date.UTC(a.y, a.m - 1, a.d)) < Math.abs(Date.UTC(b.y, b.m - 1, b.d) - Date.UTC(a.y, a.m - 1, a.d)) ? c : b));
        return { value: fmt(pick), type: 'DATE' };
      });
    },
  },
  {
    // "Monday next week", "Friday of last week": that day of the week named (weeks start on Monday).
    name: 'weekday-of-week',
    words: WEEKDAY_WORDS,
    wholeWords: true,
    reach: 5,
    re: re(`\\b(?<wd>${WD})\\s+(?:of\\s+)?(?<rel>next|this|last|the\\s+following|the\\s+previous)\\s+week\\b(?!['’]s\\b)`),
    build(m, env) {
      const x = g(m);
      const rel = x.rel!.toLowerCase().replace(/\s+/g, ' ');
      const off = rel === 'last' || rel === 'the previous' ? -1 : rel === 'this' ? 0 : 1;
      return anchored(env, 'DATE', UNRESOLVED_DATE, (a) => {
        const monday = addDays(a, 7 * off - ((weekday(a) + 6) % 7));
        return { value: fmtDate(addDays(monday, (WEEKDAYS[x.wd!.toLowerCase()]! + 6) % 7)), type: 'DATE' };
      });
    },
  },
  {
    name: 'weekday',
    words: WEEKDAY_WORDS,
    wholeWords: true,
    reach: 30,
    re: re(`\\b${PART_SOURCE}?(?:(?<rel>last|next|this|past|coming)\\s+)?(?<wd>${WD})(?:['’]s)?(?:\\s+(?<dp>morning|afternoon|evening|night))?\\b`),
    build(m, env) {
      const x = g(m);
      if (!cap(x.wd) && !x.rel) return undefined;
      if (!x.rel && NAMED_DAY_BEFORE.test(env.text.slice(Math.max(0, m.index - 12), m.index))) return undefined; // "Super Tuesday"
      const possessive = /['’]s$/.test(x.wd ? m[0].slice(0, m[0].indexOf(x.wd) + x.wd.length + 2) : '');
      const mod = partMod(x.part ?? x.part2);
      return anchored(env, 'DATE', UNRESOLVED_DATE, (a) => {
        // "Wednesday's ruling" reports something that has happened.
        const dir = possessive ? 'past' : env.direction(m.index, m.index + m[0].length);
        const d = weekdayDate(a, WEEKDAYS[x.wd!.toLowerCase()]!, x.rel, dir);
        return { value: fmtDate(d), type: 'DATE', mod };
      }, mod);
    },
  },
  {
    name: 'day-word',
    words: ['today', 'yesterday', 'tomorrow', 'tonight', 'morning', 'afternoon', 'evening', 'night'],
    reach: 20,
    re: re(`\\b(?:(?<dby>the\\s+day\\s+before\\s+yesterday)|(?<dat>the\\s+day\\s+after\\s+tomorrow)|(?<w>today|yesterday|tomorrow|tonight)(?:['’]s)?(?:\\s+(?<dp>morning|afternoon|evening|night))?|(?<this>this|last)\\s+(?<dp2>morning|afternoon|evening|night))\\b`),
    build(m, env) {
      const x = g(m);
      const w = x.w?.toLowerCase();
      if ((x.w || x.this) && inName(env.text, m.index)) return undefined; // "USA Today", "CBS This Morning"
      const off = x.dby ? -2 : x.dat ? 2 : w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : x.this?.toLowerCase() === 'last' ? -1 : 0;
      return anchored(env, 'DATE', UNRESOLVED_DATE, (a) => ({ value: fmtDate(addDays(a, off)), type: 'DATE' }));
    },
  },
  {
    name: 'present-ref',
    words: ['now', 'currently', 'nowadays', 'present', 'moment', 'days', 'recent', 'far', 'future', 'past'],
    wholeWords: true,
    reach: 20,
    re: re(`\\b(?:(?<now>right\\s+now|now|currently|nowadays|at\\s+present|at\\s+the\\s+moment|these\\s+days|in\\s+recent\\s+(?:days|weeks|months|years)|so\\s+far\\s+this\\s+year)|(?<fut>(?:the\\s+)?(?:near\\s+|distant\\s+|foreseeable\\s+)?future)|(?<past>the\\s+(?:distant|recent)\\s+past|the\\s+past(?=\\s*(?:[.,;:!?)"”’]|$)|\\s+(?:and|or|but|when|while|as|is|was|has|had|have|were|are)\\b)))\\b`),
    build(m, env) {
      const x = g(m);
      if (x.fut) {
        return { value: 'FUTURE_REF', type: 'DATE' };
      }
      if (x.past) return { value: 'PAST_REF', type: 'DATE' };
      const t = x.now!.toLowerCase();
      if (t === 'now' && /^\s*that\b/i.test(env.text.slice(m.index + 3, m.index + 12))) return undefined; // "now that" is causal
      return { value: 'PRESENT_REF', type: 'DATE' };
    },
  },
  {
    // "by year-end", "last year's end": the end of the year (month, quarter) of publication, or the one before.
    name: 'period-end',
    words: ['year', 'month', 'quarter'],
    reach: 12,
    re: re(`\\b(?:(?<rel>last|this|next)\\s+)?(?<u>year|month|quarter)(?:-end|['’]s\\s+end)\\b`),
    build(m, env) {
      const x = g(m);
      if (/['’]/.test(m[0]) && !x.rel) return undefined; // "the year's end" is the relative-period rule's ("the end of the year")
      const off = x.rel?.toLowerCase() === 'last' ? -1 : x.rel?.toLowerCase() === 'next' ? 1 : 0;
      const u = x.u!.toLowerCase();
      return anchored(env, 'DATE', u === 'month' ? 'XXXX-XX' : 'XXXX', (a) => {
        if (u === 'month') { const x2 = addMonths(a, off); return { value: fmtMonth(x2.y, x2.m), type: 'DATE', mod: 'END' }; }
        if (u === 'quarter') {
          const idx = a.y * 4 + Math.floor((a.m - 1) / 3) + off;
          return { value: `${fmtYear(Math.floor(idx / 4))}-Q${(idx % 4) + 1}`, type: 'DATE', mod: 'END' };
        }
        return { value: fmtYear(a.y + off), type: 'DATE', mod: 'END' };
      }, 'END');
    },
  },
  {
    name: 'relative-period',
    words: ['week', 'month', 'year', 'quarter', 'decade'],
    reach: 40,
    re: re(`\\b(?:(?<edge>earlier|later)\\s+)?(?:(?<part>early|late|mid)(?:\\s+|-)|(?:the\\s+)?(?<part2>beginning|start|end|middle|close)\\s+of\\s+)?(?:(?<the>the\\s+)?(?<rel>last|this|next|past|previous|coming|current|same)\\s+(?<u>week|weekend|month|year|quarter|decade)|(?<rel2>the)\\s+(?<u2>weekend)|(?<=(?:beginning|start|end|middle|close)\\s+of\\s+)(?<rel3>the)\\s+(?<u3>year|month|week))\\b`),
    build(m, env) {
      const x = g(m);
      const rel = x.rel2 || x.rel3 ? 'this' : x.rel!.toLowerCase(), u = (x.u ?? x.u2 ?? x.u3)!.toLowerCase();
      const mod = partMod(x.part ?? x.part2);
      if (rel === 'same') return undefined; // refers to another time in the text
      const after = env.text.slice(m.index + m[0].length, m.index + m[0].length + 4);
      // "the last week of March", "the last month of the campaign": the last of some other period's.
      if (x.the && rel === 'last' && /^\s+of\b/i.test(after)) return undefined;
      // "the past week", "the coming year", "for the last month": a stretch of time reaching to or from now
      // (a quarter is a period of the calendar: "the last quarter" is the one before this).
      if ((rel === 'past' || rel === 'coming' || (rel === 'last' && x.the && u !== 'quarter')) && !mod && !x.edge && u !== 'weekend') {
        return { value: durationValue(1, u), type: 'DURATION' };
      }
      const off = rel === 'last' || rel === 'previous' || (rel === 'past' && u === 'weekend') ? -1 : rel === 'next' || rel === 'coming' ? 1 : 0;
      return anchored(env, 'DATE', u === 'week' ? 'XXXX-WXX' : u === 'month' ? 'XXXX-XX' : 'XXXX', (a) => {
        switch (u) {
          case 'week': return { value: fmtWeek(addDays(a, 7 * off)), type: 'DATE', mod };
          case 'weekend': {
            let d = a;
            const dir = env.direction(m.index, m.index + m[0].length);
            if (off < 0 || (off === 0 && dir === 'past' && weekday(a) >= 1 && weekday(a) <= 5)) {
              d = addDays(a, -1);
              while (weekday(d) !== 0) d = addDays(d, -1);
            } else if (off > 0) d = addDays(a, 7);
            return { value: fmtWeek(weekday(d) === 0 ? d : addDays(d, (7 - weekday(d)) % 7)) + '-WE', type: 'DATE' };
          }
          case 'month': { const x2 = addMonths(a, off); return { value: fmtMonth(x2.y, x2.m), type: 'DATE', mod }; }
          case 'quarter': {
            const idx = a.y * 4 + Math.floor((a.m - 1) / 3) + off;
            return { value: `${fmtYear(Math.floor(idx / 4))}-Q${(idx % 4) + 1}`, type: 'DATE', mod };
          }
          case 'decade': return { value: `${Math.floor((a.y + off * 10) / 10)}X`, type: 'DATE', mod };
          default: return { value: fmtYear(a.y + off), type: 'DATE', mod };
        }
      }, mod);
    },
  },
  {
    name: 'set',
    words: ['daily', 'weekly', 'monthly', 'annually', 'yearly', 'hourly', 'nightly', 'quarterly', 'every', 'each', 'per', 'weekends'],
    wholeWords: true,
    reach: 0,
    re: re(`\\b(?:(?<w>daily|weekly|monthly|annually|yearly|hourly|nightly|quarterly)|(?<q>every|each|per)\\s+(?:(?<n>other|${NUMBER_WORDS_SOURCE}|\\d+)\\s+)?(?<u>day|week|month|year|hour|morning|evening|night|weekend)s?|(?:every|each)\\s+(?<wd>${WD}|spring|summer|fall|autumn|winter)(?:\\s+(?<dp>morning|afternoon|evening|night))?|(?<=\\b(?:on|at)\\s+)(?<wends>weekends))\\b`),
    build(m, env) {
      const x = g(m);
      if (x.wends) return { value: 'XXXX-WXX-WE', type: 'SET' }; // "on weekends"
      // "every Monday" = XXXX-WXX-1, "every summer" = XXXX-SU.
      if (x.wd) {
        const w = x.wd.toLowerCase();
        const part = x.dp && !SEASONS[w] ? `T${DAY_PARTS[x.dp.toLowerCase()]}` : '';
        return { value: SEASONS[w] ? `XXXX-${SEASONS[w]}` : `XXXX-WXX-${WEEKDAYS[w] || 7}${part}`, type: 'SET' };
      }
      // "the party daily Granma", "News Daily": a newspaper or a show.
      if (x.w && /^\s+[A-Z]/.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 3))) return undefined;
      if (x.w && inName(env.text, m.index)) return undefined;
      if (x.w) return { value: SET_WORDS[x.w.toLowerCase()]!, type: 'SET' };
      const u = x.u!.toLowerCase();
      if (u === 'morning' || u === 'evening' || u === 'night') return { value: `XXXX-XX-XXT${DAY_PARTS[u]}`, type: 'SET' };
      if (u === 'weekend') return { value: 'XXXX-WXX-WE', type: 'SET' };
      const n = x.n ? (x.n.toLowerCase() === 'other' ? 2 : parseNumber(x.n)) : 1;
      return { value: durationValue(n, u), type: 'SET' };
    },
  },
  {
    // "on Mondays", "Fridays at noon": a weekday in the plural recurs (XXXX-WXX-1).
    name: 'weekday-set',
    words: WEEKDAY_WORDS,
    reach: 0,
    re: re(`\\b(?<wd>${WD})s\\b`),
    build(m, env) {
      const x = g(m);
      if (!cap(x.wd) || inName(env.text, m.index) || NAMED_DAY_BEFORE.test(env.text.slice(Math.max(0, m.index - 12), m.index))) return undefined;
      return { value: `XXXX-WXX-${WEEKDAYS[x.wd!.toLowerCase()] || 7}`, type: 'SET' };
    },
  },
  {
    name: 'offset-in',
    cue: /\bin\s+(?:\S+\s+){1,3}(?:second|minute|hour|day|week|fortnight|month|year|decade|centur)/i,
    // "in two weeks", "in five days' time": a date counted from now, with the stretch kept beside it.
    re: re(`\\bin\\s+(?:(?:about|around|roughly|approximately|another|just|only)\\s+)?(?<n>${NUM})\\s+(?:more\\s+)?(?<u>${UNIT_SOURCE})s?(?:['’]?\\s+time)?\\b`),
    build(m, env) {
      const x = g(m);
      const n = countOf(x.n!);
      if (n === undefined || cap(x.u) || /^(?:a|an)$/i.test(x.n!) && /^second$/i.test(x.u!)) return undefined;
      const end = m.index + m[0].length;
      // "the first time in five years", "the worst in a decade", "built in two days": a stretch, not a date.
      if (STRETCH_BEFORE.test(env.text.slice(Math.max(0, m.index - 60), m.index))) return undefined;
      if (/^(?:\s*(?:of|ago|old|earlier|later|before|after)\b|-)/i.test(env.text.slice(end, end + 12))) return undefined;
      if (env.direction(m.index, end) === 'past') return undefined;
      const duration = durationValue(n, x.u!);
      return anchored(env, 'DATE', UNRESOLVED_DATE, (a) => ({ value: agoValue(a, n, x.u!, 1), type: 'DATE', duration }));
    },
  },
  {
    name: 'duration',
    words: UNIT_WORDS,
    // A bound, not an exact length: a bound word, a count in words and "more" come to far less.
    reach: 80,
    re: re(`\\b(?:(?<q>${DURATION_MOD_SOURCE})\\s+)?(?:the\\s+)?(?:(?<rel>past|last|next|coming|previous|first|final|recent)\\s+)?(?<n>${NUM})(?:\\s+(?:more|additional|full|long))?(?:\\s+|-)(?<u>${UNIT_SOURCE})s?(?<half>\\s+and\\s+a\\s+half)?(?<long>-long|-old)?\\b(?:(?<orso>\\s+or\\s+so)?\\s+(?:(?<ago>ago|from\\s+(?:now|today|(?<tmw>tomorrow))|hence)|(?<after>earlier)\\b))?`),
    build(m, env) {
      const x = g(m);
      if (x.long?.toLowerCase() === '-old' || /^\s+old\b/i.test(env.text.slice(m.index + m[0].length, m.index + m[0].length + 5))) return undefined; // an age, not a time
      if (cap(x.u)) return undefined; // a title: "60 Minutes"
      if (/^an?$/i.test(x.n!) && /^second$/i.test(x.u!)) return undefined; // "a second attack" is an ordinal
      const n0 = countOf(x.n!);
      // "a year and a half": the half is counted in the unit.
      const n = x.half && n0 !== undefined ? n0 + 0.5 : n0;
      const u = x.u!.toLowerCase();
      // "some day" (one day, not a count of days) is a time ahead, as "someday" is.
      const rest = env.text.slice(m.index + m[0].length, m.index + m[0].length + 12);
      if (/^some$/i.test(x.n!) && u === 'day' && !x.q && !x.rel && /day$/i.test(m[0])) {
        // "on some day in May", "some day or two" are a day of another time, or a count.
        if (/^\s+(?:in|of|or|and)\b/i.test(rest) || /\b(?:on|for|by|until|from)\s+$/i.test(env.text.slice(Math.max(0, m.index - 7), m.index))) return undefined;
        return { value: 'FUTURE_REF', type: 'DATE' };
      }
      if (/^-to-/.test(rest)) return undefined; // "on a day-to-day basis"
      const before = env.text.slice(Math.max(0, m.index - 20), m.index);
      // "over the past 12 months": "over" is the preposition, not a bound.
      const qWord = x.q?.toLowerCase().replace(/\s+/g, ' ');
      const mod = qWord && !(qWord === 'over' && (x.rel || /\bthe\s/i.test(m[0]))) ? DURATION_MODS[qWord] : undefined;
      // "a year earlier" in a report compares with the same period a year before publication.
      if (x.after?.toLowerCase() === 'earlier' && n === 1 && /^(?:year|quarter|month)/i.test(u)) {
        return anchored(env, 'DATE', UNRESOLVED_DATE, (a) => ({
          value: /^quarter/i.test(u) ? `${fmtYear(a.y - (a.m <= 3 ? 1 : 0))}-Q${((Math.floor((a.m - 1) / 3) + 3) % 4) + 1}` : agoValue(a, n, u, -1), type: 'DATE',
        }));
      }
      if (x.ago) {
        const sign = x.ago.toLowerCase() === 'ago' ? -1 : 1;
        if (n === undefined) return { value: sign < 0 ? 'PAST_REF' : 'FUTURE_REF', type: 'DATE' };
        // "Two weeks from tomorrow" counts from the day after publication.
        // "a week or so ago" is as near as "about a week ago".
        const approx = mod === 'APPROX' || !!x.orso;
        return anchored(env, 'DATE', UNRESOLVED_DATE, (a) => ({ value: agoValue(x.tmw ? addDays(a, 1) : a, n, u, sign), type: 'DATE', mod: approx ? 'APPROX' : undefined }));
      }
      // "$600 a month", "twice a day": a rate, not a stretch of time.
      if (/^an?$/i.test(x.n!) && !x.q && !x.rel && (/(?:\d(?:k|m|bn?|mn|tn)?|%|dollars?|euros?|pounds?|percent|times|twice|once)\s*$/i.test(before))) {
        return { value: durationValue(1, u), type: 'SET' };
      }
      // "one day" is often "some day", and "the first day" an ordinal position.
      if (x.rel && /^(?:first|final)$/i.test(x.rel) && n === 1) return undefined;
      if (/^\s*(?:of\s+the|'s|’s)\b/.test(rest) && n === 1 && !x.q) return undefined;
      // The count is kept: "ten days later", "two days before the vote" make it a date (reference.ts).
      return { value: durationValue(n, u), type: 'DURATION', mod, ...(n !== undefined && !x.rel && !x.long ? { offset: { n, unit: u } } : {}) };
    },
  },
  {
    name: 'vague-duration',
    words: ['year', 'month', 'week', 'day', 'decade', 'hour'],
    reach: 15,
    re: re(`\\b(?:(?<pre>for|within|over|in|after)\\s+(?:(?:many|several|a\\s+few|the\\s+past|the\\s+last|recent)\\s+)?|(?:the\\s+)?(?:coming|next\\s+few|past\\s+few|last\\s+few)\\s+)(?<u>years|months|weeks|days|decades|hours)\\b|\\b(?<u2>years|months|weeks|days|decades|hours)-long\\b|\\b(?<u3>day|week|month|year|hour)-long\\b`),
    build(m) {
      const x = g(m);
      if (x.u3) return { value: durationValue(1, x.u3), type: 'DURATION' };
      return { value: durationValue(undefined, (x.u ?? x.u2)!), type: 'DURATION' };
    },
  },
];
