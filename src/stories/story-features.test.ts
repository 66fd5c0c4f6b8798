import assert from 'node:assert/strict';
import { test } from 'node:test';
import { storyFeatures } from './story-features.js';

test('places count by their GeoNames id, a toponym with no entry by its folded name, and modifiers not at all', () => {
  const text = 'Crews cleared Larkmoor Avenue in Brisco after the French team left.';
  const f = storyFeatures({
    text,
    places: [
      { start: 14, end: 22, name: 'Larkmoor', lat: 1, lon: 2 },
      { start: 33, end: 39, name: 'Brisco', lat: 1, lon: 2, geonameId: 4242 },
      { start: 50, end: 56, name: 'French', lat: 3, lon: 4, geonameId: 3017382, modifier: true },
    ],
  } as unknown as Parameters<typeof storyFeatures>[0]);
  assert.deepEqual([...f.places].sort(), [4242, 'n:larkmoor'].sort());
});
