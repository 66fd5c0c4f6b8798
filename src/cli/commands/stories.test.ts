import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { storyFixtureRecords } from '../../stories/story-fixtures.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { cliHarness } from '../harness.js';

const { dir, cli } = cliHarness('newsgraph-stories-');

test('stories lists stories by documents; stories ID gives its documents in order of publication', async () => {
  const store = new SqliteStore(join(dir, 'st.db'));
  for (const r of storyFixtureRecords()) await store.put(r);
  await store.close();
  const list = cli('stories', '--db', 'st.db', '--json');
  assert.equal(list.code, 0, list.err);
  const rows = list.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; documents: number; outlets: string[]; title: string });
  assert.deepEqual(rows.map((r) => [r.id, r.documents]), [['story:flood', 3], ['story:fees', 1]]);
  assert.deepEqual(rows[0]!.outlets, ['Valley Post', 'Coast Wire', 'Ridge Daily']);
  assert.equal(rows[0]!.title, 'Velmora is under water after the Tamsin rose.');
  const one = cli('stories', 'story:flood', '--db', 'st.db');
  assert.equal(one.code, 0, one.err);
  assert.match(one.out, /2024-03-05 {2}Valley Post.*doc flood-a\n {2}2024-03-06 {2}Coast Wire.*doc flood-b \(copy of flood-a\)\n {2}2024-03-07 {2}Ridge Daily {2}Velmora floods {2}doc flood-c/);
  assert.equal(cli('stories', '--db', 'st.db', '--limit', '1').out.match(/^story:/gm)?.length, 1);
  const missing = cli('stories', 'story:none', '--db', 'st.db');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no story "story:none"/);
});
