/**
 * A Bloom filter of 32-bit integers: says "maybe" for every number added and "no" for about 99%
 * of the others, in 10 bits a number. It answers whether an index can hold a key at all, so that
 * keys it cannot hold are not looked up. Numbers cannot be taken out; a filter that outgrows its
 * size is built again, larger.
 */
export class BloomFilter {
  /** Bits per expected number and probes per number: a false "maybe" rate of about 0.8%. */
  static readonly BITS_PER_ENTRY = 10;
  static readonly PROBES = 7;

  readonly bits: Uint32Array;
  private readonly mask: number;
  /** Numbers added (a number added twice counts twice). */
  entries: number;

  /** A filter for about `capacity` numbers; or one read back from `bits` (see `bytes`). */
  constructor(capacity: number, from?: { bits: Uint8Array; entries: number }) {
    if (from) {
      if (from.bits.byteLength < 8 || from.bits.byteLength & (from.bits.byteLength - 1)) throw new Error('not a Bloom filter: its size is not a power of two');
      this.bits = new Uint32Array(from.bits.buffer.slice(from.bits.byteOffset, from.bits.byteOffset + from.bits.byteLength));
      this.entries = from.entries;
    } else {
      // A power of two of bits, so a probe is masked rather than divided.
      let words = 2;
      while (words * 32 < capacity * BloomFilter.BITS_PER_ENTRY) words *= 2;
      this.bits = new Uint32Array(words);
      this.entries = 0;
    }
    this.mask = this.bits.length * 32 - 1;
  }

  /** The numbers the filter is sized for: past them, its false "maybe" rate climbs. */
  get capacity(): number {
    return Math.floor((this.bits.length * 32) / BloomFilter.BITS_PER_ENTRY);
  }

  add(n: number): void {
    let h = mix(n), step = mix(n ^ 0x9e3779b9) | 1;
    for (let i = 0; i < BloomFilter.PROBES; i++, h = (h + step) | 0) {
      const b = h & this.mask;
      this.bits[b >>> 5]! |= 1 << (b & 31);
    }
    this.entries++;
  }

  has(n: number): boolean {
    let h = mix(n), step = mix(n ^ 0x9e3779b9) | 1;
    for (let i = 0; i < BloomFilter.PROBES; i++, h = (h + step) | 0) {
      const b = h & this.mask;
      if (!(this.bits[b >>> 5]! & (1 << (b & 31)))) return false;
    }
    return true;
  }

  /** The bits, to store and read back with the constructor. */
  bytes(): Uint8Array {
    return new Uint8Array(this.bits.buffer, this.bits.byteOffset, this.bits.byteLength);
  }
}

/** MurmurHash3's 32-bit finalizer: every input bit moves every output bit. */
function mix(n: number): number {
  let h = n | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
