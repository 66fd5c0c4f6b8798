import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { errorMessage } from '../core/errors.js';
import type { DocMeta } from '../core/meta.js';
import { expandInputs } from '../ingest/sources.js';
import type { Format, ReadOptions } from '../ingest/types.js';
import { defaultCollection, defaultPipeline } from '../pipeline/default.js';
import type { Store } from '../store/store.js';
import { runBatch, type BatchInput } from '../workers/batch.js';
import { WorkerPool, type PoolOptions } from '../workers/pool.js';
import { ReaderGate } from './reader-gate.js';

export interface IngestDocResult {
  readonly id: string;
  readonly title?: string;
  readonly status: 'added' | 'present' | 'refreshed';
  /** The language detected in a document extracted now (ISO 639-3); only English is extracted. */
  readonly language?: string;
}

/** A running or finished ingest, polled by the app for progress. */
export interface IngestJob {
  readonly id: string;
  readonly kind: 'text' | 'file' | 'url';
  readonly source: string;
  state: 'queued' | 'running' | 'done';
  read: number;
  added: number;
  present: number;
  refreshed: number;
  failed: number;
  errors: { source: string; error: string }[];
  /** Inputs read with something to say (damaged bytes replaced, a feed item's page not followed). */
  warnings: { source: string; warning: string }[];
  docs: IngestDocResult[];
  readonly created: string;
  finished?: string;
}

export interface IngestOptions {
  /** Let URL ingest reach loopback and private addresses. */
  readonly allowPrivate?: boolean;
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  /** Worker threads and per-input limits (see `WorkerPool`). */
  readonly pool?: PoolOptions;
}

const KEEP_JOBS = 200;
const MAX_LISTED = 500;
// Longest a job waits for the requests in hand before storing its next document: storing one
// holds this thread for tens of milliseconds (seconds when it merges two famous entities), so
// readers go first, and a job under constant reading still stores a document this often.
export const READERS_FIRST_MS = 500;

/**
 * Runs ingest jobs one after another, through the same batch as the CLI: documents are read and
 * extracted in worker threads, within the per-input limits, so searches are answered while a job
 * runs; this thread only lands each record (collection stages, one transaction).
 */
export class IngestQueue {
  private readonly jobs = new Map<string, IngestJob>();
  /**
   * Changes to the store made through this server so far (documents added or refreshed here,
   * and knowledge-base corrections, see kb-routes.ts): caches of query results key on it.
   */
  changes = 0;
  private tail: Promise<void> = Promise.resolve();
  /** Started with the first job: reading and extraction never run on the thread that answers requests. */
  private pool: WorkerPool | undefined;

  constructor(
    private readonly store: Store,
    private readonly opts: IngestOptions = {},
  ) {}

  /** Requests being answered go before the documents a job has yet to store. */
  readonly readers = new ReaderGate();

  get(id: string): IngestJob | undefined {
    return this.jobs.get(id);
  }

  /** Pasted text, read as a file would be (so byline records and JSON Lines are recognised). */
  text(text: string, meta: DocMeta, from?: Format): IngestJob {
    const input: BatchInput = { kind: 'bytes', bytes: Buffer.from(text, 'utf8'), origin: { source: 'pasted text', name: 'pasted.txt' } };
    return this.enqueue('text', 'pasted text', (job) => this.run(job, [input], meta, from ? { from } : {}));
  }

  /** One uploaded file; its name (extension) helps the readers detect the format. */
  file(name: string, body: Buffer, from?: Format): IngestJob {
    const safe = safeName(name);
    const input: BatchInput = { kind: 'bytes', bytes: body, origin: { source: safe, name: safe } };
    return this.enqueue('file', safe, (job) => this.run(job, [input], undefined, from ? { from } : {}));
  }

  /** Local files or folders named when the server was started (never reachable over HTTP). */
  paths(paths: readonly string[]): IngestJob {
    return this.enqueue('file', paths.join(', '), (job) => this.run(job, expandInputs(paths)));
  }

  /** A page or a feed; `follow` fetches each feed item's page. */
  url(url: string, follow: boolean): IngestJob {
    return this.enqueue('url', url, (job) =>
      this.run(job, [{ kind: 'url', url }], undefined, {
        follow,
        allowPrivate: this.opts.allowPrivate ?? false,
        timeoutMs: this.opts.timeoutMs ?? 15000,
        maxBytes: this.opts.maxBytes ?? 10 * 1024 * 1024,
      }),
    );
  }

  /** Resolves when every queued job has finished (used by tests and shutdown). */
  idle(): Promise<void> {
    return this.tail;
  }

  private enqueue(kind: IngestJob['kind'], source: string, work: (job: IngestJob) => Promise<void>): IngestJob {
    const job: IngestJob = {
      id: randomUUID(),
      kind,
      source,
      state: 'queued',
      read: 0,
      added: 0,
      present: 0,
      refreshed: 0,
      failed: 0,
      errors: [],
      warnings: [],
      docs: [],
      created: new Date().toISOString(),
    };
    this.jobs.set(job.id, job);
    if (this.jobs.size > KEEP_JOBS) this.jobs.delete(this.jobs.keys().next().value!);
    this.tail = this.tail.then(async () => {
      job.state = 'running';
      try {
        await work(job);
      } catch (err) {
        job.failed++;
        job.errors.push({ source, error: errorMessage(err) });
      }
      job.state = 'done';
      job.finished = new Date().toISOString();
    });
    return job;
  }

  private async run(job: IngestJob, inputs: AsyncIterable<BatchInput> | Iterable<BatchInput>, meta?: DocMeta, read: ReadOptions = {}): Promise<void> {
    // Extraction gives way to the threads that answer requests.
    this.pool ??= new WorkerPool({ ...this.opts.pool, background: true });
    const target = { store: this.store, pipeline: defaultPipeline(), collection: defaultCollection() };
    const beforeWrite = () => this.readers.turn(READERS_FIRST_MS);
    for await (const e of runBatch(inputs, { pool: this.pool, read, beforeWrite, ...(meta ? { meta } : {}) }, target)) {
      if (e.kind === 'input' || e.kind === 'extracted') continue;
      if (e.kind === 'failed') {
        if (e.read) job.read++;
        job.failed++;
        if (job.errors.length < MAX_LISTED) job.errors.push({ source: e.source, error: e.error });
        continue;
      }
      job.read++;
      if (e.note && job.warnings.length < MAX_LISTED) job.warnings.push({ source: e.source, warning: e.note });
      job[e.status]++;
      if (e.status !== 'present') this.changes++;
      if (job.docs.length < MAX_LISTED) job.docs.push({ id: e.id, title: e.title, status: e.status, ...(e.language ? { language: e.language } : {}) });
    }
    // Stories and the like revisit what the job's first documents decided alone.
    if (job.added + job.refreshed > 0) await target.collection.settle(this.store);
  }

  /** Waits for the queued jobs, then stops the worker threads. */
  async close(): Promise<void> {
    await this.idle();
    await this.pool?.close();
    this.pool = undefined;
  }
}

/** A file name safe to create in a temp folder: no directories, no odd characters. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '');
  return (base || 'upload').slice(-100);
}
