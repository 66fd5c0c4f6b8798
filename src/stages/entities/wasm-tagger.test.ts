import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aggregateFeatures } from './aggregate.js';
import { decodeDoc } from './decode.js';
import { dynamicHashes, historyCode } from './dynamic-features.js';
import { extractFeatures, pushTwins, wordInfo } from './features.js';
import { fmix } from './hash.js';
import { JointWeights } from './joint-weights.js';
import { NerModel } from './model.js';
import { WasmTagger } from './wasm-tagger.js';
import { NC, NT } from './tags.js';
import { FrozenWeights } from './weights.js';

/*
 * The inference path (per-word integer sums, joint pass table, SIMD kernels, tag-history
 * tables) against the plain one: every feature hashed and looked up, as training does.
 * Weights are small integers, so the plain float sums are exact and must agree to the unit.
 */

const doc = {
  words: ['TRUCE', 'IN', 'SOUTH', 'Officials', 'in', 'Kabul', 'said', 'the', 'Taliban', 'agreed', '.', 'Kabul', 'welcomed', 'it', ',', 'Mr.', 'Ahmadi', 'said', '.'],
  sentences: [[0, 3], [3, 11], [11, 19]] as [number, number][],
};

/** Every hash the document can produce in either pass, tag-history features included. */
function allHashes(domain: number): number[] {
  const full = extractFeatures({ ...doc, domain }, undefined);
  const out = new Set<number>(full.feats);
  const hist = [-1, ...Array.from({ length: NC + 1 }, (_, c) => historyCode(Int32Array.from({ length: NC + 1 }, (_, k) => (k === c ? 2 : k === 0 ? 1 : 0)), 0))];
  for (const w of doc.words) {
    const x = wordInfo(w, undefined);
    for (let p = 0; p < NT; p++) for (let p2 = 0; p2 < NT; p2++) for (const h of hist) {
      const dyn: number[] = [];
      dynamicHashes(p, p2, x.low, x.shape, x.casing, h, dyn);
      pushTwins(dyn, 0, domain);
      for (const d of dyn) out.add(d);
    }
  }
  // Second-pass features of a few tag sequences.
  for (let seed = 0; seed < 8; seed++) {
    const tags = Uint8Array.from(doc.words, (_, i) => fmix(seed * 100 + i) % NT);
    for (const h of aggregateFeatures(full, tags).feats) out.add(h);
  }
  return [...out];
}

function randomBlock(hashes: number[], salt: number, keep: number) {
  // Each block knows a different subset, as trained blocks do.
  const hs = Uint32Array.from(hashes.filter((h) => fmix(h ^ salt) % 10 < keep));
  const q = Int16Array.from({ length: hs.length * NT }, (_, i) => (fmix(i * 7 + salt) % 2001) - 1000);
  return { hashes: hs, q, plain: new FrozenWeights(hs, Float32Array.from(q)) };
}

for (const domain of [0, 1]) {
  const hashes = allHashes(domain);
  const blocks = [randomBlock(hashes, 11, 9), randomBlock(hashes, 23, 8)];

  test(`cached static scores equal the plain sums of every feature (convention ${domain})`, () => {
    const full = extractFeatures({ ...doc, domain }, undefined);
    const ctx = extractFeatures({ ...doc, domain }, undefined, true);
    assert.ok(ctx.feats.length < full.feats.length);
    const stat = new WasmTagger(new JointWeights(blocks)).staticScores(ctx);
    blocks.forEach((b, p) => {
      for (let i = 0; i < doc.words.length; i++) {
        const want = new Array<number>(NT).fill(0);
        for (let k = full.offsets[i]!; k < full.offsets[i + 1]!; k++) {
          const r = b.plain.row(full.feats[k]!);
          if (r >= 0) for (let t = 0; t < NT; t++) want[t]! += b.q[r * NT + t]!;
        }
        assert.deepEqual(stat[i]![p], want, `pass ${p}, token ${i}`);
      }
    });
  });

  test(`fast two-pass tagging decodes exactly like the plain loop (convention ${domain})`, () => {
    const model = new NerModel(blocks, undefined);
    const full = extractFeatures({ ...doc, domain }, undefined);
    const first = decodeDoc(full, blocks[0]!.plain);
    const second = decodeDoc(aggregateFeatures(full, first), blocks[1]!.plain);
    assert.ok(new Set(second).size > 3, `varied tags: ${second}`);
    assert.deepEqual([...model.tagIds({ ...doc, domain })], [...second]);
  });
}

test('a document larger than the kernel scratch, and the words known before it, tag as the plain loop does', () => {
  const hashes = allHashes(0);
  const blocks = [randomBlock(hashes, 11, 9), randomBlock(hashes, 23, 8)];
  const plain = (d: typeof doc) => {
    const full = extractFeatures({ ...d, domain: 0 }, undefined);
    return [...decodeDoc(aggregateFeatures(full, decodeDoc(full, blocks[0]!.plain)), blocks[1]!.plain)];
  };
  const model = new NerModel(blocks, undefined);
  assert.deepEqual([...model.tagIds({ ...doc, domain: 0 })], plain(doc));
  // 19 tokens x 2,000: scratch beyond its first megabyte, so the word blocks start over.
  const big = { words: Array.from({ length: 2000 }, () => doc.words).flat(), sentences: Array.from({ length: 2000 }, (_, k) => doc.sentences.map(([s, e]) => [s + 19 * k, e + 19 * k] as [number, number])).flat() };
  assert.deepEqual([...model.tagIds({ ...big, domain: 0 })], plain(big));
  assert.deepEqual([...model.tagIds({ ...doc, domain: 0 })], plain(doc));
});

test('an arena that starts over between documents changes no tag', () => {
  const hashes = allHashes(1);
  const blocks = [randomBlock(hashes, 11, 9), randomBlock(hashes, 23, 8)];
  // Room for about one document's blocks: nearly every document empties the arena first.
  const small = new WasmTagger(new JointWeights(blocks), 40_000);
  const large = new WasmTagger(new JointWeights(blocks));
  for (let k = 0; k < 6; k++) {
    for (const domain of [0, 1]) {
      const d = { words: doc.words.map((w, i) => ((i + k) % 4 === 0 ? `${w}${k}` : w)), sentences: doc.sentences, domain };
      const f = extractFeatures(d, undefined, true);
      assert.deepEqual([...small.tag(f)], [...large.tag(f)], `document ${k}, convention ${domain}`);
    }
  }
});
