/**
 * Calendar arithmetic on plain UTC dates (no time zones: TIMEX3 values are calendar values).
 */

export interface Ymd {
  readonly y: number;
  /** 1-12 */
  readonly m: number;
  readonly d: number;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function toUtc(x: Ymd): Date {
  const t = new Date(Date.UTC(2000, x.m - 1, x.d));
  t.setUTCFullYear(x.y);
  return t;
}

export function fromUtc(t: Date): Ymd {
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** Parses YYYY-MM-DD (or the date part of a full ISO timestamp); undefined when it is not a real date. */
export function parseIsoDate(s: string | undefined): Ymd | undefined {
  if (!s) return undefined;
  const m = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})/.exec(s);
  if (!m) return undefined;
  const x = { y: +m[1]!, m: +m[2]!, d: +m[3]! };
  return isValidDate(x) ? x : undefined;
}

export function isValidDate(x: Ymd): boolean {
  return x.m >= 1 && x.m <= 12 && x.d >= 1 && x.d <= daysInMonth(x.y, x.m);
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function addDays(x: Ymd, n: number): Ymd {
  const t = toUtc(x);
  t.setUTCDate(t.getUTCDate() + n);
  return fromUtc(t);
}

/** Month arithmetic; the day is clamped to the target month. */
export function addMonths(x: Ymd, n: number): Ymd {
  const idx = x.y * 12 + (x.m - 1) + n;
  const y = Math.floor(idx / 12), m = (idx - y * 12) + 1;
  return { y, m, d: Math.min(x.d, daysInMonth(y, m)) };
}

/** 0 = Sunday ... 6 = Saturday. */
export function weekday(x: Ymd): number {
  return toUtc(x).getUTCDay();
}

/** ISO 8601 week-numbering year and week of a date (weeks start on Monday; week 1 holds the first Thursday). */
export function isoWeek(x: Ymd): { year: number; week: number } {
  const t = toUtc(x);
  const dow = (t.getUTCDay() + 6) % 7; // Monday = 0
  t.setUTCDate(t.getUTCDate() - dow + 3); // Thursday of this week decides the year
  const year = t.getUTCFullYear();
  const jan4 = new Date(Date.UTC(2000, 0, 4));
  jan4.setUTCFullYear(year);
  const jan4Dow = (jan4.getUTCDay() + 6) % 7;
  const week1Thu = jan4.getTime() + (3 - jan4Dow) * 86400000;
  const week = 1 + Math.round((t.getTime() - week1Thu) / (7 * 86400000));
  return { year, week };
}

export const fmtYear = (y: number) => (y < 0 ? '-' + pad(-y, 4) : pad(y, 4));
export const fmtMonth = (y: number, m: number) => `${fmtYear(y)}-${pad(m)}`;
export const fmtDate = (x: Ymd) => `${fmtMonth(x.y, x.m)}-${pad(x.d)}`;
export function fmtWeek(x: Ymd): string {
  const w = isoWeek(x);
  return `${fmtYear(w.year)}-W${pad(w.week)}`;
}
export const fmtTime = (h: number, min: number) => `T${pad(h)}:${pad(min)}`;

/** Western Easter Sunday (anonymous Gregorian computus). */
export function easter(y: number): Ymd {
  const a = y % 19, b = Math.floor(y / 100), c = y % 100, d = Math.floor(b / 4), e = b % 4;
  const f = Math.floor((b + 8) / 25), g = Math.floor((b - f + 1) / 3), h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4), k = c % 4, l = (32 + 2 * e + 2 * i - h - k) % 7, m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31), day = ((h + l - 7 * m + 114) % 31) + 1;
  return { y, m: month, d: day };
}

/** The n-th given weekday (0 = Sunday) of a month, e.g. the fourth Thursday of November. */
export function nthWeekday(y: number, m: number, dow: number, n: number): Ymd {
  const first = weekday({ y, m, d: 1 });
  return { y, m, d: 1 + ((dow - first + 7) % 7) + (n - 1) * 7 };
}

export function compareYmd(a: Ymd, b: Ymd): number {
  return a.y - b.y || a.m - b.m || a.d - b.d;
}
