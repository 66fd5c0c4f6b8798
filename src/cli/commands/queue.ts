import type { Command } from 'commander';
import { addReaderOptions, readerOptions, type ReaderCliOptions } from '../../ingest/cli-options.js';
import { JOB_STATES, JobQueue, type JobInfo, type JobState } from '../../queue/job-queue.js';
import { DB_HELP, DEFAULT_DB, describeDb, isServerUrl, openStore } from '../../store/open.js';
import { checkDate, oneLine, UsageError, warningLine } from '../report.js';
import { jsonText, out } from '../terminal.js';

// `enqueue`, `worker` and `queue`: ingest spread over machines through the PostgreSQL store's job queue.

/** The --db of a queue command: the queue lives in a PostgreSQL store only. */
function serverDb(command: string, db: string): string {
  if (!isServerUrl(db)) throw new UsageError(`${command} needs a PostgreSQL store: give --db postgres://user@host:port/db (the job queue lives on the server), not "${db}"`);
  return db;
}

/** A positive number of seconds from a flag, as milliseconds. */
function seconds(flag: string, v: string | undefined, dflt: number): number {
  if (v === undefined) return dflt * 1000;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${flag} must be a number of seconds above 0, got "${v}"`);
  return n * 1000;
}

function attemptsOf(v: string | undefined): number {
  if (v === undefined) return 3;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--attempts must be a whole number from 1, got "${v}"`);
  return n;
}

interface EnqueueOptions extends ReaderCliOptions {
  db: string;
  published?: string;
  json?: boolean;
}

export function registerEnqueue(program: Command): void {
  const cmd = program
    .command('enqueue')
    .description('read documents into the job queue of a PostgreSQL store, for `newsgraph worker` to extract and store')
    .argument('[inputs...]', 'files, directories, URLs, or - for stdin')
    .option('--db <url>', DB_HELP, DEFAULT_DB)
    .option('--published <date>', 'publication date (YYYY-MM-DD) for documents that have none')
    .option('--json', 'print the summary as JSON on stdout');
  addReaderOptions(cmd).action(async (inputs: string[], o: EnqueueOptions) => {
    const db = serverDb('enqueue', o.db);
    const published = checkDate('--published', o.published);
    const read = readerOptions(o);
    if (!inputs.length) {
      if (process.stdin.isTTY) throw new UsageError('give files, directories, URLs, or - to read stdin');
      inputs = ['-'];
    }
    const { enqueueInputs } = await import('../../queue/enqueue.js');
    const queue = new JobQueue(db);
    let sum;
    try {
      sum = await enqueueInputs(queue, inputs, { published, read });
    } finally {
      await queue.close();
    }
    if (o.json) out(jsonText({ db: describeDb(db), ...sum }) + '\n');
    const lines = [
      ...sum.warnings.map((w) => warningLine(w.input, w.warning)),
      `enqueued into ${describeDb(db)}: ${sum.queued} queued, ${sum.waiting} already waiting, ${sum.failed.length} failed`,
      ...sum.failed.map((f) => `  failed: ${oneLine(f.input)}: ${oneLine(f.reason)}`),
    ];
    out(lines.join('\n') + '\n', process.stderr);
    process.exitCode = sum.failed.length ? 1 : 0;
  });
}

interface WorkerCliOptions {
  db: string;
  exitWhenEmpty?: boolean;
  lease?: string;
  attempts?: string;
  poll?: string;
  id?: string;
  json?: boolean;
}

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('take jobs from the queue of a PostgreSQL store, extract and store each document; run any number, on any machines')
    .option('--db <url>', DB_HELP, DEFAULT_DB)
    .option('--exit-when-empty', 'stop once no job is pending or running, instead of waiting for more')
    .option('--lease <seconds>', 'how long a job stays with a worker that stops renewing it (killed) before another takes it', '60')
    .option('--attempts <n>', 'attempts before a job is failed for good', '3')
    .option('--poll <seconds>', 'pause between looks at an empty queue', '1')
    .option('--id <name>', 'this worker\'s name in `newsgraph queue` (default host:pid)')
    .option('--json', 'print the summary as JSON on stdout')
    .action(async (o: WorkerCliOptions) => {
      const db = serverDb('worker', o.db);
      const leaseMs = seconds('--lease', o.lease, 60);
      const pollMs = seconds('--poll', o.poll, 1);
      const maxAttempts = attemptsOf(o.attempts);
      const { runWorker, defaultWorkerId } = await import('../../queue/worker.js');
      const id = o.id ?? defaultWorkerId();
      // A signal stops the worker after the document in hand, so no job waits for its lease.
      let stop = false;
      const onSignal = () => { stop = true; };
      process.on('SIGINT', onSignal);
      process.on('SIGTERM', onSignal);
      const store = openStore(db);
      const queue = new JobQueue(db, { leaseMs, maxAttempts });
      let sum;
      try {
        sum = await runWorker(store, queue, {
          id, pollMs, exitWhenEmpty: o.exitWhenEmpty, stopped: () => stop,
          onJob: (job, r) => {
            if (r.state !== 'done') out(`newsgraph: ${oneLine(job.source)}: job ${job.job} ${r.state === 'failed' ? 'failed' : `attempt ${job.attempt} failed, will be retried`}: ${oneLine(r.error)}\n`, process.stderr);
          },
          onTrouble: (error) => out(`newsgraph: worker ${oneLine(id)}: ${oneLine(error)}; trying again\n`, process.stderr),
        });
      } finally {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        await queue.close();
        await store.close();
      }
      if (o.json) out(jsonText({ db: describeDb(db), worker: id, ...sum }) + '\n');
      out(`worker ${oneLine(id)} on ${describeDb(db)}: ${sum.added} added, ${sum.refreshed} refreshed, ${sum.present} already present, ${sum.retried} to retry, ${sum.failed} failed\n`, process.stderr);
      process.exitCode = sum.failed ? 1 : 0;
    });
}

interface QueueCliOptions {
  db: string;
  state?: string;
  limit?: string;
  retryFailed?: boolean;
  clearDone?: boolean;
  json?: boolean;
}

function jobLine(j: JobInfo): string {
  const what = j.state === 'running' ? `worker ${j.worker ?? '?'}, attempt ${j.attempts}, lease until ${j.leaseUntil ?? '?'}`
    : j.state === 'failed' ? `${j.attempts} attempt(s): ${j.error ?? ''}`
    : j.state === 'done' ? `${j.result ?? ''} ${j.document ?? ''}`
    : j.attempts ? `${j.attempts} attempt(s) so far, last: ${j.error ?? ''}` : `enqueued ${j.enqueued}`;
  return `  ${j.state.padEnd(7)} #${j.job} ${oneLine(j.source)}: ${oneLine(what)}`;
}

export function registerQueue(program: Command): void {
  program
    .command('queue')
    .description('the job queue of a PostgreSQL store: counts by state, and the pending, running and failed jobs with their errors')
    .option('--db <url>', DB_HELP, DEFAULT_DB)
    .option('--state <states>', `states to list, comma-separated (${JOB_STATES.join(', ')})`, 'pending,running,failed')
    .option('--limit <n>', 'jobs listed per state', '20')
    .option('--retry-failed', 'put failed jobs back to pending, with fresh attempts')
    .option('--clear-done', 'remove done jobs from the queue (their documents stay stored)')
    .option('--json', 'print counts and jobs as JSON on stdout')
    .action(async (o: QueueCliOptions) => {
      const db = serverDb('queue', o.db);
      const states = (o.state ?? '').split(',').map((s) => s.trim()).filter(Boolean);
      const bad = states.find((s) => !JOB_STATES.includes(s as JobState));
      if (bad) throw new UsageError(`--state takes ${JOB_STATES.join(', ')}, got "${bad}"`);
      const limit = Number(o.limit);
      if (!Number.isInteger(limit) || limit < 0) throw new UsageError(`--limit must be a whole number, got "${o.limit}"`);
      const queue = new JobQueue(db);
      try {
        const retried = o.retryFailed ? await queue.retryFailed() : undefined;
        const cleared = o.clearDone ? await queue.clearDone() : undefined;
        const counts = await queue.counts();
        const jobs = await queue.list(states as JobState[], limit);
        if (o.json) {
          out(jsonText({ db: describeDb(db), counts, ...(retried !== undefined ? { retried } : {}), ...(cleared !== undefined ? { cleared } : {}), jobs }) + '\n');
          return;
        }
        const lines = [
          ...(retried !== undefined ? [`${retried} failed job(s) pending again`] : []),
          ...(cleared !== undefined ? [`${cleared} done job(s) removed`] : []),
          `queue on ${describeDb(db)}: ${JOB_STATES.map((s) => `${counts[s]} ${s}`).join(', ')}`,
          ...jobs.map(jobLine),
        ];
        for (const s of states as JobState[]) {
          const shown = jobs.filter((j) => j.state === s).length;
          if (counts[s] > shown) lines.push(`  ... and ${counts[s] - shown} more ${s}`);
        }
        out(lines.join('\n') + '\n');
      } finally {
        await queue.close();
      }
    });
}
