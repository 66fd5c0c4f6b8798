/** UTF-16 code units, 0-based, end exclusive (String#slice semantics). */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** The one standard order for spans: start ascending, then end descending (outer before inner). */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end;
}

export function overlaps(a: Span, b: Span): boolean {
  return a.start < b.end && b.start < a.end;
}

export function contains(outer: Span, inner: Span): boolean {
  return outer.start <= inner.start && inner.end <= outer.end;
}

export function spanText(text: string, s: Span): string {
  return text.slice(s.start, s.end);
}
