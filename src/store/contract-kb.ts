import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { EntityType } from '../core/layers.js';
import type { DocMeta } from '../core/meta.js';
import { lookupKeys, nameForm } from '../kb/names.js';
import type { NewsRecord } from '../output/record.js';
import { record } from './contract.js';
import type { Store } from './store.js';

/**
 * The knowledge-base part of the store contract: lookups, and the corrections a user makes
 * (merge, split, rename, not-same) with their audit trail. Records carry `entities[].kb` set by
 * hand, as the kb stage would set it, so no resolution runs here. Called by storeContract.
 */
export function kbContract(withStore: (fn: (s: Store) => Promise<void>) => () => Promise<void>): void {
  const putAll = async (s: Store) => { for (const r of kbRecords()) await s.put(r); };
  const all = async (s: Store) => { const out: NewsRecord[] = []; for await (const r of s.export()) out.push(r); return out; };
  const kbOf = (r: NewsRecord | undefined) => r?.entities.map((e) => e.kb);
  const who = { who: 'ana', note: 'checked against the group’s statements' };

  test('lookup: a name means the entity most documents call so; the list by prefix ranks by documents', withStore(async (s) => {
    await putAll(s);
    const found = await s.lookup('Varga');
    // Ines Varga is called "Varga" by three documents, the striker by two; Tomas Varga is never
    // called that alone but has the surname, so he comes after, as a similar name.
    assert.deepEqual(found.map((m) => [m.id, m.match, m.called]), [
      ['PERSON:ines varga', 'name', 3], ['PERSON:varga', 'name', 2], ['PERSON:tomas varga', 'similar', 0],
    ]);
    assert.equal((await s.entity('Varga'))?.id, 'PERSON:ines varga');
    assert.equal((await s.entity('varga'))?.id, found[0]!.id);
    assert.deepEqual((await s.lookup('Varga', 1)).map((m) => m.id), ['PERSON:ines varga']);
    assert.deepEqual(await s.lookup('Nobody Atall'), []);
    // The list by name prefix is by documents: Varga Holdings, never called "Varga", is in the most.
    assert.deepEqual((await s.entities({ q: 'varg' })).map((e) => [e.id, e.documents]), [
      ['ORG:varga holdings', 4], ['PERSON:ines varga', 3], ['PERSON:varga', 2],
    ]);
    const e = (await s.entity('PERSON:ines varga'))!;
    assert.deepEqual(e.names, [{ name: 'Varga', documents: 3 }, { name: 'Ines Varga', documents: 1 }]);
    assert.deepEqual(e.types, [{ type: 'PERSON', documents: 3 }]);
    assert.deepEqual([e.firstSeen, e.lastSeen], ['2023-05-02', '2023-05-20']);
    assert.deepEqual(e.outlets, [{ outlet: 'Harbour Times', documents: 2 }, { outlet: 'Valley Post', documents: 1 }]);
    // A document taken out leaves its outlet's count.
    const gone = (await all(s)).find((r) => r.meta.outlet === 'Valley Post' && r.entities.some((x) => x.kb === 'PERSON:ines varga'));
    assert.ok(gone);
    await s.delete(gone.id);
    assert.deepEqual((await s.entity('PERSON:ines varga'))!.outlets, [{ outlet: 'Harbour Times', documents: 2 }]);
  }));

  test('merge: B becomes part of A in every record, count, quote and page; B leads to A', withStore(async (s) => {
    await putAll(s);
    const [A, B] = ['ORG:lowland front', 'ORG:red banner'];
    const a = (await s.entity(A))!, b = (await s.entity(B))!;
    const merged = await s.mergeEntities(A, B, who);
    assert.equal(merged.id, A);
    assert.equal(merged.documents, a.documents + b.documents);
    assert.equal(merged.mentions, a.mentions + b.mentions);
    assert.ok([merged.name, ...merged.aliases].includes('Red Banner') && [merged.name, ...merged.aliases].includes('Lowland Front'));
    // Names and types count every document, those that name B without an entity too.
    const page = (await s.entity(B))!;
    assert.deepEqual(page.names, [{ name: 'Red Banner', documents: 3 }, { name: 'Lowland Front', documents: 2 }]);
    assert.deepEqual(page.types, [{ type: 'ORG', documents: 5 }]);
    // Outlets count the documents of both, each once.
    const byOutlet = new Map<string, number>();
    for (const x of [...a.outlets ?? [], ...b.outlets ?? []]) byOutlet.set(x.outlet, (byOutlet.get(x.outlet) ?? 0) + x.documents);
    assert.equal((page.outlets ?? []).reduce((n, x) => n + x.documents, 0), merged.documents);
    for (const x of page.outlets ?? []) assert.ok(x.documents <= byOutlet.get(x.outlet)!, x.outlet);
    // Every record that named B now carries A's id; the others are as they were.
    for (const r of await all(s)) {
      assert.ok(!kbOf(r)!.includes(B), r.meta.title);
      const before = kbRecords().find((x) => x.id === r.id)!;
      assert.deepEqual(kbOf(r), kbOf(before)!.map((k) => (k === B ? A : k)), r.meta.title);
    }
    // B's id leads to A, in lookups and in every query by entity.
    assert.equal(page.id, A);
    assert.deepEqual(page.formerIds, [B]);
    assert.equal((await s.entity('Red Banner'))?.id, A);
    assert.ok(!(await s.entities()).some((e) => e.id === B));
    assert.equal((await s.search({ entity: A })).total, merged.documents);
    assert.equal((await s.search({ entity: B })).total, merged.documents);
    assert.deepEqual((await s.quotes({ entity: A })).map((q) => [q.speaker, q.speakerName]), [[A, merged.name]]);
    assert.equal((await s.quotes({ entity: B })).length, 1);
    assert.equal((await s.quotes({ speaker: 'Red Banner' })).length, 1);
    assert.deepEqual((await s.events({ entity: A })).map((e) => [e.type, e.actor, e.target]), [['attack', A, 'ORG:marsh guard']]);
    assert.deepEqual((await s.relations({ entity: B })).map((r) => [r.type, r.a.id, r.b.id]), [['fights', A, 'ORG:marsh guard']]);
    assert.deepEqual(await s.mentionsOverTime(B), [
      { period: '2023-06', documents: 3, mentions: 4 }, { period: '2023-07', documents: 2, mentions: 2 },
    ]);
    assert.ok((await s.coOccurring(A)).some((c) => c.id === 'ORG:marsh guard'));
    assert.ok((await s.coOccurring('ORG:marsh guard')).some((c) => c.id === A));
    assert.ok(!(await s.coOccurring('ORG:marsh guard')).some((c) => c.id === B));
    const [d] = await s.decisions(B);
    assert.deepEqual([d!.action, d!.a, d!.b, d!.who, d!.note], ['merge', A, B, 'ana', who.note]);
    // Deleting a document takes it out of the merged entity.
    await s.delete(kbRecords().find((r) => r.meta.title === 'Shelling')!.id);
    assert.equal((await s.entity(A))!.documents, merged.documents - 1);
  }));

  test('merge: unknown ids and one entity twice are refused with a clear message, and nothing changes', withStore(async (s) => {
    await putAll(s);
    const before = { records: await all(s), entities: await s.entities({ limit: 100 }), decisions: await s.decisions() };
    await assert.rejects(s.mergeEntities('ORG:lowland front', 'ORG:nobody', who), /^NewsgraphError: no entity "ORG:nobody"$/);
    await assert.rejects(s.mergeEntities('Nobody Atall', 'ORG:red banner', who), /no entity "Nobody Atall"/);
    await assert.rejects(s.mergeEntities('ORG:red banner', 'Red Banner', who), /already one entity/);
    await assert.rejects(s.mergeEntities('ORG:lowland front', 'ORG:red banner', { who: ' ' }), /who made it/);
    assert.deepEqual(await all(s), before.records);
    assert.deepEqual(await s.entities({ limit: 100 }), before.entities);
    assert.deepEqual(await s.decisions(), before.decisions);
  }));

  test('split: the documents that call A by a name become a new entity, kept apart from A', withStore(async (s) => {
    await putAll(s);
    const A = 'PERSON:oren talbek';
    const mayor = kbRecords().find((r) => r.meta.title === 'New bridge')!;
    const made = await s.splitEntity(A, ['Talbek'], who);
    assert.equal(made.id, 'PERSON:talbek');
    assert.equal(made.name, 'Talbek');
    assert.equal(made.documents, 1);
    assert.deepEqual(kbOf(await s.get(mayor.id)), ['PERSON:talbek']);
    const a = (await s.entity(A))!;
    assert.equal(a.documents, 2);
    // The name left with its documents: it no longer counts for A, in lookups or in resolution.
    assert.deepEqual(a.names, [{ name: 'Oren Talbek', documents: 2 }]);
    assert.equal((await s.entity('Talbek'))?.id, 'PERSON:talbek');
    assert.deepEqual((await s.lookup('Talbek')).map((m) => [m.id, m.match]), [['PERSON:talbek', 'name'], [A, 'similar']]);
    const cands = await s.kbCandidates(['n:talbek', 'p:talbek']);
    assert.deepEqual(cands.find((c) => c.id === A)?.names.map((n) => n.name), ['Oren Talbek']);
    assert.deepEqual(cands.find((c) => c.id === A)?.notSame, ['PERSON:talbek']);
    assert.deepEqual(cands.find((c) => c.id === 'PERSON:talbek')?.notSame, [A]);
    const trail = await s.decisions('PERSON:talbek');
    assert.deepEqual(trail.map((d) => [d.action, d.a, d.b, d.name, d.who]), [
      ['not-same', A, 'PERSON:talbek', undefined, 'ana'], ['split', A, 'PERSON:talbek', 'Talbek', 'ana'],
    ]);
    // A name no document calls it, or an unknown entity, is refused.
    const before = await all(s);
    await assert.rejects(s.splitEntity(A, ['O. T.'], who), /no document calls "PERSON:oren talbek" "O. T."/);
    await assert.rejects(s.splitEntity('PERSON:nobody', ['Talbek'], who), /no entity "PERSON:nobody"/);
    assert.deepEqual(await all(s), before);
  }));

  test('rename: a user’s name stays through new documents and replaced ones', withStore(async (s) => {
    await putAll(s);
    const renamed = await s.renameEntity('PERSON:ines varga', 'Ines M. Varga', who);
    assert.deepEqual([renamed.id, renamed.name], ['PERSON:ines varga', 'Ines M. Varga']);
    assert.equal((await s.entity('Ines M. Varga'))?.id, 'PERSON:ines varga');
    // Resolution finds the entity by the chosen name, though no document uses it yet.
    await s.renameEntity('ORG:lowland front', 'Lowland Liberation Front', who);
    assert.deepEqual((await s.kbCandidates(lookupKeys(nameForm('Lowland Liberation Front', 'ORG')))).map((c) => [c.id, c.name]), [['ORG:lowland front', 'Lowland Liberation Front']]);
    // More documents call her "Ines Varga" now; automatic naming leaves the user's name alone.
    for (const day of ['2023-08-01', '2023-08-02', '2023-08-03', '2023-08-04']) {
      await s.put(kbDoc(`Ines Varga opened the ferry terminal on ${day}.`, { published: day },
        [{ id: 'e1', kb: 'PERSON:ines varga', type: 'PERSON', name: 'Ines Varga' }]));
    }
    const e = (await s.entity('PERSON:ines varga'))!;
    assert.equal(e.name, 'Ines M. Varga');
    assert.equal(e.documents, 7);
    // An entity of one document keeps its name when that document is replaced (as reprocess does).
    await s.renameEntity('ORG:marsh guard', 'Marsh Guard militia', who);
    const raid = kbRecords().find((r) => r.meta.title === 'Raid near Corvel')!;
    await s.replace({ ...raid, stages: [{ name: 'kb', version: 'newer', ms: 1 }] });
    assert.equal((await s.entity('ORG:marsh guard'))?.name, 'Marsh Guard militia');
    assert.deepEqual((await s.decisions('ORG:marsh guard')).map((d) => [d.action, d.name]), [['rename', 'Marsh Guard militia']]);
    await assert.rejects(s.renameEntity('PERSON:ines varga', '  ', who), /empty/);
    await assert.rejects(s.renameEntity('PERSON:nobody', 'Somebody', who), /no entity "PERSON:nobody"/);
  }));

  test('not-same: recorded both ways, kept through merges, refused for one entity', withStore(async (s) => {
    await putAll(s);
    await s.notSame('PERSON:ines varga', 'PERSON:varga', who);
    const cands = await s.kbCandidates(['n:varga']);
    assert.deepEqual(cands.find((c) => c.id === 'PERSON:ines varga')?.notSame, ['PERSON:varga']);
    assert.deepEqual(cands.find((c) => c.id === 'PERSON:varga')?.notSame, ['PERSON:ines varga']);
    // What a user said of an entity holds for the one it is merged into.
    await s.mergeEntities('PERSON:tomas varga', 'PERSON:varga', who);
    assert.deepEqual((await s.kbCandidates(['n:tomas varga']))[0]?.notSame, ['PERSON:ines varga']);
    await assert.rejects(s.notSame('PERSON:ines varga', 'Ines Varga', who), /one entity/);
    await assert.rejects(s.notSame('PERSON:ines varga', 'PERSON:nobody', who), /no entity "PERSON:nobody"/);
  }));

  test('undo: a merge, split, rename or not-same is taken back, the trail keeps both, twice is refused', withStore(async (s) => {
    await putAll(s);
    const [A, B] = ['ORG:lowland front', 'ORG:red banner'];
    const before = { records: await all(s), a: (await s.entity(A))!, b: (await s.entity(B))! };
    await s.mergeEntities(A, B, who);
    const [merge] = await s.decisions(A);
    assert.equal(merge!.undoable, true);
    const undo = await s.undoDecision(merge!.seq, { who: 'ben', note: 'two groups after all' });
    assert.deepEqual([undo.action, undo.a, undo.b, undo.name, undo.undoes, undo.who, undo.note], ['undo', A, B, 'merge', merge!.seq, 'ben', 'two groups after all']);
    // Every record links its entities as before the merge; B is itself again, with its own counts.
    assert.deepEqual((await all(s)).map(kbOf), before.records.map(kbOf));
    const b = (await s.entity(B))!;
    assert.deepEqual([b.id, b.documents, b.mentions, b.formerIds ?? []], [B, before.b.documents, before.b.mentions, []]);
    assert.deepEqual([(await s.entity(A))!.documents], [before.a.documents]);
    assert.equal((await s.search({ entity: B })).total, before.b.documents);
    const trail = await s.decisions(A);
    assert.deepEqual(trail.map((d) => [d.action, d.undone ?? null, d.undoable ?? false]), [['undo', null, false], ['merge', undo.seq, false]]);
    await assert.rejects(s.undoDecision(merge!.seq, who), /undone already/);
    await assert.rejects(s.undoDecision(undo.seq, who), /cannot be undone/);
    await assert.rejects(s.undoDecision(99999, who), /no decision 99999/);

    // A merge that a later merge built on waits for that one to be undone.
    await s.mergeEntities(A, B, who);
    await s.mergeEntities('ORG:marsh guard', A, who);
    const [first] = (await s.decisions()).filter((d) => d.action === 'merge' && d.b === B && d.undoable);
    await assert.rejects(s.undoDecision(first!.seq, who), /undo the later corrections first/);
    const [second] = (await s.decisions()).filter((d) => d.action === 'merge' && d.b === A && d.undoable);
    await s.undoDecision(second!.seq, who);
    await s.undoDecision(first!.seq, who);
    assert.deepEqual((await all(s)).map(kbOf), before.records.map(kbOf));

    // Rename: the name comes back. Split: the names return to the entity. Not-same: no longer kept apart.
    await s.renameEntity(A, 'Lowland Liberation Front', who);
    await s.undoDecision((await s.decisions(A))[0]!.seq, who);
    assert.equal((await s.entity(A))!.name, before.a.name);
    const split = await s.splitEntity('PERSON:oren talbek', ['Talbek'], who);
    const splitDecision = (await s.decisions(split.id)).find((d) => d.action === 'split')!;
    await s.undoDecision(splitDecision.seq, who);
    assert.equal((await s.entity('PERSON:oren talbek'))!.documents, kbRecords().filter((r) => r.entities.some((e) => e.kb === 'PERSON:oren talbek')).length);
    assert.ok((await s.decisions(split.id)).filter((d) => d.action === 'not-same').every((d) => d.undone), 'the pair the split kept apart goes with it');
    await s.notSame('PERSON:ines varga', 'PERSON:varga', who);
    const apart = (await s.decisions('PERSON:varga'))[0]!;
    assert.ok((await s.kbCandidates(['n:varga'])).find((c) => c.id === 'PERSON:varga')!.notSame.includes('PERSON:ines varga'));
    await s.undoDecision(apart.seq, who);
    assert.deepEqual((await s.kbCandidates(['n:varga'])).find((c) => c.id === 'PERSON:varga')!.notSame, []);
  }));

  test('decisions: the audit trail, newest first, by entity, with the evidence of automatic merges', withStore(async (s) => {
    await putAll(s);
    assert.deepEqual(await s.decisions(), []);
    const t0 = Date.now();
    await s.renameEntity('ORG:lowland front', 'Lowland Liberation Front', who);
    const doc = kbRecords().find((r) => r.meta.title === 'Hostages')!;
    await s.mergeEntities('ORG:lowland front', 'ORG:red banner', {
      who: 'newsgraph', note: 'one entity of this document goes by names of both', doc: doc.id, start: 12, end: 22, evidence: 'Red Banner',
    });
    await s.notSame('PERSON:ines varga', 'PERSON:varga', { who: 'ben' });
    const trail = await s.decisions();
    assert.deepEqual(trail.map((d) => d.action), ['not-same', 'merge', 'rename']);
    assert.ok(trail[0]!.seq > trail[1]!.seq && trail[1]!.seq > trail[2]!.seq);
    assert.deepEqual(trail[0], { seq: trail[0]!.seq, action: 'not-same', a: 'PERSON:ines varga', b: 'PERSON:varga', who: 'ben', at: trail[0]!.at, undoable: true });
    assert.deepEqual(trail[1], {
      seq: trail[1]!.seq, action: 'merge', a: 'ORG:lowland front', b: 'ORG:red banner', who: 'newsgraph', at: trail[1]!.at, undoable: true,
      note: 'one entity of this document goes by names of both', doc: doc.id, start: 12, end: 22, evidence: 'Red Banner',
    });
    assert.equal(trail[2]!.name, 'Lowland Liberation Front');
    for (const d of trail) assert.ok(Date.parse(d.at) >= t0 - 1000 && /^\d{4}-\d\d-\d\dT/.test(d.at), d.at);
    assert.deepEqual((await s.decisions('Lowland Liberation Front')).map((d) => d.action), ['merge', 'rename']);
    // A merged-away id still finds its history.
    assert.deepEqual((await s.decisions('ORG:red banner')).map((d) => d.action), ['merge', 'rename']);
    assert.deepEqual((await s.decisions('PERSON:varga')).map((d) => d.who), ['ben']);
  }));
}

interface KbEntity {
  readonly id: string;
  readonly kb: string;
  readonly type: EntityType;
  readonly name: string;
  readonly aliases?: readonly string[];
}

/** A record whose entities are linked to knowledge-base ids; a name mention at each name and alias. */
export function kbDoc(text: string, meta: DocMeta, ents: readonly KbEntity[], layers: Partial<NewsRecord> = {}): NewsRecord {
  const mentions = ents.flatMap((e) => [...new Set([e.name, ...(e.aliases ?? [])])].flatMap((n) => {
    const out = [];
    for (let i = text.indexOf(n); i >= 0; i = text.indexOf(n, i + n.length)) out.push({ start: i, end: i + n.length, text: n, type: e.type, entity: e.id, kind: 'name' as const });
    return out;
  })).sort((a, b) => a.start - b.start);
  const entities = ents.map((e) => ({ id: e.id, type: e.type, name: e.name, aliases: [...(e.aliases ?? [])], kb: e.kb }));
  return record(text, meta, { entities, mentions, ...layers });
}

const span = (text: string, phrase: string) => {
  const start = text.indexOf(phrase);
  if (start < 0) throw new Error(`fixture phrase not found: ${phrase}`);
  return { start, end: start + phrase.length };
};

/**
 * Invented articles for the knowledge base: three people called Varga (a minister most often
 * called just "Varga", a striker named only that, a baker never called so alone) and a company
 * of that name, two armed
 * groups (the Red Banner quoted, attacking, fighting; a bare mention of it elsewhere), and a
 * mayor called "Talbek" wrongly linked to the commander Oren Talbek.
 */
export function kbRecords(): NewsRecord[] {
  const ines = (name: string, aliases: string[] = []): KbEntity => ({ id: 'e1', kb: 'PERSON:ines varga', type: 'PERSON', name, aliases });
  const striker: KbEntity = { id: 'e1', kb: 'PERSON:varga', type: 'PERSON', name: 'Varga' };
  const holdings: KbEntity = { id: 'e1', kb: 'ORG:varga holdings', type: 'ORG', name: 'Varga Holdings' };
  const front: KbEntity = { id: 'e1', kb: 'ORG:lowland front', type: 'ORG', name: 'Lowland Front' };
  const banner = (id: string): KbEntity => ({ id, kb: 'ORG:red banner', type: 'ORG', name: 'Red Banner' });
  const corvel = (id: string): KbEntity => ({ id, kb: 'GPE:corvel', type: 'GPE', name: 'Corvel' });
  const talbek = (name: string): KbEntity => ({ id: 'e1', kb: 'PERSON:oren talbek', type: 'PERSON', name });
  const raid = 'Fighters of the Red Banner attacked the Marsh Guard near Corvel. “We will return,” the Red Banner said.';
  const attack = span(raid, 'Fighters of the Red Banner attacked the Marsh Guard');
  return [
    kbDoc('Port minister Ines Varga visited Dalmora on Monday. Varga promised new cranes.', { title: 'Cranes', outlet: 'Harbour Times', published: '2023-05-02' }, [ines('Ines Varga', ['Varga'])]),
    kbDoc('Varga signed the harbour decree on Tuesday.', { title: 'Decree', outlet: 'Valley Post', published: '2023-05-09' }, [ines('Varga')]),
    kbDoc('Critics said Varga had ignored the fishermen.', { title: 'Critics', outlet: 'Harbour Times', published: '2023-05-20' }, [ines('Varga')]),
    kbDoc('The striker Varga scored twice for Kessel.', { title: 'Two goals', outlet: 'Sports Desk', published: '2023-05-21' }, [striker]),
    kbDoc('Varga was injured in training.', { title: 'Injury', outlet: 'Sports Desk', published: '2023-05-28' }, [striker]),
    kbDoc('Tomas Varga baked bread for the festival.', { title: 'Bread', outlet: 'Valley Post', published: '2023-05-30' },
      [{ id: 'e1', kb: 'PERSON:tomas varga', type: 'PERSON', name: 'Tomas Varga' }]),
    ...['May 3', 'May 10', 'May 17', 'May 24'].map((day) =>
      kbDoc(`Varga Holdings bought a ferry on ${day}.`, { title: `Ferry ${day}`, outlet: 'Coast Wire', published: '2023-05-30' }, [holdings])),
    kbDoc('The Lowland Front shelled Corvel on Sunday.', { title: 'Shelling', outlet: 'Harbour Times', published: '2023-06-01' }, [front, corvel('e2')]),
    kbDoc(raid, { title: 'Raid near Corvel', outlet: 'Valley Post', published: '2023-06-03' },
      [banner('e1'), { id: 'e2', kb: 'ORG:marsh guard', type: 'ORG', name: 'Marsh Guard' }, corvel('e3')], {
        quotes: [{ id: 'q1', ...span(raid, '“We will return,”'), kind: 'direct', speaker: 'e1', speakerText: 'the Red Banner' }],
        events: [{ ...attack, type: 'attack', actor: 'e1', target: 'e2' }],
        relations: [{ ...attack, type: 'fights', a: 'e1', b: 'e2' }],
      }),
    kbDoc('The Red Banner freed two hostages.', { title: 'Hostages', outlet: 'Coast Wire', published: '2023-07-10' }, [banner('e1')]),
    // A name the document's resolution left without an entity: stored under its own key.
    record('Posters of the Red Banner appeared in Salvo.', { title: 'Posters', outlet: 'Coast Wire', published: '2023-07-12' }, {
      mentions: [{ ...span('Posters of the Red Banner appeared in Salvo.', 'Red Banner'), text: 'Red Banner', type: 'ORG', kind: 'name' }],
    }),
    kbDoc('Oren Talbek, a commander of the Lowland Front, said the town would fall.', { title: 'Commander', outlet: 'Harbour Times', published: '2023-06-02' },
      [talbek('Oren Talbek'), { ...front, id: 'e2' }]),
    kbDoc('Oren Talbek was seen near Corvel.', { title: 'Sighting', outlet: 'Coast Wire', published: '2023-06-05' }, [talbek('Oren Talbek'), corvel('e2')]),
    kbDoc('Talbek, the town mayor, opened a new bridge.', { title: 'New bridge', outlet: 'Valley Post', published: '2023-06-06' }, [talbek('Talbek')]),
  ];
}
