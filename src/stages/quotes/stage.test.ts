import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Doc } from '../../core/doc.js';
import type { Entity, Mention, Quote } from '../../core/layers.js';
import { sentencesStage } from '../sentences/stage.js';
import { tokensStage } from '../tokens/stage.js';
import { quotesStage } from './stage.js';
import { findQuotedSpans } from '../../text/quote-marks.js';

/** Runs tokens, sentences and quotes over text with hand-made mentions and entities. */
function quotes(text: string, mentions: Mention[] = [], entities: Entity[] = []): { doc: Doc; quotes: readonly Quote[] } {
  let doc = Doc.create(text);
  const noop = () => {};
  doc = doc.with(tokensStage.run(doc, { options: {}, diagnostic: noop }));
  doc = doc.with(sentencesStage.run(doc, { options: {}, diagnostic: noop }));
  doc = doc.with({ mentions, entities });
  return { doc, quotes: quotesStage.run(doc, { options: {}, diagnostic: noop }).quotes ?? [] };
}

const mention = (text: string, whole: string, type: Mention['type'], entity?: string, nth = 0): Mention => {
  let start = -1;
  for (let i = 0; i <= nth; i++) start = whole.indexOf(text, start + 1);
  return { start, end: start + text.length, text, type, kind: 'name', ...(entity ? { entity } : {}) };
};
const slice = (doc: Doc, s: { start?: number; end?: number }) => doc.text.slice(s.start ?? 0, s.end ?? 0);

test('a quote followed by "said NAME, DESCRIPTION" takes the name as speaker', () => {
  const text = '“The bridge will open in May,” said Maria Lopez, a city engineer.';
  const { doc, quotes: qs } = quotes(text, [mention('Maria Lopez', text, 'PERSON', 'e1')]);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.kind, 'direct');
  assert.equal(slice(doc, qs[0]!), '“The bridge will open in May,”');
  assert.equal(qs[0]!.speakerText, 'Maria Lopez');
  assert.equal(qs[0]!.speaker, 'e1');
  assert.equal(qs[0]!.cue, 'said');
});

test('straight marks and a subject before the verb: "X" the engineer said', () => {
  const { quotes: qs } = quotes('"It works well enough," the engineer said.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speakerText, 'the engineer');
});

test('a quote with no cue continues the speaker of the quote just before it', () => {
  const text = 'Tomas Berg runs the port. “We are not worried,” he said. “The budget is fine and the cranes are new.”';
  const { doc, quotes: qs } = quotes(text, [mention('Tomas Berg', text, 'PERSON', 'p1')]);
  assert.equal(qs.length, 1, 'one attributed passage');
  assert.ok(slice(doc, qs[0]!).startsWith('“We are not worried'));
  assert.ok(slice(doc, qs[0]!).endsWith('new.”'));
  assert.equal(qs[0]!.speakerText, undefined, 'a pronoun is not shown as a name');
  assert.equal(slice(doc, { start: qs[0]!.speakerStart!, end: qs[0]!.speakerEnd! }), 'he');
  assert.equal(qs[0]!.speaker, 'p1', 'a bare "he" falls back to the last person named');
  assert.deepEqual(qs[0]!.parts?.map((p) => slice(doc, p)), ['“We are not worried,”', '“The budget is fine and the cranes are new.”'], 'each quoted stretch is a part');
});

test('a partial quote inside a reported clause makes the clause the content', () => {
  const { doc, quotes: qs } = quotes('The mayor said the new plan was “a costly mistake.”');
  assert.equal(qs.length, 1);
  assert.equal(slice(doc, qs[0]!), 'the new plan was “a costly mistake.”');
  assert.equal(qs[0]!.kind, 'direct');
  assert.equal(qs[0]!.speakerText, 'The mayor');
});

test('a quoted word in the middle of a reported clause is indirect speech', () => {
  const { doc, quotes: qs } = quotes('The minister said the talks were “useful” but far from over.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.kind, 'indirect');
  assert.equal(slice(doc, qs[0]!), 'the talks were “useful” but far from over');
});

test('a colon introduces the quote after a cue placed earlier in the sentence', () => {
  const { quotes: qs } = quotes('The leader, Omar Said Farah, wrote in a letter before he resigned: “we will rebuild the market stalls together.”');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speakerText, 'Omar Said Farah');
});

test('indirect speech: content then cue, cue then content, according to', () => {
  const a = quotes('The storm will pass by Friday, forecasters said.');
  assert.equal(a.quotes.length, 1);
  assert.equal(a.quotes[0]!.kind, 'indirect');
  assert.equal(slice(a.doc, a.quotes[0]!), 'The storm will pass by Friday');
  assert.equal(a.quotes[0]!.speakerText, 'forecasters');
  const b = quotes('The council report said the river had risen two meters overnight.');
  assert.equal(slice(b.doc, b.quotes[0]!), 'the river had risen two meters overnight');
  assert.equal(b.quotes[0]!.speakerText, 'The council report');
  const c = quotes('According to the harbor authority, the ferry will resume service next week.');
  assert.equal(slice(c.doc, c.quotes[0]!), 'the ferry will resume service next week');
  assert.equal(c.quotes[0]!.speakerText, 'the harbor authority');
  assert.equal(c.quotes[0]!.cue, 'According to');
  const d = quotes('Prices will keep rising, according to two economists at the bank.');
  assert.equal(slice(d.doc, d.quotes[0]!), 'Prices will keep rising');
  assert.equal(d.quotes[0]!.speakerText, 'two economists at the bank');
});

test('an institution or document names the source and links through its mention', () => {
  const text = 'The W.H.O. report said the outbreak had slowed in the north.';
  const { quotes: qs } = quotes(text, [mention('W.H.O.', text, 'ORG', 'who')]);
  assert.equal(qs[0]!.speakerText, 'The W.H.O. report');
  assert.equal(qs[0]!.speaker, 'who');
});

test('anonymous groups stay as speaker text', () => {
  const text = 'Under pressure from voters, health officials in both provinces fear the clinics will close.';
  const { quotes: qs } = quotes(text);
  assert.equal(qs.length, 1);
  assert.ok(qs[0]!.speakerText!.startsWith('health officials'));
  assert.equal(qs[0]!.speaker, undefined);
});

test('scare quotes and titles without a cue are not quotes', () => {
  assert.equal(quotes('The so-called “reform” stalled in the senate.').quotes.length, 0);
  assert.equal(quotes('She starred in “Night Train” last year.').quotes.length, 0);
});

test('nested single marks stay inside the double-quoted span', () => {
  const { doc, quotes: qs } = quotes('“He told me ‘never again’ and walked out,” she said.');
  assert.equal(qs.length, 1);
  assert.equal(slice(doc, qs[0]!), '“He told me ‘never again’ and walked out,”');
});

test('a quote over several paragraphs reopens with a mark at each paragraph', () => {
  const text = '“The first point is simple.\n\n“The second point is harder,” the coach said.';
  const spans = findQuotedSpans(text, [{ start: 0, end: 27 }, { start: 29, end: text.length }]);
  assert.equal(spans.length, 1);
  assert.equal(spans[0]!.multiParagraph, true);
  const { doc, quotes: qs } = quotes(text);
  assert.equal(qs.length, 1);
  assert.ok(slice(doc, qs[0]!).startsWith('“The first point'));
  assert.equal(qs[0]!.speakerText, 'the coach');
});

test('odd text gives no quotes and no crash', () => {
  for (const t of ['', '"', '“”', '” said', 'said', '"""', '“a', 'According to']) assert.doesNotThrow(() => quotes(t));
});

test('a passage interrupted by its cue is one quote', () => {
  const { doc, quotes: qs } = quotes('“The tide is late,” the pilot said, “and the fog will not lift before noon.”');
  assert.equal(qs.length, 1);
  assert.ok(slice(doc, qs[0]!).endsWith('noon.”'));
  assert.equal(qs[0]!.speakerText, 'the pilot');
  assert.equal(qs[0]!.parts?.length, 2);
});

test('a quote of one stretch has no parts', () => {
  const { quotes: qs } = quotes('“The ferry will run on Sunday,” the captain said.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.parts, undefined);
});

test('a participle cue starts a new quote whose speaker is the sentence subject', () => {
  const { doc, quotes: qs } = quotes('“We are ready,” she said, adding, “The crews have trained for months.”');
  assert.equal(qs.length, 2);
  assert.equal(slice(doc, qs[1]!), '“The crews have trained for months.”');
  assert.equal(qs[1]!.cue, 'adding');
  assert.equal(slice(doc, { start: qs[1]!.speakerStart!, end: qs[1]!.speakerEnd! }), 'she');
  assert.equal(qs[1]!.speakerText, undefined);
  const ind = quotes('Vera Lind rejected the offer on Monday, saying the price ignored the repairs.');
  const part = ind.quotes.find((q) => q.cue === 'saying');
  assert.equal(slice(ind.doc, part!), 'the price ignored the repairs');
  assert.equal(part!.speakerText, 'Vera Lind');
});

test('a question closing its sentence still finds the cue that follows', () => {
  const { quotes: qs } = quotes('“Who will pay for the new roof?” the tenant asked at the meeting.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speakerText, 'the tenant');
  assert.equal(qs[0]!.cue, 'asked');
});

test('a colon after a non-reporting verb hands the quote to the subject', () => {
  const { quotes: qs } = quotes('Marta Sousa stood up and shrugged: “Nobody asked the farmers about the canal.”');
  assert.equal(qs[0]!.speakerText, 'Marta Sousa');
});

test('a subject with long appositions still owns its reporting verb', () => {
  const { doc, quotes: qs } = quotes('Pia Holt, a planner at the port, a busy hub, said the cranes were too old.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speakerText, 'Pia Holt');
  assert.equal(slice(doc, qs[0]!), 'the cranes were too old');
});

test('passive reporting verbs do not make their subject a speaker', () => {
  const { quotes: qs } = quotes('More storms are feared to be forming over the gulf this week.');
  assert.equal(qs.length, 0);
});

test('doubled apostrophes used as quotation marks still let a closing cue attribute the sentence', () => {
  const { doc, quotes: qs } = quotes("''The fence stays where it is,'' Mr. Varga said.");
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speakerText, 'Mr. Varga');
  assert.equal(slice(doc, qs[0]!), "''The fence stays where it is,''");
});

test('closing cues past a bracketed party label, an abbreviation, an adverb; a dash and a bare name', () => {
  assert.equal(quotes('“The levee will hold,” Rep. Ana Ruiz (D-Ore.) said Friday.').quotes[0]!.speakerText, 'Rep. Ana Ruiz');
  assert.equal(quotes('“The levee will hold,” Senator Bo Lund, R-Ky., said.').quotes[0]!.speakerText, 'Senator Bo Lund');
  assert.equal(quotes('“The levee will hold,” Lund said quietly.').quotes[0]!.speakerText, 'Lund');
  const d = quotes('“We have waited long enough for the new bridge.” ― Noor Haddad');
  assert.equal(d.quotes[0]!.speakerText, 'Noor Haddad');
});

test('titles of works in quotation marks after "on", "of" or a possessive are not quotes', () => {
  assert.equal(quotes('She said so on “The Morning Hour With Jo Park.”').quotes.filter((q) => q.kind === 'direct').length, 0);
});

test('pledges take an infinitive and questions a wh-clause as content', () => {
  const a = quotes('The governor vowed to reopen the mill by spring.');
  assert.equal(slice(a.doc, a.quotes[0]!), 'to reopen the mill by spring');
  const b = quotes('The mayor asked residents whether the bridge should close at night.');
  assert.equal(slice(b.doc, b.quotes[0]!), 'whether the bridge should close at night');
});

test('a few quoted words inside a sentence are a term, not a quote, unless a cue follows them', () => {
  assert.equal(quotes('The coach declared “a total failure” after the match.').quotes.length, 0);
  assert.equal(quotes('They chanted “four more years” outside the hall for an hour.').quotes.length, 0);
  const { doc, quotes: qs } = quotes('“Never again,” the mayor said.');
  assert.equal(qs.length, 1);
  assert.equal(slice(doc, qs[0]!), '“Never again,”');
});

test('quotes printed with doubled apostrophes keep their marks as bounds and run on', () => {
  const text = "''We wanted the land,'' Ann Lee, the city manager, said of the deal. ''It was ours.''";
  const { doc, quotes: qs } = quotes(text, [mention('Ann Lee', text, 'PERSON', 'p1')]);
  assert.equal(qs.length, 1);
  assert.equal(slice(doc, qs[0]!), text, 'the whole passage, the cue between its two parts included');
  assert.equal(qs[0]!.speaker, 'p1');
  const around = "''The fares are too high,'' Mr. Dahl said, ''and the trains are late.''";
  assert.equal(slice(quotes(around).doc, quotes(around).quotes[0]!), around);
  const long = "''It is over,'' said Eda Voss, a lawyer. ''We lost. We will appeal.'' The court closed.";
  assert.ok(slice(quotes(long).doc, quotes(long).quotes[0]!).endsWith("appeal.''"), 'a quote of several sentences continues the passage');
  const two = quotes("''Rates will rise,'' she said. The board met on Friday.").quotes;
  assert.equal(two.length, 1);
  assert.equal(two[0]!.end, "''Rates will rise,''".length);
});

test('a second reporting verb joined by "and" or "but" reports for the same subject', () => {
  const a = quotes('The warden refused to name the guards but said the locks had failed twice.').quotes;
  assert.deepEqual(a.map((q) => q.speakerText), ['The warden', 'The warden']);
  const { doc, quotes: b } = quotes('The pilot praised the crew and said the engine had been repaired.');
  assert.deepEqual(b.map((q) => slice(doc, q)), ['the crew', 'the engine had been repaired'], 'the praise is a stance of its own');
  assert.deepEqual(b.map((q) => q.speakerText), ['The pilot', 'The pilot']);
});

test('doubled-apostrophe marks after "X said," hold the content', () => {
  const text = "In May, as a man was led out, Mr. Toll said, ''I would fire him.''";
  const { doc, quotes: qs } = quotes(text);
  assert.equal(qs.length, 1);
  assert.equal(slice(doc, qs[0]!), "''I would fire him.''");
});

test('a share of people can be the source: "61 percent said", "42% say"', () => {
  assert.equal(quotes('Of the voters polled, 61 percent said the economy was their top worry.').quotes[0]?.speakerText, '61 percent');
  assert.equal(quotes('On taxes, 42% say they want cuts for families.').quotes[0]?.speakerText, '42%');
});

test('in "X said she hopes ... “...”" the outer report names the source', () => {
  const text = 'Ann Lee said she expects the board “to keep calling out waste.”';
  const { doc, quotes: qs } = quotes(text, [mention('Ann Lee', text, 'PERSON', 'p1')]);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speakerText, 'Ann Lee');
  assert.equal(qs[0]!.speaker, 'p1');
  assert.ok(slice(doc, qs[0]!).startsWith('she expects'));
});

test('"state" and "continues" report only with "that" after them', () => {
  assert.equal(quotes('Trump won easily, beating his rival in his home state by twenty points.').quotes.length, 0);
  assert.equal(quotes('The lead for the governor continues to grow after the win.').quotes.length, 0);
  assert.equal(quotes('The rules state that a ballot must be signed.').quotes.length, 1);
});

test('"told" skips a long addressee up to "that", or a named one before a pronoun subject', () => {
  const { doc, quotes: a } = quotes('Wilson told The Evening Ledger newspaper of Arden on Saturday that he cast his ballot for Reyes.');
  assert.equal(slice(doc, a[0]!), 'that he cast his ballot for Reyes');
  const b = quotes('Sen. Ana Ruiz told host Chris Lane she believed the report would come out soon.');
  assert.equal(slice(b.doc, b.quotes[0]!), 'she believed the report would come out soon');
});

test('a reported question is an attribution whose source is the asker, when named', () => {
  const a = quotes('Radio host Hal Dunn asked Reyes about remarks he had made the night before.');
  assert.equal(slice(a.doc, a.quotes[0]!), 'about remarks he had made the night before');
  assert.equal(a.quotes[0]!.speakerText, 'Radio host Hal Dunn');
  const b = quotes('Asked by reporters whether the mill would close, the mayor shrugged.');
  assert.equal(slice(b.doc, b.quotes[0]!), 'whether the mill would close');
  assert.equal(b.quotes[0]!.speakerText, 'reporters');
  const c = quotes('When asked why she left the race this week, Tyler said little.');
  assert.equal(slice(c.doc, c.quotes[0]!), 'why she left the race this week');
  assert.equal(c.quotes[0]!.speakerText, undefined, 'the asker is not named');
  assert.equal(c.quotes[0]!.cue, 'asked');
});

test('"according to X" closing a sentence without a comma', () => {
  const { doc, quotes: qs } = quotes('Lee leads the race 46 percent to 39 percent according to a Tribune poll released Monday.');
  assert.equal(slice(doc, qs[0]!), 'Lee leads the race 46 percent to 39 percent');
  assert.equal(qs[0]!.speakerText, 'a Tribune poll released Monday');
});

test('a relative pronoun as the source links to the name it stands for; clause openers are not part of a source', () => {
  const text = 'The plan drew fire from Ana Ruiz, who said the mill should stay open.';
  const { quotes: qs } = quotes(text, [mention('Ana Ruiz', text, 'PERSON', 'p1')]);
  assert.equal(text.slice(qs[0]!.speakerStart, qs[0]!.speakerEnd), 'who');
  assert.equal(qs[0]?.speakerText, undefined, 'the entity names the speaker, not "who"');
  assert.equal(qs[0]?.speaker, 'p1');
  assert.equal(quotes('But Cox said the vote was rigged.').quotes[0]?.speakerText, 'Cox');
  assert.equal(quotes('As the Ledger reported, the mill will close.').quotes[0]?.speakerText, 'the Ledger');
});

test('an unresolved pronoun speaker keeps its place in the text but no speaker text', () => {
  const { doc, quotes: qs } = quotes('The rain kept falling. “We will reopen the bridge when the river drops,” they said.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker, undefined);
  assert.equal(qs[0]!.speakerText, undefined);
  assert.equal(slice(doc, { start: qs[0]!.speakerStart!, end: qs[0]!.speakerEnd! }), 'they');
});

test('"it said" goes to the organisation named just before', () => {
  const text = 'The Harbor Authority closed the pier. “Repairs will take at least two months,” it said.';
  const { quotes: qs } = quotes(text, [mention('Harbor Authority', text, 'ORG', 'o1')]);
  assert.equal(qs[0]!.speaker, 'o1');
});

test('a quote no cue attributes goes to the subject of the sentence that introduces it with a colon', () => {
  const text = 'Mayor Ines Duarte answered the critics in a long statement:\n\n“The bridge was inspected twice this year and it is safe to use.”';
  const { doc, quotes: qs } = quotes(text, [mention('Ines Duarte', text, 'PERSON', 'p1')]);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speaker, 'p1');
  assert.equal(slice(doc, qs[0]!), '“The bridge was inspected twice this year and it is safe to use.”');
});

test('stances are attributed: what a source wants, backs or calls for, and a possessed claim', () => {
  const text = 'The union called for a strike at the port. Mayor Ines Duarte wants a second bridge over the river. '
    + 'Critics mocked her claim that the old bridge could carry trucks.';
  const { doc, quotes: qs } = quotes(text, [mention('Ines Duarte', text, 'PERSON', 'p1')]);
  const said = qs.map((q) => [slice(doc, q), q.speakerText ?? slice(doc, { start: q.speakerStart, end: q.speakerEnd })]);
  assert.deepEqual(said, [
    ['a strike at the port', 'The union'],
    ['a second bridge over the river', 'Mayor Ines Duarte'],
    ['the old bridge could carry trucks', 'her'],
  ]);
  assert.equal(qs[1]!.speaker, 'p1');
});

test('a verb after "said NP" makes the NP the content, and the report is read from the left', () => {
  const text = 'Ana Ruiz, who ran the agency until 2019, said the new levee is too low.';
  const { doc, quotes: qs } = quotes(text);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speakerText, 'Ana Ruiz');
  assert.equal(slice(doc, qs[0]!), 'the new levee is too low');
});

test('a reporting verb after "and" shares the sentence subject, not the object before "and"', () => {
  const text = 'Ines Duarte toured the flooded school in Ribeira and told reporters, “We will rebuild it before the winter.”';
  const { quotes: qs } = quotes(text, [mention('Ines Duarte', text, 'PERSON', 'p1'), mention('Ribeira', text, 'GPE', 'g1')]);
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.speakerText, 'Ines Duarte');
  assert.equal(qs[0]!.speaker, 'p1');
});

test('a possessive name in the speaker phrase is not the speaker', () => {
  const text = '“The senator has answered every question,” Duarte’s spokesman said on Friday.';
  const { quotes: qs } = quotes(text, [mention('Duarte', text, 'PERSON', 'p1')]);
  assert.equal(qs[0]!.speakerText, 'Duarte’s spokesman');
  assert.equal(qs[0]!.speaker, undefined);
});

/** Content and the words naming its source, for each quote in order. */
const reports = (text: string) => {
  const { doc, quotes: qs } = quotes(text);
  return qs.map((q) => [slice(doc, q), q.speakerStart === undefined ? '' : slice(doc, { start: q.speakerStart, end: q.speakerEnd })]);
};

test('a sentence gives every report it holds, each ending where the next begins', () => {
  assert.deepEqual(reports('Most residents said the ferry should run daily, and nearly a third said the fares were too high.'), [
    ['the ferry should run daily', 'Most residents'],
    ['the fares were too high', 'nearly a third'],
  ]);
  assert.deepEqual(reports('Lee, who says he walks to work, said the new tram line is late.'), [
    ['he walks to work', 'who'],
    ['the new tram line is late', 'Lee'],
  ]);
});

test('a headline or a transcript turn is the words of the name that opens it', () => {
  const colon = reports('Ruiz: Bridge Will Reopen Before the Winter Storms\n\nThe council met on Monday.');
  assert.deepEqual(colon, [['Bridge Will Reopen Before the Winter Storms', 'Ruiz']]);
  const says = reports('Ruiz Says Bridge Will Reopen Before the Winter\n\nThe council met on Monday.');
  assert.deepEqual(says, [['Bridge Will Reopen Before the Winter', 'Ruiz']]);
});

test('hedged reports with no named source keep their cue and no speaker', () => {
  const { doc, quotes: qs } = quotes('The new terminal is expected to open in the spring.');
  assert.equal(qs.length, 1);
  assert.equal(slice(doc, qs[0]!), 'The new terminal is expected to open in the spring');
  assert.equal(qs[0]!.cue, 'is expected');
  assert.equal(qs[0]!.speakerStart, undefined);
});

test('stances: a participle after a comma, a view held "as", a state, a noun before a participle', () => {
  assert.deepEqual(reports('The mayor rejected the plan, citing the cost of the new tunnel.')[1], ['the cost of the new tunnel', 'The mayor']);
  assert.deepEqual(reports('Many farmers see the dam as a threat to their wells.'), [['the dam as a threat to their wells', 'Many farmers']]);
  assert.deepEqual(reports('The union is confident that the strike will end soon.'), [['that the strike will end soon', 'The union']]);
  assert.deepEqual(reports('A group backing Ana Ruiz raised more money than any other.'), [['Ana Ruiz', 'A group']]);
  assert.deepEqual(reports('Their support for the tunnel faded.'), []);
});

test('a survey opening the sentence is its source; a quote right after "said" opens the reported clause', () => {
  assert.deepEqual(reports('In a survey released on Monday, most drivers favored a lower speed limit.'), [
    ['most drivers favored a lower speed limit', 'a survey released on Monday'],
  ]);
  const { doc, quotes: qs } = quotes('Ortiz said “we will finish the pier” before the summer ends.');
  assert.equal(qs.length, 1);
  assert.equal(qs[0]!.kind, 'direct');
  assert.equal(slice(doc, qs[0]!), '“we will finish the pier” before the summer ends');
});
