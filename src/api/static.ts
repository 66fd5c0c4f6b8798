import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SECURITY_HEADERS } from './http.js';

const TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json; charset=utf-8',
  '.ico': 'image/x-icon',
  '.png': 'image/png',
};

/** The built web app: dist/web (compiled app modules in app/, copied assets in static/). */
export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

/**
 * Serves a file from the web root. Only known asset types are served; paths are normalised
 * and must stay inside the root; compiled tests and type declarations are never served.
 */
export async function serveStatic(res: ServerResponse, pathname: string, root = WEB_ROOT, head = false): Promise<boolean> {
  let rel: string;
  try {
    rel = decodeURIComponent(pathname);
  } catch {
    return false;
  }
  if (rel.includes('\0')) return false;
  const file = normalize(join(root, rel));
  if (!file.startsWith(root.endsWith(sep) ? root : root + sep)) return false;
  const type = TYPES[extname(file)];
  if (!type || /\.(test|d)\.js$/.test(file) || file.endsWith('.d.ts')) return false;
  let body: Buffer;
  try {
    body = await readFile(file);
  } catch {
    return false;
  }
  res.writeHead(200, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': String(body.length),
    'cache-control': 'no-cache',
  });
  res.end(head ? undefined : body);
  return true;
}
