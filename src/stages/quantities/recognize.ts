import { SpanIndex } from '../../core/span-index.js';
import type { Quantity } from '../../core/layers.js';
import type { Span } from '../../core/span.js';
import type { Unnumbered } from '../../layers/spec.js';
import { CODE_AFTER, CURRENCY_AFTER, CURRENCY_BEFORE, currencyAfter, currencyByName, currencyBySymbol } from './currency.js';
import { NUMBER_WORDS_SOURCE, parseNumber, round, SCALES } from '../../text/numbers.js';
import { MONTH_WORD_SOURCE } from '../../text/months.js';

/** Words before a number that bound or soften it, normalised. */
const QUALIFIERS: Record<string, string> = {
  'more than': 'more_than', over: 'more_than', 'upwards of': 'more_than', 'in excess of': 'more_than', 'just over': 'more_than',
  'well over': 'more_than', 'greater than': 'more_than',
  'at least': 'at_least', 'no fewer than': 'at_least', 'no less than': 'at_least', 'a minimum of': 'at_least',
  'up to': 'up_to', 'as many as': 'up_to', 'no more than': 'up_to', 'at most': 'up_to', 'a maximum of': 'up_to',
  'fewer than': 'less_than', 'less than': 'less_than', under: 'less_than', 'just under': 'less_than', 'below': 'less_than',
  about: 'about', around: 'about', roughly: 'about', approximately: 'about', some: 'about', 'an estimated': 'about',
  estimated: 'about', circa: 'about', 'more or less': 'about', 'in the region of': 'about', 'close to': 'nearly',
  nearly: 'nearly', almost: 'nearly', 'just shy of': 'nearly',
  exactly: 'exactly', precisely: 'exactly',
};
const QUAL_BEFORE = new RegExp(`\\b(${Object.keys(QUALIFIERS).sort((a, b) => b.length - a.length).map((q) => q.replace(/ /g, '\\s+')).join('|')})\\s+$`, 'i');

const FRACTION_PARTS: Record<string, number> = { half: 2, third: 3, quarter: 4, fourth: 4, fifth: 5, sixth: 6, eighth: 8, tenth: 10 };
const VAGUE_SCALE: Record<string, number> = { ten: 10, dozen: 12, score: 20, hundred: 100, thousand: 1e3, million: 1e6, billion: 1e9, trillion: 1e12 };

// Units written against their number: "5kg", "10km", "40mph", "2GW".
const GLUED_UNIT = '(?:kg|km|cm|mm|mg|ml|lbs?|ft|mph|kph|km/h|[kMG]W)';
const GLUED_AFTER = new RegExp(`^(${GLUED_UNIT})(?![\\w])`);

// One number: vague plurals, digits with an optional scale, or words.
const CORE = new RegExp(
  '(?<![\\w.,]|[A-Za-z]-)(?:' +
    '(?<tens>tens|hundreds|dozens|scores)\\s+of\\s+(?<tensOf>thousands|millions|billions)' +
    '|(?<few>several|a\\s+few|a\\s+couple\\s+of|many)\\s+(?<fewScale>hundred|thousand|million|billion|dozen)s?(?:\\s+of\\s+(?<fewOf>thousands|millions|billions))?' +
    '|(?<plural>dozens|scores|hundreds|thousands|millions|billions)' +
    '|(?<digits>\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?|\\.\\d+)(?:\\s*(?<scale>hundred|thousand|million|billion|trillion)\\b|(?<abbr>bn|mn|m|k|tn|b)\\b)?' +
    '|(?<frac>a|one|two|three|four|five|six|seven|eight|nine)[\\s-]+(?<part>half|halves|thirds?|quarters?|fourths?|fifths?|sixths?|eighths?|tenths?)(?:\\s+of\\s+an?\\s+(?<fracScale>thousand|million|billion|trillion))?(?![\\w-])' +
    `|(?<whole>\\d+|${NUMBER_WORDS_SOURCE})\\s+and\\s+a\\s+half(?:\\s+(?<halfScale>hundred|thousand|million|billion|trillion))?` +
    `|(?<words>(?:half\\s+a|a|an)\\s+(?:dozen|hundred|thousand|million|billion)|${NUMBER_WORDS_SOURCE})` +
  `)(?:(?![\\w])|(?<=\\d)(?=${GLUED_UNIT}(?![\\w])))`, 'gi');

// A measure joined to its number: "a 3-inch pipe", "a six-mile walk", "a 10-storey block".
const MEASURE_AFTER = /^-(inch|foot|mile|yard|met(?:er|re)|kilomet(?:er|re)|km|centimet(?:er|re)|cm|millimet(?:er|re)|mm|kilo(?:gram)?|kg|gram|ton|tonne|pound|ounce|gallon|lit(?:er|re)|acre|hectare|megawatt|kilowatt|watt|volt|degree|storey|story|floor|lane|seat|bed|page|point|member|man|percent)(?![\w-])/i;
const CENTS_AFTER = /^\s+(?:and\s+)?(\d{1,2})\s+(?:cents?|pence)\b/i;
const BOUND_AFTER = /^(?:\s+or\s+(more|less|fewer|greater|higher|lower|so|thereabouts)|\s+and\s+(over|above|up|under|below)|-?(plus)|(\+))(?![\w+])/i;
/** `before` ends inside a quoted markup value: `="`, `= '`. */
function markupValue(before: string): boolean {
  const last = before[before.length - 1];
  return (last === '"' || last === "'") && before.slice(0, -1).trimEnd().endsWith('=');
}

// Where a sentence, a quotation or a parenthesis opens.
const SENTENCE_START = /(?:^|[.!?:;"“‘(]|\n)\s*$/;
const URL_BEFORE = /(?:https?:\/\/|www\.)\S*$|[?&=][\w%-]*$/i;
const PERCENT_AFTER = /^\s*(?:%|percent\b|per\s*cent\b|percentage\s+points?\b)/i;
const PER_AFTER = /^(?:\s+(?:a|an|per|each|every)\s+(day|week|month|year|hour)|\s*\/\s*(day|week|month|year|hour)|\s+(daily|weekly|monthly|annually|yearly))\b/i;
const PER_WORD: Record<string, string> = { daily: 'day', weekly: 'week', monthly: 'month', annually: 'year', yearly: 'year' };
const RANGE_SEP = /^\s*(?:-|–|—|to|and|or)\s*/i;
const MONTH_NEAR = new RegExp(`\\b(?:${MONTH_WORD_SOURCE})\\.?\\s*$`, 'i');
const MONTH_AFTER = new RegExp(`^\\s*(?:of\\s+)?(?:${MONTH_WORD_SOURCE})\\b`, 'i');
const TIME_AFTER = /^\s*(?:a\.?m\b|p\.?m\b|o['’]clock|gmt|utc|[ecmp][sd]t\b|:\d)/i;
const ORDINAL_AFTER = /^\s?(?:st|nd|rd|th)\b/i;
const LABEL_BEFORE = /\b(?:no|nos|resolutions?|passcode|code|order|article|section|chapter|route|highway|flight|room|page|phase|version|category|grade|type|model|mark|unit|division|brigade|battalion|regiment|squadron|corps|district|zone|sector|building|gate|terminal|platform|channel|tier|stage|round|episode|volume|vol|part|act|number|apartment|street|level|law|decree|paragraph|item|point|group|camp|block|the)\.?\s*#?$/i;
// Capitalised words that may stand before a counted number ("But 300 stayed"); any other capitalised
// word right before a number makes it a designator ("CTF 50", "Eager Lion 16", "Order 13582").
const FUNCTION_CAPS = new Set('a an and but or of in on at to from by with for the some about only nearly almost around over another all just all those these its their his her our while when after before since until as than that then there here if yet so nor also even roughly approximately least more fewer less up estimated perhaps maybe still including among between ago now today yesterday'.split(' '));
const STOP = new Set(('the a an of in on at to from by with and or but for as than that which who whom whose this these those last next ' +
  'is are was were be been being has have had do does did will would could should may might must can ' +
  'it its their his her our your my they them he she we you i there here when where while after before during since until ' +
  'according said says told more less most least per each every about around nearly almost some over under up down out into onto ' +
  'percent per cent times year years month months week weeks day days hour hours ago later earlier old').split(' '));
const PARTICIPLES = new Set('killed wounded injured dead displaced missing detained arrested kidnapped abducted executed captured held trapped affected evacuated deployed stationed recruited trained'.split(' '));
const WORD_AFTER = /^\s+([A-Za-z][a-z]*(?:-[a-z]+)*)/;

export interface QuantityMatch extends Quantity {}

interface Num {
  start: number;
  end: number;
  value?: number;
  min?: number;
  max?: number;
  vague?: boolean;
  /** The scale multiplier read with the number ("million"), to spread to the first half of a range. */
  scale?: number;
  words?: boolean;
  isYearLike?: boolean;
  raw: string;
}

function readCore(m: RegExpExecArray, currency: boolean): Num | undefined {
  const gr = m.groups ?? {};
  const start = m.index, end = m.index + m[0].length, raw = m[0];
  if (gr.tens) {
    const base = VAGUE_SCALE[gr.tens.toLowerCase().replace(/s$/, '')]!, scale = VAGUE_SCALE[gr.tensOf!.toLowerCase().replace(/s$/, '')]!;
    // "tens of thousands": at least two tens of them, fewer than the next order of magnitude.
    return { start, end, min: 2 * base * scale, max: (base === 100 ? 1000 : 100) * scale - 1, vague: true, raw };
  }
  if (gr.few) {
    const scale = VAGUE_SCALE[gr.fewScale!.toLowerCase()]! * (gr.fewOf ? VAGUE_SCALE[gr.fewOf.toLowerCase().replace(/s$/, '')]! : 1);
    const few = gr.few.toLowerCase().replace(/\s+/g, ' ');
    const [lo, hi] = few === 'several' ? [3, 9] : few === 'many' ? [5, 9] : few === 'a couple of' ? [2, 3] : [2, 5];
    return { start, end, min: lo * scale, max: hi * scale, vague: true, raw };
  }
  if (gr.plural) {
    const s = gr.plural.toLowerCase().replace(/s$/, '');
    const scale = VAGUE_SCALE[s]!;
    if (scale === 12) return { start, end, min: 24, max: 99, vague: true, raw };
    if (scale === 20) return { start, end, min: 40, max: 199, vague: true, raw };
    return { start, end, min: 2 * scale, max: 10 * scale - 1, vague: true, raw };
  }
  if (gr.digits) {
    let v = parseNumber(gr.digits);
    if (v === undefined) return undefined;
    let scale: number | undefined;
    if (gr.scale) scale = SCALES[gr.scale.toLowerCase()];
    else if (gr.abbr) {
      const abbr = gr.abbr.toLowerCase();
      // "5m" alone is a distance and "4b" a label; "10k", "3bn", "1.2b" are counts.
      if (!currency && (abbr === 'm' || (abbr === 'b' && !gr.digits.includes('.')))) return undefined;
      scale = SCALES[abbr];
    }
    if (scale) v = round(v * scale);
    const isYearLike = !scale && /^\d{4}$/.test(gr.digits) && v >= 1800 && v <= 2100;
    return { start, end, value: v, scale, isYearLike, raw };
  }
  if (gr.frac) {
    // "two thirds", "a quarter of a million", "three-fifths": a share, times a scale when one follows.
    const part = gr.part!.toLowerCase().replace(/ves$/, 'f').replace(/s$/, '');
    const den = FRACTION_PARTS[part]!;
    const num = gr.frac.toLowerCase() === 'a' ? 1 : parseNumber(gr.frac)!;
    if (num >= den) return undefined; // "two halves", "five quarters": not a share
    const v = round((num / den) * (gr.fracScale ? SCALES[gr.fracScale.toLowerCase()]! : 1));
    return { start, end, value: gr.fracScale && den === 3 ? Math.round(v) : v, words: true, raw };
  }
  if (gr.whole) {
    const whole = parseNumber(gr.whole);
    if (whole === undefined) return undefined;
    const scale = gr.halfScale ? SCALES[gr.halfScale.toLowerCase()] : undefined;
    return { start, end, value: round((whole + 0.5) * (scale ?? 1)), scale, words: true, raw };
  }
  if (gr.words) {
    const v = parseNumber(gr.words.replace(/^half\s+a\s+/i, 'a ')) ;
    if (v === undefined) return undefined;
    const value = /^half/i.test(gr.words) ? v / 2 : v;
    const last = gr.words.toLowerCase().split(/[\s-]+/).pop()!;
    return { start, end, value, scale: SCALES[last], words: true, raw };
  }
  return undefined;
}

/** The counted thing after a number: "fighters", "foreign fighters", "people killed"; and where it ends. */
function countedNoun(text: string, from: number): { noun: string; end: number } | undefined {
  let pos = from;
  const ofMatch = /^\s+of\s+(?:the\s+|them\b)?/i.exec(text.slice(pos, pos + 12));
  if (ofMatch) {
    if (/them$/i.test(ofMatch[0])) return undefined;
    pos += ofMatch[0].length - 1;
  }
  const lead = /^\s+(?:more|other|additional|further|extra)(?=\s)/i.exec(text.slice(pos, pos + 15));
  if (lead) pos += lead[0].length;
  const words: string[] = [];
  for (let i = 0; i < 3; i++) {
    const w = WORD_AFTER.exec(text.slice(pos, pos + 40));
    if (!w) break;
    const word = w[1]!;
    const lower = word.toLowerCase();
    if (STOP.has(lower)) break;
    if (words.length && PARTICIPLES.has(lower)) { words.push(lower); break; }
    // A proper name right after the number is not the thing counted, but a nationality before a
    // noun ("120 Iraqi soldiers") or a plural of one ("two Moroccans") is.
    if (word[0] !== lower[0] && !words.length) {
      const next = WORD_AFTER.exec(text.slice(pos + w[0].length, pos + w[0].length + 30))?.[1];
      const demonymBeforeNoun = !!next && next[0] === next[0]!.toLowerCase() && !STOP.has(next) && /(?:an|i|ish|ese|ic)$/.test(word);
      if (/^[A-Z][a-z]+(?:ans|is|s)$/.test(word) && /(?:ans|is|ds|ks|bs)$/.test(word)) return { noun: word, end: pos + w[0].length };
      if (!demonymBeforeNoun) return undefined;
      words.push(word);
      pos += w[0].length;
      continue;
    }
    if (word[0] !== lower[0]) break;
    if (words.length && /ed$/.test(lower)) break; // "63 nation coalition designed": the verb ends the phrase
    if (!words.length && /(?:ed|ing)$/.test(lower) && !PARTICIPLES.has(lower)) {
      // A verb ("100 arrived in") unless a noun follows, as in "12 armoured vehicles".
      const next = WORD_AFTER.exec(text.slice(pos + w[0].length, pos + w[0].length + 30))?.[1];
      if (!next || STOP.has(next.toLowerCase()) || next[0] !== next[0]!.toLowerCase()) return undefined;
    }
    words.push(lower);
    pos += w[0].length;
    // A plural noun usually ends the phrase ("fighters", "civilians"); keep going only for a participle after it.
    if (/[^s]s$/.test(lower) || /(?:people|men|women|children|police|personnel|staff|troops|cattle|sheep)$/.test(lower)) {
      const next = WORD_AFTER.exec(text.slice(pos, pos + 30));
      if (next && PARTICIPLES.has(next[1]!.toLowerCase())) { words.push(next[1]!.toLowerCase()); pos += next[0].length; }
      break;
    }
  }
  return words.length ? { noun: words.join(' '), end: pos } : undefined;
}

// "fighters from Syria numbering more than 100": the thing counted comes before the verb.
const NUMBERING_BEFORE = /\b(?:numbering|numbered|totall?ing|totall?ed|estimated\s+at|put\s+at)\s+$/i;

function countedBefore(text: string, start: number): string | undefined {
  const before = text.slice(Math.max(0, start - 80), start);
  if (!NUMBERING_BEFORE.test(before)) return undefined;
  const words = before.replace(NUMBERING_BEFORE, '').split(/\s+/).filter(Boolean).slice(-8);
  const PREP = /^(?:from|in|of|at|on|across|into|near|around|with|to|by)$/i;
  const DET = /^(?:the|a|an|its|their|his|her|this|that|these|those)$/i;
  for (let i = words.length - 1; i >= 0; i--) {
    if (/[.;:!?]$/.test(words[i]!)) break; // not across a clause
    const word = words[i]!.replace(/[^A-Za-z-]/g, '');
    if (!/^[a-z][a-z-]*[^s]s$/.test(word) || STOP.has(word)) continue;
    // "from the hills" is where they came from, not what is counted.
    const prev = words[i - 1] ?? '', prev2 = words[i - 2] ?? '';
    if (PREP.test(prev) || (DET.test(prev) && PREP.test(prev2))) continue;
    return word;
  }
  return undefined;
}

/**
 * Finds quantities: numbers with their qualifier, range, currency, rate and the thing counted.
 * `exclude` are spans already read as something else (times and dates): numbers inside them are skipped.
 */
export function recognizeQuantities(text: string, exclude: readonly Span[] = []): Unnumbered<Quantity>[] {
  const out: Unnumbered<Quantity>[] = [];
  const excludeIndex = new SpanIndex(exclude);
  const excluded = (s: number, e: number) => excludeIndex.overlapsAny(s, e);
  CORE.lastIndex = 0;
  for (let m = CORE.exec(text); m; m = CORE.exec(text)) {
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    const cur = CURRENCY_BEFORE.exec(before);
    const first = readCore(m, !!cur);
    if (!first) continue;
    if (excluded(first.start, first.end)) continue;
    const after0 = text.slice(first.end, first.end + 40);
    if (ORDINAL_AFTER.test(after0) || TIME_AFTER.test(after0)) continue;
    if (!cur && (MONTH_NEAR.test(before) || MONTH_AFTER.test(after0))) continue;
    // Part of a compound: "F-16", "a 35-year-old", "24-hour"; "a 500-strong force" and a measure ("3-inch") are kept.
    const measure = MEASURE_AFTER.exec(after0) ?? GLUED_AFTER.exec(after0);
    if (/^-[a-z]/i.test(after0) && !/^-(?:strong|plus)\b/i.test(after0) && !measure) continue;
    if (/[A-Za-z]-$/.test(before)) continue;
    // Inside a web address or a percent-encoded string ("%28", "?id=20"): not a count.
    if (/%[0-9A-F]?$/i.test(before) || /^%[0-9A-F]{2}/i.test(after0) || URL_BEFORE.test(before)) continue;
    // A time zone's offset ("GMT+0900", "UTC-5"): no count.
    if (/\b(?:GMT|UTC)\s*[+−-]\s*$/i.test(before)) continue;
    // Citation marks "[1]", coordinates "33°47′", phone numbers and fractions "910-432-3383", "24/7", eras "575 B.C.".
    if (/\[$/.test(before) && /^\]/.test(after0)) continue;
    if (/^\s*[°′″]/.test(after0) || /[°′″]\s*$/.test(before)) continue;
    if (/\d\s*[-–/]\s*$/.test(before) || /^\/\d/.test(after0)) continue;
    if (/^\s*(?:B\.?C\.?E?|A\.?D\.?|C\.?E\.)(?![a-z])/.test(after0)) continue;
    if (first.value !== undefined && /\.\d{4,}$/.test(first.raw)) continue; // a coordinate or a reading, not a count
    if (!cur && first.words && /^[A-Z][a-z]+-[A-Z]/.test(first.raw)) continue; // "Ninety-Four": a name or a title

    // "Mega Millions", "the Thousand Islands": a capitalised word inside a name; so is a number word
    // before a capitalised word that is no plural ("Zero Hedge said", "Three Mile Island"; not "Two Instances").
    const capitalInside = /^[A-Z]/.test(first.raw) && !SENTENCE_START.test(before);
    if (capitalInside && (first.vague || (!cur && first.words && /^\s+[A-Z][a-z]*[^s\W](?![\w'’])/.test(after0)))) continue;
    // A value in markup (timestamp="1474387200") or inches after feet (6'3"): no count.
    if (markupValue(before) || (/^["”″]/.test(after0) && /\d['’′]$/.test(before))) continue;
    // Lists of numbers ("balls 11, 28, 31") and ages after a name ("Jane Doe, 59,") count nothing.
    if (first.value !== undefined && !cur && !first.words && (/\d,\s*$/.test(before) || /\d,\s*\d+,?\s+(?:and|or)\s+$/.test(before) || /^,\s*\d/.test(after0))) continue;
    if (first.value !== undefined && !cur && /[A-Z][a-z]+,\s*$/.test(before) && /^,/.test(after0) && first.value < 120) continue;

    let start = first.start, end = first.end;
    let currency = cur ? currencyBySymbol(cur[1], cur[2]) : undefined;
    if (cur) start -= cur[0].length;
    let value = first.value, min = first.min, max = first.max, vague = first.vague;
    // "minus 5 degrees", "growth of -0.3 percent": below zero ("plus or minus 3 points" is a margin).
    const minus = !cur && value !== undefined && min === undefined && max === undefined ? /(?:(?<!\bplus\s+or\s+)\bminus\s+|(?<=^|[\s(])[-−])$/i.exec(before) : null;
    if (minus && value !== undefined) {
      value = -value;
      start -= minus[0].length;
    }
    let qualifier: string | undefined;

    // A range: "10-15", "$500 to $600", "between 10 and 15", "1 to 2 million".
    // "5 percent to 25 percent", "5% to 10%": the unit may be repeated on both ends.
    const pctFirst = PERCENT_AFTER.exec(text.slice(end, end + 20));
    const sepAt = pctFirst && RANGE_SEP.test(text.slice(end + pctFirst[0].length, end + pctFirst[0].length + 10)) ? end + pctFirst[0].length : end;
    const sep = RANGE_SEP.exec(text.slice(sepAt, sepAt + 10));
    if (sep && value !== undefined && (sepAt === end || PERCENT_AFTER.test(text.slice(sepAt + sep[0].length).replace(/^[\d.,]+/, '')))) {
      const isAnd = /and|or/i.test(sep[0]);
      const isDash = /[-–—]/.test(sep[0]);
      const startsBetween = /\b(?:between|from)\s+$/i.test(text.slice(Math.max(0, start - 10), start));
      if ((!isAnd || startsBetween) && !(isDash && first.words)) {
        const restStart = sepAt + sep[0].length;
        const rest = text.slice(restStart, restStart + 30);
        const cur2 = /^(?:US\$|\$|€|£)/.exec(rest);
        CORE.lastIndex = restStart + (cur2?.[0].length ?? 0);
        const m2 = CORE.exec(text);
        if (m2 && m2.index === restStart + (cur2?.[0].length ?? 0)) {
          const second = readCore(m2, !!cur || !!cur2);
          if (second && second.value !== undefined) {
            let lo = value;
            // "1 to 2 million": the scale of the second number applies to the first.
            if (second.scale && !first.scale && lo * second.scale <= second.value) lo = round(lo * second.scale);
            if (lo < second.value && !second.isYearLike) {
              min = lo; max = second.value; value = undefined; qualifier = 'range';
              end = second.end;
              if (!currency && cur2) currency = currencyBySymbol(cur2[0], undefined);
              if (startsBetween) start = text.slice(0, start).search(/\b(?:between|from)\s+$/i);
            } else if (isDash) {
              CORE.lastIndex = second.end;
              continue; // "3-1": a score or a ratio, not a range
            }
          }
        }
        if (qualifier !== 'range') CORE.lastIndex = first.end;
        else CORE.lastIndex = end;
      }
    }

    const q = QUAL_BEFORE.exec(text.slice(Math.max(0, start - 25), start));
    if (q && qualifier !== 'range') {
      qualifier = QUALIFIERS[q[1]!.toLowerCase().replace(/\s+/g, ' ')];
      start -= q[0].length;
    }

    // Years and lone "one": numbers that do not count anything unless the context says so.
    const after = text.slice(end, end + 60);
    const curAfter = measure ? null : CURRENCY_AFTER.exec(after);
    const codeAfter = !currency && !curAfter && !measure ? CODE_AFTER.exec(after) : null;
    if (codeAfter) {
      currency = currencyAfter(codeAfter);
      end += codeAfter[0].length;
    }
    // "50 cents": a hundredth of the dollar.
    const centsOnly = !currency && !curAfter && !measure && value !== undefined ? /^\s+cents?\b/i.exec(after) : null;
    if (centsOnly && value !== undefined) {
      currency = 'USD';
      value = round(value / 100);
      end += centsOnly[0].length;
    }
    const pct = measure || codeAfter || centsOnly ? null : PERCENT_AFTER.exec(after);
    if (first.isYearLike && !currency && !curAfter && !pct && !qualifier) {
      const noun = countedNoun(text, end)?.noun;
      if (!noun || !/s$/.test(noun)) continue;
    }
    if (first.words && value === 1 && !qualifier && !currency && !curAfter) continue;
    if (!currency && !qualifier && !pct && !curAfter && first.value !== undefined) {
      if (!first.words && LABEL_BEFORE.test(before) && !/\bthe\s*$/i.test(before)) continue;
      // A designator: "CTF 50", "(DDG 70)", "Chapter two", "Frequency: 12130".
      const prev = /([A-Za-z][\w.-]*)(:?)\s+$/.exec(before);
      if (prev && (prev[2] || (/^[A-Z]/.test(prev[1]!) && !FUNCTION_CAPS.has(prev[1]!.toLowerCase())))) continue;
    }
    // A day range before a month: "11-13 Dec.", "from 5-6 April".
    if (qualifier === 'range' && !currency && (MONTH_AFTER.test(text.slice(end, end + 15)) || /^\s*[°′″]/.test(text.slice(end, end + 3)))) continue;

    let unit: string | undefined;
    let per: string | undefined;
    if (measure) {
      unit = /^[kMG]W$/.test(measure[1]!) ? measure[1]! : measure[1]!.toLowerCase();
      end += measure[0].length;
    } else if (curAfter) {
      const c = currencyByName(curAfter[1], curAfter[2]!, /sterling/i.test(curAfter[0]));
      if (c) currency = c;
      else unit = curAfter[2]!.toLowerCase() + (/s$/i.test(curAfter[0]) ? 's' : '');
      end += curAfter[0].length;
    } else if (pct) {
      unit = /point/i.test(pct[0]) ? 'percentage points' : 'percent';
      end += pct[0].length;
    }
    // "$200 or less", "100 or more": the bound follows the number.
    // "3 dollars 50 cents", "$3 and 50 cents": one amount.
    const cents = currency && value !== undefined && Number.isInteger(value) ? CENTS_AFTER.exec(text.slice(end, end + 20)) : null;
    if (cents && value !== undefined) {
      value = round(value + Number(cents[1]) / 100);
      end += cents[0].length;
    }
    // "$200 or less", "five hundred or more", "500-plus", "20 or so": the bound follows the number.
    const bound = !qualifier ? BOUND_AFTER.exec(text.slice(end, end + 20)) : null;
    if (bound) {
      const w = (bound[1] ?? bound[2] ?? bound[3] ?? bound[4])!.toLowerCase();
      qualifier = /^(?:so|thereabouts)$/.test(w) ? 'about' : /^(?:more|greater|higher|over|above|up|plus|\+)$/.test(w) ? 'at_least' : 'up_to';
      end += bound[0].length;
    }
    const perM = PER_AFTER.exec(text.slice(end, end + 30));
    if (perM) {
      per = (perM[1] ?? perM[2] ?? PER_WORD[perM[3]!.toLowerCase()] ?? '').toLowerCase();
      end += perM[0].length;
    }
    if (!unit && !currency) {
      const counted = countedNoun(text, end);
      unit = counted?.noun ?? countedBefore(text, start);
      // "5,000 litres a day": the rate follows the unit.
      const perAfterUnit = counted && !per ? PER_AFTER.exec(text.slice(counted.end, counted.end + 30)) : null;
      if (perAfterUnit) per = (perAfterUnit[1] ?? perAfterUnit[2] ?? PER_WORD[perAfterUnit[3]!.toLowerCase()] ?? '').toLowerCase();
    }
    // A bare number with nothing counted and no qualifier, inside a longer digit string context, is kept: tables and scores are rare in news.

    if (qualifier && value !== undefined) {
      if (qualifier === 'more_than' || qualifier === 'at_least') min = value;
      if (qualifier === 'up_to' || qualifier === 'less_than' || qualifier === 'nearly') max = value;
    }
    const item: Unnumbered<Quantity> = {
      start, end, text: text.slice(start, end),
      ...(value !== undefined ? { value } : {}),
      ...(min !== undefined ? { min } : {}),
      ...(max !== undefined ? { max } : {}),
      ...(qualifier ? { qualifier } : {}),
      ...(unit ? { unit } : {}),
      ...(currency ? { currency } : {}),
      ...(per ? { per } : {}),
      ...(vague ? { vague: true } : {}),
    };
    out.push(item);
    if (CORE.lastIndex < end) CORE.lastIndex = end;
  }
  return out;
}
