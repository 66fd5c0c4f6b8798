/**
 * Reading numbers written in digits or in English words. Shared by the quantities and
 * times stages ("three months", "1.2 million").
 */

const SMALL: Record<string, number> = {
  zero: 0, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18,
  nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90,
};
export const SCALES: Record<string, number> = {
  hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12,
  k: 1e3, m: 1e6, mn: 1e6, bn: 1e9, b: 1e9, tn: 1e12,
};

/** Regex source for one English number word (cardinal), longest first so "seventeen" beats "seven". */
export const NUMBER_WORD_SOURCE = Object.keys(SMALL)
  .concat(['hundred', 'thousand', 'million', 'billion', 'trillion', 'dozen'])
  .sort((a, b) => b.length - a.length)
  .join('|');

/** Regex source for a run of number words: "twenty-five", "one hundred and five", "two million". */
export const NUMBER_WORDS_SOURCE = `(?:${NUMBER_WORD_SOURCE})(?:(?:[\\s-]+|\\s+and\\s+)(?:${NUMBER_WORD_SOURCE}))*`;

/** Value of a run of number words, or undefined when it is not one ("and" and hyphens allowed). */
export function parseNumberWords(s: string): number | undefined {
  const words = s.toLowerCase().replace(/^an?\s+/, 'one ').split(/[\s-]+/).filter((w) => w && w !== 'and');
  if (!words.length) return undefined;
  let total = 0, group = 0, seen = false;
  for (const w of words) {
    if (w in SMALL) { group += SMALL[w]!; seen = true; continue; }
    if (w === 'dozen') { group = (seen ? group || 1 : 1) * 12; seen = true; continue; }
    if (w === 'hundred') { group = (seen ? group || 1 : 1) * 100; seen = true; continue; }
    const scale = SCALES[w];
    if (scale && scale >= 1000) { total += (seen ? group || 1 : 1) * scale; group = 0; seen = true; continue; }
    return undefined;
  }
  return seen ? total + group : undefined;
}

/** "60,000" -> 60000, "1.2" -> 1.2, "1 000" stays undefined (ambiguous); "3,5" in European style is not read. */
export function parseDigits(s: string): number | undefined {
  const t = s.replace(/,(?=\d{3}(?:\D|$))/g, '');
  if (!/^\d+(?:\.\d+)?$/.test(t)) return undefined;
  return Number(t);
}

/** Digits or words, optionally followed by a scale word: "1.2 million", "3bn", "two dozen", "a hundred". */
export function parseNumber(s: string): number | undefined {
  const t = s.trim().toLowerCase();
  const m = /^(\d[\d,]*(?:\.\d+)?)\s*-?\s*([a-z]+)?$/.exec(t);
  if (m) {
    const base = parseDigits(m[1]!);
    if (base === undefined) return undefined;
    if (!m[2]) return base;
    const scale = m[2] === 'dozen' ? 12 : SCALES[m[2]];
    return scale ? round(base * scale) : undefined;
  }
  return parseNumberWords(t);
}

/** Avoids 1.2 * 1e6 = 1199999.9999999998. */
export function round(x: number): number {
  // Six decimals for shares; twelve significant digits for amounts in billions (65.4 * 1e9).
  return Math.abs(x) >= 1e6 ? Number(x.toPrecision(12)) : Math.round(x * 1e6) / 1e6;
}
