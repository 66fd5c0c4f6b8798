import { createServer, STATUS_CODES, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Store } from '../store/store.js';
import type { PoolOptions } from '../workers/pool.js';
import { allowedHosts, hostAllowed } from './host-check.js';
import { httpError, SECURITY_HEADERS, sendError, sendJson } from './http.js';
import { IngestQueue } from './ingest.js';
import { pageReads } from './read-pool.js';
import { apiRouter } from './routes.js';
import { serveStatic, serveVendor, WEB_ROOT } from './static.js';

export interface ServerOptions {
  readonly store: Store;
  readonly token?: string;
  readonly allowPrivate?: boolean;
  readonly jsonLimit?: number;
  readonly uploadLimit?: number;
  /** Worker threads and per-input limits of ingest jobs. */
  readonly pool?: PoolOptions;
  /** Folder of the built web app (default: dist/web beside this module). */
  readonly webRoot?: string;
  /**
   * Host header values answered besides the server's own names and addresses (`name` or
   * `name:port`; a bare name takes the server's port); any other Host gets a 421.
   */
  readonly allowHosts?: readonly string[];
  /** Threads that read searches and entity pages from a SQLite file (default 1: on the server's thread). */
  readonly readThreads?: number;
}

export interface NewsgraphServer {
  readonly server: Server;
  readonly ingest: IngestQueue;
  listen(port: number, host?: string): Promise<AddressInfo>;
  close(): Promise<void>;
}

/** The HTTP API under /api/ and the web app at /, from one node:http server. */
export function createNewsgraphServer(o: ServerOptions): NewsgraphServer {
  const ingest = new IngestQueue(o.store, { allowPrivate: o.allowPrivate, ...(o.pool ? { pool: o.pool } : {}) });
  const reads = pageReads(o.store, o.readThreads ?? 1);
  const router = apiRouter({ ...o, ingest, reads });
  const webRoot = o.webRoot ?? WEB_ROOT;

  let allowed: { port: number; hosts: Set<string> } | undefined;
  const ownHosts = (): Set<string> => {
    const addr = server.address() as AddressInfo;
    if (allowed?.port !== addr.port) allowed = { port: addr.port, hosts: allowedHosts(addr, o.allowHosts) };
    return allowed.hosts;
  };

  const server = createServer(async (req, res) => {
    // On every answer, whichever path writes it (files, errors, the world outline).
    for (const [k, v] of Object.entries(SECURITY_HEADERS)) res.setHeader(k, v);
    // Reads go before the documents an ingest job has yet to store.
    if (req.method === 'GET' || req.method === 'HEAD') res.once('close', ingest.readers.reader());
    try {
      if (!hostAllowed(req.headers.host, ownHosts())) {
        throw httpError(421, 'http.host', `this server does not answer for host "${String(req.headers.host ?? '')}" (allow it with serve --allow-host NAME)`);
      }
      const url = new URL(req.url ?? '/', 'http://localhost');
      const method = req.method ?? 'GET';
      if (url.pathname.startsWith('/api/')) {
        const m = router.match(method, url.pathname);
        if (m === 404) throw httpError(404, 'api.not-found', `no endpoint ${url.pathname}`);
        if (m === 405) throw httpError(405, 'api.method', `method ${method} not allowed on ${url.pathname}`);
        const body = await m.handler({ req, res, url, params: m.params });
        if (!res.headersSent) sendJson(res, 200, body ?? null);
        return;
      }
      if (method !== 'GET' && method !== 'HEAD') throw httpError(405, 'http.method', `method ${method} not allowed`);
      const path = url.pathname === '/' ? '/static/index.html' : url.pathname;
      const head = method === 'HEAD';
      const served = path.startsWith('/vendor/') ? await serveVendor(res, path, head) : await serveStatic(res, path, webRoot, head);
      // A person who follows a dead link gets a page with a way back; programs get JSON.
      if (!served && /text\/html/.test(String(req.headers.accept ?? '')) && (await serveStatic(res, '/static/404.html', webRoot, head, 404))) return;
      if (!served) throw httpError(404, 'http.not-found', `no file ${url.pathname}`);
    } catch (err) {
      if (!(err instanceof Error && 'status' in err)) process.stderr.write(`newsgraph serve: ${req.method} ${req.url}: ${String(err)}\n`);
      if (!res.headersSent) sendError(res, err);
      else res.destroy();
    }
  });
  // Slow clients may not hold connections open forever.
  server.headersTimeout = 20_000;
  server.requestTimeout = 120_000;
  server.maxHeadersCount = 100;
  // Requests Node refuses before they reach the handler (malformed, headers too large, too slow)
  // are answered in the same JSON shape, with the same headers.
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    if (err.code === 'ECONNRESET' || !socket.writable) return void socket.destroy();
    const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const body = JSON.stringify({ error: { code: 'http.bad-request', message: STATUS_CODES[status]!.toLowerCase() } });
    const headers = { ...SECURITY_HEADERS, 'content-type': 'application/json; charset=utf-8', 'content-length': String(Buffer.byteLength(body)), connection: 'close' };
    socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n${body}`);
  });

  return {
    server,
    ingest,
    listen: (port, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve(server.address() as AddressInfo);
        });
      }),
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await ingest.close();
      await reads.close();
    },
  };
}
