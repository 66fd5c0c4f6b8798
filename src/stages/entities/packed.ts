import type { JointWeights } from './joint-weights.js';
import { NT } from './tags.js';

/*
 * Two passes' integer scores in one float64: lo + hi * 2^26. Adding packed values adds both
 * lanes exactly as long as every lane stays within ±2^25 (a token has well under a hundred
 * features of at most 2^15 each), so the window sums do half the additions. unpack() reads
 * a lane back exactly: the low lane is less than half a unit of the high one.
 */

export const LANE = 2 ** 26;

/** Float64s per token for a model of `passes` passes: NT per pair of passes. */
export const packedWidth = (passes: number): number => Math.ceil(passes / 2) * NT;

/** Index offset of pass p's lane group within a token's packed scores. */
export const laneGroup = (p: number): number => (p >> 1) * NT;

/** Lane p & 1 of a packed value. */
export function unpack(v: number, p: number): number {
  const hi = Math.round(v * (1 / LANE));
  return p & 1 ? hi : v - hi * LANE;
}

/** out[at ..] += joint row r of W, packed (nothing for r < 0). */
export function addPackedRow(out: Float64Array, at: number, W: JointWeights, r: number): void {
  if (r < 0) return;
  const q = W.q, P = W.passes;
  const b = r * W.width;
  for (let g = 0; 2 * g < P; g++) {
    const lo = b + 2 * g * NT, o = at + g * NT;
    if (2 * g + 1 < P) for (let t = 0; t < NT; t++) out[o + t]! += q[lo + t]! + q[lo + NT + t]! * LANE;
    else for (let t = 0; t < NT; t++) out[o + t]! += q[lo + t]!;
  }
}
