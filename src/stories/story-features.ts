import { normalizeName } from '../text/names.js';
import type { NewsRecord } from '../output/record.js';

/**
 * What story clustering compares of one document: its words with their counts, the
 * knowledge-base entities and GeoNames places it names, and the days and years it is about.
 * Computed from the record alone, the same way by the stage (the new document) and by the store
 * (the rows it keeps for later documents), so both sides compare like with like.
 */
export interface StoryFeatures {
  /** Word -> count in the text (lower case, function words left out). */
  readonly terms: ReadonlyMap<string, number>;
  /** Knowledge-base ids of its entities. */
  readonly entities: readonly string[];
  /**
   * GeoNames ids of the places it names (adjectives such as "French" left out); a toponym read
   * with no entry of its own (a street or building named after a place) by its name, `n:` and the
   * folded words.
   */
  readonly places: readonly (number | string)[];
  /** The day it reports from, YYYY-MM-DD: its publication date, else the first full date in its text. */
  readonly day?: string;
  /** Every year its dates name, first mention first. */
  readonly years: readonly number[];
}

// Function words: frequent everywhere, so they say nothing of the event and only fill the index.
const STOP = new Set(`a about above after again against all also am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he her
here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now of off
on once only or other our ours ourselves out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which while
who whom why will with would you your yours yourself yourselves said says say told according s t`.split(/\s+/));

const WORD = /[\p{L}\p{N}]+/gu;

/** Words of a text as clustering counts them. */
export function storyTerms(text: string): Map<string, number> {
  const tf = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(WORD)) {
    const w = m[0];
    if (w.length < 2 || STOP.has(w)) continue;
    tf.set(w, (tf.get(w) ?? 0) + 1);
  }
  return tf;
}

const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})/;
const YEAR = /^(\d{4})(?:-|$)/;

/** The features of a record (see StoryFeatures). */
export function storyFeatures(rec: Pick<NewsRecord, 'text' | 'meta' | 'entities' | 'places' | 'times'>): StoryFeatures {
  const entities = [...new Set((rec.entities ?? []).map((e) => e.kb).filter((k): k is string => !!k))];
  // Toponyms inside longer names count too: not places the report is about, but the same words
  // ("the Velmora Relief Board") in reports of one event.
  const places = [...new Set((rec.places ?? []).filter((p) => !p.modifier && (p.geonameId != null || p.name))
    .map((p) => p.geonameId ?? `n:${normalizeName(p.name)}`))];
  const years: number[] = [];
  let textDay: string | undefined;
  for (const t of [...(rec.times ?? [])].sort((a, b) => a.start - b.start)) {
    if (t.type && t.type !== 'DATE') continue;
    const v = String(t.value ?? '');
    const full = FULL_DATE.exec(v);
    if (full && !textDay) textDay = full[0];
    const y = YEAR.exec(v);
    if (y && !years.includes(Number(y[1]))) years.push(Number(y[1]));
  }
  const pub = FULL_DATE.exec(rec.meta?.published ?? '')?.[0];
  const day = pub ?? textDay;
  return { terms: storyTerms(rec.text ?? ''), entities, places, ...(day ? { day } : {}), years };
}

