import { readFileSync } from 'node:fs';
import { mulberry32, shuffleInPlace } from '../entities/lexicon-build.js';
import { committedModel, indexFeatures, roundWeight } from '../sparse-model.js';

/**
 * The relation classifier: a multinomial logistic regression over sparse string features of a
 * pair of resolved mentions in one sentence (features.ts), with the pattern rules among its
 * features. Trained by scripts/train-relations.mjs and committed as JSON.
 */

/** The committed model, relative to the package root. */
export const RELATION_MODEL_FILE = 'models/relations/pairs.json';

/**
 * What the model says about an ordered pair (x before y in the sentence). `member` keeps the
 * direction: `member` has x as the member, `member<` has y as the member.
 */
export const PAIR_LABELS = ['none', 'fights', 'allies', 'alias', 'member', 'member<', 'talks'] as const;
export type PairLabel = (typeof PAIR_LABELS)[number];

export interface PairWeights {
  readonly labels: readonly string[];
  readonly bias: readonly number[];
  /** Probability at or above which a label other than `none` is kept. */
  readonly threshold: number;
  /** One weight per label, in `labels` order. */
  readonly weights: Readonly<Record<string, readonly number[]>>;
  readonly info?: Readonly<Record<string, unknown>>;
}

export class RelationModel {
  /** The weights by feature, as a Map: a pair's lookups are most of the model's cost. */
  private readonly byFeature: Map<string, readonly number[]>;
  private readonly z: Float64Array;

  constructor(readonly w: PairWeights) {
    this.byFeature = new Map(Object.entries(w.weights));
    this.z = new Float64Array(w.bias.length);
  }

  static load(path: string): RelationModel {
    return new RelationModel(JSON.parse(readFileSync(path, 'utf8')) as PairWeights);
  }

  /** Probability of each label, in `labels` order. */
  probabilities(features: readonly string[]): number[] {
    return softmax(Array.from(this.scores(features)));
  }

  /** The most likely label other than `none`, when its probability reaches the threshold. */
  predict(features: readonly string[]): { label: string; p: number } | undefined {
    const z = this.scores(features);
    let m = -Infinity;
    for (const v of z) if (v > m) m = v;
    let s = 0, best = -1;
    for (let k = 0; k < z.length; k++) {
      s += Math.exp(z[k]! - m);
      if (this.w.labels[k] !== 'none' && (best < 0 || z[k]! > z[best]!)) best = k;
    }
    if (best < 0) return undefined;
    const p = Math.exp(z[best]! - m) / s;
    return p >= this.w.threshold ? { label: this.w.labels[best]!, p } : undefined;
  }

  /** The labels' scores before the softmax, in a buffer the next call overwrites. */
  private scores(features: readonly string[]): Float64Array {
    const z = this.z;
    for (let k = 0; k < z.length; k++) z[k] = this.w.bias[k]!;
    for (const f of features) {
      const v = this.byFeature.get(f);
      if (v) for (let k = 0; k < z.length; k++) z[k]! += v[k]!;
    }
    return z;
  }
}

function softmax(z: number[]): number[] {
  let m = -Infinity;
  for (const v of z) if (v > m) m = v;
  let s = 0;
  const e = z.map((v) => {
    const x = Math.exp(v - m);
    s += x;
    return x;
  });
  return e.map((x) => x / s);
}

/** The committed model, loaded once per process; null when the file is missing. */
export const defaultRelationModel = committedModel(RELATION_MODEL_FILE, 'NEWSGRAPH_RELATIONS_MODEL', (p) => RelationModel.load(p));

export interface PairExample {
  readonly features: readonly string[];
  readonly label: string;
  readonly weight?: number;
}

export interface PairTrainOptions {
  readonly epochs: number;
  readonly rate: number;
  readonly l2: number;
  readonly seed: number;
  /** Features seen in fewer examples are left out. */
  readonly minCount: number;
  /** Weight of an example whose label is not `none` (the pairs that hold a relation are few). */
  readonly positiveWeight: number;
}

/**
 * Multinomial logistic regression by SGD with L2 and a decaying rate; the same examples and
 * seed give the same weights.
 */
export function trainRelations(examples: readonly PairExample[], labels: readonly string[], o: PairTrainOptions): { bias: number[]; weights: Record<string, number[]> } {
  const K = labels.length;
  const labelIndex = new Map(labels.map((l, i) => [l, i]));
  const { index, ids } = indexFeatures(examples, o.minCount);
  const rows = examples.map((x, n) => {
    const y = labelIndex.get(x.label);
    if (y === undefined) throw new Error(`unknown label ${x.label}`);
    return { ids: ids[n]!, y, k: (x.weight ?? 1) * (x.label === 'none' ? 1 : o.positiveWeight) };
  });
  const w = new Float64Array(index.size * K);
  const b = new Float64Array(K);
  const order = rows.map((_, i) => i);
  const rand = mulberry32(o.seed);
  const z = new Float64Array(K);
  for (let ep = 0; ep < o.epochs; ep++) {
    shuffleInPlace(order, rand);
    const rate = o.rate / (1 + ep);
    for (const r of order.map((i) => rows[i]!)) {
      for (let k = 0; k < K; k++) z[k] = b[k]!;
      for (const i of r.ids) for (let k = 0; k < K; k++) z[k]! += w[i * K + k]!;
      const p = softmax([...z]);
      for (let k = 0; k < K; k++) {
        const g = (p[k]! - (k === r.y ? 1 : 0)) * r.k;
        b[k]! -= rate * g;
        // L2 applied lazily, only to the weights this example touches.
        for (const i of r.ids) w[i * K + k] = w[i * K + k]! - rate * (g + o.l2 * w[i * K + k]!);
      }
    }
  }
  const weights: Record<string, number[]> = {};
  for (const [f, i] of index) {
    const v = Array.from(w.subarray(i * K, i * K + K), roundWeight);
    if (v.some((x) => Math.abs(x) >= 1e-3)) weights[f] = v;
  }
  return { bias: Array.from(b, roundWeight), weights };
}
