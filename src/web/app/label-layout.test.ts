import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spreadLabels, textWidth, type LabelBox } from './label-layout.js';

const clash = (a: LabelBox, b: LabelBox) => Math.abs(a.x - b.x) * 2 < a.w + b.w && a.y - a.h < b.y && b.y - b.h < a.y;

test('labels that would overlap move apart, the first keeping its place', () => {
  const boxes: LabelBox[] = [
    { x: 100, y: 50, w: textWidth('national army', 12), h: 14 },
    { x: 110, y: 52, w: textWidth('fights', 11), h: 13 },
    { x: 95, y: 48, w: textWidth('Blue Lantern Movement', 12), h: 14 },
    { x: 400, y: 50, w: 40, h: 14 },
  ];
  const ys = spreadLabels(boxes, 0, 200);
  assert.equal(ys[0], 50);
  assert.equal(ys[3], 50, 'a label far from the others stays');
  const moved = boxes.map((b, i) => ({ ...b, y: ys[i]! }));
  for (let i = 0; i < moved.length; i++) for (let j = i + 1; j < moved.length; j++) assert.ok(!clash(moved[i]!, moved[j]!), `${i} and ${j}`);
});

test('labels stay inside the drawing, and one with no room keeps its place', () => {
  const ys = spreadLabels([{ x: 10, y: 14, w: 50, h: 14 }, { x: 10, y: 14, w: 50, h: 14 }], 0, 30, 1);
  assert.deepEqual(ys, [14, 28]);
  const full = spreadLabels([{ x: 10, y: 14, w: 50, h: 14 }, { x: 10, y: 14, w: 50, h: 14 }, { x: 10, y: 14, w: 50, h: 14 }], 0, 30, 1);
  assert.deepEqual(full, [14, 28, 14]);
});
