import { NewsgraphError, errorMessage } from '../core/errors.js';
import { formatBytes } from './decode.js';
import { assertFetchableUrl, type Resolver } from './net-guard.js';

export const DEFAULT_TIMEOUT_MS = 20_000;
export const DEFAULT_MAX_BYTES = 10_000_000;
export const DEFAULT_MAX_REDIRECTS = 5;

export interface FetchLimits {
  readonly timeoutMs?: number;
  readonly maxBytes?: number;
  readonly maxRedirects?: number;
  readonly allowPrivate?: boolean;
  /** Replace DNS resolution and the address policy of the guard. */
  readonly resolve?: Resolver;
  readonly isBlocked?: (ip: string) => boolean;
}

export interface Fetched {
  readonly bytes: Buffer;
  /** Media type without parameters, lower case; '' when the server sent none. */
  readonly mediaType: string;
  readonly charset?: string;
  /** The URL after redirects. */
  readonly url: string;
}

// What an article, a feed or a list of articles can arrive as. Anything else (images, PDF,
// archives, video) is refused before its body is read.
const ACCEPTED = /^(text\/(html|plain|xml|csv|tab-separated-values)|application\/(xhtml\+xml|xml|rss\+xml|atom\+xml|rdf\+xml|json|feed\+json|ld\+json|x-ndjson|jsonl|jsonlines|x-gzip|gzip))$/;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);

function parseContentType(h: string | null): { mediaType: string; charset?: string } {
  if (!h) return { mediaType: '' };
  const [type, ...params] = h.split(';');
  const charset = params.map((p) => /^\s*charset\s*=\s*"?([^";\s]+)"?/i.exec(p)?.[1]).find(Boolean);
  return { mediaType: type!.trim().toLowerCase(), ...(charset ? { charset } : {}) };
}

/** Network failures as one line: the system error code says more than undici's "fetch failed". */
function networkError(err: unknown, timeoutMs: number): Error {
  if (err instanceof NewsgraphError) return err;
  const e = err as { name?: string; cause?: { code?: string; message?: string } };
  if (e?.name === 'TimeoutError' || e?.name === 'AbortError') return new NewsgraphError('timeout', `timed out after ${timeoutMs / 1000} s`, 504);
  const code = e?.cause?.code;
  const why = code ?? (e?.cause?.message ? errorMessage(e.cause) : errorMessage(err));
  return new NewsgraphError('unreachable', `cannot fetch: ${why}`, 502);
}

async function readCapped(res: Response, maxBytes: number): Promise<Buffer> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw new NewsgraphError('too-large', `response of ${formatBytes(declared)} exceeds the ${formatBytes(maxBytes)} limit`, 413);
  }
  if (!res.body) return Buffer.alloc(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    // Enforced while streaming: servers may omit or misstate Content-Length.
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw new NewsgraphError('too-large', `response exceeds the ${formatBytes(maxBytes)} limit`, 413);
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks, total);
}

/**
 * GET a URL for reading: http(s) only, every hop checked against private addresses, redirects
 * followed by hand up to a limit, a timeout over the whole exchange, a size cap and a
 * content-type check. Throws a NewsgraphError with a one-line message.
 */
export async function fetchUrl(url: string, limits: FetchLimits = {}): Promise<Fetched> {
  const timeoutMs = limits.timeoutMs || DEFAULT_TIMEOUT_MS;
  const maxBytes = limits.maxBytes || DEFAULT_MAX_BYTES;
  const maxRedirects = limits.maxRedirects ?? DEFAULT_MAX_REDIRECTS;
  const signal = AbortSignal.timeout(timeoutMs);
  let current = await assertFetchableUrl(url, limits);
  try {
    for (let hop = 0; ; hop++) {
      const res = await fetch(current, {
        redirect: 'manual',
        signal,
        headers: { accept: 'text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, application/json;q=0.9, text/*;q=0.8', 'user-agent': 'newsgraph' },
      });
      if (REDIRECTS.has(res.status)) {
        await res.body?.cancel().catch(() => undefined);
        const loc = res.headers.get('location');
        if (!loc) throw new NewsgraphError('bad-response', `HTTP ${res.status} redirect without a Location header`, 502);
        if (hop >= maxRedirects) throw new NewsgraphError('too-many-redirects', `more than ${maxRedirects} redirects`, 502);
        current = await assertFetchableUrl(new URL(loc, current), limits);
        continue;
      }
      if (res.status < 200 || res.status > 299) {
        await res.body?.cancel().catch(() => undefined);
        throw new NewsgraphError('http-status', `HTTP ${res.status}${res.statusText ? ' ' + res.statusText : ''}`, 502);
      }
      const { mediaType, charset } = parseContentType(res.headers.get('content-type'));
      if (mediaType && !ACCEPTED.test(mediaType)) {
        await res.body?.cancel().catch(() => undefined);
        throw new NewsgraphError('unsupported-type', `unsupported content type ${mediaType} (expected HTML, a feed, JSON or text)`, 415);
      }
      const bytes = await readCapped(res, maxBytes);
      return { bytes, mediaType, ...(charset ? { charset } : {}), url: current.href };
    }
  } catch (err) {
    throw networkError(err, timeoutMs);
  }
}
