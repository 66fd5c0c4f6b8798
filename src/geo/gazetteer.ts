import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { NewsgraphError } from '../core/errors.js';
import { KEY_VERSION } from './normalize.js';

/** One gazetteer entry: a GeoNames place, country, first-level division, or a hand-written region. */
export interface GazRecord {
  readonly index: number;
  /** 0 when the entry has no GeoNames id (hand-written regions). */
  readonly geonameId: number;
  readonly name: string;
  readonly lat: number;
  readonly lon: number;
  /** GeoNames feature code: PCLI (country), ADM1, PPL*, CONT, RGN, ... */
  readonly code: string;
  readonly country: string;
  /** GeoNames admin1 code inside the country ("15" for Nineveh). */
  readonly admin1: string;
  readonly population: number;
}

/** What the lexicon knows a word to be besides a place name. */
export interface WordInfo {
  readonly common: boolean;
  readonly firstName: boolean;
  readonly lastName: boolean;
  /** Nationality word ("Iraqi"); country is '' when it names no single country ("European"). */
  readonly demonym?: string;
}

/** The committed gazetteer, relative to the package root. */
export const GAZETTEER_FILE = 'models/geo/gazetteer.tsv';
export const DEFAULT_GAZETTEER = new URL(`../../${GAZETTEER_FILE}`, import.meta.url);

/**
 * The compiled gazetteer, kept as the file's bytes with line offsets: records are decoded only
 * when a lookup touches them, and keys (plain ASCII) are found by binary search on the bytes.
 * Loading is one read and one newline scan; memory is about the file's size, off the JS heap.
 */
export class Gazetteer {
  private readonly buf: Buffer;
  private readonly lineStart: Uint32Array;
  private readonly nPlaces: number;
  private readonly keyFirst: number;
  private readonly nKeys: number;
  private readonly cache = new Map<number, GazRecord>();
  private readonly words = new Map<string, WordInfo>();
  private readonly countries = new Map<string, GazRecord>();
  private readonly admin1s = new Map<string, GazRecord>();
  readonly loadMs: number;

  private constructor(buf: Buffer, t0: number) {
    this.buf = buf;
    // lineStart[i] = byte offset of line i; line 0 is the header; one extra entry closes the last line.
    let starts = new Uint32Array(1 << 20);
    let k = 1;
    for (let at = buf.indexOf(10); at >= 0; at = buf.indexOf(10, at + 1)) {
      if (k + 1 >= starts.length) { const grown = new Uint32Array(starts.length * 2); grown.set(starts); starts = grown; }
      starts[k++] = at + 1;
    }
    starts[k] = buf.length + 1;
    this.lineStart = starts.subarray(0, k + 1);
    const header = this.line(0).split('\t');
    if (header[0] !== '#newsgraph-gazetteer') throw new NewsgraphError('geo.gazetteer', 'not a newsgraph gazetteer file');
    if (Number(header[1]) !== KEY_VERSION) throw new NewsgraphError('geo.gazetteer', `gazetteer built with name keys v${header[1]}, code expects v${KEY_VERSION}: run scripts/build-gazetteer.mjs`);
    this.nPlaces = Number(header[2]);
    this.nKeys = Number(header[3]);
    const nWords = Number(header[4]);
    this.keyFirst = 1 + this.nPlaces;
    const wordFirst = this.keyFirst + this.nKeys;
    for (let i = wordFirst; i < wordFirst + nWords; i++) {
      const l = this.line(i);
      const tab = l.indexOf('\t');
      const f = l.slice(tab + 1);
      const colon = f.indexOf(':');
      this.words.set(l.slice(0, tab), {
        common: f.includes('c'),
        firstName: f.includes('f') || f.includes('p'),
        lastName: f.includes('l') || f.includes('p'),
        ...(colon >= 0 ? { demonym: f.slice(colon + 1) } : {}),
      });
    }
    // Countries and divisions come first in the file: index them for context look-ups.
    for (let i = 0; i < this.nPlaces; i++) {
      const r = this.record(i);
      if (r.code === 'PCLI') { if (!this.countries.has(r.country)) this.countries.set(r.country, r); }
      else if (r.code === 'ADM1') this.admin1s.set(r.country + '.' + r.admin1, r);
      else break;
    }
    this.loadMs = performance.now() - t0;
  }

  static fromFile(path: URL | string = DEFAULT_GAZETTEER): Gazetteer {
    const t0 = performance.now();
    let buf: Buffer;
    try {
      buf = readFileSync(path);
    } catch {
      throw new NewsgraphError('geo.gazetteer-missing', `gazetteer not found at ${String(path)}: run scripts/build-gazetteer.mjs`);
    }
    return new Gazetteer(buf[0] === 0x1f && buf[1] === 0x8b ? gunzipSync(buf) : buf, t0);
  }

  /** Builds a gazetteer from text in the compiled format (tests). */
  static fromText(text: string): Gazetteer {
    return new Gazetteer(Buffer.from(text, 'utf8'), performance.now());
  }

  get size(): number {
    return this.nPlaces;
  }

  private line(i: number): string {
    const s = this.lineStart[i]!;
    const e = Math.min(this.lineStart[i + 1]! - 1, this.buf.length);
    return this.buf.toString('utf8', s, e);
  }

  record(i: number): GazRecord {
    let r = this.cache.get(i);
    if (r) return r;
    const f = this.line(1 + i).split('\t');
    r = {
      index: i, geonameId: Number(f[0]) || 0, name: f[1]!, lat: Number(f[2]), lon: Number(f[3]),
      code: f[4]!, country: f[5] ?? '', admin1: f[6] ?? '', population: Number(f[7]) || 0,
    };
    this.cache.set(i, r);
    return r;
  }

  /** Compares key with the key of line i without allocating. */
  private cmp(key: string, i: number): number {
    const t = this.buf;
    let p = this.lineStart[i]!;
    for (let k = 0; ; k++, p++) {
      const a = k < key.length ? key.charCodeAt(k) : -1;
      let b = t[p] ?? -1;
      if (b === 9) b = -1;
      if (a !== b) return a - b;
      if (a === -1) return 0;
    }
  }

  /** Records whose name or alternate name folds to this key (see nameKey). */
  lookup(key: string): GazRecord[] {
    if (!key) return [];
    let lo = this.keyFirst, hi = this.keyFirst + this.nKeys - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const c = this.cmp(key, mid);
      if (c === 0) {
        const l = this.line(mid);
        return l.slice(l.indexOf('\t') + 1).split(',').map((x) => this.record(Number(x)));
      }
      if (c < 0) hi = mid - 1;
      else lo = mid + 1;
    }
    return [];
  }

  /** True when some key starts with this prefix followed by a space (a longer name may follow). */
  hasLonger(prefix: string): boolean {
    const p = prefix + ' ';
    let lo = this.keyFirst, hi = this.keyFirst + this.nKeys - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.cmp(p, mid) > 0) lo = mid + 1;
      else hi = mid;
    }
    if (lo >= this.keyFirst + this.nKeys) return false;
    const s = this.lineStart[lo]!;
    return this.buf.toString('latin1', s, s + p.length) === p;
  }

  word(lower: string): WordInfo | undefined {
    return this.words.get(lower);
  }

  country(code: string): GazRecord | undefined {
    return this.countries.get(code);
  }

  admin1(country: string, code: string): GazRecord | undefined {
    return this.admin1s.get(country + '.' + code);
  }
}

let shared: Gazetteer | undefined;
/** The process-wide gazetteer, loaded on first use and shared by every document. */
export function sharedGazetteer(): Gazetteer {
  return (shared ??= Gazetteer.fromFile());
}
