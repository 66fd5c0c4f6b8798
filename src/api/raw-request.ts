import { request } from 'node:http';
import { connect } from 'node:net';

export interface RawResponse {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly body: string;
}

/**
 * An HTTP request with headers fetch() will not send (Host) or a body sent in chunks with no
 * declared length, for tests of what the server answers. A reset connection rejects.
 */
export function rawRequest(base: string, path: string, o: { method?: string; headers?: Record<string, string>; chunks?: readonly Buffer[] } = {}): Promise<RawResponse> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    const req = request({ host: u.hostname, port: u.port, path, method: o.method ?? 'GET', headers: o.headers ?? {} }, (res) => {
      let body = '';
      res.setEncoding('utf8').on('data', (d: string) => { body += d; }).on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    const chunks = [...(o.chunks ?? [])];
    const pump = (): void => {
      while (chunks.length) if (!req.write(chunks.shift()!)) return void req.once('drain', pump);
      req.end();
    };
    pump();
  });
}

/** Bytes written straight to the server's socket; resolves with all it answered. */
export function rawSocket(base: string, bytes: string): Promise<string> {
  const u = new URL(base);
  return new Promise((resolve, reject) => {
    let got = '';
    const s = connect(Number(u.port), u.hostname, () => s.write(bytes));
    s.setEncoding('utf8').on('data', (d: string) => { got += d; }).on('end', () => resolve(got)).on('error', reject);
  });
}
