import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fixtureDoc } from '../fixture.js';
import { extractEvents } from './extract.js';

/** The nominal sides of the first event of a type, as role=text pairs; every span points at its words. */
function sides(marked: string, type: string): string[] {
  const d = fixtureDoc(marked);
  const e = extractEvents(d).find((x) => x.type === type);
  assert.ok(e, `no ${type} event in ${JSON.stringify(extractEvents(d))}`);
  for (const a of e.args ?? []) {
    assert.equal(d.text.slice(a.start, a.end), a.text);
    assert.ok(e.start <= a.start && a.end <= e.end, 'the evidence covers the argument');
  }
  return (e.args ?? []).map((a) => `${a.role}=${a.text}`);
}

test('active voice: the subject acts, the object suffers', () => {
  assert.deepEqual(sides('Masked gunmen killed four villagers near the old mill.', 'killing'), ['actor=Masked gunmen', 'target=four villagers']);
  assert.deepEqual(sides('Police arrested two teenagers after the match.', 'arrest'), ['actor=Police', 'target=two teenagers']);
  assert.deepEqual(sides('A suicide bomber attacked a crowded checkpoint.', 'attack'), ['actor=A suicide bomber', 'target=a crowded checkpoint']);
});

test('passive voice and "died": the subject suffers, "by" names the doer', () => {
  assert.deepEqual(sides('Three farmers were killed by militants on the road.', 'killing'), ['target=Three farmers', 'actor=militants']);
  assert.deepEqual(sides('At least nine passengers were wounded.', 'injury'), ['target=At least nine passengers']);
  assert.deepEqual(sides('Two soldiers and a driver died when the truck overturned after the blast.', 'killing'), ['target=Two soldiers and a driver']);
});

test('counts stand for people; lists are one side', () => {
  assert.deepEqual(sides('The blast at the depot killed 14 and wounded dozens of others.', 'injury'), ['target=others']);
  assert.deepEqual(sides('The explosion killed 14.', 'killing'), ['target=14']);
  assert.deepEqual(sides('They condemned the killing of women and children in the camp.', 'killing'), ['target=women and children', 'place=the camp']);
  assert.deepEqual(sides('Four herdsmen were killed in the valley.', 'killing'), ['target=Four herdsmen']);
});

test('noun triggers: "attack on", "by"; a site after "in/at" is the place', () => {
  assert.deepEqual(sides('There was an attack on a police station by gunmen late on Friday.', 'attack'), ['target=a police station', 'actor=gunmen']);
  assert.deepEqual(sides('Two guards were shot dead at the main gate of the prison.', 'killing'), ['target=Two guards', 'place=the main gate']);
  assert.deepEqual(sides('Gunmen opened fire in a crowded market.', 'attack'), ['actor=Gunmen', 'place=a crowded market']);
});

test('what explodes is the weapon, not who set it; a bare subject with no people noun is no side', () => {
  assert.deepEqual(sides('They said the bomb exploded outside a bakery.', 'attack'), ['place=a bakery']);
  // A figure of speech has no nominal sides.
  assert.deepEqual(sides('[Dana Holt|PERSON|dh] attacked the plan at a rally.', 'disapprove'), []);
});

test('a clash between two sides; a word for attackers stands in for a missing subject', () => {
  assert.deepEqual(sides('Two men were hurt in a clash between soldiers and rebels near the border.', 'fight'), ['actor=soldiers', 'target=rebels', 'place=the border']);
  assert.deepEqual(sides('Two men were hurt in a clash between soldiers and rebels near the border.', 'injury'), ['target=Two men']);
  assert.deepEqual(sides('Witnesses said the gunman, who wore a mask, later shot two guards.', 'attack').filter((s) => s.startsWith('actor')), ['actor=the gunman']);
});

test('participles in a list share the passive subject; "the 12 killed" and "a death toll of 11" count victims', () => {
  assert.deepEqual(sides('Some 40 more were beaten, injured and robbed.', 'injury'), ['target=Some 40 more']);
  assert.deepEqual(sides('Of the 30 injured in the crash, eight were children.', 'injury'), ['target=the 30']);
  assert.deepEqual(sides('Officials gave a death toll of 11.', 'killing'), ['target=11']);
});

test('no side runs through a time or a date', () => {
  const evening = sides('The gunman came in around 6 p.m. One guest was shot and killed at the door.', 'killing');
  assert.ok(evening.includes('target=One guest') && !evening.some((x) => /p\.m/.test(x)), evening.join());
  assert.deepEqual(sides('Police arrested him on Tuesday.', 'arrest').filter((x) => /Tuesday/.test(x)), []);
  assert.deepEqual(sides('Two clerks were arrested Feb. 9 in the port.', 'arrest'), ['target=Two clerks', 'place=the port']);
});

test('"shot and killed": joined verbs share their subject and their object', () => {
  assert.deepEqual(sides('Two gunmen shot and killed a guard at the gate.', 'killing'), ['actor=Two gunmen', 'target=a guard', 'place=the gate']);
  assert.deepEqual(sides('Two gunmen shot and killed a guard at the gate.', 'attack'), ['actor=Two gunmen', 'target=a guard', 'place=the gate']);
});
