import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { contentHash } from '../core/hash.js';
import type { DocMeta } from '../core/meta.js';
import { SCHEMA_ID, type NewsRecord } from '../output/record.js';
import { claimsContract } from './contract-claims.js';
import { kbContract } from './contract-kb.js';
import { copiesContract } from './contract-copies.js';
import type { Store } from './store.js';

/**
 * The behaviour every Store implementation must show. Run it from the implementation's own
 * test file: `storeContract('sqlite', () => new SqliteStore(tmpPath()))`. Each test gets a
 * fresh, empty store from makeStore and closes it.
 */
export function storeContract(name: string, makeStore: () => Store | Promise<Store>): void {
  const withStore = (fn: (s: Store) => Promise<void>) => async () => {
    const s = await makeStore();
    try {
      await fn(s);
    } finally {
      await s.close();
    }
  };

  describe(`Store contract: ${name}`, () => {
    test('put stores a record once; the same content again is "present"', withStore(async (s) => {
      const a = sampleRecords()[0]!;
      assert.deepEqual(await s.put(a), { status: 'added', id: a.id });
      assert.deepEqual(await s.put(a), { status: 'present', id: a.id });
      // Same text under another id is still the same article.
      assert.deepEqual(await s.put({ ...a, id: 'other-id' }), { status: 'present', id: a.id });
      assert.equal(await s.count(), 1);
      assert.equal(await s.has(a.hash), true);
      assert.equal(await s.has('0000000000000000'), false);
    }));

    test('get returns exactly the record that was put, by id or by hash', withStore(async (s) => {
      const [a, b] = sampleRecords();
      const custom = { ...b!, id: 'wire-42' };
      await s.put(a!);
      await s.put(custom);
      assert.deepEqual(await s.get(a!.id), a);
      assert.deepEqual(await s.get('wire-42'), custom);
      assert.deepEqual(await s.get(custom.hash), custom);
      assert.equal(await s.get('nope'), undefined);
    }));

    test('an id reused for different text is refused and stores nothing', withStore(async (s) => {
      const [a, b] = sampleRecords();
      await s.put(a!);
      await assert.rejects(s.put({ ...b!, id: a!.id }), /already stored/);
      assert.equal(await s.count(), 1);
    }));

    test('a record that fails half-way leaves nothing behind', withStore(async (s) => {
      const [a] = sampleRecords();
      const broken = { ...a!, quotes: [{ ...a!.quotes[0]!, start: null as unknown as number }] };
      await assert.rejects(s.put(broken));
      assert.equal(await s.count(), 0);
      assert.equal((await s.search({ q: 'convoy' })).total, 0);
      assert.deepEqual(await s.entities(), []);
      assert.deepEqual(await s.put(a!), { status: 'added', id: a!.id });
    }));

    test('a record with every layer empty is stored and found', withStore(async (s) => {
      const r = record('Plain words about a harbour strike.', { title: 'Strike' }, {});
      await s.put(r);
      assert.deepEqual(await s.get(r.id), r);
      assert.equal((await s.search({ q: 'harbour' })).hits[0]?.id, r.id);
    }));

    test('search ranks hits, stems words, ignores accents, and gives snippets with marks', withStore(async (s) => {
      for (const r of sampleRecords()) await s.put(r);
      const res = await s.search({ q: 'convoys' });
      assert.equal(res.total, 2);
      // The article with the word in its title ranks first.
      assert.equal(res.hits[0]!.title, 'Convoy attacked near Dalmora');
      assert.match(res.hits[0]!.snippet, /«convoy»/i);
      assert.ok(res.hits[0]!.score >= res.hits[1]!.score);
      assert.equal(res.hits[0]!.meta.outlet, 'Harbour Times');
      assert.equal((await s.search({ q: 'Mérida' })).total, 1);
      assert.equal((await s.search({ q: 'merida' })).total, 1);
      assert.match((await s.search({ q: 'ceasefire', mark: ['<b>', '</b>'] })).hits[0]!.snippet, /<b>ceasefire<\/b>/i);
    }));

    test('every hit of a query gets a snippet cut from its own text, around its own matches', withStore(async (s) => {
      const docs = snippetDocs();
      for (const r of docs) await s.put(r);
      const byId = new Map(docs.map((r) => [r.id, r]));
      let checked = 0;
      for (const q of ['harbour', 'ferry', 'storm', 'council', 'harbour ferry', '"night ferry"', 'storm OR council', 'calm*']) {
        for (const limit of [3, 20]) {
          const res = await s.search({ q, limit });
          assert.ok(res.hits.length >= 2, `${q}: several hits`);
          for (const hit of res.hits) {
            const text = byId.get(hit.id)!.text.replace(/\s+/g, ' ');
            const words = [...hit.snippet.matchAll(/«([^»]+)»/g)].map((m) => m[1]!.toLowerCase());
            assert.ok(words.length, `${q}: ${hit.id} snippet marks a match`);
            for (const part of hit.snippet.replace(/[«»]/g, '').split('…').map((x) => x.trim()).filter(Boolean)) {
              assert.ok(text.includes(part), `${q}: snippet of ${hit.id} is from its own text: "${part}"`);
            }
            // The document's own marker word sits next to its matches in these texts.
            assert.match(hit.snippet, new RegExp(`\\b${byId.get(hit.id)!.meta.title}\\b`), `${q}: ${hit.id}`);
            checked++;
          }
        }
      }
      assert.ok(checked > 40);
    }));

    test('search syntax: phrases, OR, exclusion, prefixes, and punctuation that never errors', withStore(async (s) => {
      for (const r of sampleRecords()) await s.put(r);
      assert.equal((await s.search({ q: '"aid convoy"' })).total, 1);
      assert.equal((await s.search({ q: 'ceasefire OR harvest' })).total, 2);
      assert.equal((await s.search({ q: 'convoy -ceasefire' })).total, 1);
      assert.equal((await s.search({ q: 'dalm*' })).total, 2);
      for (const q of ['al-Qaeda', '"unbalanced', 'U.S.', 'a AND OR NOT', '***', '(', 'NEAR(']) {
        const r = await s.search({ q });
        assert.ok(r.total >= 0, q);
      }
      assert.equal((await s.search({ q: '!!!' })).total, 0);
    }));

    test('search pages with limit and offset and counts the total', withStore(async (s) => {
      for (const r of sampleRecords()) await s.put(r);
      const all = await s.search({ q: 'Dalmora' });
      const first = await s.search({ q: 'Dalmora', limit: 1 });
      const second = await s.search({ q: 'Dalmora', limit: 1, offset: 1 });
      assert.equal(all.total, 2);
      assert.equal(first.total, 2);
      assert.deepEqual([first.hits[0]!.id, second.hits[0]!.id], all.hits.map((h) => h.id));
    }));

    test('search filters and facets: outlet, dates, entity, type, place', withStore(async (s) => {
      for (const r of sampleRecords()) await s.put(r);
      assert.equal((await s.search({ outlet: 'harbour times' })).total, 2);
      assert.equal((await s.search({ from: '2023-03-03' })).total, 2);
      assert.equal((await s.search({ to: '2023-03' })).total, 2);
      assert.equal((await s.search({ from: '2023-03-03', to: '2023-03-31' })).total, 1);
      assert.equal((await s.search({ entity: 'PERSON:amara okafor' })).total, 2);
      assert.equal((await s.search({ entity: ['PERSON:amara okafor', 'ORG:northern relief agency'] })).total, 1);
      assert.equal((await s.search({ type: 'ORG' })).total, 1);
      assert.equal((await s.search({ type: 'GPE' })).total, 2);
      assert.equal((await s.search({ place: 'dalmora' })).total, 2);
      assert.equal((await s.search({ q: 'harvest', outlet: 'Harbour Times' })).total, 0);
      const browse = await s.search({ facets: true });
      assert.equal(browse.total, 3);
      // Without a query, newest first.
      assert.equal(browse.hits[0]!.meta.published, '2023-04-10');
      const f = browse.facets!;
      assert.deepEqual(f.outlet[0], { value: 'Harbour Times', count: 2 });
      assert.deepEqual(f.entity.slice(0, 2), [
        { value: 'GPE:dalmora', label: 'Dalmora', count: 2 },
        { value: 'PERSON:amara okafor', label: 'Amara Okafor', count: 2 },
      ]);
      assert.ok(f.type.some((t) => t.value === 'ORG' && t.count === 1));
      assert.deepEqual(f.place[0], { value: 'Dalmora', count: 2 });
      assert.deepEqual(f.month, [{ value: '2023-03', count: 2 }, { value: '2023-04', count: 1 }]);
    }));

    test('entities: by id, name or alias, listed, over time, and what co-occurs', withStore(async (s) => {
      for (const r of sampleRecords()) await s.put(r);
      const e = await s.entity('PERSON:amara okafor');
      assert.ok(e);
      assert.equal(e.name, 'Amara Okafor');
      assert.equal(e.documents, 2);
      assert.equal(e.mentions, 3);
      assert.ok(e.aliases.includes('Okafor'));
      assert.equal(e.description, 'the agency’s field director');
      assert.equal((await s.entity('amara okafor'))?.id, e.id);
      assert.equal((await s.entity('OKAFOR'))?.id, e.id);
      assert.equal((await s.entity('NRA'))?.id, 'ORG:northern relief agency');
      assert.equal((await s.entity('PERSON:Amara Okafor'))?.id, e.id);
      assert.equal(await s.entity('Nobody Atall'), undefined);
      assert.deepEqual((await s.entities({ q: 'amar' })).map((x) => x.id), ['PERSON:amara okafor']);
      assert.ok((await s.entities({ type: 'ORG' })).every((x) => x.type === 'ORG'));
      assert.deepEqual(await s.mentionsOverTime(e.id), [
        { period: '2023-03', documents: 1, mentions: 2 },
        { period: '2023-04', documents: 1, mentions: 1 },
      ]);
      assert.equal((await s.mentionsOverTime(e.id, 'year'))[0]?.period, '2023');
      const co = await s.coOccurring(e.id);
      assert.ok(co.some((c) => c.id === 'ORG:northern relief agency' && c.documents === 1));
      assert.ok(!co.some((c) => c.id === e.id));
    }));

    test('quotes by speaker name, last name, or unresolved speaker text, with outlet and date', withStore(async (s) => {
      for (const r of sampleRecords()) await s.put(r);
      const q = await s.quotes({ speaker: 'Amara Okafor' });
      assert.equal(q.length, 2);
      assert.equal(q[0]!.published, '2023-04-10');
      assert.equal(q[1]!.outlet, 'Harbour Times');
      assert.equal(q[1]!.speaker, 'PERSON:amara okafor');
      assert.equal(q[1]!.speakerName, 'Amara Okafor');
      assert.match(q[1]!.text, /^“We will not send another convoy/);
      assert.equal((await s.quotes({ speaker: 'okafor' })).length, 2);
      assert.equal((await s.quotes({ entity: 'PERSON:amara okafor' })).length, 2);
      const unresolved = await s.quotes({ speaker: 'port officials' });
      assert.equal(unresolved.length, 1);
      assert.equal(unresolved[0]!.kind, 'indirect');
      assert.equal((await s.quotes()).length, 3);
      const about = await s.quotes({ about: 'GPE:dalmora' });
      assert.deepEqual(about.map((x) => x.speakerName), ['Amara Okafor']);
      // A speaker's own words are quotes by, not about, them.
      assert.deepEqual(await s.quotes({ about: 'PERSON:amara okafor' }), []);
      // Bounded to the entity's newest documents.
      assert.deepEqual(await s.quotes({ about: 'GPE:dalmora', recent: 5 }), about);
      assert.deepEqual(await s.quotes({ about: 'GPE:dalmora', recent: 0 }), []);
      assert.equal((await s.quotes({ limit: 1 })).length, 1);
      // By the quoting document's outlet and date.
      assert.equal((await s.quotes({ outlet: 'harbour times' })).length, 2);
      assert.deepEqual(await s.quotes({ outlet: 'Nowhere Gazette' }), []);
      assert.deepEqual((await s.quotes({ from: '2023-03-10', to: '2023-03' })).map((q) => q.title), ['Ceasefire holds in port city']);
    }));

    test('places, events and relations across documents', withStore(async (s) => {
      for (const r of sampleRecords()) await s.put(r);
      const places = await s.places();
      assert.deepEqual(places[0], { name: 'Dalmora', lat: 41.5, lon: 19.25, country: 'XK', geonameId: 999001, documents: 2, mentions: 2 });
      assert.equal((await s.places({ q: 'dal' })).length, 1);
      assert.equal((await s.places({ entity: 'PERSON:amara okafor' }))[0]?.documents, 1);
      assert.deepEqual(await s.places({ entity: 'PERSON:nobody' }), []);
      assert.equal((await s.places({ entity: 'GPE:dalmora' }))[0]?.documents, 2);
      assert.equal((await s.places({ entity: 'GPE:dalmora', recent: 1 }))[0]?.documents, 1);
      // By the documents' dates: published 2023-03-02 and 2023-03-15.
      assert.equal((await s.places({ from: '2023-03-10' }))[0]?.documents, 1);
      assert.equal((await s.places({ to: '2023-03-02' }))[0]?.documents, 1);
      assert.equal((await s.places({ from: '2023-03', to: '2023-03' }))[0]?.documents, 2);
      assert.deepEqual(await s.places({ from: '2023-04-01' }), []);
      // A toponym inside a longer name stays in its record, off the place index.
      const t = 'The Vessora Maritime Board met in Kessel.';
      await s.put(record(t, { title: 'Board meets' }, {
        places: [
          { id: 'p1', ...at(t, 'Vessora'), text: 'Vessora', name: 'Vessora', lat: 10, lon: 10, embedded: true },
          { id: 'p2', ...at(t, 'Kessel'), text: 'Kessel', name: 'Kessel', lat: 12, lon: 12 },
        ],
      }));
      assert.deepEqual((await s.places({ q: 'vessora' })), []);
      assert.equal((await s.places({ q: 'kessel' })).length, 1);
      const events = await s.events();
      assert.deepEqual(events.map((e) => e.date), ['2023-03-01', '2023-03-14']);
      assert.equal(events[0]!.actor, 'ORG:river brigade');
      assert.equal(events[0]!.text.slice(0, 6), 'Gunmen');
      assert.equal((await s.events({ from: '2023-03-02' })).length, 1);
      assert.equal((await s.events({ entity: 'ORG:river brigade' })).length, 1);
      const rel = await s.relations({ entity: 'ORG:river brigade' });
      assert.equal(rel.length, 1);
      assert.equal(rel[0]!.type, 'fights');
      assert.deepEqual(rel[0]!.b, { id: 'ORG:northern relief agency', name: 'Northern Relief Agency' });
      assert.equal(rel[0]!.evidence[0]!.outlet, 'Harbour Times');
    }));

    test('a generic participant ("three porters") stays in its record, never a stored entity or an event key', withStore(async (s) => {
      const t = 'Three porters were killed near Kessel on May 2, the Valley Post said.';
      const rec = record(t, { title: 'Porters killed', outlet: 'Valley Post', published: '2023-05-03' }, {
        entities: [
          { id: 'e1', type: 'GPE', name: 'Kessel', aliases: [] },
          { id: 'g1', type: 'PERSON', name: 'Three porters', aliases: [], generic: true },
        ],
        mentions: [
          { ...at(t, 'Three porters'), text: 'Three porters', type: 'PERSON', entity: 'g1', kind: 'nominal' },
          { ...at(t, 'Kessel'), text: 'Kessel', type: 'GPE', entity: 'e1', kind: 'name' },
        ],
        events: [{ ...at(t, 'Three porters were killed near Kessel'), type: 'killing', target: 'g1', place: 'e1', time: '2023-05-02' }],
      });
      await s.put(rec);
      assert.deepEqual(await s.get(rec.id), rec);
      assert.deepEqual((await s.entities()).map((e) => e.id), ['GPE:kessel']);
      assert.equal(await s.entity('PERSON:three porters'), undefined);
      const [ev] = await s.events();
      assert.equal(ev!.target, undefined);
      assert.equal(ev!.type, 'killing');
      assert.equal((await s.entity('GPE:kessel'))!.mentions, 1);
    }));

    test('export gives every record back in the order stored; delete removes one', withStore(async (s) => {
      const recs = sampleRecords();
      for (const r of recs) await s.put(r);
      const out: NewsRecord[] = [];
      for await (const r of s.export()) out.push(r);
      assert.deepEqual(out, recs);
      assert.equal(await s.delete(recs[0]!.id), true);
      assert.equal(await s.delete(recs[0]!.id), false);
      assert.equal(await s.count(), 2);
      assert.equal((await s.search({ q: '"aid convoy"' })).total, 0);
      assert.equal((await s.entity('PERSON:amara okafor'))?.documents, 1);
      assert.equal(await s.entity('ORG:river brigade'), undefined);
      assert.equal((await s.quotes({ speaker: 'Okafor' })).length, 1);
      // Stored again after deletion: added anew.
      assert.equal((await s.put(recs[0]!)).status, 'added');
    }));

    test('replace swaps a record in place: its layers, counts and stage stamps follow, its order stays', withStore(async (s) => {
      const recs = sampleRecords();
      for (const r of recs) await s.put(r);
      const first = recs[0]!;
      assert.deepEqual(await s.stampOf(first.id), { id: first.id, hash: first.hash, stages: [{ name: 'tokens', version: '1' }] });
      // The new build no longer finds the River Brigade and names Okafor once more.
      const revised: NewsRecord = {
        ...first,
        entities: first.entities.filter((e) => e.id !== 'e1'),
        mentions: first.mentions.filter((m) => m.entity !== 'e1'),
        events: [], relations: [],
        stages: [{ name: 'tokens', version: '2', ms: 0.4 }],
      };
      assert.ok((await s.search({ facets: true })).facets!.entity.some((e) => e.value === 'ORG:river brigade'));
      await s.replace(revised);
      assert.deepEqual(await s.get(first.id), revised);
      assert.equal(await s.count(), 3);
      assert.equal(await s.entity('ORG:river brigade'), undefined);
      // Facets and co-occurrence follow the replacement.
      assert.ok(!(await s.search({ facets: true })).facets!.entity.some((e) => e.value === 'ORG:river brigade'));
      assert.ok(!(await s.coOccurring('PERSON:amara okafor', 50)).some((c) => c.id === 'ORG:river brigade'));
      assert.equal((await s.entity('PERSON:amara okafor'))?.documents, 2);
      assert.equal((await s.events()).length, 1);
      const stamps = [];
      for await (const st of s.stamps()) stamps.push(st);
      assert.deepEqual(stamps.map((x) => x.id), recs.map((r) => r.id));
      assert.deepEqual(stamps[0]!.stages, [{ name: 'tokens', version: '2' }]);
      assert.deepEqual(stamps[1]!.stages, []);
      const out: NewsRecord[] = [];
      for await (const r of s.export()) out.push(r);
      assert.deepEqual(out.map((r) => r.id), recs.map((r) => r.id));
      assert.equal(await s.stampOf('nope'), undefined);
      await assert.rejects(s.replace({ ...revised, id: 'nope' }), /no stored document/);
      await assert.rejects(s.replace({ ...recs[1]!, id: first.id }), /other text/);
      assert.deepEqual(await s.get(first.id), revised);
    }));

    test('settling a story moves the documents its chooser sends elsewhere; records, counts and the settled size follow', withStore(async (s) => {
      const [r1, r2, r3] = sampleRecords();
      await s.put({ ...r1!, story: 'story:one' });
      await s.put({ ...r2!, story: 'story:one' });
      await s.put({ ...r3!, story: 'story:three' });
      // A story of two documents has never settled; one of a single document waits for a second.
      assert.deepEqual(await s.unsettledStories(), ['story:one']);
      const seen: string[] = [];
      // Settling at two documents weighs the first: r2 joined a story of one, and is weighed when
      // the story has doubled since. r1 belongs with r3 now.
      const moved = await s.settleStory('story:one', (f, pool) => {
        seen.push(pool.newId);
        assert.ok(f.terms.size > 0);
        return 'story:three';
      }, 10);
      assert.equal(moved, 1);
      assert.equal(seen.length, 1);
      assert.equal((await s.get(r1!.id))!.story, 'story:three');
      assert.equal((await s.get(r2!.id))!.story, 'story:one');
      assert.deepEqual((await s.stories()).map((x) => [x.id, x.documents]), [['story:three', 2], ['story:one', 1]]);
      assert.deepEqual(await s.unsettledStories(), ['story:three'], 'a story that grew to two documents');
      // Undefined sends a document to a story of its own, under the id its pool offers; the
      // first documents by arrival are weighed: r1 came before r3.
      assert.equal(await s.settleStory('story:three', () => undefined, 10), 1);
      assert.equal((await s.get(r1!.id))!.story, `story:${r1!.id}`);
      assert.equal((await s.get(r3!.id))!.story, 'story:three');
      assert.equal(await s.settleStory('story:gone', () => undefined, 1), 0);
      assert.deepEqual(await s.unsettledStories(), []);
      // A document alone in its story that belongs nowhere else stays in it.
      assert.equal(await s.settleStory(`story:${r1!.id}`, () => undefined, 10), 0);
      assert.equal((await s.get(r1!.id))!.story, `story:${r1!.id}`);
      assert.deepEqual(await s.unsettledStories(), []);
      assert.deepEqual((await s.stories()).map((x) => [x.id, x.documents]).sort(), [['story:one', 1], ['story:three', 1], [`story:${r1!.id}`, 1]].sort());
    }));

    test('a story settles again once it has doubled, weighing only the documents that joined it since it was half that size', withStore(async (s) => {
      const recs = sampleRecords();
      for (const r of recs.slice(0, 2)) await s.put({ ...r, story: 'story:grow' });
      const weighed: number[] = [];
      await s.settleStory('story:grow', () => { weighed.push(1); return 'story:grow'; }, 10);
      assert.equal(weighed.length, 1, 'at two documents: the first');
      assert.deepEqual(await s.unsettledStories(), []);
      for (const [i, r] of [recs[2]!, recs[0]!].entries()) await s.put({ ...r, id: `grow-${i}`, hash: `grow-${i}`, story: 'story:grow' });
      assert.deepEqual(await s.unsettledStories(), ['story:grow'], 'doubled to four');
      await s.settleStory('story:grow', () => { weighed.push(2); return 'story:grow'; }, 10);
      assert.deepEqual(weighed, [1, 2], 'at four documents: the second only');
      assert.deepEqual(await s.unsettledStories(), []);
    }));

    kbContract(withStore);
    copiesContract(withStore);
    claimsContract(withStore);
  });
}

/** A newsgraph/1 record over `text`, with layers given by the caller (spans found by phrase). */
export function record(text: string, meta: DocMeta, layers: Partial<NewsRecord>, id?: string): NewsRecord {
  const hash = contentHash(text);
  return {
    schema: SCHEMA_ID, id: id ?? hash, hash, text, meta,
    sentences: [], paragraphs: [], mentions: [], entities: [], quotes: [], quantities: [], times: [], places: [],
    relations: [], events: [], stages: [], diagnostics: [],
    ...layers,
  };
}

function at(text: string, phrase: string, from = 0): { start: number; end: number } {
  const start = text.indexOf(phrase, from);
  if (start < 0) throw new Error(`fixture phrase not found: ${phrase}`);
  return { start, end: start + phrase.length };
}

/** Three small invented articles with every layer filled, for store tests. */
/**
 * Twelve short texts sharing words, each with its own marker word (its title) beside them, so a
 * snippet taken from another document shows at once.
 */
function snippetDocs(): NewsRecord[] {
  const markers = ['alder', 'birch', 'cedar', 'damson', 'elm', 'fir', 'gorse', 'hazel', 'ivy', 'juniper', 'kale', 'larch'];
  return markers.map((m, i) => record(
    `${m} wrote first. The harbour ${m} ferry left at dawn; the night ferry ${m} waited by the quay${i} ` +
    `while a storm ${m} passed${i % 2 ? ` and the council ${m} met` : ''}. ${'Filler words about nothing in particular. '.repeat(6)}` +
    `Later the harbour ${m} was calm and the ${i % 3 ? 'council' : 'storm'} ${m} said little.`,
    { title: m, outlet: 'Quay Post', published: `2023-04-${String(i + 1).padStart(2, '0')}` }, {}));
}

export function sampleRecords(): NewsRecord[] {
  const t1 =
    'Gunmen from the River Brigade fired on an aid convoy near Dalmora on March 1, the Northern Relief Agency (NRA) said. ' +
    'Amara Okafor, the agency’s field director, said: “We will not send another convoy to Dalmora until the roads are safe.” ' +
    'Okafor said 14 trucks were damaged.';
  const t2 =
    'Port officials in Dalmora said a ceasefire agreed on March 14 was holding, and that convoys could resume. ' +
    'The talks in Mérida were brief.';
  const t3 = 'Farmers near Kessel began the harvest early. “The rain came late,” said Amara Okafor.';
  const r1 = record(t1, { title: 'Convoy attacked near Dalmora', outlet: 'Harbour Times', author: 'Lena Brisk', published: '2023-03-02' }, {
    sentences: [at(t1, t1.slice(0, t1.indexOf(' Amara')))],
    entities: [
      { id: 'e1', type: 'ORG', name: 'River Brigade', aliases: [] },
      { id: 'e2', type: 'ORG', name: 'Northern Relief Agency', aliases: ['NRA'] },
      { id: 'e3', type: 'PERSON', name: 'Amara Okafor', aliases: ['Okafor'], description: 'the agency’s field director' },
      { id: 'e4', type: 'GPE', name: 'Dalmora', aliases: [] },
    ],
    mentions: [
      { ...at(t1, 'River Brigade'), text: 'River Brigade', type: 'ORG', entity: 'e1', kind: 'name' },
      { ...at(t1, 'Dalmora'), text: 'Dalmora', type: 'GPE', entity: 'e4', kind: 'name' },
      { ...at(t1, 'Northern Relief Agency'), text: 'Northern Relief Agency', type: 'ORG', entity: 'e2', kind: 'name' },
      { ...at(t1, 'NRA'), text: 'NRA', type: 'ORG', entity: 'e2', kind: 'name' },
      { ...at(t1, 'Amara Okafor'), text: 'Amara Okafor', type: 'PERSON', entity: 'e3', kind: 'name' },
      { ...at(t1, 'Dalmora', t1.indexOf('convoy to')), text: 'Dalmora', type: 'GPE', entity: 'e4', kind: 'name' },
      { ...at(t1, 'the agency’s'), text: 'the agency', type: 'ORG', entity: 'e2', kind: 'nominal' },
      { ...at(t1, 'Okafor said'), end: at(t1, 'Okafor said').start + 6, text: 'Okafor', type: 'PERSON', entity: 'e3', kind: 'name' },
    ],
    quotes: [{ id: 'q1', ...at(t1, '“We will not send another convoy to Dalmora until the roads are safe.”'), kind: 'direct', speaker: 'e3', speakerText: 'Amara Okafor', cue: 'said' }],
    quantities: [{ id: 'n1', ...at(t1, '14 trucks'), text: '14 trucks', value: 14, unit: 'trucks' }],
    times: [{ ...at(t1, 'March 1'), text: 'March 1', value: '2023-03-01', type: 'DATE' }],
    places: [{ id: 'p1', ...at(t1, 'Dalmora'), text: 'Dalmora', name: 'Dalmora', lat: 41.5, lon: 19.25, country: 'XK', geonameId: 999001 }],
    events: [{ ...at(t1, 'Gunmen from the River Brigade fired on an aid convoy'), type: 'attack', actor: 'e1', target: 'e2', place: 'Dalmora', placeId: 'p1', time: '2023-03-01' }],
    relations: [{ ...at(t1, 'Gunmen from the River Brigade fired on an aid convoy'), type: 'fights', a: 'e1', b: 'e2' }],
    stages: [{ name: 'tokens', version: '1', ms: 0.5 }],
  });
  const r2 = record(t2, { title: 'Ceasefire holds in port city', outlet: 'Harbour Times', published: '2023-03-15' }, {
    mentions: [{ ...at(t2, 'Dalmora'), text: 'Dalmora', type: 'GPE', kind: 'name' }],
    quotes: [{ id: 'q1', ...at(t2, 'a ceasefire agreed on March 14 was holding, and that convoys could resume'), kind: 'indirect', speakerText: 'Port officials', cue: 'said' }],
    places: [{ id: 'p1', ...at(t2, 'Dalmora'), text: 'Dalmora', name: 'Dalmora', lat: 41.5, lon: 19.25, country: 'XK', geonameId: 999001 }],
    events: [{ ...at(t2, 'a ceasefire agreed on March 14'), type: 'agree', time: '2023-03-14' }],
  });
  const r3 = record(t3, { title: 'An early harvest', outlet: 'Valley Post', published: '2023-04-10' }, {
    entities: [{ id: 'p1', type: 'PERSON', name: 'Amara Okafor', aliases: [] }],
    mentions: [{ ...at(t3, 'Amara Okafor'), text: 'Amara Okafor', type: 'PERSON', entity: 'p1' }],
    quotes: [{ id: 'q1', ...at(t3, '“The rain came late,”'), kind: 'direct', speaker: 'p1', speakerText: 'Amara Okafor' }],
  });
  return [r1, r2, r3];
}
