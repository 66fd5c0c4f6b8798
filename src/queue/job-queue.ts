import type pg from 'pg';
import type { DocMeta } from '../core/meta.js';
import { all, one, run, type Row } from '../store/postgres/db.js';
import { migrated, serverPool, Setup } from '../store/postgres/pg-store.js';

export type JobState = 'pending' | 'running' | 'done' | 'failed';
export const JOB_STATES: readonly JobState[] = ['pending', 'running', 'done', 'failed'];

/** A document as its reader made it, to be extracted and stored by a worker. */
export interface NewJob {
  /** The input it was read from, for messages (path, URL, "file.jsonl:3"). */
  readonly source: string;
  readonly text: string;
  readonly meta: DocMeta;
  /** The caller's id (JSON Lines `id`), kept as the document id. */
  readonly id?: string;
  /** Content hash of the normalised text (Doc.hash). */
  readonly hash: string;
}

/** A job a worker has claimed. */
export interface ClaimedJob extends NewJob {
  readonly job: number;
  /** Which attempt this is, from 1. */
  readonly attempt: number;
}

/** A job as `queue` lists it. */
export interface JobInfo {
  readonly job: number;
  readonly source: string;
  readonly state: JobState;
  readonly attempts: number;
  readonly error?: string;
  readonly worker?: string;
  readonly leaseUntil?: string;
  readonly result?: string;
  readonly document?: string;
  readonly enqueued: string;
  readonly finished?: string;
}

export interface JobQueueOptions {
  /** How long a claimed job belongs to its worker without a renewal. Default 60 s. */
  readonly leaseMs?: number;
  /** Attempts before a job is failed for good. Default 3. */
  readonly maxAttempts?: number;
}

/**
 * The job queue of a PostgreSQL store (the `jobs` table of its schema): documents enqueued on
 * any machine, taken one at a time by workers on any machine. A claim takes the oldest job
 * that is pending or whose worker's lease ran out, skipping rows other workers are claiming
 * (`FOR UPDATE SKIP LOCKED`), so no two workers hold one job and none waits for another. A
 * worker that dies leaves its job running until the lease ends; then it is claimed again. The
 * store's content hash makes a document that was stored before its worker died answer
 * "present" when it is taken again: each document is stored once.
 */
export class JobQueue {
  readonly leaseMs: number;
  readonly maxAttempts: number;
  private readonly pool: pg.Pool;
  private readonly ready: Setup;

  constructor(readonly url: string, opts: JobQueueOptions = {}) {
    this.leaseMs = Math.max(1, Math.round(opts.leaseMs ?? 60_000));
    this.maxAttempts = Math.max(1, Math.floor(opts.maxAttempts ?? 3));
    this.pool = serverPool(url, 2);
    // The jobs table is part of the store's schema, set up on first use like the rest.
    this.ready = new Setup(() => migrated(this.pool, url));
    this.ready.done().catch(() => undefined);
  }

  private async db(): Promise<pg.Pool> {
    await this.ready.done();
    return this.pool;
  }

  /**
   * Adds jobs, in order. A text already waiting (pending or running) is not added again;
   * returns how many were added.
   */
  async enqueue(jobs: readonly NewJob[]): Promise<number> {
    if (!jobs.length) return 0;
    const db = await this.db();
    let added = 0;
    // The same text twice in one statement would fail it as a whole: the first is kept.
    const seen = new Set<string>();
    jobs = jobs.filter((j) => !seen.has(j.hash) && !!seen.add(j.hash));
    // Rows of 5 parameters, well under PostgreSQL's 65,535 per statement.
    for (let i = 0; i < jobs.length; i += 1000) {
      const args: unknown[] = [];
      const values = jobs.slice(i, i + 1000).map((j) => {
        args.push(j.source, j.text, JSON.stringify(j.meta ?? {}), j.id ?? null, j.hash);
        const n = args.length;
        return `($${n - 4}, $${n - 3}, $${n - 2}, $${n - 1}, $${n})`;
      });
      const r = await db.query(`INSERT INTO jobs (source, text, meta, doc_id, hash) VALUES ${values.join(', ')}
        ON CONFLICT (hash) WHERE state IN ('pending', 'running') DO NOTHING`, args);
      added += r.rowCount ?? 0;
    }
    return added;
  }

  /**
   * Takes the oldest job to do for `worker`, or undefined when there is none now. Jobs whose
   * lease ran out after their last allowed attempt are failed first, so a document that kills
   * every worker that takes it stops being taken.
   */
  async claim(worker: string): Promise<ClaimedJob | undefined> {
    const db = await this.db();
    await run(db, `UPDATE jobs SET state = 'failed', finished = now(), lease_until = NULL,
      error = 'its worker stopped before finishing, ' || attempts || ' time(s)'
      WHERE state = 'running' AND lease_until < now() AND attempts >= ?`, [this.maxAttempts]);
    const r = await one(db, `UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = ?, started = now(),
      lease_until = now() + make_interval(secs => ?::double precision / 1000), error = NULL
      WHERE id = (SELECT id FROM jobs WHERE state = 'pending' OR (state = 'running' AND lease_until < now())
        ORDER BY id FOR UPDATE SKIP LOCKED LIMIT 1)
      RETURNING id, source, text, meta, doc_id, hash, attempts`, [worker, this.leaseMs]);
    if (!r) return undefined;
    return {
      job: Number(r.id), source: String(r.source), text: String(r.text), meta: JSON.parse(String(r.meta)) as DocMeta,
      ...(r.doc_id != null ? { id: String(r.doc_id) } : {}), hash: String(r.hash), attempt: Number(r.attempts),
    };
  }

  /** Extends the lease of a job `worker` holds; false when it no longer holds it. */
  async renew(job: number, worker: string): Promise<boolean> {
    const db = await this.db();
    return (await run(db, `UPDATE jobs SET lease_until = now() + make_interval(secs => ?::double precision / 1000)
      WHERE id = ? AND worker = ? AND state = 'running'`, [this.leaseMs, job, worker])) > 0;
  }

  /** Marks a job done with what storing it gave. */
  async done(job: number, worker: string, result: { status: string; id: string }): Promise<void> {
    const db = await this.db();
    await run(db, `UPDATE jobs SET state = 'done', result = ?, document = ?, error = NULL, lease_until = NULL, finished = now()
      WHERE id = ? AND worker = ? AND state = 'running'`, [result.status, result.id, job, worker]);
  }

  /**
   * Records a failed attempt: the job is pending again while attempts remain, else failed with
   * the error (one line). Returns the state it is left in.
   */
  async fail(job: number, worker: string, error: string): Promise<JobState | undefined> {
    const db = await this.db();
    const r = await one(db, `UPDATE jobs SET state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'pending' END,
      error = ?, lease_until = NULL, finished = CASE WHEN attempts >= ? THEN now() END
      WHERE id = ? AND worker = ? AND state = 'running' RETURNING state`,
    [this.maxAttempts, error.replace(/\s*\n\s*/g, ' ').trim(), this.maxAttempts, job, worker]);
    return r ? (String(r.state) as JobState) : undefined;
  }

  /** How many jobs are in each state. */
  async counts(): Promise<Record<JobState, number>> {
    const db = await this.db();
    const out: Record<JobState, number> = { pending: 0, running: 0, done: 0, failed: 0 };
    for (const r of await all(db, 'SELECT state, count(*) AS n FROM jobs GROUP BY state')) out[String(r.state) as JobState] = Number(r.n);
    return out;
  }

  /** Jobs in the given states, oldest first, at most `limit` of each state. */
  async list(states: readonly JobState[], limit = 20): Promise<JobInfo[]> {
    const db = await this.db();
    const rows = await all(db, `SELECT * FROM (SELECT id, source, state, attempts, error, worker, lease_until, result, document, enqueued, finished,
        row_number() OVER (PARTITION BY state ORDER BY id) AS n FROM jobs WHERE state = ANY(?)) j
      WHERE n <= ? ORDER BY array_position(?::text[], state::text), id`, [states, limit, JOB_STATES]);
    return rows.map(jobInfo);
  }

  /** Failed jobs become pending again with fresh attempts; returns how many. */
  async retryFailed(): Promise<number> {
    const db = await this.db();
    // A text waiting again under another job stays failed rather than breaking the one-waiting rule.
    return run(db, `UPDATE jobs j SET state = 'pending', attempts = 0, error = NULL, finished = NULL
      WHERE state = 'failed' AND NOT EXISTS (SELECT 1 FROM jobs o WHERE o.hash = j.hash AND o.state IN ('pending', 'running'))
      AND id = (SELECT min(id) FROM jobs f WHERE f.hash = j.hash AND f.state = 'failed')`);
  }

  /** Removes done jobs (their text stays in the store's documents); returns how many. */
  async clearDone(): Promise<number> {
    return run(await this.db(), `DELETE FROM jobs WHERE state = 'done'`);
  }

  async close(): Promise<void> {
    await this.ready.settled();
    await this.pool.end().catch(() => undefined);
  }
}

function jobInfo(r: Row): JobInfo {
  const iso = (v: unknown) => (v instanceof Date ? v.toISOString() : v == null ? undefined : String(v));
  const opt = (k: string, v: unknown) => (v == null ? {} : { [k]: v instanceof Date ? v.toISOString() : String(v) });
  return {
    job: Number(r.id), source: String(r.source), state: String(r.state) as JobState, attempts: Number(r.attempts),
    ...opt('error', r.error), ...opt('worker', r.worker), ...opt('leaseUntil', r.lease_until), ...opt('result', r.result),
    ...opt('document', r.document), enqueued: iso(r.enqueued)!, ...opt('finished', r.finished),
  };
}
