import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { NewsRecord } from '../../output/record.js';
import { kbDoc, kbRecords } from '../../store/contract-kb.js';
import { SqliteStore } from '../../store/sqlite/sqlite-store.js';
import type { DecisionRecord, EntityInfo } from '../../store/store.js';
import { cliHarness } from '../harness.js';
import { defaultWho } from './entity-corrections.js';

// `newsgraph entities` end to end, as a user runs it: lookups, corrections and their audit trail.
const { dir, cli } = cliHarness('newsgraph-entities-');
const lines = <T>(s: string) => s.split('\n').filter(Boolean).map((l) => JSON.parse(l) as T);

/** A database of the knowledge-base fixtures, plus an entity that is called like a subcommand. */
async function kbDb(name: string): Promise<string> {
  const store = new SqliteStore(join(dir, name));
  for (const r of kbRecords()) await store.put(r);
  await store.put(kbDoc('Merge, the harbour band, played on Friday.', { published: '2023-09-01' }, [{ id: 'e1', kb: 'ORG:merge', type: 'ORG', name: 'Merge' }]));
  await store.close();
  return name;
}

test('entities NAME opens the entity the name most likely means, with its profile and the others it can mean', async () => {
  const db = await kbDb('lookup.db');
  const r = cli('entities', 'Varga', '--db', db);
  assert.equal(r.code, 0, r.err);
  // Three documents call the minister "Varga", two the striker of that name: she comes first.
  assert.match(r.out, /^PERSON {2}Ines Varga\n {8}3 documents, 5 mentions {2}id PERSON:ines varga\n/);
  assert.match(r.out, /\n {8}names: {6}Varga \(3\), Ines Varga \(1\)\n {8}types: {6}PERSON \(3\)\n {8}seen: {7}2023-05-02 to 2023-05-20\n {8}outlets: {4}Harbour Times \(2\), Valley Post \(1\)\n/);
  assert.match(r.out, /\nalso:\n {2}Varga \(PERSON, 2 documents, called "Varga" in 2\) {2}id PERSON:varga\n {2}Tomas Varga \(PERSON, 1 documents\) {2}id PERSON:tomas varga\n/);
  const json = JSON.parse(cli('entities', 'varga', '--db', db, '--json').out) as EntityInfo & { also: EntityInfo[] };
  assert.equal(json.id, 'PERSON:ines varga');
  assert.deepEqual(json.also.map((e) => e.id), ['PERSON:varga', 'PERSON:tomas varga']);
  // An id opens that entity, with no guessing.
  assert.match(cli('entities', 'PERSON:varga', '--db', db).out, /^PERSON {2}Varga\n(?![^]*also:)/);
  // The list by name prefix ranks by documents.
  const listed = lines<EntityInfo>(cli('entities', '--q', 'varg', '--db', db, '--json').out);
  assert.deepEqual(listed.map((e) => e.id), ['ORG:varga holdings', 'PERSON:ines varga', 'PERSON:varga']);
  // A name that is also a subcommand: `show` reaches it; the bare subcommand wants its arguments.
  const band = cli('entities', 'show', 'merge', '--db', db);
  assert.match(band.out, /^ORG {5}Merge\n/, band.err);
  assert.match(cli('entities', 'show', 'Varga', '--db', db).out, /id PERSON:ines varga/);
  const bare = cli('entities', 'merge', '--db', db);
  assert.equal(bare.code, 1);
  assert.match(bare.err, /missing required argument 'a'/);
  assert.equal(cli('entities', 'Nobody', '--db', db).err, `newsgraph: no entity named Nobody in ${db}\n`);
});

test('corrections print one line, record who and why, and refuse an unknown id in one line', async () => {
  const db = await kbDb('corrections.db');
  const merged = cli('entities', 'merge', 'Lowland Front', 'ORG:red banner', '--db', db, '--who', 'ana', '--note', 'the same group under a new flag');
  assert.equal(merged.code, 0, merged.err);
  assert.equal(merged.out, 'merged "Red Banner" (ORG:red banner) into "Lowland Front" (ORG:lowland front): 5 documents, now named "Red Banner" as most of them call it\n');
  // Options before the subcommand name count too.
  const split = cli('entities', '--db', db, 'split', 'Oren Talbek', 'Talbek', '--who', 'ana', '--json');
  assert.equal(split.code, 0, split.err);
  const s = JSON.parse(split.out) as { decision: DecisionRecord; entity: EntityInfo };
  assert.deepEqual([s.decision.action, s.decision.a, s.decision.b, s.decision.name, s.decision.who], ['split', 'PERSON:oren talbek', 'PERSON:talbek', 'Talbek', 'ana']);
  assert.deepEqual([s.entity.id, s.entity.documents], ['PERSON:talbek', 1]);
  assert.equal(cli('entities', 'rename', 'ORG:lowland front', 'Lowland Liberation Front', '--db', db, '--who', 'ben').out,
    'renamed ORG:lowland front from "Red Banner" to "Lowland Liberation Front"\n');
  const apart = cli('entities', 'not-same', 'PERSON:varga', 'Ines Varga', '--db', db);
  assert.equal(apart.out, '"Varga" (PERSON:varga) and "Ines Varga" (PERSON:ines varga) are different entities\n');

  const trail = lines<DecisionRecord>(cli('entities', 'decisions', '--db', db, '--json').out);
  assert.deepEqual(trail.map((d) => [d.action, d.who]), [['not-same', defaultWho()], ['rename', 'ben'], ['not-same', 'ana'], ['split', 'ana'], ['merge', 'ana']]);
  const human = cli('entities', 'decisions', 'Red Banner', '--db', db);
  assert.equal(human.code, 0, human.err);
  assert.match(human.out, /^\d{4}-\d\d-\d\d \d\d:\d\d {2}ben: renamed ORG:lowland front to "Lowland Liberation Front" \[#\d+\]\n/);
  assert.match(human.out, /\n\d{4}-\d\d-\d\d \d\d:\d\d {2}ana: merged ORG:red banner into ORG:lowland front \[#\d+\]\n {4}note: the same group under a new flag\n$/);
  assert.match(cli('entities', 'Red Banner', '--db', db).out, /^ORG {5}Lowland Liberation Front\n[^]*former ids: ORG:red banner\n/);

  for (const args of [['merge', 'ORG:lowland front', 'ORG:nobody'], ['split', 'ORG:nobody', 'X'], ['rename', 'ORG:nobody', 'X'], ['not-same', 'ORG:nobody', 'Varga'], ['decisions', 'ORG:nobody']]) {
    const r = cli('entities', ...args, '--db', db);
    assert.deepEqual([r.code, r.err, r.out], [1, 'newsgraph: no entity "ORG:nobody"\n', ''], args.join(' '));
  }
  assert.equal(lines(cli('entities', 'decisions', '--db', db, '--json').out).length, 5);

  // Undo by number: the rename goes back, the trail keeps both, and twice is refused.
  const rename = trail.find((d) => d.action === 'rename')!;
  const undone = cli('entities', 'undo', String(rename.seq), '--db', db, '--who', 'ben');
  assert.match(undone.out, new RegExp(`^undid the rename #${rename.seq} \\(ORG:lowland front\\) as decision #\\d+\\n$`));
  assert.match(cli('entities', 'ORG:lowland front', '--db', db).out, /^ORG {5}Red Banner\n/);
  assert.match(cli('entities', 'decisions', 'ORG:lowland front', '--db', db).out, new RegExp(`ben: undid the rename #${rename.seq} \\[#\\d+\\][^]*renamed ORG:lowland front to "Lowland Liberation Front" \\[#${rename.seq}, undone by #\\d+\\]`));
  const again = cli('entities', 'undo', String(rename.seq), '--db', db);
  assert.deepEqual([again.code, again.err], [1, `newsgraph: decision ${rename.seq} was undone already\n`]);
});

// Invented articles, through the real pipeline. The mayor called "Talbek" is linked to the
// commander Oren Talbek, his only namesake; the Red Banner Movement is the Lowland Front under
// another name; the Marsh Brigade and the Salt Guard are two militias.
const ARTICLES: Record<string, string> = {
  'front.txt': 'Mira Dunn| Eastland Courier\nFighters of the Lowland Front shelled Corvel on Monday, killing four people. Oren Talbek, a commander of the Lowland Front, said the town would fall within a week. |\n',
  'banner.txt': 'Jon Pell| Riverside Daily\nMembers of the Red Banner Movement fired on police in Salvo on Thursday, officials said. The Red Banner Movement has not commented. |\n',
  'mayor.txt': 'Kai Storm| Northern Wire\nTalbek, the town mayor, opened a new bridge on Friday. "This bridge joins two towns," Talbek said. |\n',
  'marsh.txt': 'Mira Dunn| Eastland Courier\nThe Marsh Brigade retook two villages near Corvel on Sunday, its leader Hal Greer said. |\n',
  'guard.txt': 'Jon Pell| Riverside Daily\nThe Salt Guard, a militia based in Dunmere, said it would join the peace talks. |\n',
  'road.txt': 'Jon Pell| Riverside Daily\nOren Talbek, a commander of the Lowland Front, said his fighters had taken the road to Corvel. |\n',
};
const ALIAS = 'Kai Storm| Northern Wire\nPolice said the Marsh Brigade, also known as the Salt Guard, had opened a new office in Dunmere. |\n';

test('merge, split, rename and not-same survive reprocess after the kb stage changes; an alias does not undo not-same', async () => {
  for (const [name, text] of Object.entries(ARTICLES)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, 'alias.txt'), ALIAS);
  const db = 'corrected.db';
  assert.equal(cli('ingest', ...Object.keys(ARTICLES), '--db', db).code, 0);
  const id = (name: string) => (JSON.parse(cli('entities', name, '--db', db, '--json').out) as EntityInfo).id;
  const [front, banner, talbek, marsh, guard, greer] = ['Lowland Front', 'Red Banner Movement', 'Oren Talbek', 'Marsh Brigade', 'Salt Guard', 'Hal Greer'].map(id);
  assert.equal(id('Talbek'), talbek, 'the mayor starts out linked to the commander');

  for (const args of [['merge', front!, banner!], ['split', talbek!, 'Talbek'], ['not-same', marsh!, guard!], ['rename', greer!, 'Harold Greer']]) {
    const r = cli('entities', ...args, '--db', db, '--who', 'ana');
    assert.equal(r.code, 0, `${args.join(' ')}: ${r.err}`);
  }
  const mayor = id('Talbek');
  assert.notEqual(mayor, talbek);
  const kbOf = async () => {
    const store = new SqliteStore(join(dir, db));
    const out = new Map<string, string | undefined>();
    for await (const r of store.export()) for (const e of r.entities) out.set(`${r.meta.origin}: ${e.name}`, e.kb);
    await store.close();
    return out;
  };
  const corrected = await kbOf();
  assert.equal(corrected.get('banner.txt: Red Banner Movement'), front);
  assert.equal(corrected.get('mayor.txt: Talbek'), mayor);

  // As if an older build had linked the entities: the kb stage runs again on every record.
  const store = new SqliteStore(join(dir, db));
  const recs: NewsRecord[] = [];
  for await (const r of store.export()) recs.push(r);
  for (const r of recs) await store.replace({ ...r, stages: r.stages.map((s) => (s.name === 'kb' ? { ...s, version: 'older' } : s)) });
  await store.close();
  const re = cli('reprocess', '--db', db, '--json');
  assert.equal(re.code, 0, re.err);
  assert.deepEqual(JSON.parse(re.out).byStage, { kb: recs.length });
  assert.equal(JSON.parse(re.out).refreshed, recs.length);

  assert.deepEqual(await kbOf(), corrected);
  assert.equal(id('Red Banner Movement'), front);
  assert.equal(id('Talbek'), mayor);
  assert.equal((JSON.parse(cli('entities', greer!, '--db', db, '--json').out) as EntityInfo).name, 'Harold Greer');
  assert.notEqual(id('Salt Guard'), id(marsh!));

  // A later article says the two militias are one: the user's word stands.
  assert.equal(cli('ingest', 'alias.txt', '--db', db).code, 0);
  assert.equal((JSON.parse(cli('entities', marsh!, '--db', db, '--json').out) as EntityInfo).id, marsh);
  assert.equal((JSON.parse(cli('entities', guard!, '--db', db, '--json').out) as EntityInfo).id, guard);
  assert.ok(!lines<DecisionRecord>(cli('entities', 'decisions', '--db', db, '--json').out).some((d) => d.who === 'newsgraph'));
  // Without the user's word, the same article merges them.
  assert.equal(cli('ingest', 'marsh.txt', 'guard.txt', 'alias.txt', '--db', 'control.db').code, 0);
  const auto = lines<DecisionRecord>(cli('entities', 'decisions', '--db', 'control.db', '--json').out);
  assert.deepEqual(auto.map((d) => [d.action, d.who]), [['merge', 'newsgraph']]);
  assert.ok(['Marsh Brigade', 'Salt Guard'].includes(auto[0]!.evidence!), auto[0]!.evidence);
});
