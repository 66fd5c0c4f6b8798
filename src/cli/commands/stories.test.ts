import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { record } from '../../store/contract.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import { cliHarness } from '../harness.js';

const { dir, cli } = cliHarness('newsgraph-stories-');

test('stories lists stories by documents; stories ID gives its documents in order of publication', async () => {
  const store = new SqliteStore(join(dir, 'st.db'));
  await store.put(record('The Tamsin river flooded Velmora.', { outlet: 'Ridge Daily', published: '2024-03-07', title: 'Velmora floods' }, { story: 'story:flood' }, 'c'));
  await store.put(record('Velmora is under water after the Tamsin rose.', { outlet: 'Valley Post', published: '2024-03-05' }, { story: 'story:flood' }, 'a'));
  await store.put(record('Velmora is under water after the Tamsin rose!', { outlet: 'Coast Wire', published: '2024-03-06' }, { story: 'story:flood', copyOf: 'a' }, 'b'));
  await store.put(record('Brenmouth raised berth fees.', { outlet: 'Harbour Times', published: '2024-03-05' }, { story: 'story:fees' }, 'd'));
  await store.close();
  const list = cli('stories', '--db', 'st.db', '--json');
  assert.equal(list.code, 0, list.err);
  const rows = list.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; documents: number; outlets: string[]; title: string });
  assert.deepEqual(rows.map((r) => [r.id, r.documents]), [['story:flood', 3], ['story:fees', 1]]);
  assert.deepEqual(rows[0]!.outlets, ['Valley Post', 'Coast Wire', 'Ridge Daily']);
  assert.equal(rows[0]!.title, 'Velmora is under water after the Tamsin rose.');
  const one = cli('stories', 'story:flood', '--db', 'st.db');
  assert.equal(one.code, 0, one.err);
  assert.match(one.out, /2024-03-05 {2}Valley Post.*doc a\n {2}2024-03-06 {2}Coast Wire.*doc b \(copy of a\)\n {2}2024-03-07 {2}Ridge Daily {2}Velmora floods {2}doc c/);
  assert.equal(cli('stories', '--db', 'st.db', '--limit', '1').out.match(/^story:/gm)?.length, 1);
  const missing = cli('stories', 'story:none', '--db', 'st.db');
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no story "story:none"/);
});
