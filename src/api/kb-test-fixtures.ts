import type { Entity, Relation } from '../core/layers.js';
import type { NewsRecord } from '../output/record.js';
import { at, mentionsOf, rec, strip } from './test-fixtures.js';

// Invented articles for the knowledge-base routes and app: a group that renames itself twice and
// loses a splinter group (with a merger that its members deny), two people of one surname, one
// man under two spellings, and one unit wrongly linked with another of a similar name. No places
// or events, so they can join the other fixtures without changing the map or the timeline.

type Ent = Entity & { forms: string[] };

function article(text: string, meta: NewsRecord['meta'], ents: Ent[], relations: (Omit<Relation, 'start' | 'end'> & { evidence: string })[] = []): NewsRecord {
  return rec(text, meta, {
    entities: strip(ents),
    mentions: mentionsOf(text, ents),
    relations: relations.map(({ evidence, ...r }) => ({ ...at(text, evidence), ...r })),
  });
}

const org = (id: string, name: string, extra: Partial<Ent> = {}): Ent => ({ id, type: 'ORG', name, aliases: [], forms: [name], ...extra });
const person = (id: string, name: string, aliases: string[] = []): Ent => ({ id, type: 'PERSON', name, aliases, forms: [name, ...aliases] });

export const KB_TEXTS = {
  firstRename: 'The Silver Reed Collective renamed itself the Silver Reed Front in 2018, said Amara Okafor, the interior minister. ' +
    'Okafor said the group still recruited in the hill villages.',
  secondRename: 'The Silver Reed Front is now known as the Reed Liberation Army, Amara Okafor told reporters. Okafor said talks with the group were over.',
  splinter: 'The Hill Lantern Brigade broke away from the Reed Liberation Army last year, said Daniel Okafor, a lecturer at Tidewater College. ' +
    'Okafor said the quarrel was over money. The Reed Liberation Army denied having merged with the Coastal Shield.',
};

export function kbFixtureRecords(): NewsRecord[] {
  const t = KB_TEXTS;
  const first = article(t.firstRename, { title: 'A new name for an old movement', outlet: 'Tidewater Herald', published: '2018-03-04' }, [
    org('e1', 'Silver Reed Collective'), org('e2', 'Silver Reed Front'), person('e3', 'Amara Okafor', ['Okafor']),
  ], [{ type: 'rebrand', a: 'e1', b: 'e2', time: '2018', aText: 'Silver Reed Collective', bText: 'Silver Reed Front', evidence: 'Silver Reed Collective renamed itself the Silver Reed Front in 2018' }]);
  const second = article(t.secondRename, { title: 'The front changes its name again', outlet: 'Northgate Times', published: '2021-06-12' }, [
    org('e1', 'Silver Reed Front'), org('e2', 'Reed Liberation Army'), person('e3', 'Amara Okafor', ['Okafor']),
  ], [{ type: 'rebrand', a: 'e1', b: 'e2', evidence: 'Silver Reed Front is now known as the Reed Liberation Army' }]);
  const splinter = article(t.splinter, { title: 'Splinter group emerges', outlet: 'Northgate Times', published: '2022-01-20' }, [
    org('e1', 'Hill Lantern Brigade'), org('e2', 'Reed Liberation Army'), person('e3', 'Daniel Okafor', ['Okafor']),
    org('e4', 'Tidewater College'), org('e5', 'Coastal Shield'),
  ], [
    { type: 'split', a: 'e1', b: 'e2', time: '2021', evidence: 'Hill Lantern Brigade broke away from the Reed Liberation Army last year' },
    { type: 'merge', a: 'e2', b: 'e5', negated: true, evidence: 'Reed Liberation Army denied having merged with the Coastal Shield' },
  ]);
  const harbour = article('Joseph Banda, who runs the port, said it would reopen after the storm.',
    { title: 'Port to reopen', outlet: 'Tidewater Herald', published: '2023-02-01' }, [person('e1', 'Joseph Banda')]);
  const ferries = article('Joe Banda said the ferries would run again on Monday.',
    { title: 'Ferries to run again', outlet: 'Valley Post', published: '2023-02-03' }, [person('e1', 'Joe Banda')]);
  // Two units that resolution linked as one: the second article names the other unit.
  const patrol = article('The Lake Patrol rescued four fishermen after their boat capsized.',
    { title: 'Fishermen rescued', outlet: 'Valley Post', published: '2023-04-02' }, [org('e1', 'Lake Patrol', { kb: 'ORG:lake patrol' })]);
  const patrolUnit = article('The Lake Patrol Unit of the army denied firing on the protesters.',
    { title: 'Army unit denies shooting', outlet: 'Northgate Times', published: '2023-04-09' }, [org('e1', 'Lake Patrol Unit', { kb: 'ORG:lake patrol' })]);
  return [first, second, splinter, harbour, ferries, patrol, patrolUnit];
}
