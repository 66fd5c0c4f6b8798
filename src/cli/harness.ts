import { spawn, spawnSync } from 'node:child_process';
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
export function cliHarness(prefix: string): { dir: string; cli: (...args: string[]) => CliRun; cliAsync: (...args: string[]) => Promise<CliRun> } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const cli = (...args: string[]): CliRun => {
    const r = spawnSync(process.execPath, [MAIN, ...args], { cwd: dir, encoding: 'utf8', maxBuffer: 1 << 26 });
    return { code: r.status ?? -1, out: r.stdout, err: r.stderr };
  };
  // Runs alongside others (processes sharing one store); killed if it outlives the bound.
  const cliAsync = (...args: string[]): Promise<CliRun> => new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [MAIN, ...args], { cwd: dir, timeout: 180_000 });
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => { out += d; });
    child.stderr.setEncoding('utf8').on('data', (d: string) => { err += d; });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
  return { dir, cli, cliAsync };
}
