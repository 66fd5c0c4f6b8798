import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { allowedHosts, hostAllowed, splitHost } from './host-check.js';
import { rawRequest } from './raw-request.js';
import { startServer, stopServers, type Running } from './test-server.js';

test('Host values: names, IPv6 in brackets, ports; anything else is no host', () => {
  assert.deepEqual(splitHost('LocalHost:8080'), { name: 'localhost', port: 8080 });
  assert.deepEqual(splitHost('[::1]:80'), { name: '[::1]', port: 80 });
  assert.deepEqual(splitHost('news.example.'), { name: 'news.example' });
  for (const bad of ['', '::1', 'a b', 'x:y', 'evil.example/x', '[zz]']) assert.equal(splitHost(bad), undefined, bad);
  const own = allowedHosts({ address: '127.0.0.1', family: 'IPv4', port: 8080 }, ['news.example', 'proxy.example:443']);
  for (const h of ['127.0.0.1:8080', 'localhost:8080', '[::1]:8080', 'news.example:8080', 'proxy.example:443']) assert.ok(hostAllowed(h, own), h);
  for (const h of [undefined, 'evil.example:8080', '127.0.0.1:9090', 'localhost', 'proxy.example:8080', '127.0.0.1.evil.example:8080']) assert.ok(!hostAllowed(h, own), String(h));
  assert.ok(hostAllowed('localhost', allowedHosts({ address: '127.0.0.1', family: 'IPv4', port: 80 })));
});

const dir = mkdtempSync(join(tmpdir(), 'newsgraph-host-'));
const running: Running[] = [];
after(() => stopServers(dir, running));

test('the server answers its own names only: another Host (DNS rebinding) gets a 421 with a JSON error', async () => {
  const s = await startServer(dir, 'hosts', [], { allowHosts: ['news.example'] });
  running.push(s);
  const port = new URL(s.base).port;
  for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`, `news.example:${port}`]) {
    assert.equal((await rawRequest(s.base, '/api/stats', { headers: { host } })).status, 200, host);
  }
  for (const host of [`rebind.example:${port}`, 'rebind.example', `localhost:${Number(port) + 1}`]) {
    for (const path of ['/api/stats', '/', '/api/world']) {
      const r = await rawRequest(s.base, path, { headers: { host } });
      assert.equal(r.status, 421, `${host} ${path}`);
      assert.match(String(r.headers['content-type']), /application\/json/);
      assert.match(JSON.parse(r.body).error.message, /does not answer for host .*--allow-host/);
      assert.equal(r.headers['x-content-type-options'], 'nosniff');
    }
  }
});
