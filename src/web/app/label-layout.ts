/** A label's box: centre x, baseline y, width and height, in the drawing's units. */
export interface LabelBox {
  readonly x: number;
  readonly y: number;
  readonly w: number;
  readonly h: number;
}

/** A label's width at `size` units per em, from its length: drawings lay out before fonts load. */
export const textWidth = (text: string, size: number): number => text.length * size * 0.56;

const overlaps = (a: LabelBox, b: LabelBox) =>
  Math.abs(a.x - b.x) * 2 < a.w + b.w && a.y - a.h < b.y && b.y - b.h < a.y;

/**
 * New baselines for labels so that no two overlap: labels keep their places in the order given
 * (the first ones matter most), and each one that would cover an earlier one moves up or down
 * by its height, nearest free spot first, staying inside [top, bottom]. A label with no free spot
 * within `tries` steps keeps its place.
 */
export function spreadLabels(boxes: readonly LabelBox[], top: number, bottom: number, tries = 8): number[] {
  const placed: LabelBox[] = [];
  return boxes.map((b) => {
    for (let i = 0; i <= 2 * tries; i++) {
      const step = Math.ceil(i / 2) * (i % 2 ? 1 : -1) * b.h;
      const y = b.y + step;
      if (y - b.h < top || y > bottom) continue;
      const moved = { ...b, y };
      if (!placed.some((p) => overlaps(p, moved))) {
        placed.push(moved);
        return y;
      }
    }
    placed.push(b);
    return b.y;
  });
}
