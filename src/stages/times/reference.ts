import type { Span } from '../../core/span.js';
import { SpanIndex } from '../../core/span-index.js';
import { DAY_PARTS } from './lexicon.js';
import { agoValue, durationValue, g, re, UNRESOLVED_DATE, type Found, type Rule } from './resolve.js';

/*
 * Times counted from another time of the text rather than from the publication date: "that
 * day", "the next morning", "two days later" count from the last date the story gave; "the day
 * before last Tuesday's hearing" from the time it names; "ten days before the shooting" from
 * the date the text gives the shooting, when it gives one.
 */

export interface Placed extends Found, Span {
  readonly text: string;
  readonly rule: string;
}

const ANAPHORIC_UNIT = '(?:day|morning|afternoon|evening|night|week|month|year)';

export const REFERENCE_RULES: readonly Rule[] = [
  {
    name: 'anaphoric',
    words: ['day', 'morning', 'afternoon', 'evening', 'night', 'week', 'month', 'year'],
    reach: 25,
    re: re(`\\b(?:(?<edge>earlier|later)\\s+)?(?:(?<that>that(?:\\s+same)?|the\\s+same|the\\s+very)\\s+(?<u>${ANAPHORIC_UNIT})|the\\s+(?<dir>next|following|previous|preceding|prior)\\s+(?<u2>${ANAPHORIC_UNIT})|the\\s+day\\s+(?<ba>before|after)(?!\\s+(?:yesterday|tomorrow)))\\b`),
    build(m, env) {
      const x = g(m);
      const word = (x.u ?? x.u2 ?? 'day').toLowerCase();
      const dir = x.dir?.toLowerCase();
      // "the next week" counts from now (the relative-period rule); "the next day" from the story's day.
      if (dir === 'next' && /^(?:week|month|year)$/.test(word)) return undefined;
      // "the next morning" is the next day: the part of the day stays in the span, not the value (rules.ts).
      const unit = DAY_PARTS[word] ? 'day' : word;
      // "the day before" counts like "two days before": from the time or event named after it, or the story's day.
      if (x.ba) return { value: 'P1D', type: 'DURATION', offset: { n: 1, unit: 'day' } };
      const n = dir ? (dir === 'next' || dir === 'following' ? 1 : -1) : 0;
      const offset = { n, unit, anaphoric: true };
      // Until a reference time is found, the publication date stands in for the story's.
      const value = env.anchor ? shiftValue(`${env.anchor.y}-${String(env.anchor.m).padStart(2, '0')}-${String(env.anchor.d).padStart(2, '0')}`, n, unit) : undefined;
      return value ? { value, type: 'DATE', offset } : { value: UNRESOLVED_DATE, type: 'DATE', unresolved: true, offset };
    },
  },
  {
    name: 'vague-around',
    words: ['days', 'weeks', 'months', 'years'],
    wholeWords: true,
    reach: 0,
    // "in the weeks before the shooting": dated by the time it is counted from, else a stretch.
    // "the years that followed", "the months to come", "the days ahead": a stretch of no given length.
    re: re(`(?<=\\bthe\\s+)(?:(?<u>days|weeks|months)(?=\\s+(?:before|after|prior\\s+to|following)\\s)|(?<u2>days|weeks|months|years)(?=\\s+(?:that\\s+(?:followed|preceded)|to\\s+come|ahead)\\b))`),
    build(m) {
      const x = g(m);
      if (x.u2) return { value: durationValue(undefined, x.u2), type: 'DURATION' };
      const u = x.u!.toLowerCase();
      return { value: durationValue(undefined, u), type: 'DURATION', offset: { n: 0, unit: u.replace(/s$/, ''), vague: true } };
    },
  },
];

/**
 * The time `n` units from `base`; for a count left vague ("the weeks before"), the month of the
 * base (the year for months), the finest a stretch of unknown length allows.
 */
function countFrom(base: string, n: number, o: NonNullable<Found['offset']>): string | undefined {
  if (!o.vague) return shiftValue(base, n, o.unit);
  return /^\d{4}-\d\d/.exec(base)?.[0].slice(0, o.unit === 'month' ? 4 : 7);
}

/** Granularity a base value needs before `unit` can be counted from it. */
const NEEDS: Record<string, number> = { day: 3, hour: 3, minute: 3, second: 3, week: 3, fortnight: 3, month: 2, year: 1, decade: 1, century: 1 };

/** `base` (a TIMEX3 calendar value) moved by n units, at the unit's granularity; undefined when `base` is too coarse. */
export function shiftValue(base: string, n: number, unit: string): string | undefined {
  const m = /^(\d{4})(?:-(\d\d)(?:-(\d\d))?)?/.exec(base);
  const u = unit.toLowerCase().replace(/ies$/, 'y').replace(/s$/, '');
  if (!m || NEEDS[u] === undefined) return undefined;
  const have = m[3] ? 3 : m[2] ? 2 : 1;
  if (have < NEEDS[u]!) return undefined;
  const value = agoValue({ y: +m[1]!, m: m[2] ? +m[2] : 1, d: m[3] ? +m[3] : 1 }, Math.abs(n), u, n < 0 ? -1 : 1);
  return value;
}

const CALENDAR = /^\d{4}/;
// "two days later", "a week earlier", "three days before." (no object): counted from the story's last date.
const NARRATIVE_AFTER = /^\s+(?:(later|afterwards?|earlier|previously)\b|(before|after)(?=\s*(?:[.,;:!?)"”]|$)))/i;
const LINK_BETWEEN = /^\s+(before|after|prior\s+to|following)\s+$/i;
const EVENT_AFTER = /^\s+(before|after|prior\s+to|following)\s+(?:the|his|her|their|its|this|that)\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)/i;
// "ten days before Smith was shot": the event as a clause about someone named.
const EVENT_CLAUSE_AFTER = /^\s+(before|after)\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,2}\s+(?:was|were)\s+([a-z]+)/;

// Words news uses in turn for one killing: "ten days before the murder" after "was shot to death on Oct. 23".
const KILLING = ['murder', 'kill', 'slay', 'slain', 'shoot', 'shot', 'assassinat', 'death', 'died'];

const signOf = (word: string) => (/^(?:before|prior|earlier|previously)/i.test(word) ? -1 : 1);

/** The last time before `i` whose value counts `unit` (a date for days, a month for months...). */
function lastReference(done: readonly Placed[], unit: string): Placed | undefined {
  for (let k = done.length - 1; k >= 0; k--) {
    const t = done[k]!;
    if ((t.type === 'DATE' || t.type === 'TIME') && CALENDAR.test(t.value) && shiftValue(t.value, 0, unit) !== undefined) return t;
  }
  return undefined;
}

/**
 * The date the text gives an event named after "before"/"after" ("ten days before the
 * shooting"): a dated time within a few words of another mention of the event's noun.
 */
function eventDate(text: string, items: SpanIndex<Placed>, self: Placed, words: string, phraseEnd: number, unit: string, mentionsOf: Map<string, { index: number; length: number }[]>): string | undefined {
  for (const w of words.toLowerCase().split(/\s+/).reverse()) {
    if (w.length < 5) continue;
    const stem = w.replace(/(?:ings?|ions?|s)$/, '').replace(/[^\w]/g, '');
    // The text is searched once per word, however many phrases name it.
    const source = KILLING.some((k) => stem.startsWith(k)) ? `(?:${KILLING.join('|')})` : stem;
    let found = mentionsOf.get(source);
    if (!found) {
      const mention = new RegExp(`\\b${source}\\w*`, 'gi');
      mentionsOf.set(source, (found = [...text.matchAll(mention)].map((m) => ({ index: m.index, length: m[0].length }))));
    }
    const others = found.filter((m) => m.index < self.start || m.index >= phraseEnd); // not this very phrase
    // Only times within 40 characters of a mention can qualify.
    const near = others.map((m) => items.overlapping(m.index - 41, m.index + m.length + 41).filter((t) => t !== self && !t.offset && CALENDAR.test(t.value) && shiftValue(t.value, 0, unit) !== undefined &&
      Math.abs((t.start < m.index ? m.index - t.end : t.start - m.index - m.length)) <= 40 &&
      !/[.!?]\s/.test(text.slice(Math.min(t.end, m.index), Math.max(t.start, m.index)))).map((t) => ({ t, m })));
    // A time written right before the noun dates it best ("the Oct. 23 slaying"); else the first near one.
    const pre = near.flat().find(({ t, m }) => t.end <= m.index && /^\s+$/.test(text.slice(t.end, m.index)));
    const pick = pre ?? near.find((c) => c.length)?.[0];
    if (pick) return pick.t.value;
  }
  return undefined;
}

/** Resolves counted and anaphoric times against their reference; joins "N days before <time>" into one. */
export function resolveReferences(text: string, items: readonly Placed[]): Placed[] {
  const done: Placed[] = [];
  const itemsAt = new SpanIndex(items);
  const mentionsOf = new Map<string, { index: number; length: number }[]>();
  for (let i = 0; i < items.length; i++) {
    const t = items[i]!;
    const o = t.offset;
    if (!o) { done.push(t); continue; }
    const next = items[i + 1];
    // "the day before" holds its link word; "two days" is followed by it.
    const linkWord = /\b(before|after)$/i.exec(t.text)?.[1];
    const between = next ? text.slice(t.end, next.start) : '';
    const link = next && (LINK_BETWEEN.exec(between) ?? (linkWord && /^\s*$/.test(between) ? [between, linkWord] : null));
    const keepDuration = o.anaphoric ? {} : { duration: t.value };
    if (next && link && CALENDAR.test(next.value)) {
      const v = countFrom(next.value, signOf(link[1]!) * Math.abs(o.n || 1), o);
      if (v) {
        const { offset: _o, ...rest } = t;
        done.push({ ...rest, end: next.end, text: text.slice(t.start, next.end), value: v, type: 'DATE', ...keepDuration, unresolved: undefined });
        i++;
        continue;
      }
    }
    // Hours and minutes counted from a day say no more than the day: they stay stretches.
    const subDay = /^(?:hour|minute|second)/i.test(o.unit);
    const after = text.slice(linkWord ? t.end - linkWord.length - 1 : t.end, t.end + 80);
    const own = /\s(earlier|later)$/i.exec(t.text);
    const narrative = o.anaphoric || subDay ? null : NARRATIVE_AFTER.exec(after) ?? (own ? ['', own[1]!] : null);
    const event = !o.anaphoric && !narrative && !subDay ? EVENT_AFTER.exec(after) ?? EVENT_CLAUSE_AFTER.exec(after) : null;
    let value: string | undefined;
    let end = t.end;
    if (o.anaphoric || narrative) {
      const ref = lastReference(done, o.unit);
      const sign = o.anaphoric ? 1 : signOf(narrative![1] ?? narrative![2]!);
      if (ref) value = countFrom(ref.value, sign * o.n, o);
      if (narrative && narrative[0] && !linkWord) end = t.end + narrative[0].length;
    } else if (event) {
      const base = eventDate(text, itemsAt, t, event[2]!, t.end + event[0].length, o.unit, mentionsOf);
      if (base) value = countFrom(base, signOf(event[1]!) * o.n, o);
    }
    const { offset: _o, ...rest } = t;
    if (!value && linkWord) {
      // "the day after his death" with no date for the death: a day, unknown; "the day before authorities acted" is a clause.
      if (event) done.push({ ...rest, value: UNRESOLVED_DATE, type: 'DATE' });
      continue;
    }
    if (value) done.push({ ...rest, end, text: text.slice(t.start, end), value, type: 'DATE', ...keepDuration, unresolved: undefined });
    else done.push(rest);
  }
  return done;
}

// "from 1991 to 1997", "between now and Feb. 10", "Monday-Friday": two times that make one stretch.
const RANGE_BETWEEN = /^\s*(?:-|–|—|to|through|thru|until|till|and)\s*$/i;

/**
 * Marks the first end of a range with the value of its last (`to`). A weekday that ends a
 * range lies after the one that starts it ("from Friday to Monday").
 */
export function linkRanges(text: string, items: readonly Placed[]): Placed[] {
  const out = [...items];
  for (let i = 0; i + 1 < out.length; i++) {
    const a = out[i]!;
    let b = out[i + 1]!;
    if (a.to || a.type === 'DURATION' || a.type === 'SET' || b.type !== a.type) continue;
    const between = text.slice(a.end, b.start);
    if (!RANGE_BETWEEN.test(between)) continue;
    const opener = /\b(from|between)\s+$/i.exec(text.slice(Math.max(0, a.start - 9), a.start))?.[1]?.toLowerCase();
    const word = between.trim().toLowerCase();
    if (word === 'and' ? opener !== 'between' : !opener && (!CALENDAR.test(a.value) || a.value.length !== b.value.length)) continue;
    if (a.rule === 'weekday' && b.rule === 'weekday' && CALENDAR.test(b.value) && b.value < a.value) {
      b = { ...b, value: shiftValue(b.value, 7, 'day') ?? b.value };
      out[i + 1] = b;
    }
    out[i] = { ...a, to: b.value };
  }
  return out;
}

// A clock time and a day side by side: "at 6 a.m. ten days before the vote", "on March 3 at 10 p.m.",
// or with a place between them: "at 9 p.m. outside the court on March 3".
const CLOCK_THEN_DAY = /^\s*,?\s*(?:on\s+)?$|^\s+(?:near|outside|inside|in|at|behind|beside|by)\s+(?:(?!(?:and|or|but|then)\s)[\w'’.-]+\s+){1,4}(?:on\s+)?$/i;
const DAY_THEN_CLOCK = /^\s*,?\s*(?:at\s+)?$/i;
const DAY_VALUE = /^\d{4}-\d\d-\d\d$/;

/**
 * A clock time that names no day of its own takes the day written right before or after it; a
 * day that follows with nothing between ("6 a.m. ten days before the vote") is one time with it.
 */
export function dayForClockTimes(text: string, items: readonly Placed[]): Placed[] {
  const out = [...items];
  const ownDay = (t: Placed) => t.rule !== 'clock-time' || /\d{4}|day\b/i.test(t.text);
  for (let i = 0; i < out.length; i++) {
    const t = out[i]!;
    if (t.type !== 'TIME' || ownDay(t) || !t.value.includes('T')) continue;
    const next = out[i + 1], prev = out[i - 1];
    const day = next && next.type === 'DATE' && DAY_VALUE.test(next.value) && CLOCK_THEN_DAY.test(text.slice(t.end, next.start)) ? next
      : prev && prev.type === 'DATE' && DAY_VALUE.test(prev.value) && DAY_THEN_CLOCK.test(text.slice(prev.end, t.start)) ? prev : undefined;
    if (!day) continue;
    const value = day.value + t.value.slice(t.value.indexOf('T'));
    if (day === next && /^\s+$/.test(text.slice(t.end, next.start))) {
      out.splice(i, 2, { ...t, end: next.end, text: text.slice(t.start, next.end), value, unresolved: undefined });
    } else out[i] = { ...t, value, unresolved: undefined };
  }
  return out;
}
