import type { Entity, Mention } from '../core/layers.js';
import { contentHash } from '../core/hash.js';
import { SCHEMA_ID, type NewsRecord } from '../output/record.js';

// Invented articles (real cities, made-up groups and people) with every layer filled by hand,
// so the API and the app can be tested without depending on the extraction stages.

export function at(text: string, phrase: string, nth = 0): { start: number; end: number } {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = text.indexOf(phrase, start + 1);
  if (start < 0) throw new Error(`fixture phrase not found: ${phrase}`);
  return { start, end: start + phrase.length };
}

export function rec(text: string, meta: NewsRecord['meta'], layers: Partial<NewsRecord>): NewsRecord {
  const hash = contentHash(text);
  return {
    schema: SCHEMA_ID, id: hash, hash, text, meta,
    sentences: [], paragraphs: [], mentions: [], entities: [], quotes: [], quantities: [], times: [], places: [],
    relations: [], events: [], stages: [], diagnostics: [],
    ...layers,
  };
}

/** Mentions of each entity: every occurrence of each listed surface form. */
export function mentionsOf(text: string, ents: readonly (Entity & { forms: string[] })[]): Mention[] {
  const out: Mention[] = [];
  for (const e of ents) {
    for (const form of e.forms) {
      for (let i = text.indexOf(form); i >= 0; i = text.indexOf(form, i + form.length)) {
        if (out.some((m) => m.start < i + form.length && i < m.end)) continue;
        out.push({ start: i, end: i + form.length, text: form, type: e.type, entity: e.id, kind: 'name' });
      }
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

export const strip = (ents: readonly (Entity & { forms: string[] })[]): Entity[] => ents.map(({ forms: _f, ...e }) => e);

export const PLACES = {
  Mombasa: { lat: -4.0435, lon: 39.6682, country: 'KE' },
  Nairobi: { lat: -1.2864, lon: 36.8172, country: 'KE' },
  Lamu: { lat: -2.2717, lon: 40.902, country: 'KE' },
  Kampala: { lat: 0.3476, lon: 32.5825, country: 'UG' },
  Lisbon: { lat: 38.7223, lon: -9.1393, country: 'PT' },
} as const;

function place(text: string, id: string, name: keyof typeof PLACES, entity?: string) {
  return { id, ...at(text, name), text: name, name, ...PLACES[name], entity };
}

export function fixtureRecords(): NewsRecord[] {
  const a =
    'Fighters of the Red Heron Front attacked a police post in Mombasa on February 2, killing 3 officers, the interior ministry said. ' +
    'Joel Mwangi, a security analyst at the Coastal Institute, said: “The Red Heron Front wants to show it can still strike the coast.” ' +
    'The group, also known as RHF, split from the Blue Lantern Movement in 2019.';
  const aEnts = [
    { id: 'e1', type: 'ORG' as const, name: 'Red Heron Front', aliases: ['RHF'], forms: ['Red Heron Front', 'RHF'] },
    { id: 'e2', type: 'PERSON' as const, name: 'Joel Mwangi', aliases: [], description: 'a security analyst at the Coastal Institute', forms: ['Joel Mwangi'] },
    { id: 'e3', type: 'ORG' as const, name: 'Coastal Institute', aliases: [], forms: ['Coastal Institute'] },
    { id: 'e4', type: 'ORG' as const, name: 'Blue Lantern Movement', aliases: [], forms: ['Blue Lantern Movement'] },
    { id: 'e5', type: 'GPE' as const, name: 'Mombasa', aliases: [], forms: ['Mombasa'] },
  ];
  const A = rec(a, { title: 'Gunmen strike police post on the coast', author: 'Mira Tanaka', outlet: 'Lakeside Courier', published: '2024-02-03' }, {
    entities: strip(aEnts),
    mentions: mentionsOf(a, aEnts),
    references: [{ ...at(a, 'The group'), text: 'The group', type: 'ORG', entity: 'e1', kind: 'nominal' }],
    quotes: [{ id: 'q1', ...at(a, '“The Red Heron Front wants to show it can still strike the coast.”'), kind: 'direct', speaker: 'e2', speakerText: 'Joel Mwangi', ...speaker(a, 'Joel Mwangi'), cue: 'said' }],
    quantities: [{ id: 'n1', ...at(a, '3 officers'), text: '3 officers', value: 3, unit: 'officers' }],
    times: [{ ...at(a, 'February 2'), text: 'February 2', value: '2024-02-02', type: 'DATE' }, { ...at(a, '2019'), text: '2019', value: '2019', type: 'DATE' }],
    places: [place(a, 'p1', 'Mombasa', 'e5')],
    relations: [{ ...at(a, 'The group, also known as RHF, split from the Blue Lantern Movement'), type: 'split', a: 'e1', b: 'e4', time: '2019' }],
    events: [{ ...at(a, 'Fighters of the Red Heron Front attacked a police post in Mombasa on February 2'), type: 'attack', actor: 'e1', place: 'Mombasa', time: '2024-02-02', placeId: 'p1', quantities: ['n1'],
      trigger: at(a, 'attacked') }],
  });

  const b =
    'Police in Nairobi arrested 12 suspected members of the Red Heron Front on March 9. ' +
    '“We have disrupted a cell that planned attacks in the capital,” said Grace Achieng, a police spokeswoman. ' +
    'Joel Mwangi said the arrests would weaken RHF but not end its campaign. ' +
    'The Red Heron Front has fought the national army near Lamu since last year.';
  const bEnts = [
    { id: 'b1', type: 'GPE' as const, name: 'Nairobi', aliases: [], forms: ['Nairobi'] },
    { id: 'b2', type: 'ORG' as const, name: 'Red Heron Front', aliases: ['RHF'], forms: ['Red Heron Front', 'RHF'] },
    { id: 'b3', type: 'PERSON' as const, name: 'Grace Achieng', aliases: [], description: 'a police spokeswoman', forms: ['Grace Achieng'] },
    { id: 'b4', type: 'PERSON' as const, name: 'Joel Mwangi', aliases: [], forms: ['Joel Mwangi'] },
    { id: 'b5', type: 'ORG' as const, name: 'national army', aliases: [], forms: ['national army'] },
    { id: 'b6', type: 'GPE' as const, name: 'Lamu', aliases: [], forms: ['Lamu'] },
  ];
  const B = rec(b, { title: 'Arrests in the capital', outlet: 'Harbour Daily', published: '2024-03-10' }, {
    entities: strip(bEnts),
    mentions: mentionsOf(b, bEnts),
    quotes: [
      { id: 'q1', ...at(b, '“We have disrupted a cell that planned attacks in the capital,”'), kind: 'direct', speaker: 'b3', speakerText: 'Grace Achieng', ...speaker(b, 'Grace Achieng'), cue: 'said' },
      { id: 'q2', ...at(b, 'the arrests would weaken RHF but not end its campaign'), kind: 'indirect', speaker: 'b4', speakerText: 'Joel Mwangi', ...speaker(b, 'Joel Mwangi'), cue: 'said' },
    ],
    quantities: [{ id: 'n1', ...at(b, '12 suspected members'), text: '12 suspected members', value: 12, unit: 'members' }],
    times: [{ ...at(b, 'March 9'), text: 'March 9', value: '2024-03-09', type: 'DATE' }],
    places: [place(b, 'p1', 'Nairobi', 'b1'), place(b, 'p2', 'Lamu', 'b6')],
    relations: [{ ...at(b, 'The Red Heron Front has fought the national army near Lamu'), type: 'fights', a: 'b2', b: 'b5' }],
    events: [
      { ...at(b, 'Police in Nairobi arrested 12 suspected members of the Red Heron Front on March 9'), type: 'arrest', target: 'b2', place: 'Nairobi', time: '2024-03-09' },
      { ...at(b, 'The Red Heron Front has fought the national army near Lamu'), type: 'fight', actor: 'b2', target: 'b5', place: 'Lamu' },
    ],
  });

  const c =
    'The Blue Lantern Movement held a rally in Kampala, where its leader Samuel Okello said the movement had no ties to armed groups. ' +
    'Okello told the crowd: “We reject violence in every form.”';
  const cEnts = [
    { id: 'c1', type: 'ORG' as const, name: 'Blue Lantern Movement', aliases: [], forms: ['Blue Lantern Movement'] },
    { id: 'c2', type: 'GPE' as const, name: 'Kampala', aliases: [], forms: ['Kampala'] },
    { id: 'c3', type: 'PERSON' as const, name: 'Samuel Okello', aliases: ['Okello'], forms: ['Samuel Okello', 'Okello'] },
  ];
  const C = rec(c, { title: 'A rally for peace', outlet: 'Valley Post', published: '2023-11-20' }, {
    entities: strip(cEnts),
    mentions: mentionsOf(c, cEnts),
    quotes: [
      { id: 'q1', ...at(c, 'the movement had no ties to armed groups'), kind: 'indirect', speaker: 'c3', speakerText: 'Samuel Okello', ...speaker(c, 'Samuel Okello'), cue: 'said' },
      { id: 'q2', ...at(c, '“We reject violence in every form.”'), kind: 'direct', speaker: 'c3', speakerText: 'Okello', ...speaker(c, 'Okello', 1), cue: 'told' },
    ],
    places: [place(c, 'p1', 'Kampala', 'c2')],
    relations: [{ ...at(c, 'its leader Samuel Okello'), type: 'leader', a: 'c3', b: 'c1' }],
    events: [{ ...at(c, 'The Blue Lantern Movement held a rally in Kampala'), type: 'protest', actor: 'c1', place: 'Kampala', time: '2023-11-19' }],
  });

  const d =
    'Fishing boats returned to Lisbon after a storm kept them in port for five days. ' +
    'The harbour master, Ana Costa, said the fleet had suffered little damage. <script>alert(1)</script> & <b>not bold</b>';
  const dEnts = [
    { id: 'd1', type: 'GPE' as const, name: 'Lisbon', aliases: [], forms: ['Lisbon'] },
    { id: 'd2', type: 'PERSON' as const, name: 'Ana Costa', aliases: [], description: 'The harbour master', forms: ['Ana Costa'] },
  ];
  const D = rec(d, { title: 'Boats back in port', outlet: 'Lisbon Wire', published: '2024-01-05' }, {
    entities: strip(dEnts),
    mentions: mentionsOf(d, dEnts),
    quotes: [{ id: 'q1', ...at(d, 'the fleet had suffered little damage'), kind: 'indirect', speaker: 'd2', speakerText: 'Ana Costa', ...speaker(d, 'Ana Costa'), cue: 'said' }],
    quantities: [{ id: 'n1', ...at(d, 'five days'), text: 'five days', value: 5, unit: 'days' }],
    places: [place(d, 'p1', 'Lisbon', 'd1')],
  });
  return [A, B, C, D];
}

function speaker(text: string, name: string, nth = 0): { speakerStart: number; speakerEnd: number } {
  const s = at(text, name, nth);
  return { speakerStart: s.start, speakerEnd: s.end };
}
