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
