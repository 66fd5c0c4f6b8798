import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeDoc } from './decode.js';
import { extractFeatures } from './features.js';
import { fmix } from './hash.js';
import { ScoreCache } from './score-cache.js';
import { NT } from './tags.js';
import { FrozenWeights } from './weights.js';

test('cached per-word scores decode exactly like the full feature set', () => {
  const doc = {
    words: ['TRUCE', 'IN', 'SOUTH', 'Officials', 'in', 'Kabul', 'said', 'the', 'Taliban', 'agreed', '.', 'Kabul', 'welcomed', 'it', '.'],
    sentences: [[0, 3], [3, 11], [11, 15]] as [number, number][],
  };
  for (const domain of [0, 1]) {
    const full = extractFeatures({ ...doc, domain }, undefined);
    // Pseudo-random weights for every feature the document has, so every tag gets scores.
    const hashes = [...new Set(full.feats)];
    const w = Float32Array.from({ length: hashes.length * NT }, (_, i) => ((fmix(i + 1) % 2001) - 1000) / 500);
    const weights = new FrozenWeights(Uint32Array.from(hashes), w);
    const ctx = extractFeatures({ ...doc, domain }, undefined, true);
    assert.ok(ctx.feats.length < full.feats.length);
    const base = new ScoreCache(weights, domain).base(doc.words, ctx.infos, ctx.sentenceOf);
    assert.deepEqual([...decodeDoc(ctx, weights, { base })], [...decodeDoc(full, weights)]);
  }
});
