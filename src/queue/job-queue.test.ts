import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, test } from 'node:test';
import { Doc } from '../core/doc.js';
import { SKIP_PG, TEST_PG, TestDatabases } from '../store/postgres/test-server.js';
import { JobQueue, type NewJob } from './job-queue.js';

const dbs = TEST_PG ? new TestDatabases(TEST_PG) : undefined;
after(() => dbs?.dropAll());

function job(n: number, text = `Report number ${n}: the ferry to Harwick Island ran late again on Tuesday.`): NewJob {
  return { source: `reports.txt#${n}`, text, meta: { title: `Report ${n}` }, hash: Doc.create(text).hash };
}

async function queueOn(opts: ConstructorParameters<typeof JobQueue>[1] = {}): Promise<JobQueue> {
  const q = new JobQueue(await dbs!.fresh(), opts);
  after(() => q.close());
  return q;
}

test('jobs are claimed oldest first, each by one worker; a text already waiting is not queued again', { skip: SKIP_PG }, async () => {
  const q = await queueOn();
  assert.equal(await q.enqueue([job(1), job(2), job(1)]), 2);
  assert.equal(await q.enqueue([job(2), job(3)]), 1, 'the waiting text is left out');
  const a = await q.claim('a');
  const b = await q.claim('b');
  assert.deepEqual([a?.job, a?.source, a?.attempt, b?.job], [1, 'reports.txt#1', 1, 2]);
  assert.equal(a!.meta.title, 'Report 1');
  assert.equal(a!.hash, job(1).hash);
  await q.done(a!.job, 'a', { status: 'added', id: 'doc-1' });
  assert.deepEqual(await q.counts(), { pending: 1, running: 1, done: 1, failed: 0 });
  // Done, the text may be queued again (storing it answers "present").
  assert.equal(await q.enqueue([job(1)]), 1);
  const done = await q.list(['done']);
  assert.deepEqual(done.map((j) => [j.job, j.result, j.document]), [[1, 'added', 'doc-1']]);
  assert.equal(await q.clearDone(), 1);
  assert.deepEqual(await q.counts(), { pending: 2, running: 1, done: 0, failed: 0 });
});

test('many workers claiming at once never take the same job', { skip: SKIP_PG }, async () => {
  const q = await queueOn();
  await q.enqueue(Array.from({ length: 40 }, (_, i) => job(i + 1)));
  const taken: number[] = [];
  await Promise.all(Array.from({ length: 6 }, async (_, w) => {
    for (let j; (j = await q.claim(`w${w}`));) {
      taken.push(j.job);
      await q.done(j.job, `w${w}`, { status: 'added', id: String(j.job) });
    }
  }));
  assert.deepEqual(taken.sort((x, y) => x - y), Array.from({ length: 40 }, (_, i) => i + 1));
  assert.deepEqual(await q.counts(), { pending: 0, running: 0, done: 40, failed: 0 });
});

test('a job whose worker stopped renewing is taken by another once the lease ends; the first can no longer finish it', { skip: SKIP_PG }, async () => {
  const q = await queueOn({ leaseMs: 300 });
  await q.enqueue([job(1)]);
  const dead = await q.claim('dead');
  assert.equal(dead?.attempt, 1);
  assert.equal(await q.claim('live'), undefined, 'held while the lease lasts');
  assert.equal(await q.renew(dead!.job, 'dead'), true);
  await sleep(450);
  const again = await q.claim('live');
  assert.deepEqual([again?.job, again?.attempt], [1, 2]);
  assert.equal(await q.renew(dead!.job, 'dead'), false);
  await q.done(dead!.job, 'dead', { status: 'added', id: 'x' });
  assert.equal((await q.list(['running']))[0]?.worker, 'live', 'the late worker changed nothing');
  await q.done(again!.job, 'live', { status: 'present', id: 'y' });
  assert.deepEqual((await q.list(['done'])).map((j) => [j.worker, j.result, j.attempts]), [['live', 'present', 2]]);
});

test('a job whose workers all die is failed after its last attempt', { skip: SKIP_PG }, async () => {
  const q = await queueOn({ leaseMs: 100, maxAttempts: 2 });
  await q.enqueue([job(1)]);
  assert.ok(await q.claim('a'));
  await sleep(200);
  assert.equal((await q.claim('b'))?.attempt, 2);
  await sleep(200);
  assert.equal(await q.claim('c'), undefined);
  const [failed] = await q.list(['failed']);
  assert.equal(failed?.attempts, 2);
  assert.match(failed!.error!, /worker stopped before finishing, 2 time/);
});

test('a failed attempt is retried until the last, which leaves the job failed with its error; --retry-failed queues it again', { skip: SKIP_PG }, async () => {
  const q = await queueOn({ maxAttempts: 2 });
  await q.enqueue([job(1)]);
  const first = await q.claim('a');
  assert.equal(await q.fail(first!.job, 'a', 'store.db: refused\n  at line 2'), 'pending');
  assert.deepEqual((await q.list(['pending'])).map((j) => j.error), ['store.db: refused at line 2']);
  const second = await q.claim('a');
  assert.equal(second?.attempt, 2);
  assert.equal(await q.fail(second!.job, 'a', 'still refused'), 'failed');
  assert.equal(await q.claim('a'), undefined);
  const [failed] = await q.list(['failed']);
  assert.deepEqual([failed?.attempts, failed?.error], [2, 'still refused']);
  // Queued again meanwhile, the text is waiting under its new job: the failed one stays failed.
  assert.equal(await q.enqueue([job(1)]), 1);
  assert.equal(await q.retryFailed(), 0);
  await q.done((await q.claim('a'))!.job, 'a', { status: 'added', id: 'z' });
  assert.equal(await q.retryFailed(), 1);
  assert.deepEqual((await q.list(['pending'])).map((j) => [j.job, j.attempts]), [[1, 0]]);
});

test('enqueue keeps the order it is given across batches of a thousand', { skip: SKIP_PG }, async () => {
  const q = await queueOn();
  assert.equal(await q.enqueue(Array.from({ length: 2100 }, (_, i) => job(i + 1))), 2100);
  const pending = await q.list(['pending'], 5000);
  assert.equal(pending.length, 2100);
  assert.ok(pending.every((j, i) => j.source === `reports.txt#${i + 1}`));
});
