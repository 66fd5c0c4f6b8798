import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIsoDate } from './calendar.js';
import { recognizeTimes } from './recognize.js';

/** [text of the match, value, mod?] for each time found. */
function times(text: string, published?: string): [string, string, string?][] {
  return recognizeTimes(text, parseIsoDate(published)).map((t) => (t.mod ? [t.text, t.value, t.mod] : [t.text, t.value]));
}
const MON = '2017-07-24'; // a Monday

test('absolute dates in common news forms', () => {
  assert.deepEqual(times('The ceasefire began on 4 July 2017 in the north.', MON), [['4 July 2017', '2017-07-04']]);
  assert.deepEqual(times('Talks opened March 3, 2016, in Geneva.', MON), [['March 3, 2016', '2016-03-03']]);
  assert.deepEqual(times('The offensive began July 4 near the river.', MON), [['July 4', '2017-07-04']]);
  assert.deepEqual(times('Fighting resumed in July 2015.', MON), [['July 2015', '2015-07']]);
  assert.deepEqual(times('The town fell in 2014.', MON), [['2014', '2014']]);
  assert.deepEqual(times('Militias grew during the 1990s.', MON), [['the 1990s', '199X']]);
  assert.deepEqual(times('The deal was signed 2016-11-02.', MON), [['2016-11-02', '2016-11-02']]);
  assert.deepEqual(times('The vote comes in the second quarter of 2018.', MON), [['the second quarter of 2018', '2018-Q2']]);
});

test('quarters, halves and the end of the year', () => {
  assert.deepEqual(times('Profit fell in the third quarter of last year.', MON), [['the third quarter of last year', '2016-Q3']]);
  assert.deepEqual(times('Profit fell in the third quarter last year.', MON), [['the third quarter last year', '2016-Q3']]);
  assert.deepEqual(times('Sales rose in the first half of 2016.', MON), [['the first half of 2016', '2016-H1']]);
  // The year may stand before the ordinal.
  assert.deepEqual(times('Margins narrowed in the 2015 fourth quarter.', MON), [['the 2015 fourth quarter', '2015-Q4']]);
  assert.deepEqual(times('Orders slowed in last year\u2019s second half.', MON), [['last year\u2019s second half', '2016-H2']]);
  assert.deepEqual(times('Troops leave by the end of the year.', MON), [['the end of the year', '2017', 'END']]);
  assert.deepEqual(times('The vote was held in February this year.', MON), [['February this year', '2017-02']]);
  assert.deepEqual(times('Second-quarter profit beat the figure a year earlier.', MON), [['Second-quarter', '2017-Q2'], ['a year earlier', '2016']]);
  assert.deepEqual(times('Prices fell over the past 12 months.', MON), [['the past 12 months', 'P12M']]);
});

test('words that only look like times', () => {
  assert.deepEqual(times('The party daily Tishreen printed it.', MON), []);
  assert.deepEqual(times('It was high noon for the alliance.', MON), []);
  assert.deepEqual(times('His 1987 Chevrolet was found.', MON), []);
  assert.deepEqual(times('He told USA Today and the News Daily show before Super Tuesday.', MON), []);
});

test('weekdays resolve to the nearest day in the direction of the clause', () => {
  assert.deepEqual(times('Officials said Friday that the road was closed.', MON), [['Friday', '2017-07-21']]);
  assert.deepEqual(times('The minister will travel to the capital on Thursday.', MON), [['Thursday', '2017-07-27']]);
  assert.deepEqual(times('Rebels attacked the base on Monday.', MON), [['Monday', '2017-07-24']]);
  assert.deepEqual(times('The envoy arrived last Monday.', MON), [['last Monday', '2017-07-17']]);
  // "next" is the first such day after the publication date, never the day itself.
  assert.deepEqual(times('They meet again next Tuesday.', MON), [['next Tuesday', '2017-07-25']]);
  assert.deepEqual(times('They meet again next Monday.', MON), [['next Monday', '2017-07-31']]);
  // A time that opens the sentence takes the tense of the main verb after it.
  assert.deepEqual(times('On Thursday, the council plans to vote on the budget.', MON), [['Thursday', '2017-07-27']]);
  assert.deepEqual(times('On Friday, the council planned to close the road.', MON), [['Friday', '2017-07-21']]);
  assert.deepEqual(times('On Friday, when the mayor had planned a visit, the council closed the road.', MON), [['Friday', '2017-07-21']]);
  assert.deepEqual(times('In January, weeks after the vote, a fire destroyed the old mill.', '2017-10-24'), [['January', '2017-01']]);
});

test('relative expressions resolve against the publication date', () => {
  assert.deepEqual(times('A report released last week said so.', MON), [['last week', '2017-W29']]);
  assert.deepEqual(times('Last month the army retook the town.', MON), [['Last month', '2017-06']]);
  assert.deepEqual(times('He was killed last summer in an airstrike.', MON), [['last summer', '2016-SU']]);
  assert.deepEqual(times('The bridge was hit yesterday.', MON), [['yesterday', '2017-07-23']]);
  assert.deepEqual(times('Aid arrives tomorrow.', MON), [['tomorrow', '2017-07-25']]);
  assert.deepEqual(times('Prices rose earlier this year.', MON), [['earlier this year', '2017']]);
  assert.deepEqual(times('The group is now weaker.', MON), [['now', 'PRESENT_REF']]);
  // "some day" is a day ahead, of no given date; "some days" a stretch.
  assert.deepEqual(times('Some day the line will reach the coast.', MON), [['Some day', 'FUTURE_REF']]);
  assert.deepEqual(times('The repairs took some days.', MON), [['some days', 'PXD']]);
  assert.deepEqual(times('It is currently held by rebels.', MON), [['currently', 'PRESENT_REF']]);
  // "the past" alone is the past; "the past few weeks" a stretch of it.
  assert.deepEqual(times('Floods like this were rare in the past.', MON), [['the past', 'PAST_REF']]);
  assert.deepEqual(times('In the past, the bridge carried trams.', MON), [['the past', 'PAST_REF']]);
  assert.deepEqual(times('Rain fell over the past few weeks.', MON), [['the past few weeks', 'PXW']]);
  assert.deepEqual(times('The group has in recent days begun new raids.', MON), [['recent days', 'PRESENT_REF']]);
  assert.deepEqual(times('The unit was formed two years ago.', MON), [['two years ago', '2015']]);
  assert.deepEqual(times('Elections are due next year.', MON), [['next year', '2018']]);
  assert.deepEqual(times('Fighting flared this week.', MON), [['this week', '2017-W30']]);
  assert.deepEqual(times('Talks collapsed this past weekend.', MON), [['past weekend', '2017-W29-WE']]);
  // With "the", "last" counts back from now like "past": a stretch, not the calendar period before this one.
  assert.deepEqual(times('The ferry has been idle for the last week.', MON), [['the last week', 'P1W']]);
  assert.deepEqual(times('Rents doubled over the past year.', MON), [['the past year', 'P1Y']]);
  assert.deepEqual(times('Profit slipped in the last quarter.', MON), [['the last quarter', '2017-Q2']]);
  // "the last week of March" is the last week of another period.
  assert.deepEqual(times('Crowds peaked in the last week of March.', MON), [['March', '2017-03']]);
});

test('parts of periods carry a mod', () => {
  assert.deepEqual(times('Fighters arrived at the beginning of February.', MON), [['the beginning of February', '2017-02', 'START']]);
  assert.deepEqual(times('A second group came at the end of March.', MON), [['the end of March', '2017-03', 'END']]);
  assert.deepEqual(times('The city fell in late 2016.', MON), [['late 2016', '2016', 'END']]);
  assert.deepEqual(times('The plan dates from mid-2015.', MON), [['mid-2015', '2015', 'MID']]);
  assert.deepEqual(times('Talks stalled in early June.', MON), [['early June', '2017-06', 'START']]);
  // "year-end" is the end of the year of publication; "last year's end" the one before.
  assert.deepEqual(times('The firm expects to hire again by year-end.', MON), [['year-end', '2017', 'END']]);
  assert.deepEqual(times('Stocks were thin at last year\u2019s end.', MON), [['last year\u2019s end', '2016', 'END']]);
  assert.deepEqual(times('The quarter-end figures disappointed.', MON), [['quarter-end', '2017-Q3', 'END']]);
  // "a week or so ago" is a date, approximately.
  assert.deepEqual(times('The leak began a week or so ago.', MON), [['a week or so ago', '2017-W29', 'APPROX']]);
});

test('durations and sets', () => {
  assert.deepEqual(times('For more than a year, the group has planned for defeat.', MON), [['more than a year', 'P1Y', 'MORE_THAN']]);
  assert.deepEqual(times('The war lasted a decade.', MON), [['a decade', 'P10Y']]);
  // A weekday or season that recurs is a SET.
  assert.deepEqual(times('The choir rehearses every Tuesday.', MON), [['every Tuesday', 'XXXX-WXX-2']]);
  assert.deepEqual(times('The ferry runs on Sundays.', MON), [['Sundays', 'XXXX-WXX-7']]);
  assert.deepEqual(times('Each winter the pass closes.', MON), [['Each winter', 'XXXX-WI']]);
  assert.deepEqual(times('The museum is busiest on weekends.', MON), [['weekends', 'XXXX-WXX-WE']]);
  assert.deepEqual(times('The stall opens every Saturday morning.', MON), [['every Saturday morning', 'XXXX-WXX-6TMO']]);
  // Halves and quarters of a unit, however English writes them.
  assert.deepEqual(times('The siege lasted half a century.', MON), [['half a century', 'P50Y']]);
  assert.deepEqual(times('The meeting ran for half an hour.', MON), [['half an hour', 'PT30M']]);
  assert.deepEqual(times('The repairs took a year and a half.', MON), [['a year and a half', 'P18M']]);
  assert.deepEqual(times('The trial ran two and a half years.', MON), [['two and a half years', 'P30M']]);
  assert.deepEqual(times('The bridge stood for a quarter century.', MON), [['a quarter century', 'P25Y']]);
  assert.deepEqual(times('They stay at least two more weeks.', MON), [['at least two more weeks', 'P2W', 'EQUAL_OR_MORE']]);
  assert.deepEqual(times('It lasted over an hour.', MON), [['over an hour', 'PT1H', 'MORE_THAN']]);
  assert.deepEqual(times('The siege lasted three months.', MON), [['three months', 'P3M']]);
  assert.deepEqual(times('The talks lasted 5 1/2 hours.', MON), [['5 1/2 hours', 'PT5H30M']]);
  assert.deepEqual(times('A 48-hour truce was agreed.', MON), [['48-hour', 'PT48H']]);
  assert.deepEqual(times('They have fought for years.', MON), [['years', 'PXY']]);
  const set = recognizeTimes('Convoys cross daily and recruits earn $300 a month.', parseIsoDate(MON));
  assert.deepEqual(set.map((t) => [t.text, t.value, t.type]), [['daily', 'P1D', 'SET'], ['a month', 'P1M', 'SET']]);
});

test('seasons', () => {
  assert.deepEqual(times('The offensive started in the summer of 2014.', MON), [['the summer of 2014', '2014-SU']]);
  // Published in October, last summer is the summer just ended.
  assert.deepEqual(times('Crops failed last summer.', '2017-10-02'), [['last summer', '2017-SU']]);
  assert.deepEqual(times('Talks resume this autumn.', MON), [['this autumn', '2017-FA']]);
  assert.deepEqual(times('Last winter was harsh.', '2017-03-01'), [['Last winter', '2016-WI']]);
  // A season word that is not a time.
  assert.deepEqual(times('Prices could fall sharply.', MON), []);
});

test('year boundaries', () => {
  assert.deepEqual(times('Last month the road reopened.', '2017-01-10'), [['Last month', '2016-12']]);
  assert.deepEqual(times('Talks failed last week.', '2017-01-03'), [['last week', '2016-W52']]);
  assert.deepEqual(times('Talks failed last week.', '2016-01-06'), [['last week', '2015-W53']]);
  assert.deepEqual(times('Talks resume next week.', '2018-12-27'), [['next week', '2019-W01']]);
  assert.deepEqual(times('Last year was the deadliest.', '2017-01-01'), [['Last year', '2016']]);
  // A date just after New Year read in late December, and one just before read in January.
  assert.deepEqual(times('The deadline is Jan. 14.', '1999-12-20'), [['Jan. 14', '2000-01-14']]);
  assert.deepEqual(times('The attack on Dec. 28 killed four.', '2000-01-06'), [['Dec. 28', '1999-12-28']]);
  assert.deepEqual(times('It happened in December.', '2017-01-05'), [['December', '2016-12']]);
  assert.deepEqual(times('Shootings since January 1 rose.', '2016-09-29'), [['January 1', '2016-01-01']]);
  assert.deepEqual(times('He visited on Friday.', '2017-01-02'), [['Friday', '2016-12-30']]);
});

test('without a publication date relative expressions stay unresolved', () => {
  const found = recognizeTimes('Last week the group struck; on Monday it retreated. The town fell in 2014.', undefined);
  assert.deepEqual(found.map((t) => [t.text, t.value, !!t.unresolved]), [
    ['Last week', 'XXXX-WXX', true],
    ['Monday', 'XXXX-XX-XX', true],
    ['2014', '2014', false],
  ]);
});

test('numbers that are not times are left alone', () => {
  assert.deepEqual(times('About 2000 people fled and 1500 fighters stayed.', MON), []);
  assert.deepEqual(times('A 35-year-old man was arrested.', MON), []);
  assert.deepEqual(times('The boy, eight years old, was freed.', MON), []);
  assert.deepEqual(times('Jan Egeland may visit.', MON), []);
  assert.deepEqual(times('Police will march through the city.', MON), []);
});
