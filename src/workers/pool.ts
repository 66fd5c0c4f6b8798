import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { Doc } from '../core/doc.js';
import { errorMessage, NewsgraphError } from '../core/errors.js';
import { failed, type ReadItem, type ReadOptions } from '../ingest/types.js';
import type { NewsRecord, RecordOptions } from '../output/record.js';
import type { ExtractTask, ReadSource, ReadTask } from './extract-worker.js';
import { DEFAULT_LIMITS, defaultWorkers, memoryError, timeError, type Limits } from './limits.js';

export interface PoolOptions {
  /** Worker threads (default: one per core). */
  readonly workers?: number;
  readonly limits?: Partial<Limits>;
  /**
   * The threads give way to the process's others (nice 10, on systems where a thread has its own
   * priority, as on Linux): a server extracting an upload keeps answering its readers promptly.
   */
  readonly background?: boolean;
}

const BACKGROUND_NICE = 10;

type Task = Omit<ReadTask, 'started'> | Omit<ExtractTask, 'started'>;

/**
 * Worker threads that read inputs and extract documents, each task within the time and memory
 * budgets of `Limits`. A task over its time is stopped by terminating its thread, one over its
 * heap dies with its thread; either way the pool starts a fresh thread and the caller gets a
 * one-line error naming the limit. Results come back as plain data: the caller stores them.
 */
export class WorkerPool {
  readonly size: number;
  readonly limits: Limits;
  private readonly pool: Piscina;

  constructor(opts: PoolOptions = {}) {
    this.size = Math.max(1, Math.floor(opts.workers ?? defaultWorkers()));
    this.limits = { ...DEFAULT_LIMITS, ...opts.limits };
    this.pool = new Piscina({
      filename: fileURLToPath(new URL('./extract-worker.js', import.meta.url)),
      minThreads: this.size,
      maxThreads: this.size,
      idleTimeout: Infinity,
      concurrentTasksPerWorker: 1,
      resourceLimits: { maxOldGenerationSizeMb: this.limits.maxDocMemoryMb },
      workerData: { nice: opts.background ? BACKGROUND_NICE : 0 },
    });
    // A thread that dies between tasks has nobody to tell; the next task gets a fresh one.
    this.pool.on('error', () => {});
  }

  /**
   * The articles (or failures) of one input. Never throws: an input over a limit is one failure.
   * A feed read with `follow` fetches pages over the network, so its time is bounded by the
   * fetch timeouts instead.
   */
  async read(source: ReadSource, read: ReadOptions = {}): Promise<ReadItem[]> {
    const task: Omit<ReadTask, 'started'> = {
      kind: 'read', source, read: { ...read, maxInputBytes: this.limits.maxInputBytes }, maxDocBytes: this.limits.maxDocBytes,
    };
    try {
      return await this.run<ReadItem[]>(task, 'reading', !read.follow);
    } catch (err) {
      return [failed(source.kind === 'file' ? source.path : source.origin.source, errorMessage(err))];
    }
  }

  /** The record of one document, as `toRecord(defaultPipeline().run(doc))` makes it. */
  extract(doc: Doc, record: RecordOptions = {}): Promise<NewsRecord> {
    return this.run<NewsRecord>({ kind: 'extract', text: doc.text, meta: doc.meta, id: doc.id, record }, 'extraction', true);
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }

  private async run<T>(task: Task, what: 'reading' | 'extraction', timed: boolean): Promise<T> {
    const started = new Float64Array(new SharedArrayBuffer(8));
    const abort = new AbortController();
    const budget = this.limits.maxDocMs;
    let timer: NodeJS.Timeout | undefined;
    // Checked when the budget could have run out: a task still queued gets the whole budget
    // again, a running one what is left of it.
    const check = () => {
      const left = started[0] ? started[0] + budget - Date.now() : budget;
      if (left <= 0) abort.abort();
      else timer = setTimeout(check, left);
    };
    if (timed) timer = setTimeout(check, budget);
    try {
      return (await this.pool.run({ ...task, started }, { signal: abort.signal })) as T;
    } catch (err) {
      if (abort.signal.aborted) throw new NewsgraphError('limit.time', timeError(what, this.limits.maxDocMs));
      if ((err as NodeJS.ErrnoException).code === 'ERR_WORKER_OUT_OF_MEMORY') throw new NewsgraphError('limit.memory', memoryError(what, this.limits.maxDocMemoryMb));
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }
}
