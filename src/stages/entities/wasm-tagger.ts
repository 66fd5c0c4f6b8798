import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { aggregateHashes } from './aggregate.js';
import { DynamicTables, prevRows } from './dynamic-features.js';
import { caseHashes, DOMAIN_SALT, offsetHashes, PAD_END, PAD_START, padHashes, type DocFeatures, type WordInfo, wordEpoch } from './features.js';
import { mix2 } from './hash.js';
import type { JointWeights } from './joint-weights.js';
import { Casing } from './shape.js';
import { ALLOWED, NT } from './tags.js';

/*
 * Inference: the tagger's two hot loops run as WebAssembly SIMD kernels (simd/kernels.ts),
 * on the stored 16-bit weights summed exactly in 32-bit integers, so the tags are those of
 * decode.ts (which training runs) on the same model. This module prepares what the kernels
 * read, in the module's memory:
 *  - the joint weight rows, each pass's NT weights padded to LP lanes;
 *  - per word and convention, a block: the sums of its features at each offset -2..2 from a
 *    token, and its PrevWord / PrevShape rows after each tag (computed once per word);
 *  - per document, token flags, the blocks of its words, the rows of its context features.
 * Feature hashing and lookups stay in TypeScript (features.ts, joint-weights.ts).
 */

/** Lanes per pass in a vector: NT rounded up to whole SIMD steps (kernels.ts LP). */
const LP = 20;
const OFFSETS = 5;
/** Token flags, as kernels.ts reads them. */
const START = 1, END = 2, CAPITAL = 4, CASING_SHIFT = 4;
/** Second-pass features per token beyond the own-tag ones, at most (aggregate.ts: four, with twins). */
const MAX_EXTRA = 8;
/** Word blocks kept before the arena starts over (about half a kilobyte each). */
const ARENA_BYTES = 64 << 20;
const PAGE = 65536;
/** A word block's header: a reference per offset, the PrevWord / PrevShape rows' address, padding. */
const HEADER = 32;
/** Features of a word at all offsets, at most (features.ts: about 40, twice with twins). */
const ROW_LIST = 512;

interface Kernels {
  memory: WebAssembly.Memory;
  sums(n: number, passes: number, flags: number, wordAt: number, ctxOff: number, ctxRows: number, q: number, pads: number, stat: number): void;
  setPass(passes: number, pass: number, twins: number, flags: number, forms: number, wordAt: number, stat: number, q: number,
    combo: number, hist: number, own: number, allowed: number, history: number, tags: number, scratch: number): void;
  decode(n: number, extra: number, prevTags: number, extraOff: number, extraRows: number): void;
  sumRows(dst: number, rows: number, count: number, passes: number, q: number): void;
  sumBlock(tmp: number, list: number, ends: number, passes: number, q: number): number;
  storeBlock(at: number, tmp: number, passes: number): void;
}

/** The compiled kernels as the package holds them (what `npm run build` writes), relative to its root. */
export const KERNELS_FILE = 'dist/stages/entities/simd/kernels.wasm';
let compiled: WebAssembly.Module | undefined;
function instantiate(): Kernels {
  if (!compiled) {
    const url = new URL('./simd/kernels.wasm', import.meta.url);
    if (!existsSync(url)) throw new Error(`NER kernels not found at ${fileURLToPath(url)}; run npm run build`);
    compiled = new WebAssembly.Module(readFileSync(url));
  }
  const abort = () => { throw new Error('NER kernel aborted'); };
  return new WebAssembly.Instance(compiled, { env: { abort } }).exports as unknown as Kernels;
}

const isCapital = (c: Casing) => c === Casing.Title || c === Casing.AllCaps || c === Casing.Mixed;
const align = (n: number) => (n + 15) & ~15;

/** The kernels' memory: a fixed part (weights, tables), per-document scratch, then the word arena. */
class Heap {
  i32!: Int32Array;
  i16!: Int16Array;
  u8!: Uint8Array;
  /** Bytes addressable now; only reserve() grows the memory (the kernels never do). */
  private bytes: number;
  top: number;

  constructor(readonly k: Kernels) {
    this.bytes = k.memory.buffer.byteLength;
    this.top = align(this.bytes);
    this.views();
  }

  /** Typed views over the memory's current buffer (growing the memory detaches the old ones). */
  private views(): void {
    const b = this.k.memory.buffer;
    this.i32 = new Int32Array(b);
    this.i16 = new Int16Array(b);
    this.u8 = new Uint8Array(b);
  }

  /** Makes [0, end) addressable, growing by half at least: a long document's many new words add pages often. */
  reserve(end: number): void {
    if (end <= this.bytes) return;
    this.k.memory.grow(Math.max(Math.ceil((end - this.bytes) / PAGE), Math.ceil(this.bytes / PAGE / 2)));
    this.bytes = this.k.memory.buffer.byteLength;
    this.views();
  }

  alloc(bytes: number): number {
    const at = this.top;
    this.top = align(at + bytes);
    this.reserve(this.top);
    return at;
  }
}

/** One model's kernels and weights (JointWeights, every pass). */
export class WasmTagger {
  private readonly heap: Heap;
  readonly passes: number;
  /** Bytes of a score vector (i32, every pass) and of a weight row (i16, every pass). */
  readonly vec: number;
  readonly rowBytes: number;
  readonly q: number;
  private readonly allowed: number;
  private readonly domains: (DomainTables | undefined)[] = [];
  /** Per-document scratch [scratch, scratch + scratchBytes), then the arena of word blocks. */
  private scratch = 0;
  private scratchBytes = 0;
  private arenaStart = 0;
  private arenaTop = 0;

  /** arenaBytes: room for word blocks before the arena starts over (tests make it small). */
  constructor(readonly weights: JointWeights, private readonly arenaBytes = ARENA_BYTES) {
    const heap = (this.heap = new Heap(instantiate()));
    this.passes = weights.passes;
    this.vec = this.passes * LP * 4;
    this.rowBytes = this.passes * LP * 2;
    const rows = weights.q.length / weights.width;
    this.q = heap.alloc(rows * this.rowBytes);
    const q16 = heap.i16, src = weights.q;
    for (let r = 0; r < rows; r++) {
      for (let p = 0; p < this.passes; p++) {
        const to = (this.q + r * this.rowBytes) / 2 + p * LP, from = r * weights.width + p * NT;
        for (let t = 0; t < NT; t++) q16[to + t] = src[from + t]!;
      }
    }
    this.allowed = heap.alloc(ALLOWED.length);
    heap.u8.set(ALLOWED, this.allowed);
    for (const d of [0, 1]) this.domains[d] = new DomainTables(this, heap, d);
    this.layout(1 << 20);
  }

  /** Scratch for `bytes`, the arena after it (emptied). */
  private layout(bytes: number): void {
    this.scratch = this.heap.top;
    this.scratchBytes = bytes;
    this.arenaStart = this.arenaTop = align(this.scratch + bytes);
    for (const d of this.domains) d?.forget();
  }

  /** The address of a word block of `bytes` in the arena (not cleared). */
  newBlock(bytes: number): number {
    const at = this.arenaTop;
    this.arenaTop = align(at + bytes);
    this.heap.reserve(this.arenaTop);
    return at;
  }

  /** Lays out the document's scratch and fills what `sums` reads; returns the scratch addresses. */
  private prepare(f: DocFeatures): Scratch {
    const n = f.infos.length, d = this.domains[f.domain]!;
    d.checkEpoch();
    const sizes = [n, 4 * n, 4 * n, 4 * (n + 1), 4 * f.feats.length, n * this.vec, 4 * (f.formCount * 5), this.passes * n, 4 * (n + 1), 4 * MAX_EXTRA * n, 256];
    const need = sizes.reduce((a, b) => a + align(b), 0);
    // A larger scratch empties the arena (its blocks would overlap); so does an arena without
    // room for every token's blocks, before any is taken.
    if (need > this.scratchBytes) this.layout(Math.max(need, 2 * this.scratchBytes));
    if (this.arenaTop + n * d.blockBytes > this.arenaStart + this.arenaBytes) this.layout(this.scratchBytes);
    let at = this.scratch;
    const [flags, wordAt, forms, ctxOff, ctxRows, stat, history, tags, extraOff, extraRows, temp] = sizes.map((b) => { const a = at; at += align(b); return a; }) as number[];
    const a: Scratch = { d, flags: flags!, wordAt: wordAt!, forms: forms!, ctxOff: ctxOff!, ctxRows: ctxRows!, stat: stat!, history: history!, tags: tags!, extraOff: extraOff!, extraRows: extraRows!, temp: temp! };

    // Blocks first: making one may grow the memory, which renews the views.
    const blocks = new Int32Array(n), flagsOf = new Uint8Array(n), heads = f.headline, sentenceOf = f.sentenceOf;
    for (let i = 0; i < n; i++) {
      const x = f.infos[i]!, c = x.casing;
      const head = heads !== undefined && heads[sentenceOf[i]!] === 1;
      blocks[i] = (!head && d.known(x.id)) || d.block(x, head);
      const start = i === 0 || sentenceOf[i] !== sentenceOf[i - 1];
      const end = i + 1 === n || sentenceOf[i + 1] !== sentenceOf[i];
      flagsOf[i] = (start ? START : 0) | (end ? END : 0) | (isCapital(c) ? CAPITAL : 0) | (c << CASING_SHIFT);
    }
    const { i32, u8 } = this.heap;
    i32.set(blocks, a.wordAt >> 2);
    i32.set(f.forms, a.forms >> 2);
    u8.set(flagsOf, a.flags);
    this.rowsOf(f.feats, f.offsets, n, a.ctxOff, a.ctxRows);
    return a;
  }

  /** The weight rows of per-token hashes, as the kernels read them: offsets at `off`, rows at `rows`. */
  private rowsOf(feats: Uint32Array, offsets: Uint32Array, n: number, off: number, rows: number): void {
    const i32 = this.heap.i32, W = this.weights, o = off >> 2, r0 = rows >> 2;
    let m = 0;
    for (let i = 0; i < n; i++) {
      i32[o + i] = m;
      for (let k = offsets[i]!, e = offsets[i + 1]!; k < e; k++) {
        const r = W.row(feats[k]!);
        if (r >= 0) i32[r0 + m++] = r;
      }
    }
    i32[o + n] = m;
  }

  private sums(f: DocFeatures, a: Scratch): void {
    this.heap.k.sums(f.infos.length, this.passes, a.flags, a.wordAt, a.ctxOff, a.ctxRows, this.q, a.d.pads, a.stat);
  }

  /** Tags of a document (every pass; the last pass's tags). */
  tag(f: DocFeatures): Uint8Array {
    const n = f.infos.length, P = this.passes;
    const a = this.prepare(f);
    this.sums(f, a);
    const k = this.heap.k;
    for (let p = 0; p < P; p++) {
      const t = a.d.pass[p]!;
      this.heap.i32.fill(0, a.history >> 2, (a.history >> 2) + f.formCount * 5);
      k.setPass(P, p, f.domain === 1 ? 1 : 0, a.flags, a.forms, a.wordAt, a.stat, this.q, t.combo, t.history, t.own, this.allowed, a.history, a.tags + p * n, a.temp);
      if (p === 0) {
        k.decode(n, 0, 0, 0, 0);
        continue;
      }
      // What the previous pass said elsewhere in the document (aggregate.ts), as weight rows.
      const agg = aggregateHashes(f, this.heap.u8.slice(a.tags + (p - 1) * n, a.tags + p * n));
      if (agg.feats.length > MAX_EXTRA * n) throw new Error('NER: more second-pass features than the kernel scratch holds');
      this.rowsOf(agg.feats, agg.offsets, n, a.extraOff, a.extraRows);
      k.decode(n, 1, a.tags + (p - 1) * n, a.extraOff, a.extraRows);
    }
    return this.heap.u8.slice(a.tags + (P - 1) * n, a.tags + P * n);
  }

  /** The tag-independent scores of every token (tests): [token][pass][tag]. */
  staticScores(f: DocFeatures): number[][][] {
    const a = this.prepare(f);
    this.sums(f, a);
    const i32 = this.heap.i32;
    return Array.from(f.infos, (_, i) => Array.from({ length: this.passes }, (_, p) => {
      const at = (a.stat + i * this.vec) / 4 + p * LP;
      return Array.from(i32.subarray(at, at + NT));
    }));
  }
}

/** Scratch addresses of one document. */
interface Scratch {
  d: DomainTables;
  flags: number; wordAt: number; forms: number; ctxOff: number; ctxRows: number; stat: number;
  history: number; tags: number; extraOff: number; extraRows: number; temp: number;
}

/** What one annotation convention adds: tag-history tables per pass, pad vectors, word blocks. */
class DomainTables {
  readonly pass: { combo: number; history: number; own: number }[] = [];
  /** Vectors of the positions beyond the sentence start (offsets -2..2), then end. */
  readonly pads: number;
  /** Word block, at most: a header (kernels.ts sums), OFFSETS vectors, the 4 NT PrevWord / PrevShape rows. */
  readonly blockBytes: number;
  /** Block address per WordInfo.id, 0 for none yet; blocks of words in headlines (rare) apart. */
  private blockOf = new Int32Array(1024);
  private readonly heads = new Map<number, number>();
  private epoch = wordEpoch();
  private readonly tmp: number[] = [];
  /** Room for the rows of one word's features (ends: where each offset's end). */
  private readonly rowList: number;
  private readonly ends = new Int32Array(OFFSETS);
  private readonly endsAt: number;
  /** Where a new word's vectors are summed before they are stored. */
  private readonly tmpAt: number;
  private readonly prev = new Int32Array(4 * NT);
  private readonly byShape = new Map<number, Int32Array>();

  constructor(private readonly t: WasmTagger, private readonly heap: Heap, private readonly domain: number) {
    const W = t.weights;
    this.rowList = heap.alloc(4 * ROW_LIST);
    this.endsAt = heap.alloc(4 * OFFSETS);
    this.tmpAt = heap.alloc(OFFSETS * t.vec);
    for (let p = 0; p < W.passes; p++) {
      const dt = new DynamicTables(W, p, domain);
      // Entries of NT weights laid out LP apart, as the kernel adds whole SIMD steps.
      const put = (v: Int32Array) => {
        const at = heap.alloc((v.length / NT) * LP * 4);
        for (let e = 0; e < v.length / NT; e++) heap.i32.set(v.subarray(e * NT, (e + 1) * NT), (at >> 2) + e * LP);
        return at;
      };
      this.pass.push({ combo: put(dt.combo), history: put(dt.history), own: put(dt.own) });
    }
    this.blockBytes = HEADER + OFFSETS * t.vec + 4 * 4 * NT;
    this.pads = heap.alloc(2 * OFFSETS * t.vec);
    [PAD_START, PAD_END].forEach((pad, k) => {
      for (let o = -2; o <= 2; o++) {
        this.tmp.length = 0;
        padHashes(o, pad, this.tmp);
        this.sumInto(this.pads + (k * OFFSETS + o + 2) * t.vec);
      }
    });
  }

  /** Weight rows of the hashes in tmp (and their twins) appended to the row list from `m`; returns the new end. */
  private rowsInto(m: number): number {
    const hs = this.tmp, W = this.t.weights;
    if (this.domain === 1) for (let k = 0, n = hs.length; k < n; k++) hs.push(mix2(hs[k]!, DOMAIN_SALT));
    if (m + hs.length > ROW_LIST) throw new Error(`NER: ${m + hs.length} features of one word, more than the kernel list holds`);
    const i32 = this.heap.i32, list = this.rowList >> 2;
    for (let k = 0; k < hs.length; k++) {
      const r = W.row(hs[k]!);
      if (r >= 0) i32[list + m++] = r;
    }
    return m;
  }

  /** Sets the vector at `at` to the sum of the weight rows of the hashes in tmp (and their twins). */
  private sumInto(at: number): void {
    const m = this.rowsInto(0);
    this.heap.k.sumRows(at, this.rowList, m, this.t.passes, this.t.q);
  }

  /**
   * Writes a short shape's PrevShape rows (and twins) into out as prevRows lays them out; the
   * rows are kept per shape, as a few hundred shapes cover nearly every word.
   */
  private shapeRows(shape: number, out: Int32Array): boolean {
    let rows = this.byShape.get(shape);
    if (!rows) {
      rows = new Int32Array(4 * NT + 1);
      rows[4 * NT] = prevRows(this.t.weights, shape, true, this.domain === 1, rows, NT) ? 1 : 0;
      if (this.byShape.size > 10_000) this.byShape.clear();
      this.byShape.set(shape, rows);
    }
    for (let t = NT; t < 2 * NT; t++) { out[t] = rows[t]!; out[t + 2 * NT] = rows[t + 2 * NT]!; }
    return rows[4 * NT] === 1;
  }

  /** The block of a word outside headlines, 0 when it has none yet. */
  known(id: number): number {
    return id < this.blockOf.length ? this.blockOf[id]! : 0;
  }

  /** Forgets every block: the arena starts over. */
  forget(): void {
    this.blockOf.fill(0);
    this.heads.clear();
  }

  /** Word ids that started over make the blocks by id meaningless. */
  checkEpoch(): void {
    if (this.epoch === wordEpoch()) return;
    this.forget();
    this.epoch = wordEpoch();
  }

  /** Address of a word's block (made on first use). */
  block(info: WordInfo, head: boolean): number {
    const id = info.id;
    if (!head && id < this.blockOf.length && this.blockOf[id]) return this.blockOf[id]!;
    if (head && this.heads.has(id)) return this.heads.get(id)!;
    // The rows of each offset's features, one list after the other.
    const ends = this.ends;
    let m = 0, vectors = 0;
    for (let o = 0; o < OFFSETS; o++) {
      this.tmp.length = 0;
      offsetHashes(info, o - 2, this.tmp);
      caseHashes(info, o - 2, head, this.tmp);
      const from = m;
      ends[o] = m = this.rowsInto(m);
      if (m - from > 1) vectors++;
    }
    // PrevWord rows at [0, NT), PrevShape rows at [NT, 2 NT), twins 2 NT further (kernels.ts score).
    const prev = this.prev, twins = this.domain === 1;
    const anyWord = prevRows(this.t.weights, info.low, false, twins, prev, 0);
    const anyPrev = this.shapeRows(info.shape, prev) || anyWord;
    const prevBytes = anyPrev ? 4 * (twins ? 4 : 2) * NT : 0;
    // The vectors, summed aside first: those that fit 16 bits take half the room.
    const vec = this.t.vec, k = this.heap.k;
    this.heap.i32.set(ends, this.endsAt >> 2);
    const fits = k.sumBlock(this.tmpAt, this.rowList, this.endsAt, this.t.passes, this.t.q);
    let bytes = HEADER + prevBytes;
    for (let o = 0, from = 0; o < OFFSETS; from = ends[o++]!) if (ends[o]! - from > 1) bytes += fits & (1 << o) ? vec / 2 : vec;
    const at = this.t.newBlock(bytes);
    if (head) {
      if (this.heads.size > 50_000) this.heads.clear();
      this.heads.set(id, at);
    } else {
      if (id >= this.blockOf.length) {
        const a = new Int32Array(Math.max(2 * this.blockOf.length, id + 1));
        a.set(this.blockOf);
        this.blockOf = a;
      }
      this.blockOf[id] = at;
    }
    // The header (kernels.ts sums): a row, a 16-bit vector (address + 1) or a 32-bit one.
    const i32 = this.heap.i32, list = this.rowList >> 2;
    let next = at + HEADER;
    for (let o = 0, from = 0; o < OFFSETS; from = ends[o++]!) {
      const count = ends[o]! - from;
      let ref = 0;
      if (count === 1) ref = -(i32[list + from]! + 1);
      else if (count > 1) {
        const half = (fits & (1 << o)) !== 0;
        ref = half ? next + 1 : next;
        next += half ? vec / 2 : vec;
      }
      i32[(at >> 2) + o] = ref;
    }
    k.storeBlock(at, this.tmpAt, this.t.passes);
    i32[(at >> 2) + OFFSETS] = anyPrev ? next : 0;
    if (anyPrev) i32.set(prev.subarray(0, prevBytes >> 2), next >> 2);
    return at;
  }
}
