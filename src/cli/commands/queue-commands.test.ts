import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, test } from 'node:test';
import pg from 'pg';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { JobQueue } from '../../queue/job-queue.js';
import { SKIP_PG, TEST_PG, TestDatabases } from '../../store/postgres/test-server.js';
import { cliHarness } from '../harness.js';

// enqueue, worker and queue on a PostgreSQL server (NEWSGRAPH_TEST_PG), as separate processes.
const EXAMPLES = fileURLToPath(new URL('../../../examples', import.meta.url));
const { dir, cli, cliAsync } = cliHarness('newsgraph-queue-cli-');
const dbs = TEST_PG ? new TestDatabases(TEST_PG) : undefined;
after(() => dbs?.dropAll());

const ARTICLES = [
  { title: 'Ferry service to Harwick Island suspended', outlet: 'Coastal Ledger', published: '2025-02-03',
    text: 'The ferry service between Portmere and Harwick Island was suspended on Monday after a storm damaged the pier. Harbour master Elin Vasquez said repairs would take two weeks.' },
  { title: 'Portmere council approves new library', outlet: 'Portmere Post', published: '2025-02-04',
    text: 'Portmere council voted 7 to 2 on Tuesday to build a new public library on Dock Street. Councillor Ravi Okafor said the building would cost 4.2 million pounds.' },
  { title: 'Drought cuts wheat harvest in Velkar province', outlet: 'Plains Herald', published: '2025-02-05',
    text: 'Farmers in Velkar province expect a wheat harvest 30 percent smaller than last year after months without rain, the provincial agriculture office said on Wednesday.' },
  { title: 'Striking bus drivers return to work', outlet: 'Coastal Ledger', published: '2025-02-06',
    text: 'Bus drivers in Portmere ended a five-day strike on Thursday after the Transit Workers Union accepted a pay rise of 6 percent, union leader Dana Whitlock said.' },
  { title: 'Museum recovers stolen bronze statue', outlet: 'Portmere Post', published: '2025-02-07',
    text: 'The Harwick Maritime Museum recovered a bronze statue stolen in 2019, police in Portmere said on Friday. Two men were arrested in connection with the theft.' },
];
// Two documents that claim one id with different texts: the second to be stored is refused.
const CLASH = [
  { id: 'clash-1', title: 'Bridge reopens', text: 'The Old Mill bridge in Portmere reopened to traffic on Saturday after a year of repairs.' },
  { id: 'clash-1', title: 'Bridge closes', text: 'The Old Mill bridge in Portmere closed again on Sunday when engineers found a new crack.' },
];

function writeJsonl(name: string, rows: readonly object[]): string {
  writeFileSync(join(dir, name), rows.map((r) => JSON.stringify(r)).join('\n') + '\n');
  return name;
}

/** The summary a worker prints on stdout with --json. */
const summary = (out: string) => JSON.parse(out) as { added: number; present: number; refreshed: number; retried: number; failed: number };

test('queue commands refuse a SQLite --db in one line', () => {
  for (const args of [['enqueue', EXAMPLES], ['worker', '--exit-when-empty'], ['queue']]) {
    const r = cli(...args, '--db', 'local.db');
    assert.equal(r.code, 2, args[0]);
    assert.match(r.err, /^newsgraph: \w+ needs a PostgreSQL store: give --db postgres:\/\/.*"local\.db"\n$/);
  }
});

test('two workers store every enqueued document once; a refused document ends failed with its error listed', { skip: SKIP_PG }, async () => {
  const url = await dbs!.fresh();
  const inputs = [EXAMPLES, writeJsonl('articles.jsonl', ARTICLES), writeJsonl('clash.jsonl', CLASH)];
  const enq = cli('enqueue', ...inputs, '--db', url, '--json');
  assert.equal(enq.code, 0, enq.err);
  const queued = (JSON.parse(enq.out) as { queued: number }).queued;
  assert.equal(queued, 8 + ARTICLES.length + CLASH.length);
  assert.match(cli('queue', '--db', url).out, new RegExp(`: ${queued} pending, 0 running, 0 done, 0 failed\\n`));

  const work = () => cliAsync('worker', '--db', url, '--exit-when-empty', '--attempts', '2', '--poll', '0.2', '--json');
  const runs = await Promise.all([work(), work()]);
  const sums = runs.map((r) => summary(r.out));
  assert.equal(sums[0]!.added + sums[1]!.added, queued - 1);
  assert.equal(sums[0]!.failed + sums[1]!.failed, 1);
  assert.match(runs.map((r) => r.err).join(''), /clash\.jsonl:\d: job \d+ failed: id "clash-1" is already stored with different text/);

  const stored = cli('export', '--db', url, '--format', 'jsonl').out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { id: string; hash: string });
  assert.equal(stored.length, queued - 1);
  assert.equal(new Set(stored.map((r) => r.hash)).size, stored.length);

  const shown = cli('queue', '--db', url);
  assert.equal(shown.code, 0, shown.err);
  assert.match(shown.out, new RegExp(`: 0 pending, 0 running, ${queued - 1} done, 1 failed\\n`));
  assert.match(shown.out, /\n {2}failed +#\d+ clash\.jsonl:\d: 2 attempt\(s\): id "clash-1" is already stored with different text\n/);
  const json = JSON.parse(cli('queue', '--db', url, '--json', '--state', 'failed').out) as { counts: Record<string, number>; jobs: { state: string; error: string }[] };
  assert.deepEqual(json.counts, { pending: 0, running: 0, done: queued - 1, failed: 1 });
  assert.deepEqual(json.jobs.map((j) => j.state), ['failed']);

  // The same inputs again: every text is stored already and answers "present"; nothing is added.
  assert.equal(cli('enqueue', ...inputs, '--db', url).code, 0);
  const again = summary((await work()).out);
  assert.deepEqual([again.added, again.present, again.failed], [0, queued - 1, 1]);
  assert.equal(cli('export', '--db', url, '--format', 'jsonl').out.split('\n').filter(Boolean).length, queued - 1);
  const cleared = cli('queue', '--db', url, '--clear-done');
  assert.match(cleared.out, new RegExp(`^${2 * (queued - 1)} done job\\(s\\) removed\nqueue on .*: 0 pending, 0 running, 0 done, 2 failed\n`));
});

test('a job whose worker died is taken by another worker once its lease ends', { skip: SKIP_PG }, async () => {
  const url = await dbs!.fresh();
  assert.equal(cli('enqueue', writeJsonl('one.jsonl', ARTICLES.slice(0, 1)), '--db', url).code, 0);
  // A worker that claims the job and never finishes it, as one killed mid-document does.
  const dead = new JobQueue(url, { leaseMs: 800 });
  try {
    assert.ok(await dead.claim('dead-worker'));
  } finally {
    await dead.close();
  }
  const running = cli('queue', '--db', url).out;
  assert.match(running, /: 0 pending, 1 running, 0 done, 0 failed\n {2}running #1 one\.jsonl:1: worker dead-worker, attempt 1, lease until /);
  const r = await cliAsync('worker', '--db', url, '--exit-when-empty', '--poll', '0.2', '--id', 'rescuer', '--json');
  assert.equal(r.code, 0, r.err);
  assert.equal(summary(r.out).added, 1);
  const jobs = (JSON.parse(cli('queue', '--db', url, '--json', '--state', 'done').out) as { jobs: { worker: string; attempts: number; result: string }[] }).jobs;
  assert.deepEqual(jobs.map((j) => [j.worker, j.attempts, j.result]), [['rescuer', 2, 'added']]);
});

test('a worker killed in the middle of a document leaves it to another, and the document is stored once', { skip: SKIP_PG }, async () => {
  const url = await dbs!.fresh();
  // Long enough that extracting it takes seconds: the kill lands while the worker holds it.
  const long = { title: 'Harwick Island almanac', outlet: 'Coastal Ledger', published: '2025-03-01', text: Array.from({ length: 1500 }, (_, i) =>
    `Entry ${i + 1}. The ferry from Portmere to Harwick Island left at ${6 + (i % 12)} o'clock, harbour master Elin Vasquez said, carrying ${20 + (i % 50)} passengers.`).join(' ') };
  assert.equal(cli('enqueue', writeJsonl('long.jsonl', [long]), '--db', url).code, 0);
  const doomed = spawn(process.execPath, [fileURLToPath(new URL('../main.js', import.meta.url)), 'worker', '--db', url, '--lease', '1', '--id', 'doomed', '--poll', '0.1'], { cwd: dir, stdio: 'ignore' });
  const q = new JobQueue(url);
  try {
    for (let t = 0; !(await q.list(['running'])).length; t++) {
      assert.ok(t < 600, 'the worker took the job');
      await sleep(50);
    }
    doomed.kill('SIGKILL');
    await new Promise((resolve) => doomed.once('exit', resolve));
    assert.deepEqual((await q.list(['running', 'done'])).map((j) => [j.state, j.worker]), [['running', 'doomed']]);
  } finally {
    doomed.kill('SIGKILL');
    await q.close();
  }
  const r = await cliAsync('worker', '--db', url, '--exit-when-empty', '--poll', '0.2', '--id', 'rescuer', '--json');
  assert.equal(r.code, 0, r.err);
  assert.equal(summary(r.out).added, 1);
  const jobs = (JSON.parse(cli('queue', '--db', url, '--json', '--state', 'done').out) as { jobs: { worker: string; attempts: number }[] }).jobs;
  assert.deepEqual(jobs.map((j) => [j.worker, j.attempts]), [['rescuer', 2]]);
  assert.equal(cli('export', '--db', url, '--format', 'jsonl').out.split('\n').filter(Boolean).length, 1);
});

test('a worker waiting on an empty queue stops on SIGTERM with its summary', { skip: SKIP_PG }, async () => {
  const url = await dbs!.fresh();
  const worker = spawn(process.execPath, [fileURLToPath(new URL('../main.js', import.meta.url)), 'worker', '--db', url, '--id', 'idle', '--poll', '0.1'], { cwd: dir });
  let err = '';
  worker.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
  const exited = new Promise<number | null>((resolve) => worker.once('exit', resolve));
  // Connected to its database, the worker has set its signal handlers and polls the empty queue.
  const admin = new pg.Client({ connectionString: TEST_PG });
  await admin.connect();
  try {
    const name = decodeURIComponent(new URL(url).pathname.slice(1));
    for (let t = 0; !Number((await admin.query('SELECT count(*) AS n FROM pg_stat_activity WHERE datname = $1', [name])).rows[0].n); t++) {
      assert.ok(t < 400, 'the worker connected');
      await sleep(50);
    }
  } finally {
    await admin.end();
  }
  worker.kill('SIGTERM');
  assert.equal(await exited, 0);
  assert.match(err, /^worker idle on postgres:\/\/.*: 0 added, 0 refreshed, 0 already present, 0 to retry, 0 failed\n$/);
});
