import { lookup } from 'node:dns/promises';
import { BlockList, isIP } from 'node:net';
import { NewsgraphError } from '../core/errors.js';

// Addresses a fetch on a user's behalf must not reach: loopback, private networks, link-local
// (cloud metadata services live there), carrier-grade NAT, multicast and reserved ranges.
const BLOCKED = new BlockList();
for (const [net, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.0.2.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['198.51.100.0', 24], ['203.0.113.0', 24],
  ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) BLOCKED.addSubnet(net, bits, 'ipv4');
for (const [net, bits] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['fec0::', 10], ['ff00::', 8], ['2001:db8::', 32], ['100::', 64],
] as const) BLOCKED.addSubnet(net, bits, 'ipv6');

/** IPv4 embedded in an IPv6 address (mapped ::ffff:a.b.c.d, compatible ::a.b.c.d, NAT64 64:ff9b::/96), if any. */
function embeddedIPv4(ip: string): string | undefined {
  const m = /^(?:::ffff:(?:0:)?|::|64:ff9b::)(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (m) return m[1];
  const h = /^(?:::ffff:|64:ff9b::)([0-9a-f]{1,4}):([0-9a-f]{1,4})$/i.exec(ip);
  if (h) {
    const a = parseInt(h[1]!, 16);
    const b = parseInt(h[2]!, 16);
    return `${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  return undefined;
}

/** True for loopback, private, link-local, multicast and reserved addresses (IPv4 or IPv6). */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v = isIP(bare);
  if (v === 4) return BLOCKED.check(bare, 'ipv4');
  if (v === 6) {
    const v4 = embeddedIPv4(bare);
    if (v4 && isIP(v4) === 4) return BLOCKED.check(v4, 'ipv4');
    return BLOCKED.check(bare, 'ipv6');
  }
  return true; // Not an address at all: refuse rather than guess.
}

export type Resolver = (host: string) => Promise<string[]>;

const systemResolver: Resolver = async (host) => (await lookup(host, { all: true, verbatim: true })).map((a) => a.address);

export interface UrlGuardOptions {
  readonly allowPrivate?: boolean;
  /** Replaces DNS resolution (tests, or a caller with its own resolver). */
  readonly resolve?: Resolver;
  /** Replaces the address policy (default: isPrivateAddress), for a deployment with its own rules. */
  readonly isBlocked?: (ip: string) => boolean;
}

/**
 * Throws unless the URL is http(s) and every address its host resolves to is public.
 * Call it for the first URL and again for every redirect hop. (The fetch resolves the name once
 * more; a resolver that changes its answer in between is out of reach of a check done here.)
 */
export async function assertFetchableUrl(url: string | URL, opts: UrlGuardOptions = {}): Promise<URL> {
  let u: URL;
  try {
    u = new URL(String(url));
  } catch {
    throw new NewsgraphError('bad-url', `not a valid URL`);
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') throw new NewsgraphError('bad-url', `unsupported URL scheme ${u.protocol} (only http and https)`);
  if (u.username || u.password) throw new NewsgraphError('bad-url', 'URLs with credentials are refused');
  if (opts.allowPrivate) return u;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  if (isIP(host)) addresses = [host];
  else {
    try {
      addresses = await (opts.resolve ?? systemResolver)(host);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      throw new NewsgraphError('unreachable', `cannot resolve host ${host}${code ? ` (${code})` : ''}`, 502);
    }
  }
  if (!addresses.length) throw new NewsgraphError('unreachable', `cannot resolve host ${host}`, 502);
  const bad = addresses.find(opts.isBlocked ?? isPrivateAddress);
  if (bad !== undefined) {
    throw new NewsgraphError('private-address', `refused: ${host} resolves to a private or loopback address (${bad})`, 403);
  }
  return u;
}
