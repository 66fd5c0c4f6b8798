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
  // Local-use NAT64 (RFC 8215): translates to addresses of the local network, whatever they are.
  ['64:ff9b:1::', 48],
] as const) BLOCKED.addSubnet(net, bits, 'ipv6');

/** The eight 16-bit groups of an IPv6 address (one isIP() accepts; a dotted IPv4 tail allowed). */
function ipv6Groups(ip: string): number[] {
  let s = ip.toLowerCase();
  const quad = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(s);
  if (quad) {
    const [a, b, c, d] = quad.slice(1).map(Number) as [number, number, number, number];
    s = `${s.slice(0, quad.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = s.split('::').map((h) => (h ? h.split(':').map((g) => parseInt(g, 16)) : []));
  return tail === undefined ? head! : [...head!, ...new Array<number>(8 - head!.length - tail.length).fill(0), ...tail];
}

const ipv4Of = (hi: number, lo: number): string => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
const zero = (g: readonly number[], from: number, to: number): boolean => g.slice(from, to).every((x) => x === 0);

/**
 * The IPv4 addresses an IPv6 address carries, so the IPv4 rules decide for it: IPv4-mapped
 * (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d), IPv4-compatible (::a.b.c.d), NAT64
 * (64:ff9b::a.b.c.d), 6to4 (2002:AABB:CCDD::) and Teredo (2001:0:server:…:client, the client's
 * address inverted). Each is written several ways (hex or dotted, compressed or not): the groups
 * are compared, not the text.
 */
export function embeddedIPv4(ip: string): string[] {
  const g = ipv6Groups(ip);
  if (zero(g, 0, 5) && (g[5] === 0xffff || g[5] === 0)) return [ipv4Of(g[6]!, g[7]!)];
  if (zero(g, 0, 4) && g[4] === 0xffff && g[5] === 0) return [ipv4Of(g[6]!, g[7]!)];
  if (g[0] === 0x64 && g[1] === 0xff9b && zero(g, 2, 6)) return [ipv4Of(g[6]!, g[7]!)];
  if (g[0] === 0x2002) return [ipv4Of(g[1]!, g[2]!)];
  if (g[0] === 0x2001 && g[1] === 0) return [ipv4Of(g[2]!, g[3]!), ipv4Of(~g[6]! & 0xffff, ~g[7]! & 0xffff)];
  return [];
}

/** True for loopback, private, link-local, multicast and reserved addresses (IPv4 or IPv6). */
export function isPrivateAddress(ip: string): boolean {
  const bare = ip.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const v = isIP(bare);
  if (v === 4) return BLOCKED.check(bare, 'ipv4');
  if (v === 6) return BLOCKED.check(bare, 'ipv6') || embeddedIPv4(bare).some((v4) => BLOCKED.check(v4, 'ipv4'));
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
