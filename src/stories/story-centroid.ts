import type { StoryFeatures } from './story-features.js';
import type { DocVectors, StoryCentroid } from './story-score.js';

/** A story's centroid as a store keeps and updates it (see StoryCentroid). */
export interface CentroidData {
  words: Map<string, number>;
  entities: Map<string, number>;
  places: Map<string, number>;
  first?: string;
  last?: string;
  years: number[];
}

/**
 * Entries kept per centroid, the heaviest: they carry nearly all of a cosine, and keep a story
 * of thousands of reports as cheap to compare with as one of three.
 */
export const CENTROID_KEEP = { words: 300, entities: 60, places: 30, years: 20 } as const;

export function emptyCentroid(): CentroidData {
  return { words: new Map(), entities: new Map(), places: new Map(), years: [] };
}

function addInto(sum: Map<string, number>, v: ReadonlyMap<string, number>, sign: number): void {
  for (const [k, x] of v) {
    const y = (sum.get(k) ?? 0) + sign * x;
    if (y > 1e-6) sum.set(k, y);
    else sum.delete(k);
  }
}

/**
 * A document joins (sign 1) or leaves (-1) a story. Leaving takes its vectors out; the story's
 * days and years stay as they were (they only widen what the story accepts).
 */
export function addToCentroid(c: CentroidData, v: DocVectors, f: StoryFeatures, sign: 1 | -1 = 1): void {
  addInto(c.words, v.words, sign);
  addInto(c.entities, v.entities, sign);
  addInto(c.places, v.places, sign);
  if (sign > 0) {
    if (f.day && (!c.first || f.day < c.first)) c.first = f.day;
    if (f.day && (!c.last || f.day > c.last)) c.last = f.day;
    for (const y of f.years) if (!c.years.includes(y)) c.years.push(y);
  }
}

/** A story's centroid less one of its documents (one being weighed again), leaving `c` as it is. */
export function withoutDocument(c: StoryCentroid, v: DocVectors, f: StoryFeatures): StoryCentroid {
  const copy = { ...copyCentroid(c), story: c.story };
  addToCentroid(copy, v, f, -1);
  return copy;
}

/** Story `from` becomes part of `into`. */
export function mergeCentroids(into: CentroidData, from: CentroidData): void {
  addInto(into.words, from.words, 1);
  addInto(into.entities, from.entities, 1);
  addInto(into.places, from.places, 1);
  if (from.first && (!into.first || from.first < into.first)) into.first = from.first;
  if (from.last && (!into.last || from.last > into.last)) into.last = from.last;
  for (const y of from.years) if (!into.years.includes(y)) into.years.push(y);
}

const top = (m: ReadonlyMap<string, number>, n: number) =>
  [...m].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([k, x]) => [k, Math.round(x * 1e5) / 1e5] as const);

/**
 * A centroid as a store keeps it (its heaviest entries, rounded) and that JSON: the data is what
 * reading the JSON back gives, so a store may keep it in memory instead.
 */
export function storedCentroid(c: CentroidData): { json: string; data: CentroidData } {
  const w = top(c.words, CENTROID_KEEP.words), e = top(c.entities, CENTROID_KEEP.entities), g = top(c.places, CENTROID_KEEP.places);
  const y = c.years.slice(-CENTROID_KEEP.years);
  return {
    json: JSON.stringify({ w, e, g, ...(c.first ? { first: c.first, last: c.last } : {}), y }),
    data: { words: new Map(w), entities: new Map(e), places: new Map(g), ...(c.first ? { first: c.first, last: c.last ?? c.first } : {}), years: [...y] },
  };
}

export function centroidToJson(c: CentroidData): string {
  return storedCentroid(c).json;
}

export function centroidFromJson(json: string): CentroidData {
  const o = JSON.parse(json || '{}') as { w?: [string, number][]; e?: [string, number][]; g?: [string, number][]; first?: string; last?: string; y?: number[] };
  return {
    words: new Map(o.w ?? []), entities: new Map(o.e ?? []), places: new Map(o.g ?? []),
    ...(o.first ? { first: o.first, last: o.last ?? o.first } : {}), years: o.y ?? [],
  };
}

/** A copy that changes leave the original as it is. */
export function copyCentroid(c: Omit<StoryCentroid, 'story'>): CentroidData {
  return { ...c, words: new Map(c.words), entities: new Map(c.entities), places: new Map(c.places), years: [...c.years] };
}

export function asCentroid(story: string, c: CentroidData): StoryCentroid {
  return { story, ...c };
}
