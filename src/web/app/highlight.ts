/**
 * Splits an article into segments at every boundary of the highlighted items, so overlapping
 * layers (a name inside a quote) need no nesting: each segment lists the items covering it.
 */
export interface Mark {
  readonly key: string;
  readonly layer: string;
  readonly start: number;
  readonly end: number;
  /** Extra CSS class (for example the entity type). */
  readonly cls?: string;
}

export interface Segment {
  readonly start: number;
  readonly end: number;
  readonly marks: readonly Mark[];
}

export function segments(length: number, marks: readonly Mark[]): Segment[] {
  const valid = marks.filter((m) => m.start >= 0 && m.end <= length && m.start < m.end);
  const cuts = new Set<number>([0, length]);
  for (const m of valid) {
    cuts.add(m.start);
    cuts.add(m.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const byStart = [...valid].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Segment[] = [];
  let active: Mark[] = [];
  let next = 0;
  for (let i = 0; i + 1 < points.length; i++) {
    const a = points[i]!;
    const b = points[i + 1]!;
    active = active.filter((m) => m.end > a);
    while (next < byStart.length && byStart[next]!.start <= a) {
      const m = byStart[next++]!;
      if (m.end > a) active.push(m);
    }
    out.push({ start: a, end: b, marks: [...active] });
  }
  return out;
}
