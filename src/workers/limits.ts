import { availableParallelism } from 'node:os';
import { formatBytes } from '../ingest/decode.js';

/**
 * What one input may cost. Each limit is checked where it can be without doing the work it
 * guards against: sizes before text is built or extracted, time and memory by the worker thread
 * that reads or extracts, which is stopped when it goes over.
 */
export interface Limits {
  /** Text of one document, in bytes of UTF-8 (`--max-doc-size`, in MB). */
  readonly maxDocBytes: number;
  /** One input's bytes as read, after decompression (`--max-input-size`, in MB). */
  readonly maxInputBytes: number;
  /** Reading one input, or extracting one document, in milliseconds (`--max-doc-time`, in seconds). */
  readonly maxDocMs: number;
  /** Heap of the worker thread reading or extracting one input (`--max-doc-memory`, in MB). */
  readonly maxDocMemoryMb: number;
}

// News articles run to tens of kilobytes; 5 MB is a book. A news page with its scripts and a
// JSON Lines or CSV file of many articles may be far larger than one article, hence the input limit.
export const DEFAULT_LIMITS: Limits = {
  maxDocBytes: 5e6,
  maxInputBytes: 512e6,
  maxDocMs: 120_000,
  maxDocMemoryMb: 2048,
};

/** One worker per core: extraction is CPU-bound. */
export function defaultWorkers(): number {
  return Math.max(1, availableParallelism());
}

/** UTF-8 bytes of a text, counted only when its length alone does not settle the comparison. */
function utf8Over(text: string, limit: number): number | undefined {
  if (text.length > limit) return Buffer.byteLength(text);
  if (text.length * 3 <= limit) return undefined;
  const n = Buffer.byteLength(text);
  return n > limit ? n : undefined;
}

/** Why a document's text is refused, or undefined when it is within the limit. */
export function docSizeError(text: string, limit: number): string | undefined {
  const n = utf8Over(text, limit);
  return n === undefined ? undefined : `${formatBytes(n)} of text, over the ${formatBytes(limit)} limit (--max-doc-size)`;
}

export function inputSizeError(bytes: number, limit: number): string {
  return `${formatBytes(bytes)} of input, over the ${formatBytes(limit)} limit (--max-input-size)`;
}

export function timeError(what: 'reading' | 'extraction', ms: number): string {
  return `${what} stopped: over the ${seconds(ms)} limit (--max-doc-time)`;
}

export function memoryError(what: 'reading' | 'extraction', mb: number): string {
  return `${what} stopped: over the ${mb} MB memory limit (--max-doc-memory)`;
}

const seconds = (ms: number) => (ms < 1000 ? `${+(ms / 1000).toFixed(3)} s` : `${+(ms / 1000).toFixed(1)} s`);
