import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

export interface CliRun {
  readonly code: number;
  readonly out: string;
  readonly err: string;
}

const MAIN = fileURLToPath(new URL('./main.js', import.meta.url));

/**
 * For end-to-end tests: a temporary folder, removed when the test file ends, and the built
 * command line run in it as a user runs it.
 */
export function cliHarness(prefix: string): { dir: string; cli: (...args: string[]) => CliRun } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]): CliRun => {
    const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  return { dir, cli };
}
