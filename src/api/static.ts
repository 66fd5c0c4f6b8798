import { readFile } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { createRequire } from 'node:module';
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

/**
 * Browser libraries the app loads, served as files from their npm packages' dist folders under
 * /vendor/NAME/ (same origin, so the content security policy stays 'self' and nothing is fetched
 * from elsewhere).
 */
const VENDOR = ['leaflet', 'leaflet.markercluster'] as const;
let vendorRoots: Map<string, string> | undefined;

/** The dist folder of a vendored package, by the name in its /vendor/NAME/ path. */
export function vendorRoot(name: string): string | undefined {
  if (!vendorRoots) {
    const require = createRequire(import.meta.url);
    vendorRoots = new Map(VENDOR.map((pkg) => [pkg, join(dirname(require.resolve(`${pkg}/package.json`)), 'dist')]));
  }
  return vendorRoots.get(name);
}

/** Serves `/vendor/NAME/FILE` from the package's dist folder; false when there is no such file. */
export async function serveVendor(res: ServerResponse, pathname: string, head = false): Promise<boolean> {
  const m = /^\/vendor\/([^/]+)(\/.+)$/.exec(pathname);
  const root = m ? vendorRoot(m[1]!) : undefined;
  return root ? serveStatic(res, m![2]!, root, head) : false;
}

/** The built web app: dist/web (compiled app modules in app/, copied assets in static/). */
export const WEB_ROOT = fileURLToPath(new URL('../web/', import.meta.url));

/**
 * Serves a file from the web root. Only known asset types are served; paths are normalised
 * and must stay inside the root; compiled tests and type declarations are never served.
 */
export async function serveStatic(res: ServerResponse, pathname: string, root = WEB_ROOT, head = false, status = 200): Promise<boolean> {
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
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': type,
    'content-length': String(body.length),
    'cache-control': 'no-cache',
  });
  res.end(head ? undefined : body);
  return true;
}
