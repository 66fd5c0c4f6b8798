/**
 * The interval of values a reported figure allows once its qualifier is read: "more than 100"
 * is [100, ∞), "up to 40" is [0, 40], "about 120" is 120 give or take ABOUT_TOLERANCE. Two figures
 * agree when their intervals overlap, and a claim backed by several figures holds the values all
 * of them allow (the intersection).
 */

/** "about", "around", "some": the share either side of the figure it still allows (120 -> 108-132). */
export const ABOUT_TOLERANCE = 0.1;
/** "nearly", "almost": the share below the figure it still allows (nearly 100 -> 90-100). */
export const NEARLY_TOLERANCE = 0.1;

/** Closed interval; `hi` undefined is unbounded above. */
export interface Range {
  readonly lo: number;
  readonly hi?: number;
}

/** A figure as the quantities layer reads it. */
export interface Figure {
  readonly value?: number;
  readonly min?: number;
  readonly max?: number;
  readonly qualifier?: string;
}

/** The values a figure allows; undefined for a figure with no number (vague "dozens"). */
export function rangeOf(f: Figure): Range | undefined {
  const v = f.value;
  switch (f.qualifier) {
    case 'range':
      return f.min !== undefined && f.max !== undefined ? { lo: Math.min(f.min, f.max), hi: Math.max(f.min, f.max) } : undefined;
    case 'more_than':
    case 'at_least':
      return v !== undefined ? { lo: v } : f.min !== undefined ? { lo: f.min } : undefined;
    case 'up_to':
    case 'less_than':
      return v !== undefined ? { lo: 0, hi: v } : f.max !== undefined ? { lo: 0, hi: f.max } : undefined;
    case 'nearly':
      return v !== undefined ? { lo: v * (1 - NEARLY_TOLERANCE), hi: v } : undefined;
    case 'about':
      return v !== undefined ? { lo: v * (1 - ABOUT_TOLERANCE), hi: v * (1 + ABOUT_TOLERANCE) } : undefined;
    default:
      if (v !== undefined) return { lo: v, hi: v };
      if (f.min !== undefined && f.max !== undefined) return { lo: f.min, hi: f.max };
      return undefined;
  }
}

/** The values both allow; undefined when they do not overlap. */
export function intersect(a: Range, b: Range): Range | undefined {
  const lo = Math.max(a.lo, b.lo);
  const hi = a.hi === undefined ? b.hi : b.hi === undefined ? a.hi : Math.min(a.hi, b.hi);
  if (hi !== undefined && hi < lo) return undefined;
  return hi === undefined ? { lo } : { lo, hi };
}

export const overlaps = (a: Range, b: Range): boolean => intersect(a, b) !== undefined;

const fmt = (n: number) => (Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(4))));

/** "120", "at least 100", "up to 40", "108-132". */
export function describeRange(r: Range): string {
  if (r.hi === undefined) return `at least ${fmt(r.lo)}`;
  if (r.lo === r.hi) return fmt(r.lo);
  if (r.lo === 0) return `up to ${fmt(r.hi)}`;
  return `${fmt(r.lo)}-${fmt(r.hi)}`;
}
