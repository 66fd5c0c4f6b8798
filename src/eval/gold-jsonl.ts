import { readFileSync } from 'node:fs';
import { NewsgraphError } from '../core/errors.js';

/**
 * Reads a JSON Lines gold file whose lines each carry a "text" string and an array field
 * (`list`). A bad line is an error naming `path:line`; `check` adds per-format checks.
 * Each document gets an id: its own, else its line number.
 */
export function readGoldJsonl<T extends { text: string }>(
  path: string,
  list: string,
  build: (d: T & Record<string, unknown>, id: string, where: string) => T,
): T[] {
  const docs: T[] = [];
  readFileSync(path, 'utf8').split('\n').forEach((line, i) => {
    if (!line.trim()) return;
    const where = `${path}:${i + 1}`;
    let d: Record<string, unknown>;
    try {
      d = JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new NewsgraphError('eval.bad-gold', `${where}: not valid JSON`);
    }
    if (typeof d.text !== 'string' || !Array.isArray(d[list])) throw new NewsgraphError('eval.bad-gold', `${where}: needs "text" (string) and "${list}" (array)`);
    docs.push(build(d as T & Record<string, unknown>, String(d.id ?? i + 1), where));
  });
  return docs;
}
