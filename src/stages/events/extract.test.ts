import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureDoc } from '../fixture.js';
import { extractEvents } from './extract.js';

const events = (marked: string) => extractEvents(fixtureDoc(marked));
const one = (marked: string, type: string) => {
  const es = events(marked).filter((e) => e.type === type);
  assert.ok(es.length >= 1, `no ${type} event in ${JSON.stringify(events(marked))}`);
  return es[0]!;
};

test('movement of fighters, with place, time, count, and a follow-up group', () => {
  const d = fixtureDoc('A first column of [Red Cell|ORG|rc] fighters from [Kessa|GPE|kessa] numbering <about 300|300> arrived in [Port Lune|GPE|pl] {in early May|2019-05}, followed by a second, larger group, <some 50|50>, {in June|2019-06}.');
  const es = extractEvents(d).filter((e) => e.type === 'movement');
  assert.equal(es.length, 2);
  assert.deepEqual([es[0]!.actor, es[0]!.place, es[0]!.time, es[0]!.quantities], ['rc', 'pl', '2019-05', ['n1']]);
  assert.equal(d.layer('places').find((p) => p.id === es[0]!.placeId)!.name, 'Port Lune');
  // The second group's actor and place are not in its own clause: left empty.
  assert.deepEqual([es[1]!.actor, es[1]!.place, es[1]!.time, es[1]!.quantities], [undefined, undefined, '2019-06', ['n2']]);
  assert.equal(events('The train arrived in [Port Lune|GPE|pl] {on Monday|2019-05-06}.').filter((e) => e.type === 'movement').length, 0);
});

test('claimed attack with place; denied and hedged attacks', () => {
  const a = one('Yesterday’s bombing at [the Old Market|FAC|om] was claimed by [Red Cell|ORG|rc] as payback.', 'attack');
  assert.deepEqual([a.actor, a.place, a.claimed], ['rc', 'om', true]);
  const c = one('[Red Cell|ORG|rc] claimed responsibility for the attack on [the Mountain Guard|ORG|mg].', 'attack');
  assert.deepEqual([c.actor, c.target, c.claimed], ['rc', 'mg', true]);
  const n = one('[Red Cell|ORG|rc] denied carrying out the attack on [Port Lune|GPE|pl].', 'attack');
  assert.deepEqual([n.actor, n.negated], ['rc', true]);
  const h = one('[Red Cell|ORG|rc] may have been behind the bombing in [Port Lune|GPE|pl].', 'attack');
  assert.deepEqual([h.actor, h.place, h.hedged], ['rc', 'pl', true]);
});

test('killing in a strike: passive target, actor from the strike, time from the clause', () => {
  const es = events('[Samir Qadi|PERSON|qadi] gave a speech {in May|2018-05} before [he|PERSON|qadi] was killed {in July|2018-07} in a [Veloria|GPE|ve] drone strike.');
  const k = es.find((e) => e.type === 'killing')!;
  assert.deepEqual([k.actor, k.target, k.time], ['ve', 'qadi', '2018-07']);
  assert.ok(es.some((e) => e.type === 'airstrike' && e.actor === 've'));
});

test('a present reference dates an event; a duration does not', () => {
  assert.equal(one('[The River Front|ORG|rf] has shelled [the Mountain Guard|ORG|mg] {in recent days|PRESENT_REF}.', 'attack').time, 'PRESENT_REF');
  assert.equal(one('[The River Front|ORG|rf] has shelled [the Mountain Guard|ORG|mg] {for a year|P1Y}.', 'attack').time, undefined);
});

test('fight: targeting with actor, target, place and time', () => {
  const f = one('[The River Front|ORG|rf] is growing in [Kessa|GPE|kessa] and {this week|2020-W10} began targeting cells of [the Mountain Guard|ORG|mg] in [Doma|GPE|doma] and nearby towns.', 'fight');
  assert.deepEqual([f.actor, f.target, f.place, f.time], ['rf', 'mg', 'doma', '2020-W10']);
});

test('arrest, territory capture and loss', () => {
  const a = one('Police arrested <12|12> members of [Red Cell|ORG|rc] in [Kessa|GPE|kessa].', 'arrest');
  assert.deepEqual([a.target, a.place, a.quantities], ['rc', 'kessa', ['n1']]);
  const c = one('[The Mountain Guard|ORG|mg] captured the town of [Doma|GPE|doma] {last week|2020-W09}.', 'territory_capture');
  assert.deepEqual([c.actor, c.place, c.time], ['mg', 'doma', '2020-W09']);
  const l = one('[Red Cell|ORG|rc] lost control of [Doma|GPE|doma].', 'territory_loss');
  assert.deepEqual([l.actor, l.place], ['rc', 'doma']);
  assert.equal(events('[Red Cell|ORG|rc] lost the argument.').length, 0);
});

test('PLOVER-style types: protest, agree, mobilize', () => {
  assert.equal(one('Thousands protested in [Port Lune|GPE|pl] {on Friday|2020-03-06}.', 'protest').place, 'pl');
  const g = one('[The River Front|ORG|rf] signed a ceasefire with [the Mountain Guard|ORG|mg] {on Sunday|2020-03-08}.', 'agree');
  assert.deepEqual([g.actor, g.time], ['rf', '2020-03-08']);
  assert.equal(one('[Veloria|GPE|ve] deployed troops to [Doma|GPE|doma].', 'mobilize').actor, 've');
});

test('reported speech is attributed; a place in another clause is not borrowed', () => {
  const d = fixtureDoc('[Red Cell|ORG|rc] attacked a checkpoint {on Monday|2020-03-02}, according to [the Halden Institute|ORG|hi].');
  assert.equal(extractEvents(d).find((e) => e.type === 'attack')?.source, 'hi');
  const e = one('In [Port Lune|GPE|pl] life is calm; [Red Cell|ORG|rc] attacked a checkpoint {on Monday|2020-03-02}.', 'attack');
  assert.equal(e.place, undefined);
});

test('a trigger used as a noun does not take the clause subject as its actor; a bare trigger gets no fields', () => {
  const es = events('Officials in [Port Lune|GPE|pl] and the [Veloria|GPE|ve] government fear similar attacks are coming.');
  assert.ok(es.every((e) => e.actor !== 've'));
  assert.ok(events('What matters comes after {today|2020-03-02}’s battles are over.').every((e) => !e.actor && !e.target && !e.place));
  assert.deepEqual(events('Farmers felt abandoned by the government in [Port Lune|GPE|pl].').filter((e) => e.type === 'territory_loss'), []);
});

test('appositions, passive chains and cities: the right actor or none', () => {
  const k = one('[Samir Qadi|PERSON|qadi], a [Red Cell|ORG|rc] field commander in [Doma|GPE|doma] was struck and killed by [the Mountain Guard|ORG|mg] {on Monday|2020-03-02}.', 'killing');
  assert.deepEqual([k.actor, k.target], ['mg', 'qadi']);
  const a = one('Later, the [Mountain Guard|ORG|mg] has attacked [Red Cell|ORG|rc] positions.', 'attack');
  assert.equal(a.actor, 'mg');
  assert.ok(events('Leaders renewed their commitment to combating [Red Cell|ORG|rc] at the summit hosted by [Veloria|GPE|ve].').every((e) => e.actor !== 've'));
});

test('a participle describing a plain noun does not take the clause subject as actor', () => {
  const es = events('[Jane Roe|PERSON|roe] spoke of pilgrims killed at a shrine in [Doma|GPE|doma].').filter((e) => e.type === 'killing');
  assert.ok(es.every((e) => e.actor === undefined));
  assert.equal(events('Supporters cheered at a campaign rally in [Doma|GPE|doma].').filter((e) => e.type === 'protest').length, 0);
});

test('nouns that look like verbs: "X targets in Y", "attack helicopters"', () => {
  assert.equal(events('Jets hit [Red Cell|ORG|rc] targets in [Doma|GPE|doma] overnight.').filter((e) => e.type === 'fight' && e.actor === 'rc').length, 0);
  assert.equal(events('[Veloria|GPE|ve] flew attack helicopters over [Doma|GPE|doma].').filter((e) => e.type === 'attack').length, 0);
  assert.equal(one('[Red Cell|ORG|rc] attacks [the Mountain Guard|ORG|mg] every night.', 'attack').actor, 'rc');
});

test('words, deals and gadgets are not violence', () => {
  assert.equal(one('[Jane Roe|PERSON|roe] attacked [John Poe|PERSON|poe] over his tax plan.', 'disapprove').actor, 'roe');
  assert.equal(one('The ads doubled down on their attacks on [John Poe|PERSON|poe].', 'disapprove').target, 'poe');
  assert.equal(one('Gunmen attacked [John Poe|PERSON|poe] with knives outside his home.', 'attack').target, 'poe');
  assert.ok(events('After the [Doma|GPE|doma-town] attack, police closed the square.').every((e) => e.actor === undefined));
  assert.equal(events('[Red Cell|ORG|rc] struck a deal with [the Mountain Guard|ORG|mg].').filter((e) => e.type === 'attack').length, 0);
  assert.equal(events('The update was deployed by [Acme|ORG|acme] in [Doma|GPE|doma].').filter((e) => e.type === 'mobilize').length, 0);
  const k = events('[Jane Roe|PERSON|roe] met relatives of the people killed on Thursday in [Doma|GPE|doma].').find((e) => e.type === 'killing');
  assert.equal(k?.target, undefined);
});

test('each event keeps the span of the trigger it was read from', () => {
  const d = fixtureDoc('[Red Cell|ORG|rc] fighters stormed a checkpoint in [Port Lune|GPE|pl] {on Monday|2019-05-06}, and police arrested [Tomas Vey|PERSON|tv] later.');
  const es = extractEvents(d);
  const said = es.map((e) => [e.type, d.text.slice(e.trigger!.start, e.trigger!.end)]);
  assert.ok(said.length >= 2, JSON.stringify(said));
  for (const e of es) assert.ok(e.start <= e.trigger!.start && e.trigger!.end <= e.end && e.trigger!.start < e.trigger!.end, JSON.stringify(e));
  assert.ok(said.some(([t, w]) => t === 'arrest' && w === 'arrested'), JSON.stringify(said));
});

test('injuries, charges, trials, sentences and damage, with their victims and counts', () => {
  const i = one('The blast wounded <14|14> shoppers and [Ana Ruiz|PERSON|ar] was injured in [Port Lune|GPE|pl].', 'injury');
  assert.deepEqual(i.quantities, ['n1']);
  assert.ok(events('The blast wounded <14|14> shoppers and [Ana Ruiz|PERSON|ar] was injured in [Port Lune|GPE|pl].').some((e) => e.type === 'injury' && e.target === 'ar'));
  assert.equal(one('Prosecutors charged [Tomas Vey|PERSON|tv] with murder {on Tuesday|2021-02-02}.', 'charge').target, 'tv');
  assert.equal(one('[Tomas Vey|PERSON|tv] testified at the trial in [Doma|GPE|doma].', 'trial').place, 'doma');
  assert.equal(one('[Tomas Vey|PERSON|tv] was jailed for <12|12> years.', 'sentence').target, 'tv');
  assert.equal(events('[Tomas Vey|PERSON|tv] was jailed by [the Mountain Guard|ORG|mg].').filter((e) => e.type === 'sentence').length, 0);
  one('Fighters set fire to the town hall and destroyed <40|40> homes in [Doma|GPE|doma].', 'damage');
});

test('the weapon of an attack is its instrument; a bare trigger is an event of its own', () => {
  const a = one('A car bomb exploded outside the ministry {on Sunday|2020-03-08}.', 'attack');
  assert.equal(a.instrument?.text, 'car bomb');
  assert.equal(a.time, '2020-03-08');
  const d = fixtureDoc('[Red Cell|ORG|rc] fighters attacked the convoy with a drone.');
  const b = extractEvents(d).find((e) => e.type === 'attack')!;
  assert.equal(d.text.slice(b.instrument!.start, b.instrument!.end), 'drone');
  assert.equal(one('Three men died in the fire.', 'killing').actor, undefined);
});

test('victims and doers read past the plain clause', () => {
  assert.equal(one('[Hector Lopez|PERSON|hl] was also detained.', 'arrest').target, 'hl');
  assert.equal(one('[Tamerlan Vey|PERSON|tv], 26, died after a gunfight.', 'killing').target, 'tv');
  const es = events('The [Red Cell|ORG|rc] militant group launched a series of attacks across [Port Lune|GPE|pl], killing <30|30> people and injuring <100|100>.');
  assert.equal(es.find((e) => e.type === 'killing')?.actor, 'rc');
  assert.equal(es.find((e) => e.type === 'injury')?.actor, 'rc');
  assert.equal(one('Police arrested <five|5> people, including [Ana Ruiz|PERSON|ar].', 'arrest').target, 'ar');
  // A demonym before a noun names whose soldiers, not who was killed.
  assert.equal(one('The ambush killed <12|12> [Veloria|NORP|ve] soldiers.', 'killing').target, undefined);
});

test('figures of speech in political news are no violence', () => {
  assert.equal(events('[Senate|ORG|senate] leaders killed the bill {on Friday|2020-03-06}.').filter((e) => e.type === 'killing').length, 0);
  assert.equal(events('[Jane Roe|PERSON|roe] has fought for lower taxes for years.').filter((e) => e.type === 'fight').length, 0);
  assert.equal(events('The campaign kept up its personal attacks on the governor.').filter((e) => e.type === 'attack').length, 0);
  assert.equal(one('[Red Cell|ORG|rc] attacked [Jane Roe|PERSON|roe] in a statement.', 'disapprove').target, 'roe');
  assert.equal(one('Gunmen shot [Jane Roe|PERSON|roe] outside her office.', 'attack').target, 'roe');
});

test('a name before a noun trigger is its actor only as a modifier, not across "and"', () => {
  assert.equal(one('[Red Cell|ORG|rc]’s deadly attack on [the Mountain Guard|ORG|mg] failed.', 'attack').actor, 'rc');
  const a = one('Aid groups decried the persecution of [Kessans|NORP|k] and attacks on [the Mountain Guard|ORG|mg] in the north.', 'attack');
  assert.notEqual(a.actor, 'k');
});
