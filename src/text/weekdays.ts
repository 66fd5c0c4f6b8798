/* Weekday names, with their numbers: the one list the times, quotes, places and tokens code read. */

/** 0 = Sunday, as Date#getUTCDay. */
export const WEEKDAYS: Readonly<Record<string, number>> = {
  sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6,
};

export const WEEKDAY_NAMES: readonly string[] = Object.keys(WEEKDAYS);

/** Short forms, which are written with a period ("Tues."). */
export const WEEKDAY_ABBREVIATIONS: readonly string[] = ['mon', 'tue', 'tues', 'wed', 'thu', 'thur', 'thurs', 'fri', 'sat', 'sun'];
