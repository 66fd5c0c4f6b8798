import { randomUUID } from 'node:crypto';
import { basename } from 'node:path';
import { setImmediate as nextTurn } from 'node:timers/promises';
import { Doc } from '../core/doc.js';
import { errorMessage, NewsgraphError } from '../core/errors.js';
import type { DocMeta } from '../core/meta.js';
import { readBytes, readInputs } from '../ingest/read.js';
import type { Format, ReadItem } from '../ingest/types.js';
import { defaultCollection, defaultPipeline } from '../pipeline/default.js';
import { storeDoc } from '../pipeline/store-doc.js';
import type { Store } from '../store/store.js';

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
}

const KEEP_JOBS = 200;
const MAX_LISTED = 500;

/**
 * Runs ingest jobs one after another (the pipeline is CPU-bound; parallel jobs would only
 * slow each other and the API), through the same readers, pipeline and record as the CLI.
 */
export class IngestQueue {
  private readonly jobs = new Map<string, IngestJob>();
  /**
   * Changes to the store made through this server so far (documents added or refreshed here,
   * and knowledge-base corrections, see kb-routes.ts): caches of query results key on it.
   */
  changes = 0;
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly store: Store,
    private readonly opts: IngestOptions = {},
  ) {}

  get(id: string): IngestJob | undefined {
    return this.jobs.get(id);
  }

  /** Pasted text, read as a file would be (so byline records and JSON Lines are recognised). */
  text(text: string, meta: DocMeta, from?: Format): IngestJob {
    return this.enqueue('text', 'pasted text', (job) =>
      this.run(job, readBytes(Buffer.from(text, 'utf8'), { source: 'pasted text', name: 'pasted.txt' }, { from }), meta),
    );
  }

  /** One uploaded file; its name (extension) helps the readers detect the format. */
  file(name: string, body: Buffer, from?: Format): IngestJob {
    const safe = safeName(name);
    return this.enqueue('file', safe, (job) => this.run(job, readBytes(body, { source: safe, name: safe }, { from })));
  }

  /** Local files or folders named when the server was started (never reachable over HTTP). */
  paths(paths: readonly string[]): IngestJob {
    return this.enqueue('file', paths.join(', '), (job) => this.run(job, readInputs(paths)));
  }

  /** A page or a feed; `follow` fetches each feed item's page. */
  url(url: string, follow: boolean): IngestJob {
    return this.enqueue('url', url, (job) =>
      this.run(job, readInputs([url], {
        follow,
        allowPrivate: this.opts.allowPrivate ?? false,
        timeoutMs: this.opts.timeoutMs ?? 15000,
        maxBytes: this.opts.maxBytes ?? 10 * 1024 * 1024,
      })),
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

  private async run(job: IngestJob, items: AsyncIterable<ReadItem>, extra: DocMeta = {}): Promise<void> {
    const pipeline = defaultPipeline();
    // After another process has held the store past the lock wait, the rest are reported, not tried.
    let locked: string | undefined;
    for await (const item of items) {
      const source = item.source;
      if (!item.ok || locked) {
        job.failed++;
        if (job.errors.length < MAX_LISTED) job.errors.push({ source, error: item.ok ? `not stored: ${locked}` : item.error });
        continue;
      }
      job.read++;
      if (item.note && job.warnings.length < MAX_LISTED) job.warnings.push({ source, warning: item.note });
      try {
        // Fields the user typed win, except a date the article itself states.
        const meta: DocMeta = {
          ...item.doc.meta,
          ...extra,
          ...(item.doc.meta.published ? { published: item.doc.meta.published } : {}),
        };
        const doc = Doc.create(item.doc.text, meta, item.doc.id);
        // Known content skips the pipeline unless an older build made its record.
        const put = await storeDoc(this.store, doc, pipeline, defaultCollection());
        job[put.status]++;
        if (put.status !== 'present') this.changes++;
        if (job.docs.length < MAX_LISTED) job.docs.push({ id: put.id, title: meta.title, status: put.status, ...(put.language ? { language: put.language } : {}) });
      } catch (err) {
        if (err instanceof NewsgraphError && err.code === 'store.locked') locked = err.message;
        job.failed++;
        if (job.errors.length < MAX_LISTED) job.errors.push({ source, error: errorMessage(err) });
      }
      // Let status polls and searches through between documents.
      await nextTurn();
    }
    // Stories and the like revisit what the job's first documents decided alone.
    if (!locked && job.added + job.refreshed > 0) await defaultCollection().settle(this.store);
  }
}

/** A file name safe to create in a temp folder: no directories, no odd characters. */
export function safeName(name: string): string {
  const base = basename(name.replace(/\\/g, '/')).replace(/[^A-Za-z0-9._-]+/g, '_').replace(/^\.+/, '');
  return (base || 'upload').slice(-100);
}
