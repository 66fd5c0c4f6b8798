import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { StoryStats } from './story-score.js';

/** The committed word frequencies, relative to the package root (scripts/build-story-prior.mjs). */
export const PRIOR_FILE = 'models/stories/df.json';

interface Prior {
  readonly documents: number;
  readonly df: ReadonlyMap<string, number>;
}

let prior: Prior | undefined;
function load(): Prior {
  if (prior) return prior;
  const path = fileURLToPath(new URL(`../../${PRIOR_FILE}`, import.meta.url));
  if (!existsSync(path)) return (prior = { documents: 0, df: new Map() });
  const json = JSON.parse(readFileSync(path, 'utf8')) as { documents: number; df: Record<string, number> };
  return (prior = { documents: json.documents, df: new Map(Object.entries(json.df)) });
}

/**
 * What the prior adds to key `k`'s count: documents for '' (the count of documents), its
 * frequency for a word. Entity and place keys (`e:`, `g:`) are the store's own.
 */
export function priorCount(k: string): number {
  const p = load();
  if (!k) return p.documents;
  return k.includes(':') ? 0 : p.df.get(k) ?? 0;
}

/**
 * A store's word frequencies on top of those of a few hundred news articles: a young store has
 * seen too few documents to tell "the" kind of word from a name, and its first stories would be
 * clustered on noise. `stats.df` holds the keys a document is weighed by; the prior is added to
 * them there, once (the map is the caller's own, made for this), and looked up for any other key
 * asked. `counted`: the prior is in stats.df's counts already (priorCount), only other keys need it.
 */
export function withPrior(stats: { documents: number; df: Map<string, number> }, counted = false): StoryStats {
  const p = load();
  if (!p.documents) return stats;
  const df = stats.df;
  if (counted) return { documents: stats.documents, df: { get: (k) => df.get(k) ?? priorCount(k) } };
  for (const [k, n] of df) {
    const q = priorCount(k);
    if (q && k) df.set(k, n + q);
  }
  return { documents: stats.documents + p.documents, df: { get: (k) => df.get(k) ?? priorCount(k) } };
}
