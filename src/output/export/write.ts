import { once } from 'node:events';
import type { Writable } from 'node:stream';

/** Writes a chunk and waits for the stream to drain when its buffer is full (large exports). */
export async function write(out: Writable, chunk: string): Promise<void> {
  if (!out.write(chunk)) await once(out, 'drain');
}
