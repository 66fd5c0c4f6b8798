import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { storyFixtureRecords } from '../stories/story-fixtures.js';
import { startServer, stopServers, type Running } from './test-server.js';

describe('HTTP API: stories', () => {
  let dir: string;
  let rw: Running;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'newsgraph-stories-api-'));
    rw = await startServer(dir, 'stories', storyFixtureRecords());
  });
  after(() => stopServers(dir, [rw]));

  test('/api/stories lists stories by documents; /api/stories/:id gives documents in order of publication', async () => {
    const list = (await (await fetch(`${rw.base}/api/stories?limit=5`)).json()) as { stories: { id: string; documents: number }[] };
    assert.deepEqual(list.stories.map((s) => [s.id, s.documents]), [['story:flood', 3], ['story:fees', 1]]);
    const one = (await (await fetch(`${rw.base}/api/stories/${encodeURIComponent('story:flood')}`)).json()) as { items: { doc: string; copyOf?: string }[]; outlets: string[] };
    assert.deepEqual(one.items.map((d) => [d.doc, d.copyOf]), [['flood-a', undefined], ['flood-b', 'flood-a'], ['flood-c', undefined]]);
    assert.deepEqual(one.outlets, ['Valley Post', 'Coast Wire', 'Ridge Daily']);
    const missing = await fetch(`${rw.base}/api/stories/nothing`);
    assert.equal(missing.status, 404);
    assert.equal(((await missing.json()) as { error: { code: string } }).error.code, 'api.not-found');
  });
});
