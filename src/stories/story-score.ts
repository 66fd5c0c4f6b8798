import type { StoryFeatures } from './story-features.js';

/** Document frequencies for weighting: how many stored documents have each word or key. */
export interface StoryStats {
  /** Documents counted. */
  readonly documents: number;
  /** Word (or `e:` entity, `g:` place key) -> documents that have it; absent = 0. */
  readonly df: ReadonlyMap<string, number>;
}

/** A stored document that may report the same event, with the story it belongs to now. */
export interface StoryCandidate {
  readonly doc: string;
  readonly story: string;
  readonly features: StoryFeatures;
  /**
   * Its word vector as weighed when it was stored (a store keeps it, so the frequencies of its
   * other words need not be read again); computed from `features` with today's frequencies when absent.
   */
  readonly vector?: ReadonlyMap<string, number>;
}

/**
 * The weights and cut-offs of clustering. Chosen on the ECB+ training topics (each pairs an
 * event with a similar one of another time or place) and checked on its dev topics; fixed here,
 * not tuned per corpus. See src/stories/README.md.
 */
export interface StoryParams {
  /** Weight of shared knowledge-base entities (idf-weighted cosine of the two sets). */
  readonly entityWeight: number;
  /** Weight of shared places (idf-weighted cosine of the GeoNames id sets). */
  readonly placeWeight: number;
  /** Places on both sides that share nothing lower the score by this much. */
  readonly placeClash: number;
  /** Years named on both sides that share nothing lower the score by this much. */
  readonly yearClash: number;
  /**
   * Two documents dated within `closeDays` of each other gain this much when their words already
   * agree to `closeFloor` (on a busy day, unrelated reports share the date and nothing else).
   */
  readonly closeBonus: number;
  readonly closeDays: number;
  readonly closeFloor: number;
  /** Days apart beyond which two dated documents are two events, however alike. */
  readonly dayWindow: number;
  /** A story is out of reach when more than this share of its members compared are vetoed. */
  readonly vetoShare: number;
  /** A story scores this share of its best member's score plus the rest of its members' mean. */
  readonly bestShare: number;
  /** A document joins the best story when its score reaches this. */
  readonly join: number;
  /** Two stories a document scores at least this high with both are one story: they merge. */
  readonly merge: number;
}

export const STORY_PARAMS: StoryParams = {
  entityWeight: 0.3,
  placeWeight: 0.2,
  placeClash: 0.1,
  yearClash: 0.2,
  closeBonus: 0.2,
  closeDays: 3,
  closeFloor: 0.1,
  dayWindow: 30,
  vetoShare: 0.5,
  bestShare: 0.5,
  join: 0.2,
  merge: 0.5,
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

/** Idf-weighted cosine of two key sets (a rare shared entity says more than a common one); undefined when one is empty. */
function setCosine(a: readonly (string | number)[], b: readonly (string | number)[], prefix: string, stats: StoryStats): number | undefined {
  if (!a.length || !b.length) return undefined;
  const inB = new Set(b);
  let shared = 0, na = 0, nb = 0;
  for (const k of a) {
    const w = idf(stats, prefix + k) ** 2;
    na += w;
    if (inB.has(k)) shared += w;
  }
  for (const k of b) nb += idf(stats, prefix + k) ** 2;
  return shared / Math.sqrt(na * nb || 1);
}

const DAY_MS = 86_400_000;
export function daysApart(a: string, b: string): number {
  return Math.abs(Date.parse(a) - Date.parse(b)) / DAY_MS;
}

export interface PairScore {
  readonly score: number;
  /** Why the pair cannot be one story, when it cannot. */
  readonly veto?: 'dates';
}

/** How likely two documents report the same event: words, entities and places; dates far apart veto. */
export function pairScore(a: StoryFeatures, av: ReadonlyMap<string, number>, b: StoryFeatures, bv: ReadonlyMap<string, number>, stats: StoryStats, p: StoryParams = STORY_PARAMS): PairScore {
  const apart = a.day && b.day ? daysApart(a.day, b.day) : undefined;
  if (apart !== undefined && apart > p.dayWindow) return { score: 0, veto: 'dates' };
  const yearClash = a.years.length && b.years.length && !a.years.some((y) => b.years.includes(y)) ? p.yearClash : 0;
  const words = cosine(av, bv);
  const close = apart !== undefined && apart <= p.closeDays && words >= p.closeFloor ? p.closeBonus : 0;
  const ent = setCosine(a.entities, b.entities, 'e:', stats) ?? 0;
  const pl = setCosine(a.places, b.places, 'g:', stats);
  const score = words + p.entityWeight * ent + (pl === undefined ? 0 : pl > 0 ? p.placeWeight * pl : -p.placeClash) - yearClash + close;
  return { score };
}

export interface StoryChoice {
  /** The story the document joins; undefined: it opens a new one. */
  readonly story?: string;
  readonly score: number;
  /** Other stories the document ties to as strongly: to be merged into `story`. */
  readonly merge: readonly string[];
  /** Candidate documents vetoed by their dates. */
  readonly vetoed: number;
}

/**
 * The story a document belongs to among the candidates' stories. A story scores as a mix of its
 * most similar member (a story grows as reports arrive, each close to some earlier one) and its
 * members' mean (so one chance likeness does not pull a near miss in); it is out of reach when
 * most of its members are vetoed (dated too far apart: another occurrence of that kind of event).
 * `order` breaks ties and picks the survivor of a merge: lower comes first (the older story).
 */
export function chooseStory(f: StoryFeatures, candidates: readonly StoryCandidate[], stats: StoryStats, order: (story: string) => number, p: StoryParams = STORY_PARAMS): StoryChoice {
  const v = termVector(f, stats);
  const byStory = new Map<string, { scores: number[]; vetoed: number }>();
  let vetoed = 0;
  for (const c of candidates) {
    let s = byStory.get(c.story);
    if (!s) byStory.set(c.story, (s = { scores: [], vetoed: 0 }));
    const pair = pairScore(f, v, c.features, c.vector ?? termVector(c.features, stats), stats, p);
    if (pair.veto) { vetoed++; s.vetoed++; } else s.scores.push(pair.score);
  }
  const ranked: [string, number][] = [];
  for (const [story, s] of byStory) {
    if (!s.scores.length || s.vetoed > p.vetoShare * (s.vetoed + s.scores.length)) continue;
    const best = Math.max(...s.scores), mean = s.scores.reduce((a, b) => a + b, 0) / s.scores.length;
    const x = p.bestShare * best + (1 - p.bestShare) * mean;
    if (x >= p.join) ranked.push([story, x]);
  }
  ranked.sort((a, b) => b[1] - a[1] || order(a[0]) - order(b[0]));
  if (!ranked.length) return { score: 0, merge: [], vetoed };
  const merging = ranked.filter(([, x]) => x >= p.merge).map(([s]) => s).sort((a, b) => order(a) - order(b));
  const story = merging.length > 1 ? merging[0]! : ranked[0]![0];
  return { story, score: ranked[0]![1], merge: merging.length > 1 ? merging.slice(1) : [], vetoed };
}
