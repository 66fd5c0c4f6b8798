import { setTimeout as sleep } from 'node:timers/promises';
import { NewsgraphError } from '../../core/errors.js';

/**
 * Several processes may write one SQLite store; SQLite lets one write at a time. Every write
 * transaction begins IMMEDIATE (it takes the write lock before it reads, so it never has to
 * upgrade a read, which SQLite refuses without waiting), waits for the lock inside SQLite for a
 * short while (busy_timeout), and is retried with growing pauses until `LOCK_WAIT_MS` have
 * passed; then it fails with `store.locked`, naming the store.
 */
export const LOCK_WAIT_MS = 30_000;
/** One attempt's wait inside SQLite: short, as it blocks the thread (a server's event loop too). */
export const BUSY_TIMEOUT_MS = 1_000;

export function isBusy(err: unknown): boolean {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

export function lockedError(path: string, waitMs: number): NewsgraphError {
  const secs = waitMs >= 10_000 ? String(Math.round(waitMs / 1000)) : String(Math.round(waitMs / 100) / 10);
  return new NewsgraphError('store.locked', `${path}: locked by another writer for ${secs} s`, 503);
}

export interface LockWait {
  /** Names the store in the message. */
  readonly path: string;
  readonly waitMs: number;
}

/** Runs a write transaction, again after a pause while another process holds the lock. */
export async function retryWrite<T>(run: () => T, o: LockWait): Promise<T> {
  const t0 = Date.now();
  for (let pause = 25; ; pause = Math.min(pause * 2, 500)) {
    try {
      return run();
    } catch (err) {
      if (!isBusy(err)) throw err;
      const left = o.waitMs - (Date.now() - t0);
      if (left <= 0) throw lockedError(o.path, o.waitMs);
      // Jittered, so two processes that collided do not collide again in step.
      await sleep(Math.min(left, pause * (0.5 + Math.random())));
    }
  }
}

/** The same without pauses between attempts, for setup that must finish before the store is used
 * (each attempt waits in SQLite). */
export function retryWriteSync<T>(run: () => T, o: LockWait): T {
  const t0 = Date.now();
  for (;;) {
    try {
      return run();
    } catch (err) {
      if (!isBusy(err)) throw err;
      if (Date.now() - t0 >= o.waitMs) throw lockedError(o.path, o.waitMs);
    }
  }
}
