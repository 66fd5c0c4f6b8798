import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMPTY_LEXICON } from './lexicon-map.js';
import { loadModel, saveModel } from './model-io.js';
import { NT } from './tags.js';

test('model files round-trip blocks, lexicon and genre with 16-bit weights', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ner-model-'));
  try {
    const mk = (rows: number, seed: number) => ({
      hashes: Uint32Array.from({ length: rows }, (_, i) => (i * 2654435761 + seed) >>> 0),
      w: Float32Array.from({ length: rows * NT }, (_, i) => Math.sin(i + seed) * 3),
    });
    const blocks = [mk(5, 1), mk(3, 2)];
    const genre = { words: ['strike', 'coalition'], weights: [0.5, 0.25], bias: -1 };
    const path = join(dir, 'm.bin');
    saveModel(path, blocks, { ...EMPTY_LEXICON, words: 'kabul\nmosul', levels: 1, clusters: [3, 4], caseClass: [5, 5] }, genre, { seed: 1 });
    const m = loadModel(path);
    assert.equal(m.blocks.length, 2);
    m.blocks.forEach((b, k) => {
      assert.deepEqual([...b.hashes], [...blocks[k]!.hashes]);
      b.w.forEach((x, i) => assert.ok(Math.abs(x - blocks[k]!.w[i]!) < 1e-3));
    });
    assert.deepEqual(m.header.genre, genre);
    assert.equal(m.header.lexicon.words, 'kabul\nmosul');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
