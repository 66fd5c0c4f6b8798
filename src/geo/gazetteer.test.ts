import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DEFAULT_GAZETTEER, Gazetteer, sharedGazetteer } from './gazetteer.js';
import { KEY_VERSION, nameKey } from './normalize.js';

const tiny = [
  `#newsgraph-gazetteer\t${KEY_VERSION}\t4\t5\t2`,
  '99237\tIraq\t33\t44\tPCLI\tIQ\t\t0',
  '95445\tArbil\t36.2\t44.1\tADM1\tIQ\t11\t1600000',
  '95446\tErbil\t36.19\t44.01\tPPLA\tIQ\t11\t1612700',
  '0\tNineveh Plains\t36.4\t43.4\tPLN\tIQ\t\t0',
  'arbil\t1',
  'erbil\t2',
  'irbil\t2',
  'iraq\t0',
  'nineveh plains\t3',
  'iraqi\td:IQ',
  'police\tc',
  '',
].join('\n');

test('a compiled gazetteer answers keys by binary search and knows its words', () => {
  const g = Gazetteer.fromText(tiny);
  assert.equal(g.size, 4);
  assert.deepEqual(g.lookup(nameKey('Irbil')).map((r) => r.name), ['Erbil']);
  assert.equal(g.lookup('zzz').length, 0);
  assert.equal(g.lookup('').length, 0);
  assert.ok(g.hasLonger('nineveh'));
  assert.ok(!g.hasLonger('erbil'));
  assert.equal(g.word('iraqi')?.demonym, 'IQ');
  assert.equal(g.word('police')?.common, true);
  assert.equal(g.country('IQ')?.name, 'Iraq');
  assert.equal(g.admin1('IQ', '11')?.name, 'Arbil');
  const r = g.record(2);
  assert.equal(r.geonameId, 95446);
  assert.equal(r.population, 1612700);
});

test('a file of another key version is refused with a clear message', () => {
  assert.throws(() => Gazetteer.fromText(tiny.replace(`\t${KEY_VERSION}\t`, '\t999\t')), /scripts\/build-gazetteer/);
});

test('the shipped gazetteer finds transliterated and alternate names', { skip: !existsSync(DEFAULT_GAZETTEER) && 'models/geo/gazetteer.tsv not built' }, () => {
  const g = sharedGazetteer();
  assert.ok(g.lookup(nameKey('Irbil')).some((r) => r.country === 'IQ' && r.code.startsWith('PPL')));
  assert.ok(g.lookup(nameKey('Ar-Raqqah')).some((r) => r.country === 'SY'));
  assert.ok(g.lookup(nameKey('Tal Afar')).some((r) => r.country === 'IQ'));
  assert.ok(g.lookup(nameKey('U.S.')).some((r) => r.code === 'PCLI' && r.country === 'US'));
  assert.ok(g.lookup(nameKey('North Africa')).length > 0);
  assert.ok(g.lookup(nameKey('Anbar')).some((r) => r.code === 'ADM1' && r.country === 'IQ'));
  assert.equal(g.word('iraqi')?.demonym, 'IQ');
  assert.ok(g.loadMs < 5000);
});
