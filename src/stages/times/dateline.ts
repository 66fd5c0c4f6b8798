import { parseIsoDate, type Ymd } from './calendar.js';
import { recognizeTimes } from './recognize.js';

const FULL_DATE = /^\d{4}-\d\d-\d\d/;

/**
 * The date of a dateline or a date line at the head of an article ("BEIRUT, July 24, 2017 (Reuters) -",
 * "24 July 2017" alone on the first line), for documents that come without a publication date.
 * Only a complete date counts: a day and month alone could be any year.
 */
export function datelineDate(text: string): { date: Ymd; start: number; end: number } | undefined {
  let offset = 0;
  const lines = text.slice(0, 400).split('\n');
  for (let i = 0; i < Math.min(lines.length, 4); i++) {
    const line = lines[i]!;
    const lineStart = offset;
    offset += line.length + 1;
    if (!line.trim()) continue;
    const found = recognizeTimes(line, undefined).find((t) => FULL_DATE.test(t.value) && !t.unresolved);
    if (found) {
      const before = line.slice(0, found.start), after = line.slice(found.end);
      // A dateline: a short line of its own, a place before the date, or an agency or dash after it.
      const isDateline = line.trim().length <= 60 || /^\s*[A-Z][A-Za-z .'’-]*,\s*(?:[A-Z][a-z]+\.?,?\s*)?$/.test(before) ||
        /^\s*(?:\([A-Za-z .]+\)|[-–—_])/.test(after);
      const date = parseIsoDate(found.value);
      if (isDateline && date) return { date, start: lineStart + found.start, end: lineStart + found.end };
    }
    if (line.trim().length > 60) break; // the body has begun
  }
  return undefined;
}
