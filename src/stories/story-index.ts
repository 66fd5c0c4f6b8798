import type { StoryFeatures } from './story-features.js';
import { idf, type StoryStats } from './story-score.js';

/**
 * How a store finds candidate stories for a document in bounded time: each stored document is
 * posted under a few keys (its most weighty words, its rarest entities and places), and a new
 * document reads the newest postings of its own keys. A store of any size then costs each
 * document at most KEYS x POSTINGS posting rows and CANDIDATES compared documents.
 */
export const STORY_INDEX = {
  /** Words a document is posted under and looks up by. */
  terms: 20,
  /** Entities and places likewise (the rarest first). */
  entities: 10,
  places: 5,
  /** Newest postings read per key. */
  postings: 30,
  /** Documents compared, those sharing the most weight first. */
  candidates: 40,
} as const;

/** The keys weighed for idf: words as they are, `e:` entity ids, `g:` GeoNames ids. */
export function weightKeys(f: StoryFeatures): string[] {
  return [...f.terms.keys(), ...f.entities.map((e) => `e:${e}`), ...f.places.map((g) => `g:${g}`)];
}

/** The index keys of a document with their weights: its heaviest words, rarest entities and places. */
export function indexKeys(f: StoryFeatures, stats: StoryStats): Map<string, number> {
  const top = (keys: string[], n: number, weight: (k: string) => number) =>
    keys.map((k) => [k, weight(k)] as [string, number]).filter(([, w]) => w > 0)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, n);
  return new Map([
    ...top([...f.terms.keys()], STORY_INDEX.terms, (t) => (1 + Math.log(f.terms.get(t)!)) * idf(stats, t)),
    ...top(f.entities.map((e) => `e:${e}`), STORY_INDEX.entities, (k) => idf(stats, k)),
    ...top(f.places.map((g) => `g:${g}`), STORY_INDEX.places, (k) => idf(stats, k)),
  ]);
}

/** Words of a stored document's vector kept for comparison: the heaviest, which carry nearly all of a cosine. */
export const VECTOR_TERMS = 100;

/** Features as a store keeps them (JSON), and back: the word counts apart, read only when the document leaves. */
export function featuresToJson(f: StoryFeatures): { features: string; terms: string } {
  const { terms, ...rest } = f;
  return { features: JSON.stringify(rest), terms: JSON.stringify([...terms]) };
}
export function featuresFromJson(features: string, terms?: string): StoryFeatures {
  return { ...(JSON.parse(features) as Omit<StoryFeatures, 'terms'>), terms: new Map(terms ? (JSON.parse(terms) as [string, number][]) : []) };
}
/** A document's unit word vector as stored: its VECTOR_TERMS heaviest words. */
export function vectorToJson(v: ReadonlyMap<string, number>): string {
  return JSON.stringify([...v].sort((a, b) => b[1] - a[1]).slice(0, VECTOR_TERMS).map(([t, x]) => [t, Math.round(x * 1e5) / 1e5]));
}
export function vectorFromJson(s: string): Map<string, number> {
  return new Map(JSON.parse(s) as [string, number][]);
}

/** The id a new story opened by a document gets: from the document's id, numbered when taken. */
export function storyIdFor(doc: string, taken: (id: string) => boolean): string {
  const base = `story:${doc}`;
  let id = base;
  for (let n = 2; taken(id); n++) id = `${base}~${n}`;
  return id;
}

/**
 * The documents a story weighs again when it settles, as [from, to) positions in the order they
 * joined: each of its first `docs` once, when the story has grown to twice the size it had when
 * that document joined. A document that joined a story already half its size was compared with
 * most of it; one weighed at the last settling is not weighed again.
 */
export function settleRange(settledAt: number, documents: number, docs: number): [number, number] {
  return [Math.min(docs, Math.floor(settledAt / 2)), Math.min(docs, Math.floor(documents / 2))];
}
