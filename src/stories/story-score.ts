import type { StoryFeatures } from './story-features.js';

/** Document frequencies for weighting: how many stored documents have each word or key. */
export interface StoryStats {
  /** Documents counted. */
  readonly documents: number;
  /** Word (or `e:` entity, `g:` place key) -> documents that have it; absent = 0. */
  readonly df: { get(key: string): number | undefined };
}

/**
 * A story as clustering weighs it: the sums of its members' unit vectors of words, knowledge-base
 * entities and places (its centroid, the heaviest entries kept), the first and last day its
 * members report from, and the years they name. A document is compared with the whole story, not
 * with the one member most like it: a near miss (the same kind of event another time) shares
 * words with some member of nearly every story of its kind, but not with a story's centre.
 */
export interface StoryCentroid {
  readonly story: string;
  readonly words: ReadonlyMap<string, number>;
  readonly entities: ReadonlyMap<string, number>;
  /** GeoNames ids as strings. */
  readonly places: ReadonlyMap<string, number>;
  readonly first?: string;
  readonly last?: string;
  readonly years: readonly number[];
}

/**
 * The weights and cut-offs of clustering. Chosen on the ECB+ training topics (each pairs an
 * event with a similar one of another time or place) and checked on its dev topics; fixed here,
 * not tuned per corpus. See src/stories/README.md.
 */
export interface StoryParams {
  /** Weight of shared knowledge-base entities (cosine of idf-weighted entity vectors). */
  readonly entityWeight: number;
  /** Weight of shared places (cosine of idf-weighted place vectors). */
  readonly placeWeight: number;
  /** Years named on both sides that share nothing lower the score by this much. */
  readonly yearClash: number;
  /** Days a document may lie before a story's first or after its last: further, it is another event. */
  readonly dayWindow: number;
  /** A document joins the best story when its score reaches this. */
  readonly join: number;
  /** Two stories a document scores at least this high with both are one story: they merge. */
  readonly merge: number;
}

export const STORY_PARAMS: StoryParams = {
  entityWeight: 0.3,
  placeWeight: 0.2,
  yearClash: 0.2,
  dayWindow: 30,
  join: 0.35,
  merge: 0.8,
};

/** Smoothed inverse document frequency; the document being scored counts as one more. */
export function idf(stats: StoryStats, key: string): number {
  return Math.log((stats.documents + 2) / ((stats.df.get(key) ?? 0) + 1));
}

/** Unit-length TF-IDF vector of a document's words (log-scaled counts). */
export function termVector(f: StoryFeatures, stats: StoryStats): Map<string, number> {
  const v = new Map<string, number>();
  let n = 0;
  for (const [t, c] of f.terms) {
    const x = (1 + Math.log(c)) * idf(stats, t);
    if (x <= 0) continue;
    v.set(t, x);
    n += x * x;
  }
  n = Math.sqrt(n) || 1;
  for (const [t, x] of v) v.set(t, x / n);
  return v;
}

export function cosine(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, x] of small) {
    const y = large.get(t);
    if (y) s += x * y;
  }
  return s;
}

const DAY_MS = 86_400_000;
export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;
}

/** Unit-length idf-weighted vector of keys (entities `e:`, places `g:`): a rare one says more than a common one. */
export function keyVector(keys: readonly (string | number)[], prefix: string, stats: StoryStats): Map<string, number> {
  const v = new Map<string, number>();
  let n = 0;
  for (const k of keys) {
    const x = idf(stats, prefix + k);
    if (x <= 0) continue;
    v.set(String(k), x);
    n += x * x;
  }
  n = Math.sqrt(n) || 1;
  for (const [k, x] of v) v.set(k, x / n);
  return v;
}

/** A document's three vectors, as it is compared with stories and added to one. */
export interface DocVectors {
  readonly words: ReadonlyMap<string, number>;
  readonly entities: ReadonlyMap<string, number>;
  readonly places: ReadonlyMap<string, number>;
}

export function docVectors(f: StoryFeatures, stats: StoryStats): DocVectors {
  return { words: termVector(f, stats), entities: keyVector(f.entities, 'e:', stats), places: keyVector(f.places, 'g:', stats) };
}

/** Words of a document weighed against a story (see chooseStory). */
export const SCORED_TERMS = 200;

/** The `n` heaviest entries of a vector, heaviest first (ties: first added first). */
export function heaviest(v: ReadonlyMap<string, number>, n: number): ReadonlyMap<string, number> {
  if (v.size <= n) return v;
  return new Map([...v].sort((a, b) => b[1] - a[1]).slice(0, n));
}

/** Cosine with a sum of unit vectors, which need not be unit length itself. */
function cosineWithSum(v: ReadonlyMap<string, number>, sum: ReadonlyMap<string, number>): number {
  let n = 0;
  for (const x of sum.values()) n += x * x;
  return n ? cosine(v, sum) / Math.sqrt(n) : 0;
}

export interface StoryScore {
  readonly score: number;
  /** Why the document cannot be part of the story, when it cannot. */
  readonly veto?: 'dates';
}

/** How likely a document reports the story's event: words, entities and places; a day far from the story's days vetoes. */
export function storyScore(f: StoryFeatures, v: DocVectors, c: StoryCentroid, p: StoryParams = STORY_PARAMS): StoryScore {
  if (f.day && c.first && c.last && (daysApart(f.day, c.first) > p.dayWindow && f.day < c.first || daysApart(f.day, c.last) > p.dayWindow && f.day > c.last)) {
    return { score: 0, veto: 'dates' };
  }
  const yearClash = f.years.length && c.years.length && !f.years.some((y) => c.years.includes(y)) ? p.yearClash : 0;
  const words = cosineWithSum(v.words, c.words);
  const ent = v.entities.size && c.entities.size ? cosineWithSum(v.entities, c.entities) : 0;
  const pl = v.places.size && c.places.size ? cosineWithSum(v.places, c.places) : 0;
  return { score: words + p.entityWeight * ent + p.placeWeight * pl - yearClash };
}

export interface StoryChoice {
  /** The story the document joins; undefined: it opens a new one. */
  readonly story?: string;
  readonly score: number;
  /** Other stories the document ties to as strongly: to be merged into `story`. */
  readonly merge: readonly string[];
  /** Candidate stories vetoed by their dates. */
  readonly vetoed: number;
}

/**
 * The story a document belongs to among candidate stories: the best scoring one that reaches
 * `join`. `order` breaks ties and picks the survivor of a merge: lower comes first (the older story).
 */
export function chooseStory(f: StoryFeatures, stories: readonly StoryCentroid[], stats: StoryStats, order: (story: string) => number, p: StoryParams = STORY_PARAMS): StoryChoice {
  const full = docVectors(f, stats);
  // Compared by its heaviest words, as a stored document is (they carry nearly all of a cosine):
  // each story then costs at most SCORED_TERMS lookups, not one per word of a long text.
  const v = { ...full, words: heaviest(full.words, SCORED_TERMS) };
  const ranked: [string, number][] = [];
  let vetoed = 0;
  for (const c of stories) {
    const s = storyScore(f, v, c, p);
    if (s.veto) vetoed++;
    else if (s.score >= p.join) ranked.push([c.story, s.score]);
  }
  ranked.sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]));
  if (!ranked.length) return { score: 0, merge: [], vetoed };
  const merging = ranked.filter(([, x]) => x >= p.merge).map(([s]) => s).sort((a, b) => order(a) - order(b));
  const story = merging.length > 1 ? merging[0]! : ranked[0]![0];
  return { story, score: ranked[0]![1], merge: merging.length > 1 ? merging.slice(1) : [], vetoed };
}
