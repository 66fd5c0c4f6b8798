import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_LIMITS, defaultWorkers, type Limits } from './limits.js';
import type { PoolOptions } from './pool.js';

/** Raw option values as commander hands them over (after addWorkerOptions). */
export interface WorkerCliOptions {
  workers?: number;
  maxDocSize?: number;
  maxInputSize?: number;
  maxDocTime?: number;
  maxDocMemory?: number;
}

function atLeast(min: number, whole = false) {
  return (v: string): number => {
    const n = Number(v);
    if (v.trim() === '' || !Number.isFinite(n) || n < min || (whole && !Number.isInteger(n))) {
      throw new InvalidArgumentError(`expected ${whole ? 'a whole number' : 'a number'} of at least ${min}`);
    }
    return n;
  };
}

/** Adds the flags for the worker threads and the per-input limits (extract, ingest, serve). */
export function addWorkerOptions(cmd: Command): Command {
  const d = DEFAULT_LIMITS;
  return cmd
    .option('--workers <n>', `worker threads that read and extract documents (default: one per core, here ${defaultWorkers()})`, atLeast(1, true))
    .option('--max-doc-size <mb>', `largest text of one document, in MB (default ${d.maxDocBytes / 1e6})`, atLeast(0.001))
    .option('--max-input-size <mb>', `largest file, upload or stdin, in MB after decompression (default ${d.maxInputBytes / 1e6})`, atLeast(0.001))
    .option('--max-doc-time <seconds>', `longest reading of one input or extraction of one document (default ${d.maxDocMs / 1000})`, atLeast(0.001))
    // Below some 32 MB a thread cannot even load the models.
    .option('--max-doc-memory <mb>', `heap of a worker thread reading or extracting one input, in MB (default ${d.maxDocMemoryMb})`, atLeast(32, true));
}

/** Turns parsed CLI values into pool options. */
export function workerOptions(o: WorkerCliOptions): PoolOptions {
  const limits: Partial<Limits> = {
    ...(o.maxDocSize !== undefined ? { maxDocBytes: Math.round(o.maxDocSize * 1e6) } : {}),
    ...(o.maxInputSize !== undefined ? { maxInputBytes: Math.round(o.maxInputSize * 1e6) } : {}),
    ...(o.maxDocTime !== undefined ? { maxDocMs: Math.round(o.maxDocTime * 1000) } : {}),
    ...(o.maxDocMemory !== undefined ? { maxDocMemoryMb: o.maxDocMemory } : {}),
  };
  return { ...(o.workers !== undefined ? { workers: o.workers } : {}), limits };
}
