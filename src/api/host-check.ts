import type { AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';

/**
 * The Host header values a server answers: its own names and addresses, with its port. A page
 * on another site whose name an attacker points at 127.0.0.1 (DNS rebinding) reaches the server
 * with that site's name as Host, and is refused, so it cannot read the store.
 */
export function allowedHosts(addr: AddressInfo, extra: readonly string[] = []): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]', bracket(addr.address)]);
  // Listening on every interface: each interface's address is the server's own.
  if (addr.address === '0.0.0.0' || addr.address === '::') {
    for (const list of Object.values(networkInterfaces())) for (const a of list ?? []) names.add(bracket(a.address));
  }
  const out = new Set([...names].map((n) => `${n}:${addr.port}`));
  for (const e of extra) {
    const h = splitHost(e);
    if (h) out.add(`${h.name}:${h.port ?? addr.port}`);
  }
  return out;
}

/** Whether a request's Host header names this server (a Host without a port means port 80). */
export function hostAllowed(header: string | undefined, allowed: ReadonlySet<string>): boolean {
  const h = header === undefined ? undefined : splitHost(header);
  return !!h && allowed.has(`${h.name}:${h.port ?? 80}`);
}

/** `name`, `name:port`, `[v6]` or `[v6]:port`, lower-cased; undefined when it is none of them. */
export function splitHost(value: string): { name: string; port?: number } | undefined {
  const m = /^(\[[0-9a-f:.]+\]|[^:[\]\s/]+)(?::(\d{1,5}))?$/i.exec(value.trim());
  if (!m) return undefined;
  const name = m[1]!.toLowerCase().replace(/\.$/, '');
  return m[2] === undefined ? { name } : { name, port: Number(m[2]) };
}

const bracket = (address: string): string => (address.includes(':') ? `[${address.toLowerCase()}]` : address);
