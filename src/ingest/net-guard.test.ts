import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertFetchableUrl, isPrivateAddress } from './net-guard.js';

test('private, loopback, link-local and reserved addresses', () => {
  for (const ip of ['127.0.0.1', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '::1', '::', 'fd00::1', 'fe80::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '[::1]', 'not-an-ip']) {
    assert.equal(isPrivateAddress(ip), true, ip);
  }
  for (const ip of ['8.8.8.8', '172.32.0.1', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8']) {
    assert.equal(isPrivateAddress(ip), false, ip);
  }
});

test('the guard checks every resolved address and the scheme', async () => {
  const resolve = async (h: string) => (h === 'mixed.example' ? ['203.0.114.9', '10.0.0.7'] : h === 'public.example' ? ['198.51.99.1'] : []);
  await assert.rejects(assertFetchableUrl('http://mixed.example/x', { resolve }), /refused: mixed\.example resolves to a private or loopback address \(10\.0\.0\.7\)/);
  assert.equal((await assertFetchableUrl('https://public.example/a', { resolve })).hostname, 'public.example');
  await assert.rejects(assertFetchableUrl('http://127.0.0.1:9/'), /refused: 127\.0\.0\.1/);
  await assert.rejects(assertFetchableUrl('http://[::1]/'), /refused/);
  await assert.rejects(assertFetchableUrl('ftp://files.example/'), /unsupported URL scheme ftp:/);
  await assert.rejects(assertFetchableUrl('http://u:p@public.example/', { resolve }), /credentials/);
  await assert.rejects(assertFetchableUrl('http://nowhere.example/', { resolve }), /cannot resolve host/);
  assert.ok(await assertFetchableUrl('http://127.0.0.1/', { allowPrivate: true }));
});

// Every way an IPv6 address can carry an IPv4 one, for an IPv4 address `v4`.
function ipv6Forms(v4: string): Record<string, string[]> {
  const [a, b, c, d] = v4.split('.').map(Number) as [number, number, number, number];
  const hi = ((a << 8) | b).toString(16), lo = ((c << 8) | d).toString(16);
  const inv = (n: number) => (~n & 0xffff).toString(16);
  return {
    mapped: [`::ffff:${v4}`, `::ffff:${hi}:${lo}`, `0:0:0:0:0:ffff:${hi}:${lo}`, `::FFFF:${v4}`],
    translated: [`::ffff:0:${v4}`, `::ffff:0:${hi}:${lo}`, `0:0:0:0:ffff:0:${v4}`],
    compatible: [`::${v4}`, `::${hi}:${lo}`],
    nat64: [`64:ff9b::${v4}`, `64:ff9b::${hi}:${lo}`, `64:ff9b:0:0:0:0:${hi}:${lo}`],
    '6to4': [`2002:${hi}:${lo}::`, `2002:${hi}:${lo}:1::1`],
    // A public Teredo server (65.54.227.120) and the client address inverted.
    teredo: [`2001:0:4136:e378:8000:63bf:${inv((a << 8) | b)}:${inv((c << 8) | d)}`],
  };
}

test('IPv6 forms that embed a loopback or private IPv4 address are refused, each form', async () => {
  for (const v4 of ['127.0.0.1', '10.0.0.1', '172.16.5.4', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0']) {
    for (const [form, ips] of Object.entries(ipv6Forms(v4))) {
      for (const ip of ips) {
        assert.equal(isPrivateAddress(ip), true, `${form} ${ip}`);
        // The same address as a URL host (which the URL parser rewrites to its compressed form).
        await assert.rejects(assertFetchableUrl(`http://[${ip}]/`), /refused/, `${form} ${ip}`);
      }
    }
  }
});

test('the same forms around a public IPv4 address pass, except local-use NAT64', () => {
  for (const [form, ips] of Object.entries(ipv6Forms('93.184.216.34'))) {
    for (const ip of ips) assert.equal(isPrivateAddress(ip), false, `${form} ${ip}`);
  }
  // 64:ff9b:1::/48 translates into the local network, whatever address follows.
  for (const ip of ['64:ff9b:1::5db8:d822', '64:ff9b:1:abcd::1']) assert.equal(isPrivateAddress(ip), true, ip);
  // A Teredo address whose server is private is refused too.
  assert.equal(isPrivateAddress('2001:0:a00:1:8000:63bf:a247:27dd'), true);
});
