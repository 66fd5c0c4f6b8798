import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';

/** One concrete input: a file, a URL or stdin, or the reason an argument names none. */
export type Source =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'url'; readonly url: string }
  | { readonly kind: 'stdin' }
  | { readonly kind: 'error'; readonly source: string; readonly error: string };

export const isUrl = (s: string) => /^https?:\/\//i.test(s);

function fsError(err: unknown): string {
  const e = err as NodeJS.ErrnoException;
  switch (e.code) {
    case 'ENOENT':
      return 'no such file or directory';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory';
    default:
      return e.message?.split('\n')[0] ?? String(err);
  }
}

/** Files under a directory, recursively, in sorted order; hidden files and folders are skipped. */
async function* walk(dir: string, seen: Set<string>): AsyncGenerator<Source> {
  let names: string[];
  try {
    names = (await readdir(dir)).filter((n) => !n.startsWith('.')).sort();
  } catch (err) {
    yield { kind: 'error', source: dir, error: fsError(err) };
    return;
  }
  for (const name of names) {
    const p = join(dir, name);
    try {
      const s = await stat(p);
      // Symbolic links can loop back to a parent; a folder is entered once.
      if (s.isDirectory()) {
        const key = `${s.dev}:${s.ino}`;
        if (!seen.has(key)) {
          seen.add(key);
          yield* walk(p, seen);
        }
      }
      else if (s.isFile()) yield { kind: 'file', path: p };
    } catch (err) {
      yield { kind: 'error', source: p, error: fsError(err) };
    }
  }
}

/** Expands command-line inputs: `-` is stdin, http(s) is a URL, a directory is every file under it. */
export async function* expandInputs(inputs: readonly string[]): AsyncGenerator<Source> {
  for (const input of inputs) {
    if (input === '-') yield { kind: 'stdin' };
    else if (isUrl(input)) yield { kind: 'url', url: input };
    else if (/^[a-z][a-z0-9+.-]*:\/\//i.test(input)) yield { kind: 'error', source: input, error: `unsupported URL scheme (only http and https)` };
    else {
      try {
        const s = await stat(input);
        if (s.isDirectory()) yield* walk(input, new Set([`${s.dev}:${s.ino}`]));
        else yield { kind: 'file', path: input };
      } catch (err) {
        yield { kind: 'error', source: input, error: fsError(err) };
      }
    }
  }
}

export async function fileSize(path: string): Promise<number> {
  try {
    return (await stat(path)).size;
  } catch (err) {
    throw new Error(fsError(err));
  }
}

export async function readFileBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (err) {
    throw new Error(fsError(err));
  }
}

export async function readStdin(stream: NodeJS.ReadableStream = process.stdin): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(typeof c === 'string' ? Buffer.from(c) : (c as Buffer));
  return Buffer.concat(chunks);
}
