import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/*
 * What the stages' learned models over sparse string features share: the features a training
 * set keeps, the weights' rounding in the committed file, and loading that file once.
 */

/**
 * The features seen in at least `minCount` examples, numbered in sorted order (so the same
 * examples always number them alike), and the numbers of each example's distinct features.
 */
export function indexFeatures(examples: readonly { readonly features: readonly string[] }[], minCount: number): { index: Map<string, number>; ids: number[][] } {
  const count = new Map<string, number>();
  for (const x of examples) for (const f of new Set(x.features)) count.set(f, (count.get(f) ?? 0) + 1);
  const index = new Map<string, number>();
  for (const [f, n] of [...count].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (n >= minCount) index.set(f, index.size);
  const ids = examples.map((x) => [...new Set(x.features)].map((f) => index.get(f)).filter((i): i is number => i !== undefined));
  return { index, ids };
}

/** A weight as the committed file keeps it: four decimals. */
export const roundWeight = (v: number): number => Math.round(v * 1e4) / 1e4;

/**
 * The committed model at `file` (relative to the package root), or the file `envVar` names,
 * loaded on first use and kept for the process; null when the file is missing.
 */
export function committedModel<T>(file: string, envVar: string, load: (path: string) => T): () => T | null {
  let shared: T | null | undefined;
  return () => {
    if (shared !== undefined) return shared;
    const p = process.env[envVar] ?? fileURLToPath(new URL(`../../${file}`, import.meta.url));
    shared = existsSync(p) ? load(p) : null;
    return shared;
  };
}
