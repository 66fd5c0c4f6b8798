import { readFileSync, writeFileSync } from 'node:fs';
import { gunzipSync, gzipSync } from 'node:zlib';
import type { LexiconData } from './lexicon-map.js';
import { NT } from './tags.js';

/*
 * The model file: gzip of [magic "NGNER1\0\0"][u32 header length][header JSON]
 * [u32 feature hashes][i16 weights, NT per feature]. Weights are quantised to 16 bits with
 * one scale: perceptron weights are few distinct magnitudes, so nothing is lost that matters.
 */

const MAGIC = 'NGNER1\0\0';

export interface ModelHeader {
  format: 1;
  tags: number;
  rows: number;
  scale: number;
  lexicon: LexiconData;
  /** Free-form training facts (corpora, epochs, date) for provenance. */
  info: Record<string, unknown>;
}

export interface ModelData {
  header: ModelHeader;
  hashes: Uint32Array;
  weights: Float32Array;
}

export function saveModel(path: string, hashes: Uint32Array, w: Float32Array, lexicon: LexiconData, info: Record<string, unknown>): number {
  let max = 0;
  for (let i = 0; i < w.length; i++) max = Math.max(max, Math.abs(w[i]!));
  const scale = max > 0 ? max / 32767 : 1;
  const q = new Int16Array(w.length);
  for (let i = 0; i < w.length; i++) q[i] = Math.round(w[i]! / scale);
  const header: ModelHeader = { format: 1, tags: NT, rows: hashes.length, scale, lexicon, info };
  const hjson = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(4);
  len.writeUInt32LE(hjson.length);
  const pad = Buffer.alloc((4 - ((8 + 4 + hjson.length) % 4)) % 4, 32);
  const raw = Buffer.concat([Buffer.from(MAGIC, 'latin1'), len, hjson, pad, Buffer.from(hashes.buffer, hashes.byteOffset, hashes.byteLength), Buffer.from(q.buffer, q.byteOffset, q.byteLength)]);
  const gz = gzipSync(raw, { level: 9 });
  writeFileSync(path, gz);
  return gz.length;
}

export function loadModel(path: string): ModelData {
  const raw = gunzipSync(readFileSync(path));
  if (raw.toString('latin1', 0, 8) !== MAGIC) throw new Error(`${path}: not a newsgraph NER model`);
  const hlen = raw.readUInt32LE(8);
  const header = JSON.parse(raw.toString('utf8', 12, 12 + hlen)) as ModelHeader;
  if (header.tags !== NT) throw new Error(`${path}: model has ${header.tags} tags, code expects ${NT}`);
  let off = 12 + hlen;
  off += (4 - (off % 4)) % 4;
  // Copy into aligned typed arrays (the Buffer may not be 4-byte aligned in its pool).
  const hashes = new Uint32Array(header.rows);
  Buffer.from(hashes.buffer).set(raw.subarray(off, off + header.rows * 4));
  off += header.rows * 4;
  const q = new Int16Array(header.rows * NT);
  Buffer.from(q.buffer).set(raw.subarray(off, off + q.byteLength));
  const weights = new Float32Array(q.length);
  for (let i = 0; i < q.length; i++) weights[i] = q[i]! * header.scale;
  return { header, hashes, weights };
}
