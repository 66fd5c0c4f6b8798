import { readFileSync } from 'node:fs';
import { mulberry32, shuffleInPlace } from '../entities/lexicon-build.js';
import { committedModel, indexFeatures, roundWeight } from '../sparse-model.js';

/**
 * Whether a lexicon hit is an event trigger in its context: a logistic regression over sparse
 * string features (features.ts), trained by scripts/train-events.mjs and committed as JSON.
 */

/** The committed model, relative to the package root. */
export const TRIGGER_MODEL_FILE = 'models/events/triggers.json';

export interface TriggerWeights {
  readonly bias: number;
  /** Probability at or above which a hit is kept. */
  readonly threshold: number;
  /** A lower bar for a hit whose clause gave it an actor, target or place. */
  readonly thresholdWithArgs: number;
  readonly weights: Readonly<Record<string, number>>;
  readonly info?: Readonly<Record<string, unknown>>;
}

export class TriggerModel {
  constructor(readonly w: TriggerWeights) {}

  static load(path: string): TriggerModel {
    return new TriggerModel(JSON.parse(readFileSync(path, 'utf8')) as TriggerWeights);
  }

  probability(features: readonly string[]): number {
    let z = this.w.bias;
    for (const f of features) z += this.w.weights[f] ?? 0;
    return 1 / (1 + Math.exp(-z));
  }

  keeps(features: readonly string[], hasArgs: boolean): boolean {
    return this.probability(features) >= (hasArgs ? this.w.thresholdWithArgs : this.w.threshold);
  }
}

/** The committed model, loaded once per process; null when the file is missing. */
export const defaultTriggerModel = committedModel(TRIGGER_MODEL_FILE, 'NEWSGRAPH_EVENTS_MODEL', (p) => TriggerModel.load(p));

export interface Example {
  readonly features: readonly string[];
  readonly label: 0 | 1;
  readonly weight?: number;
}

export interface TrainOptions {
  readonly epochs: number;
  readonly rate: number;
  readonly l2: number;
  readonly seed: number;
  /** Features seen in fewer examples are left out. */
  readonly minCount: number;
}

/** Logistic regression by SGD with L2 and a decaying rate; the same data and seed give the same weights. */
export function trainTriggers(examples: readonly Example[], o: TrainOptions): { bias: number; weights: Record<string, number> } {
  const { index, ids } = indexFeatures(examples, o.minCount);
  const rows = examples.map((x, n) => ({ ids: ids[n]!, y: x.label, k: x.weight ?? 1 }));
  const w = new Float64Array(index.size);
  let b = 0;
  const order = rows.map((_, i) => i);
  const rand = mulberry32(o.seed);
  for (let ep = 0; ep < o.epochs; ep++) {
    shuffleInPlace(order, rand);
    const rate = o.rate / (1 + ep);
    for (const r of order.map((i) => rows[i]!)) {
      let z = b;
      for (const i of r.ids) z += w[i]!;
      const g = (1 / (1 + Math.exp(-z)) - r.y) * r.k;
      b -= rate * g;
      // L2 applied lazily, only to the weights this example touches.
      for (const i of r.ids) w[i] = w[i]! - rate * (g + o.l2 * w[i]!);
    }
  }
  const weights: Record<string, number> = {};
  for (const [f, i] of index) if (Math.abs(w[i]!) >= 1e-3) weights[f] = roundWeight(w[i]!);
  return { bias: roundWeight(b), weights };
}
