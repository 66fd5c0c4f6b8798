import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../core/doc.js';
import type { Entity, Mention } from '../../core/layers.js';
import { sentencesStage } from '../sentences/stage.js';
import { tokensStage } from '../tokens/stage.js';
import { cleanName } from '../../text/names.js';
import { acronymOf, initials, personParts, personShortForm } from '../../text/name-forms.js';
import { createResolveStage, resolveStage } from './stage.js';

type Tag = [text: string, type: Mention['type'], nth?: number];

/** Runs tokens and sentences, adds hand-made name mentions, then resolves. */
function resolve(text: string, tags: Tag[], stage = resolveStage): { mentions: readonly Mention[]; entities: readonly Entity[]; entityOf: (t: string, nth?: number) => Entity | undefined } {
  let doc = Doc.create(text);
  const ctx = { options: {}, diagnostic: () => {} };
  doc = doc.with(tokensStage.run(doc, ctx));
  doc = doc.with(sentencesStage.run(doc, ctx));
  const mentions: Mention[] = tags.map(([t, type, nth = 0]) => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(t, start + 1);
    assert.ok(start >= 0, `fixture has "${t}"`);
    return { start, end: start + t.length, text: t, type, kind: 'name' };
  });
  const out = stage.run(doc.with({ mentions }), ctx);
  const ms = out.mentions ?? [], es = out.entities ?? [];
  const entityOf = (t: string, nth = 0) => {
    let start = -1;
    for (let i = 0; i <= nth; i++) start = text.indexOf(t, start + 1);
    const m = ms.find((x) => x.start <= start && start < x.end && x.entity);
    return es.find((e) => e.id === m?.entity);
  };
  return { mentions: ms, entities: es, entityOf };
}

test('name forms: cleaning, person parts, initials and acronyms', () => {
  assert.equal(cleanName('the Red Cross’s'), 'Red Cross');
  assert.deepEqual(personParts('Sen. Mary Ellen Cho Jr.'), ['mary', 'ellen', 'cho']);
  assert.equal(initials('Organization of the Petroleum Exporting Countries'), 'OPEC');
  assert.equal(initials('Jabhat al-Nusra Front'), 'JNF');
  assert.ok(acronymOf('W.H.O.', 'World Health Organization'));
  assert.ok(!acronymOf('WHO', 'World Trade Organization'));
  assert.ok(personShortForm(['cho'], ['mary', 'ellen', 'cho']));
  assert.ok(personShortForm(['mary', 'cho'], ['mary', 'ellen', 'cho']));
  assert.ok(!personShortForm(['ellen'], ['mary', 'ellen', 'cho']));
});

test('a surname joins the full name, which becomes the canonical name', () => {
  const text = 'Cho spoke first. Later, Mary Ellen Cho, a hydrologist at the state lab, said the dam held. Cho left.';
  const r = resolve(text, [['Cho', 'PERSON'], ['Mary Ellen Cho', 'PERSON'], ['Cho', 'PERSON', 2]]);
  const e = r.entityOf('Cho');
  assert.equal(e?.name, 'Mary Ellen Cho');
  assert.deepEqual(e?.aliases, ['Cho']);
  assert.equal(r.entityOf('Cho', 2)?.id, e?.id);
  assert.equal(e?.description, 'a hydrologist at the state lab');
});

test('two people sharing a surname stay apart; the surname goes to the one named most', () => {
  const text = 'Ana Ruiz met Tomas Ruiz. Ana Ruiz spoke. Ruiz left.';
  const r = resolve(text, [['Ana Ruiz', 'PERSON'], ['Tomas Ruiz', 'PERSON'], ['Ana Ruiz', 'PERSON', 1], ['Ruiz', 'PERSON', 3]]);
  assert.notEqual(r.entityOf('Ana Ruiz')?.id, r.entityOf('Tomas Ruiz')?.id);
  assert.equal(r.entityOf('Ruiz', 3)?.name, 'Ana Ruiz');
});

test('parenthetical aliases and acronyms join the spelled-out name', () => {
  const text = 'The Northern Grain Cooperative (NGC) raised prices. Its rival, Vantor’s (VTX) fund, fell. The NGC board met.';
  const r = resolve(text, [['Northern Grain Cooperative', 'ORG'], ['Vantor', 'ORG'], ['NGC', 'ORG', 1]]);
  const e = r.entityOf('Northern Grain Cooperative');
  assert.equal(r.entityOf('NGC')?.id, e?.id);
  assert.equal(r.entityOf('NGC', 1)?.id, e?.id);
  assert.ok(e?.aliases.includes('NGC'));
  assert.equal(r.entityOf('VTX')?.id, r.entityOf('Vantor')?.id, 'an acronym the tagger missed is added from the brackets');
});

test('dotted acronyms meet their spelled-out names anywhere in the text', () => {
  const text = 'The W.H.O. warned on Monday. The World Health Organization later agreed.';
  const r = resolve(text, [['W.H.O.', 'ORG'], ['World Health Organization', 'ORG']]);
  assert.equal(r.entityOf('W.H.O.')?.id, r.entityOf('World Health Organization')?.id);
  assert.equal(r.entityOf('W.H.O.')?.name, 'World Health Organization');
});

test('"also called", "a.k.a." declare aliases; "formerly" does for people and places', () => {
  const c = 'Kestrel Labs, also called Kestrel Research, hired staff. Jon Baird, formerly of the navy, joined.';
  const rc = resolve(c, [['Kestrel Labs', 'ORG'], ['Kestrel Research', 'ORG'], ['Jon Baird', 'PERSON']]);
  assert.equal(rc.entityOf('Kestrel Research')?.id, rc.entityOf('Kestrel Labs')?.id);
  assert.equal(rc.entities.length, 2, '"formerly of" is not an alias');
  const d = 'The singer Mara Quell, formerly Mara Quist, toured Norway.';
  const rd = resolve(d, [['Mara Quell', 'PERSON'], ['Mara Quist', 'PERSON'], ['Norway', 'GPE']]);
  assert.equal(rd.entityOf('Mara Quist')?.id, rd.entityOf('Mara Quell')?.id);
});

test('an organisation\'s old and new names stay two entities', () => {
  const a = 'Now known as Harbor Front Alliance in its latest form, Coastal Watch still runs the boats.';
  const ra = resolve(a, [['Coastal Watch', 'ORG']]);
  assert.ok(ra.entityOf('Harbor Front Alliance'), 'the new name is found even when the tagger missed it');
  assert.notEqual(ra.entityOf('Harbor Front Alliance')?.id, ra.entityOf('Coastal Watch')?.id);
  const b = 'The Blue Ridge League, formerly Ridge Runners United, won again.';
  const rb = resolve(b, [['Blue Ridge League', 'ORG'], ['Ridge Runners United', 'ORG']]);
  assert.notEqual(rb.entityOf('Ridge Runners United')?.id, rb.entityOf('Blue Ridge League')?.id);
});

test('a description can precede the name', () => {
  const text = 'The league’s treasurer, Ola Brandt, resigned.';
  const r = resolve(text, [['Ola Brandt', 'PERSON']]);
  assert.equal(r.entityOf('Ola Brandt')?.description, 'The league’s treasurer');
});

const withAnaphora = createResolveStage({ pronouns: true });

test('"he said" after one named person resolves; after two it stays open', () => {
  const one = 'Ivo Petrov studied the data. The results were poor, he said.';
  assert.equal(resolve(one, [['Ivo Petrov', 'PERSON']], createResolveStage({ pronouns: false })).mentions.length, 1, 'pronouns can be turned off');
  const r1 = resolve(one, [['Ivo Petrov', 'PERSON']], withAnaphora);
  const he = r1.mentions.find((m) => m.kind === 'pronoun');
  assert.equal(he?.text, 'he');
  assert.equal(he?.entity, r1.entityOf('Ivo Petrov')?.id);
  const two = 'Ivo Petrov met Lena Holm. The results were poor, she said.';
  const r2 = resolve(two, [['Ivo Petrov', 'PERSON'], ['Lena Holm', 'PERSON']], withAnaphora);
  assert.equal(r2.mentions.find((m) => m.kind === 'pronoun'), undefined);
});

test('"the group" after one organisation refers to it; pronouns the tagger named are not entities', () => {
  const text = 'Red Delta claimed the blast. The group has cells in the hills. It denied the report.';
  const r = resolve(text, [['Red Delta', 'ORG'], ['It', 'ORG']], withAnaphora);
  const g = r.mentions.find((m) => m.kind === 'nominal');
  assert.equal(g?.text, 'The group');
  assert.equal(g?.entity, r.entityOf('Red Delta')?.id);
  assert.equal(r.entities.length, 1);
  assert.equal(r.mentions.find((m) => m.text === 'It')?.kind, 'pronoun');
});

test('odd input does not throw', () => {
  assert.doesNotThrow(() => resolve('', []));
  assert.doesNotThrow(() => resolve('( ) (X) formerly', []));
});

test('a quoted name after "author of" or "the book" is a work, without the punctuation inside the mark', () => {
  const text = 'Mara Lind, a historian and author of “Salt Roads.” said little. The film “Red Harbor” opened.';
  const r = resolve(text, [['Mara Lind', 'PERSON'], ['Salt Roads.', 'ORG'], ['Red Harbor', 'ORG']]);
  const book = r.mentions.find((m) => m.text.startsWith('Salt'));
  assert.equal(book?.text, 'Salt Roads');
  assert.equal(book?.type, 'WORK');
  assert.equal(r.mentions.find((m) => m.text === 'Red Harbor')?.type, 'WORK');
  const plain = resolve('Police in Red Harbor said little.', [['Red Harbor', 'GPE']]);
  assert.equal(plain.mentions[0]?.type, 'GPE');
});

test('two given names on one surname are two people; a bare surname goes to the likelier one', () => {
  const text = 'Marta Lindqvist opened the fair. Lindqvist thanked the mayor. Her brother, Jonas Lindqvist, arrived late, and '
    + 'Lindqvist said he had driven all night. Marta Lindqvist spoke again. Lindqvist closed the day.';
  const r = resolve(text, [['Marta Lindqvist', 'PERSON'], ['Lindqvist', 'PERSON', 1], ['Jonas Lindqvist', 'PERSON'],
    ['Lindqvist', 'PERSON', 3], ['Marta Lindqvist', 'PERSON', 1], ['Lindqvist', 'PERSON', 5]]);
  const marta = r.entityOf('Marta Lindqvist'), jonas = r.entityOf('Jonas Lindqvist');
  assert.notEqual(marta?.id, jonas?.id);
  assert.equal(r.entities.filter((e) => e.name === 'Marta Lindqvist').length, 1);
  assert.equal(r.entityOf('Lindqvist', 1)?.id, marta?.id);
  // Right after the brother is named, in the same sentence context, the surname is his.
  assert.equal(r.entityOf('Lindqvist', 3)?.id, jonas?.id);
  assert.equal(r.entityOf('Lindqvist', 5)?.id, marta?.id);
});

test('a title that states a gender picks the person of that gender', () => {
  const text = 'Mrs. Adaeze Okoro met the press. Mr. Chidi Okoro spoke first. Mrs. Okoro answered. Mr. Okoro nodded.';
  const r = resolve(text, [['Mrs. Adaeze Okoro', 'PERSON'], ['Mr. Chidi Okoro', 'PERSON'], ['Mrs. Okoro', 'PERSON'], ['Mr. Okoro', 'PERSON']]);
  assert.notEqual(r.entityOf('Adaeze Okoro')?.id, r.entityOf('Chidi Okoro')?.id);
  assert.equal(r.entityOf('Mrs. Okoro')?.id, r.entityOf('Adaeze Okoro')?.id);
  assert.equal(r.entityOf('Mr. Okoro')?.id, r.entityOf('Chidi Okoro')?.id);
});

test('a bare surname two people share equally stays unlinked; a given name goes to its own person', () => {
  const text = 'Ravi Banerjee and Priya Banerjee founded the firm. Banerjee declined to comment. Priya left in May.';
  const r = resolve(text, [['Ravi Banerjee', 'PERSON'], ['Priya Banerjee', 'PERSON'], ['Banerjee', 'PERSON', 2], ['Priya', 'PERSON', 1]]);
  const ravi = r.entityOf('Ravi Banerjee'), priya = r.entityOf('Priya Banerjee');
  assert.notEqual(ravi?.id, priya?.id);
  const bare = r.entityOf('Banerjee', 2);
  assert.ok(bare && bare.id !== ravi?.id && bare.id !== priya?.id, 'the shared surname names neither');
  assert.equal(r.entityOf('Priya', 1)?.id, priya?.id);
});

test('a shorter full form joins the longer name it is part of', () => {
  const text = 'Ana María Ruiz Vidal spoke. Later Ruiz Vidal left, and Ana Ruiz Vidal returned.';
  const r = resolve(text, [['Ana María Ruiz Vidal', 'PERSON'], ['Ruiz Vidal', 'PERSON', 1], ['Ana Ruiz Vidal', 'PERSON']]);
  const e = r.entityOf('Ana María Ruiz Vidal');
  assert.equal(r.entityOf('Ruiz Vidal', 1)?.id, e?.id);
  assert.equal(r.entityOf('Ana Ruiz Vidal')?.id, e?.id);
});
