import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { GenreData } from './genre.js';
import type { LexiconData } from './lexicon-map.js';
import { NT } from './tags.js';

/*
 * The model file: gzip of [magic "NGNER2\0\0"][u32 header length][header JSON][pad to 4]
 * then per weight block [u32 feature hashes][i16 weights, NT per feature]. A block is one
 * decoding pass. Weights are quantised to 16 bits with one scale per block: far finer than
 * the differences between perceptron weights that decide a tag.
 */

const MAGIC = 'NGNER2\0\0';
const MAGIC_V1 = 'NGNER1\0\0';

export interface BlockHeader {
  rows: number;
  scale: number;
}

export interface ModelHeader {
  format: 1 | 2;
  tags: number;
  blocks: BlockHeader[];
  lexicon: LexiconData;
  /** Genre classifier choosing the annotation convention; absent in single-convention models. */
  genre?: GenreData;
  /** Free-form training facts (corpora, epochs, seed) for provenance. */
  info: Record<string, unknown>;
}

export interface WeightBlock {
  hashes: Uint32Array;
  w: Float32Array;
  /** As loaded: the stored 16-bit weights (w = q * scale), for integer scoring at inference. */
  q?: Int16Array;
  scale?: number;
}

export interface ModelData {
  header: ModelHeader;
  blocks: WeightBlock[];
}

export function saveModel(path: string, blocks: readonly WeightBlock[], lexicon: LexiconData, genre: GenreData | undefined, info: Record<string, unknown>): number {
  const parts: Buffer[] = [];
  const heads: BlockHeader[] = [];
  for (const b of blocks) {
    let max = 0;
    for (let i = 0; i < b.w.length; i++) max = Math.max(max, Math.abs(b.w[i]!));
    const scale = max > 0 ? max / 32767 : 1;
    const q = new Int16Array(b.w.length);
    for (let i = 0; i < b.w.length; i++) q[i] = Math.round(b.w[i]! / scale);
    heads.push({ rows: b.hashes.length, scale });
    parts.push(Buffer.from(b.hashes.buffer, b.hashes.byteOffset, b.hashes.byteLength));
    // Keep each block's hash array 4-byte aligned: i16 weights of an odd row count need a pad.
    const qb = Buffer.from(q.buffer, q.byteOffset, q.byteLength);
    parts.push(qb, Buffer.alloc(qb.length % 4));
  }
  const header: ModelHeader = { format: 2, tags: NT, blocks: heads, lexicon, genre, info };
  const hjson = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(hjson.length);
  const pad = Buffer.alloc((4 - ((12 + hjson.length) % 4)) % 4, 32);
  const gz = gzipSync(Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, hjson, pad, ...parts]), { level: 9 });
  writeFileSync(path, gz);
  return gz.length;
}

export function loadModel(path: string): ModelData {
  const raw = gunzipSync(readFileSync(path));
  const magic = raw.toString('latin1', 0, 8);
  if (magic !== MAGIC && magic !== MAGIC_V1) throw new Error(`${path}: not a newsgraph NER model`);
  const hlen = raw.readUInt32LE(8);
  const header = JSON.parse(raw.toString('utf8', 12, 12 + hlen)) as ModelHeader & { rows?: number; scale?: number };
  // Format 1 held a single block described in the header itself.
  if (magic === MAGIC_V1) header.blocks = [{ rows: header.rows!, scale: header.scale! }];
  if (header.tags !== NT) throw new Error(`${path}: model has ${header.tags} tags, code expects ${NT}`);
  let off = 12 + hlen;
  off += (4 - (off % 4)) % 4;
  const blocks: WeightBlock[] = [];
  for (const b of header.blocks) {
    // Copy into fresh typed arrays: the decompressed Buffer need not be aligned.
    const hashes = new Uint32Array(b.rows);
    Buffer.from(hashes.buffer).set(raw.subarray(off, off + b.rows * 4));
    off += b.rows * 4;
    const q = new Int16Array(b.rows * NT);
    Buffer.from(q.buffer).set(raw.subarray(off, off + q.byteLength));
    off += q.byteLength + (q.byteLength % 4);
    const w = new Float32Array(q.length);
    for (let i = 0; i < q.length; i++) w[i] = q[i]! * b.scale;
    blocks.push({ hashes, w, q, scale: b.scale });
  }
  return { header, blocks };
}
