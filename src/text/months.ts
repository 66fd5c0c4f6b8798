/*
 * Month names as news text and feeds write them ("March", "Sept.", "04 Mar 2025"), with
 * their numbers: the one list the times, quantities, places, tokens and ingest code read.
 */

/** Full names, January first. */
const NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/** Short forms and their months ("may" has none; September has two). */
const SHORT: Readonly<Record<string, number>> = { jan: 1, feb: 2, mar: 3, apr: 4, jun: 6, jul: 7, aug: 8, sep: 9, sept: 9, oct: 10, nov: 11, dec: 12 };

/** Month number (1-12) of a lower-case full name or short form. */
export const MONTHS: Readonly<Record<string, number>> = { ...Object.fromEntries(NAMES.map((n, i) => [n, i + 1])), ...SHORT };

export const FULL_MONTHS: ReadonlySet<string> = new Set(NAMES);

/** Short forms, which are written with a period ("Jan.", "Sept."). */
export const MONTH_ABBREVIATIONS: readonly string[] = Object.keys(SHORT);

/** Regex source for any full name or short form, longest first so "sept" is not read as "sep". */
export const MONTH_WORD_SOURCE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
