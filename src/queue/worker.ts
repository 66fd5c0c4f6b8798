import { hostname } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import { errorMessage } from '../core/errors.js';
import type { Store } from '../store/store.js';
import type { ClaimedJob, JobQueue } from './job-queue.js';

export interface WorkerOptions {
  /** Names this worker in the jobs it holds. Default host:pid. */
  readonly id?: string;
  /** Stop once no job is pending or running (rather than wait for more). */
  readonly exitWhenEmpty?: boolean;
  /** Pause between looks at an empty queue. Default 1 s. */
  readonly pollMs?: number;
  /** Asked before each claim: true stops the worker (a signal, for instance). */
  readonly stopped?: () => boolean;
  /** Told of each job it finishes or gives up. */
  readonly onJob?: (job: ClaimedJob, outcome: JobOutcome) => void;
  /** Told when the queue cannot be reached and the worker waits to try again. */
  readonly onTrouble?: (error: string) => void;
  /** How long the queue may stay unreachable before the worker gives up (default 60 s). */
  readonly serverWaitMs?: number;
}

export type JobOutcome =
  | { readonly state: 'done'; readonly status: 'added' | 'present' | 'refreshed'; readonly id: string }
  | { readonly state: 'pending' | 'failed'; readonly error: string };

export interface WorkerSummary {
  added: number;
  present: number;
  refreshed: number;
  /** Attempts that failed and left the job to be tried again. */
  retried: number;
  failed: number;
}

export function defaultWorkerId(): string {
  return `${hostname()}:${process.pid}`;
}

/**
 * Takes jobs one at a time until stopped (or, with `exitWhenEmpty`, until none is pending or
 * running): extracts and stores each document as `ingest` does, then marks the job done, or
 * records the error. The lease is renewed while a document is processed, so a slow document
 * is not taken by another worker; a worker killed mid-job stops renewing and its job is taken
 * again once the lease ends.
 */
export async function runWorker(store: Store, queue: JobQueue, opts: WorkerOptions = {}): Promise<WorkerSummary> {
  // Loaded on use, as by ingest: the stages pull in models.
  const [{ Doc }, { storeDoc }, { defaultPipeline, defaultCollection }] = await Promise.all([
    import('../core/doc.js'), import('../pipeline/store-doc.js'), import('../pipeline/default.js'),
  ]);
  const pipeline = defaultPipeline();
  const collection = defaultCollection();
  const id = opts.id ?? defaultWorkerId();
  const pollMs = opts.pollMs ?? 1000;
  const sum: WorkerSummary = { added: 0, present: 0, refreshed: 0, retried: 0, failed: 0 };
  let stored = 0;
  /** One look at the queue and the job it gives; false when the worker is done. */
  const step = async (): Promise<boolean> => {
    const job = await queue.claim(id);
    if (!job) {
      // Nothing to take: the stories this worker's documents grew settle, as after an ingest batch.
      if (stored) {
        await collection.settle(store);
        stored = 0;
      }
      if (opts.exitWhenEmpty) {
        const n = await queue.counts();
        // Running jobs are waited for: their worker may die and leave them to this one.
        if (!n.pending && !n.running) return false;
      }
      await sleep(pollMs);
      return true;
    }
    // Renewed at a third of the lease, so a late renewal or two still keeps it.
    const renewal = setInterval(() => { queue.renew(job.job, id).catch(() => undefined); }, Math.max(10, queue.leaseMs / 3));
    let outcome: JobOutcome;
    try {
      // The publication date given to enqueue is in the job's metadata already.
      const doc = Doc.create(job.text, job.meta, job.id);
      const r = await storeDoc(store, doc, pipeline, collection);
      clearInterval(renewal);
      await queue.done(job.job, id, r);
      sum[r.status]++;
      if (r.status !== 'present') stored++;
      outcome = { state: 'done', status: r.status, id: r.id };
    } catch (err) {
      clearInterval(renewal);
      const error = errorMessage(err);
      const state = (await queue.fail(job.job, id, error)) ?? 'pending';
      if (state === 'failed') sum.failed++;
      else sum.retried++;
      outcome = { state: state === 'failed' ? 'failed' : 'pending', error };
    }
    opts.onJob?.(job, outcome);
    return true;
  };
  // The queue out of reach (its server restarting, a connection cut): the worker waits and looks
  // again. A job it could not mark stays running until its lease ends, then is taken again; a
  // document stored already answers "present" then, so nothing is stored twice.
  let troubleSince: number | undefined;
  while (!opts.stopped?.()) {
    try {
      if (!(await step())) break;
      troubleSince = undefined;
    } catch (err) {
      troubleSince ??= Date.now();
      if (Date.now() - troubleSince > (opts.serverWaitMs ?? 60_000)) throw err;
      opts.onTrouble?.(errorMessage(err));
      await sleep(Math.max(pollMs, 500));
    }
  }
  return sum;
}
