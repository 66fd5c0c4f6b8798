import type { Span } from './span.js';

/**
 * The spans of a list that overlap a given span, found by binary search instead of a scan of the
 * whole list, so a check per word or per match stays cheap in a long document. Answers in the
 * list's own order, so code that takes the first match, or the best with ties broken by order,
 * decides as a scan would.
 */
export class SpanIndex<T extends Span> {
  /** Indices into `items`, by start. */
  private readonly byStart: number[];
  /** The largest end among byStart[0..i], so a walk back can stop early. */
  private readonly maxEnd: number[];

  constructor(readonly items: readonly T[]) {
    this.byStart = items.map((_, i) => i).sort((a, b) => items[a]!.start - items[b]!.start || a - b);
    this.maxEnd = [];
    let m = -Infinity;
    for (const i of this.byStart) this.maxEnd.push((m = Math.max(m, items[i]!.end)));
  }

  /** Items that share at least one position with [start, end), in list order. */
  overlapping(start: number, end: number): T[] {
    // Last item that starts before `end`.
    let lo = 0, hi = this.byStart.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.items[this.byStart[mid]!]!.start < end) lo = mid + 1;
      else hi = mid;
    }
    const found: number[] = [];
    for (let k = lo - 1; k >= 0 && this.maxEnd[k]! > start; k--) {
      const i = this.byStart[k]!;
      if (this.items[i]!.end > start) found.push(i);
    }
    return found.sort((a, b) => a - b).map((i) => this.items[i]!);
  }

  overlapsAny(start: number, end: number): boolean {
    return this.overlapping(start, end).length > 0;
  }
}

/**
 * Positions of a text already taken by kept spans, for "keep each candidate that overlaps none
 * kept so far" in time linear in the text instead of quadratic in the candidates. For spans
 * that are not empty (an empty span takes no position).
 */
export class TakenPositions {
  private readonly taken: Uint8Array;

  constructor(length: number) {
    this.taken = new Uint8Array(length + 1);
  }

  free(s: Span): boolean {
    for (let p = Math.max(0, s.start); p < s.end; p++) if (this.taken[p]) return false;
    return true;
  }

  take(s: Span): void {
    this.taken.fill(1, Math.max(0, s.start), s.end);
  }
}
