import type { IncomingMessage, ServerResponse } from 'node:http';
import { NewsgraphError } from '../core/errors.js';

/**
 * Headers sent with every response. The policy allows only same-origin scripts, styles and
 * fetches: no inline code, no framing, no third-party hosts (the map is drawn from a local outline).
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "font-src 'self'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '),
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
};

export function httpError(status: number, code: string, message: string): NewsgraphError {
  return new NewsgraphError(code, message, status);
}

/** A response body serialised already (in a read thread, or once for a cache), sent as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const data = Buffer.from(body instanceof JsonText ? body.text : JSON.stringify(body));
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(data.length),
    'cache-control': 'no-store',
  });
  res.end(data);
}

export function sendError(res: ServerResponse, err: unknown): void {
  if (err instanceof NewsgraphError) {
    sendJson(res, err.status, { error: { code: err.code, message: err.message } });
    return;
  }
  sendJson(res, 500, { error: { code: 'internal', message: 'internal server error' } });
}

/** What is read and thrown away after a body passes its limit, so the client can read the 413. */
const DISCARD_MAX = 64 * 1024 * 1024;

/**
 * Reads a request body up to `limit` bytes. A declared length over the limit is refused before
 * reading; an undeclared one as soon as it passes the limit. Either way the answer is a 413 with
 * a JSON error: the rest of the body is read and dropped (up to DISCARD_MAX) rather than the
 * connection cut, which a client sees as a reset before it reads the answer.
 */
export function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const tooLarge = () => httpError(413, 'http.too-large', `request body over the limit of ${limit} bytes`);
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (Number.isFinite(declared) && declared > limit) {
    discard(req);
    return Promise.reject(tooLarge());
  }
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (c: Buffer) => {
      size += c.length;
      if (size <= limit) return void chunks.push(c);
      req.off('data', onData).off('end', onEnd);
      chunks.length = 0;
      discard(req);
      reject(tooLarge());
    };
    const onEnd = () => resolve(Buffer.concat(chunks));
    req.on('data', onData).on('end', onEnd).once('error', reject);
  });
}

function discard(req: IncomingMessage): void {
  let dropped = 0;
  req.on('data', (c: Buffer) => {
    dropped += c.length;
    if (dropped > DISCARD_MAX) req.socket.destroy();
  });
  req.on('error', () => {});
  req.resume();
}

export async function readJson(req: IncomingMessage, limit: number): Promise<Record<string, unknown>> {
  const type = String(req.headers['content-type'] ?? '');
  if (!/^application\/json\b/i.test(type)) throw httpError(415, 'http.content-type', 'expected content-type application/json');
  const buf = await readBody(req, limit);
  let value: unknown;
  try {
    value = JSON.parse(buf.toString('utf8'));
  } catch {
    throw httpError(400, 'http.bad-json', 'request body is not valid JSON');
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw httpError(400, 'http.bad-json', 'request body must be a JSON object');
  return value as Record<string, unknown>;
}
