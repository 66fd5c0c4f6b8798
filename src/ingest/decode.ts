import { gunzipSync } from 'node:zlib';

export type Decoded =
  | {
      readonly ok: true;
      readonly text: string;
      readonly encoding: string;
      /** Bytes of a mostly UTF-8 file that are not UTF-8, each decoded as U+FFFD. */
      readonly invalidBytes?: number;
    }
  | { readonly ok: false; readonly error: string };

// Well-known binary signatures, so the refusal can say what the file actually is.
const MAGIC: readonly [string, number[]][] = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['ZIP archive (or an office document)', [0x50, 0x4b, 0x03, 0x04]],
  ['WebP or other RIFF media', [0x52, 0x49, 0x46, 0x46]],
  ['executable', [0x7f, 0x45, 0x4c, 0x46]],
  ['old Office document', [0xd0, 0xcf, 0x11, 0xe0]],
];

const SNIFF_BYTES = 64 * 1024;

export function isGzip(buf: Uint8Array): boolean {
  return buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b;
}

/** Decompresses gzip data, refusing output beyond maxOutput bytes (a small file can expand enormously). */
export function gunzip(buf: Uint8Array, maxOutput: number, flag?: string): Buffer {
  try {
    return gunzipSync(buf, { maxOutputLength: maxOutput });
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new Error(`gzip data expands beyond the ${formatBytes(maxOutput)} limit${flag ? ` (${flag})` : ''}`);
    throw new Error(`corrupt gzip data (${(err as Error).message})`);
  }
}

export function formatBytes(n: number): string {
  if (n >= 1e6) return `${+(n / 1e6).toFixed(1)} MB`;
  if (n >= 1e3) return `${+(n / 1e3).toFixed(1)} kB`;
  return `${n} bytes`;
}

/** ASCII-range text in UTF-16 has a NUL in every other byte; binary data does not keep that rhythm. */
function looksLikeBomlessUtf16(buf: Uint8Array): boolean {
  const n = Math.min(buf.length, 512) & ~1;
  if (n < 8) return false;
  let even = 0;
  let odd = 0;
  for (let i = 0; i < n; i += 2) {
    if (buf[i] === 0) even++;
    if (buf[i + 1] === 0) odd++;
  }
  const half = n / 2;
  return (odd > 0.9 * half && even === 0) || (even > 0.9 * half && odd === 0);
}

/** Names why a byte string is not text, or returns undefined when it looks like text. */
export function binaryReason(buf: Uint8Array): string | undefined {
  for (const [what, sig] of MAGIC) {
    if (buf.length >= sig.length && sig.every((b, i) => buf[i] === b)) return `binary file (${what})`;
  }
  const n = Math.min(buf.length, SNIFF_BYTES);
  let controls = 0;
  for (let i = 0; i < n; i++) {
    const b = buf[i]!;
    if (b === 0) return looksLikeBomlessUtf16(buf) ? 'UTF-16 text without a byte-order mark (save it with a BOM or as UTF-8)' : 'binary file (contains NUL bytes)';
    // Tab, newline, form feed and carriage return are text; other C0 controls are not.
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) controls++;
  }
  // Text files may carry a stray control byte; binary data has them everywhere.
  if (controls > 0 && controls / n > 0.01) return `binary file (${controls} control bytes in the first ${formatBytes(n)})`;
  // NUL bytes past the sniffed window still mean binary (and would corrupt offsets downstream).
  if (buf.length > SNIFF_BYTES && buf.indexOf(0, SNIFF_BYTES) >= 0) return 'binary file (contains NUL bytes)';
  return undefined;
}

function supportedLabel(label: string | undefined): string | undefined {
  if (!label) return undefined;
  try {
    return new TextDecoder(label).encoding;
  } catch {
    return undefined;
  }
}

const utf8Strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lenient = new TextDecoder('utf-8', { ignoreBOM: true });
// Node 20's TextDecoder('windows-1252') decodes 0x80-0x9F as Latin-1 controls, so those 32
// bytes (curly quotes, dashes, the euro sign) are mapped here; undefined bytes stay as they are.
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

export function decodeWindows1252(buf: Uint8Array): string {
  const latin1 = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength).toString('latin1');
  return latin1.replace(/[\u0080-\u009f]/g, (c) => CP1252_HIGH[c.charCodeAt(0) - 0x80]!);
}

/**
 * Counts the well-formed multi-byte UTF-8 sequences of a byte string and the bytes that are not
 * part of one (a lone continuation byte, a lead byte without its continuation, an overlong or
 * surrogate form) among those at or above 0x80.
 */
export function utf8Damage(buf: Uint8Array): { sequences: number; invalid: number } {
  let sequences = 0;
  let invalid = 0;
  for (let i = 0; i < buf.length; ) {
    const b = buf[i]!;
    if (b < 0x80) { i++; continue; }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    // The second byte's range is narrower after E0, ED, F0 and F4 (no overlong or surrogate forms).
    const lo = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const hi = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    let ok = len > 0 && i + len <= buf.length && buf[i + 1]! >= lo && buf[i + 1]! <= hi;
    for (let k = 2; ok && k < len; k++) ok = (buf[i + k]! & 0xc0) === 0x80;
    if (ok) { sequences++; i += len; } else { invalid++; i++; }
  }
  return { sequences, invalid };
}

/**
 * Bytes to text. A byte-order mark decides first; then valid UTF-8 is taken as UTF-8 (a strong
 * signal, stronger than a possibly wrong declared charset), and so is UTF-8 with a few damaged
 * bytes (more well-formed multi-byte sequences than bad bytes), with U+FFFD for each and the
 * count in `invalidBytes`: read as Windows-1252 instead, every accent and curly quote of the file
 * would be garbled. Otherwise the declared charset if Node knows it, else Windows-1252, which
 * decodes any byte string and is what legacy newsroom files use.
 */
export function decodeBytes(buf: Uint8Array, declaredCharset?: string): Decoded {
  if (buf.length === 0) return { ok: false, error: 'empty file' };
  let text: string;
  let encoding: string;
  let invalidBytes: number | undefined;
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    const body = buf.subarray(3);
    const why = binaryReason(body);
    if (why) return { ok: false, error: why };
    try {
      text = utf8Strict.decode(body);
    } catch {
      // The mark says UTF-8: damaged bytes are replaced and counted, whatever their number.
      text = utf8Lenient.decode(body);
      invalidBytes = utf8Damage(body).invalid;
    }
    encoding = 'utf-8';
  } else if ((buf[0] === 0xff && buf[1] === 0xfe) || (buf[0] === 0xfe && buf[1] === 0xff)) {
    encoding = buf[0] === 0xff ? 'utf-16le' : 'utf-16be';
    if (buf.length % 2 !== 0) return { ok: false, error: `truncated ${encoding.toUpperCase()} data (odd number of bytes)` };
    text = new TextDecoder(encoding, { ignoreBOM: true }).decode(buf.subarray(2));
    if (text.includes('\u0000')) return { ok: false, error: 'binary file (contains NUL characters)' };
  } else {
    const why = binaryReason(buf);
    if (why) return { ok: false, error: why };
    try {
      text = utf8Strict.decode(buf);
      encoding = 'utf-8';
    } catch {
      const damage = utf8Damage(buf);
      const label = supportedLabel(declaredCharset);
      if (damage.sequences >= damage.invalid) {
        text = utf8Lenient.decode(buf);
        encoding = 'utf-8';
        invalidBytes = damage.invalid;
      } else if (label && label !== 'utf-8' && label !== 'windows-1252' && !label.startsWith('utf-16')) {
        text = new TextDecoder(label).decode(buf);
        encoding = label;
      } else {
        text = decodeWindows1252(buf);
        encoding = 'windows-1252';
      }
    }
  }
  if (!text.trim()) return { ok: false, error: 'empty file (only whitespace)' };
  return { ok: true, text, encoding, ...(invalidBytes ? { invalidBytes } : {}) };
}

/** What a reader's item says about a file decoded with damaged bytes replaced. */
export function invalidBytesNote(source: string, n: number): string {
  return `${n} byte${n === 1 ? '' : 's'} of ${source} ${n === 1 ? 'is' : 'are'} not valid UTF-8; read as UTF-8 with U+FFFD in ${n === 1 ? 'its' : 'their'} place`;
}

/** The charset an HTML or XML document declares in its first bytes, if any. */
export function declaredCharset(buf: Uint8Array): string | undefined {
  const head = Buffer.from(buf.subarray(0, 2048)).toString('latin1');
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head) ?? /<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)/i.exec(head);
  return m?.[1];
}
