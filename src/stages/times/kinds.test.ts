import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseIsoDate } from './calendar.js';
import { recognizeTimes, type RecognizeOptions } from './recognize.js';

/*
 * One table per kind of expression: a sentence, its publication date, the words of the time
 * looked for, and what it must be read as. Each row is checked on the time that covers those
 * words.
 */

interface Want { value: string; to?: string; duration?: string; mod?: string; type?: string }
type Row = [sentence: string, published: string, words: string, want: Want, options?: RecognizeOptions];

const MON = '2017-07-24'; // a Monday
const THU = '2019-03-14'; // a Thursday

function check(rows: readonly Row[]): void {
  const failures: string[] = [];
  for (const [sentence, published, words, want, options] of rows) {
    const at = sentence.indexOf(words);
    assert.ok(at >= 0, `"${words}" is in "${sentence}"`);
    const found = recognizeTimes(sentence, parseIsoDate(published), [], options).find((t) => t.start < at + words.length && at < t.end);
    const got: Want | undefined = found && {
      value: found.value,
      ...(want.to !== undefined ? { to: found.to } : {}),
      ...(want.duration !== undefined ? { duration: found.duration } : {}),
      ...(want.mod !== undefined ? { mod: found.mod } : {}),
      ...(want.type !== undefined ? { type: found.type } : {}),
    };
    if (JSON.stringify(got) !== JSON.stringify(want)) failures.push(`${sentence} [${published}] "${words}": got ${JSON.stringify(got)}, want ${JSON.stringify(want)}`);
  }
  assert.deepEqual(failures, []);
}

test('ranges keep both ends', () => check([
  ['Harvest runs between August and October.', MON, 'August', { value: '2017-08', to: '2017-10' }],
  ['Harvest runs between August and October.', MON, 'October', { value: '2017-10' }],
  ['The exhibition is open from Sep to Nov.', MON, 'Sep', { value: '2017-09', to: '2017-11' }],
  ['Flights were cut from november to january.', MON, 'november', { value: '2016-11', to: '2017-01' }],
  ['Voting runs June-August 2016 in stages.', MON, 'June', { value: '2016-06', to: '2016-08' }],
  ['The festival runs May 5-10, 2016 downtown.', MON, 'May 5', { value: '2016-05-05', to: '2016-05-10' }],
  ['The festival runs May 5-10, 2016 downtown.', MON, '10', { value: '2016-05-10' }],
  ['Leaders meet on April 24 and 25 in Oslo.', THU, 'April 24', { value: '2019-04-24', to: '2019-04-25' }],
  ['Leaders meet on April 24 and 25 in Oslo.', THU, '25', { value: '2019-04-25' }],
  ['The course lasts from 3 to 7 March 2020.', MON, '3', { value: '2020-03-03', to: '2020-03-07' }],
  ['Sales grew from 2009 to 2014.', MON, '2009', { value: '2009', to: '2014' }],
  ['The plant was idle between 1994 and 1997.', MON, '1994', { value: '1994', to: '1997' }],
  ['Shops close from Monday to Wednesday.', MON, 'Monday', { value: '2017-07-24', to: '2017-07-26' }],
  ['Prices will settle over the next couple of weeks.', MON, 'couple', { value: 'P2W', type: 'DURATION' }],
  ['Talks could take the next few days.', MON, 'few days', { value: 'PXD' }],
  // Two times joined by "and" without "between" are two times.
  ['The strikes hit in 2014 and 2016.', MON, '2014', { value: '2014', to: undefined }],
]));

test('dates in their written forms', () => check([
  ['The bill passed on 23rd february, 2016 after a long debate.', MON, 'february', { value: '2016-02-23' }],
  ['Registration closes 14 nov 2023 at noon.', MON, 'nov', { value: '2023-11-14' }],
  ['The contract was signed on 10-August-2012 in Lagos.', MON, 'August', { value: '2012-08-10' }],
  ['Figures for Sep-2012 were revised.', MON, 'Sep', { value: '2012-09' }],
  ['The archive dates the letter 3 Aug 96.', MON, 'Aug', { value: '1996-08-03' }],
  ['He left on 3 Aug 96 and never came back.', MON, 'Aug', { value: '1996-08-03' }],
  ['It reopens on 5 Jan 25, officials say.', MON, 'Jan', { value: '2025-01-05' }],
  ['The storm of Oct. 3, \'98 is remembered.', MON, 'Oct', { value: '1998-10-03' }],
  ['Results posted on august 5 drew complaints.', MON, 'august', { value: '2017-08-05' }],
  ['The embassy confirmed the slated visit in September.', MON, 'September', { value: '2017-09' }],
  ['The file was stamped 2016-11-02T14:30:00Z by the clerk.', MON, '2016-11-02', { value: '2016-11-02T14:30:00', type: 'TIME' }],
  ['The log entry reads 2016-11-02 09:05 exactly.', MON, '2016-11-02', { value: '2016-11-02T09:05', type: 'TIME' }],
  ['The fine was paid 2012/08/10 in full.', MON, '2012/08/10', { value: '2012-08-10' }],
  // Numeric dates: a part above 12 settles the order; dots are day first; else the outlet's locale, month first by default.
  ['The memo is dated 8/10/2012 in the file.', MON, '8/10/2012', { value: '2012-08-10' }],
  ['The memo is dated 8/10/2012 in the file.', MON, '8/10/2012', { value: '2012-10-08' }, { dayFirst: true }],
  ['The memo is dated 25/10/2012 in the file.', MON, '25/10/2012', { value: '2012-10-25' }],
  ['The memo is dated 10/25/2012 in the file.', MON, '10/25/2012', { value: '2012-10-25' }, { dayFirst: true }],
  ['The court sat on 10.08.2012 for an hour.', MON, '10.08.2012', { value: '2012-08-10' }],
  ['The receipt says 3/4/19 at the top.', MON, '3/4/19', { value: '2019-03-04' }],
  ['Prices soared in the 90’s and fell after.', MON, '90’s', { value: '199X' }],
]));

test('numbers that only look like dates are left alone', () => {
  const none = (s: string) => assert.deepEqual(recognizeTimes(s, parseIsoDate(MON)).map((t) => t.text), [], s);
  none('The score was 3-1-2 after extra time.');
  none('Version 1.2.10 fixes the bug.');
  none('Statues stand on Easter Island.');
  assert.deepEqual(recognizeTimes('On March 3, 20 people were hurt.', parseIsoDate(MON)).map((t) => t.value), ['2017-03-03']);
  assert.deepEqual(recognizeTimes('Ask him on 5 May 96 people came.', parseIsoDate(MON)).map((t) => t.value), []);
  none('She told CBS This Morning that she would run.');
  none('Prices change on a day-to-day basis.');
});

test('offsets from now are dates, with the stretch beside them', () => check([
  ['The results will be out in 2 weeks.', MON, '2 weeks', { value: '2017-W32', duration: 'P2W' }],
  ['The ministry says it will decide in five days.', MON, 'five days', { value: '2017-07-29', duration: 'P5D' }],
  ['Ballots are counted in three months\' time.', MON, 'three months', { value: '2017-10', duration: 'P3M' }],
  ['The shop reopens in a year.', MON, 'a year', { value: '2018', duration: 'P1Y' }],
  ['The ferry returns five days from today.', MON, 'five days', { value: '2017-07-29' }],
  ['The ferry returns five days from tomorrow.', MON, 'five days', { value: '2017-07-30' }],
  // A stretch, not a date: a record, a past event, an age.
  ['It was the first rise in five years.', MON, 'five years', { value: 'P5Y', type: 'DURATION' }],
  ['The bridge was built in two years.', MON, 'two years', { value: 'P2Y', type: 'DURATION' }],
  ['Prices fell for the fourth time in six months.', MON, 'six months', { value: 'P6M' }],
]));

test('offsets from another time of the text', () => check([
  ['The talks began on March 3, 2016. Two days later, they collapsed.', MON, 'Two days', { value: '2016-03-05', duration: 'P2D' }],
  ['He was freed on 4 June 2015 and re-arrested a week later.', MON, 'a week', { value: '2015-W24', duration: 'P1W' }],
  ['The dam burst on 12 May 2010; three days earlier, engineers had warned of cracks.', MON, 'three days', { value: '2010-05-09' }],
  ['The vote was on Friday. The day before, the polls had closed early.', MON, 'The day before', { value: '2017-07-20' }],
  ['Rebels took the town on 1 April 2016 and lost it that same day.', MON, 'that same day', { value: '2016-04-01' }],
  ['She landed on Oct. 9, 2014 and spoke the next morning.', MON, 'the next morning', { value: '2014-10-10' }],
  ['The mine opened in June 1998 and closed later that year.', MON, 'that year', { value: '1998' }],
  ['The day before last Tuesday\'s hearing, lawyers met.', MON, 'The day before', { value: '2017-07-17' }],
  ['Two days after March 3, 2016, the truce held.', MON, 'Two days after', { value: '2016-03-05' }],
  ['A guard saw the van ten days before the robbery. The robbery on Sept. 20, 2013 was never solved.', MON, 'ten days', { value: '2013-09-10', duration: 'P10D' }],
  // The event may be named in other words: a killing as a murder, a shooting, a death.
  ['The guard was shot dead on 4 May 2012. A neighbour saw a van ten days before the murder.', MON, 'ten days', { value: '2012-04-24', duration: 'P10D' }],
  ['The singer was killed on 2 June 2014; fans gathered the day after his death.', MON, 'the day after', { value: '2014-06-03' }],
  // A time written right before the event's noun dates the event before one merely near it.
  ['The clerk was charged on Friday with the murder. Police had sought him since the June 3 killing; a van was seen ten days before the shooting.', MON, 'ten days', { value: '2017-05-24' }],
  // A stretch of unknown length: the month of the time it is counted from.
  ['The guard was shot dead on 4 May 2012. A neighbour saw a van in the weeks before the killing.', MON, 'weeks', { value: '2012-05' }],
  ['Prices rose in the days after March 3, 2016.', MON, 'days', { value: '2016-03' }],
  ['The guard was shot dead on 4 May 2012. A van was seen in the weeks before Smith was killed.', MON, 'weeks', { value: '2012-05' }],
  ['The guard was shot dead on 4 May 2012. A van was seen ten days before Smith was killed.', MON, 'ten days', { value: '2012-04-24', duration: 'P10D' }],
  // With no date for the event, the stretch stays a stretch.
  ['Tenants left in the months after the flood.', MON, 'months', { value: 'PXM', type: 'DURATION' }],
  // Stretches that follow or lie ahead, of no given length.
  ['The mill closed in 1981, and in the years that followed the town shrank.', MON, 'years', { value: 'PXY', type: 'DURATION' }],
  ['Fares will climb in the months to come.', MON, 'months', { value: 'PXM', type: 'DURATION' }],
  ['Crews expect hard work in the days ahead.', MON, 'days', { value: 'PXD', type: 'DURATION' }],
  ['A guard saw the van ten days before the robbery.', MON, 'ten days', { value: 'P10D', type: 'DURATION' }],
  // Hours counted from a day tell no more than the day.
  ['He was shot on Friday and died two hours later.', MON, 'two hours', { value: 'PT2H' }],
]));

test('the week of a holiday', () => check([
  ['Pilgrims arrived as Easter week began.', '2017-04-10', 'Easter week', { value: '2017-W15' }],
  ['Shops stay shut during Christmas week 2015.', MON, 'Christmas week', { value: '2015-W52' }],
  ['Traffic will peak in Thanksgiving week.', MON, 'Thanksgiving week', { value: '2017-W47' }],
]));

test('a date with a part of the day; "next" weekday is the first such day after publication', () => check([
  ['The panel meets next Monday afternoon.', MON, 'next Monday afternoon', { value: '2017-07-31' }],
  ['The panel meets next monday.', MON, 'next monday', { value: '2017-07-31' }],
  ['The panel meets next Friday.', MON, 'next Friday', { value: '2017-07-28' }],
  ['The panel meets Monday next week.', MON, 'Monday next week', { value: '2017-07-31' }],
  ['The panel met on Friday of last week.', THU, 'Friday of last week', { value: '2019-03-08' }],
  ['The panel meets Sunday this week.', MON, 'Sunday this week', { value: '2017-07-30' }],
  ['the panel meets tuesday next week.', MON, 'tuesday next week', { value: '2017-08-01' }],
  ['The offer expires at the end of this Sunday.', MON, 'Sunday', { value: '2017-07-30', mod: 'END' }],
  ['Crowds gathered on Saturday night.', MON, 'Saturday night', { value: '2017-07-22' }],
  ['Troops left early Friday morning.', MON, 'Friday morning', { value: '2017-07-21' }],
  ['Officials will speak this evening.', MON, 'this evening', { value: '2017-07-24' }],
  ['The mayor spoke yesterday afternoon.', MON, 'yesterday afternoon', { value: '2017-07-23' }],
  ['The shelling went on tonight.', MON, 'tonight', { value: '2017-07-24' }],
  ['Shots rang out last night.', MON, 'last night', { value: '2017-07-23' }],
  ['The ferry leaves at 4 in the morning.', MON, '4 in the morning', { value: '2017-07-24T04:00' }],
  // A bare hour beside tonight or this evening is after noon; small hours of the night stay in the morning.
  ['The vote is counted at 7:30 tonight.', MON, '7:30', { value: '2017-07-24T19:30' }],
  ['The mayor will speak at 8 tonight.', MON, '8', { value: '2017-07-24T20:00' }],
  ['The market reopens at 3 this afternoon.', MON, '3', { value: '2017-07-24T15:00' }],
  ['The curfew ends at 2 tonight.', MON, '2', { value: '2017-07-24T02:00' }],
  ['Police counted 8 tonight.', MON, 'tonight', { value: '2017-07-24' }],
  // The first end of a range of hours takes the half of the day the last one gives.
  ['Polls are open between 3 and 5 pm.', MON, '3', { value: '2017-07-24T15:00', to: '2017-07-24T17:00' }],
  ['The clinic opens from 9 to 11 a.m.', MON, '9', { value: '2017-07-24T09:00' }],
  ['The office opens from 11 to 1 pm.', MON, '11', { value: '2017-07-24T11:00' }],
  ['The blast came at 10:35 a.m. (0735 GMT) Friday.', MON, '10:35', { value: '2017-07-21T10:35' }],
  ['The polls close at 21:00 on the day.', MON, '21:00', { value: '2017-07-24T21:00' }],
  ['Relatives have until 9 a.m. Tuesday to answer.', MON, '9 a.m.', { value: '2017-07-25T09:00' }],
  ['The doors opened at 6:30 a.m. on March 19, 2002, to a crowd.', MON, '6:30', { value: '2002-03-19T06:30' }],
  ['The service is on Friday, April 7, 2017 at noon.', MON, 'noon', { value: '2017-04-07T12:00' }],
  ['A witness saw the car at 6 a.m. ten days before the robbery. The robbery on Sept. 20, 2013 was never solved.', MON, '6 a.m.', { value: '2013-09-10T06:00' }],
  // With nothing between them the clock time and its day are one time; a place may stand between them.
  ['A witness saw the car at 6 a.m. ten days before the robbery. The robbery on Sept. 20, 2013 was never solved.', MON, 'ten days', { value: '2013-09-10T06:00', type: 'TIME' }],
  ['A porter saw the truck at 7 p.m. outside the depot three days before the robbery. The robbery on June 2, 2011 was never solved.', MON, '7 p.m.', { value: '2011-05-30T19:00' }],
  ['Guards left at 7 p.m. and returned three days before the robbery. The robbery on June 2, 2011 was never solved.', MON, '7 p.m.', { value: '2017-07-24T19:00' }],
  ['The ferry will sail at 5 in the morning (5 a.m. GMT Wednesday), the captain said.', MON, '5 in the morning', { value: '2017-07-26T05:00' }],
  // A parenthesis ends the time; the weekday after it is a time of its own and still gives the clock time its day.
  ['The storm hit at 9:10 p.m. (0110 GMT) Thursday, cutting power.', THU, '9:10 p.m.', { value: '2019-03-14T21:10' }],
  ['The storm hit at 9:10 p.m. (0110 GMT) Thursday, cutting power.', THU, 'Thursday', { value: '2019-03-14' }],
]));

test('quarters by their code', () => check([
  ['Sales fell in Q3 2016.', MON, 'Q3 2016', { value: '2016-Q3' }],
  ['Profits rose in Q1\u201919.', MON, 'Q1', { value: '2019-Q1' }],
  ['The plant opens in Q4.', MON, 'Q4', { value: '2017-Q4' }],
  ['Output dropped in Q4.', THU, 'Q4', { value: '2018-Q4' }],
]));

test('a quarter code with no year or word of time is no date', () => {
  for (const s of ['Answer Q2 first.', 'See the Q3 tables.']) assert.equal(recognizeTimes(s, parseIsoDate(MON), []).length, 0, s);
});

test('a day of the month with no month named', () => check([
  ['Claims must be filed by the 28th.', MON, 'the 28th', { value: '2017-07-28' }],
  ['Claims must be filed by the 3rd.', MON, 'the 3rd', { value: '2017-08-03' }],
  ['The convoy left on the 20th, officials said.', MON, 'the 20th', { value: '2017-07-20' }],
  ['The convoy was attacked on the 30th.', MON, 'the 30th', { value: '2017-06-30' }],
  ['The hearing is on the 9th of next month.', MON, 'the 9th of next month', { value: '2017-08-09' }],
]));

test('a weekday before last week\u2019s event is a weekday of its own', () => {
  const t = recognizeTimes('Police spoke on Monday of last week\u2019s raid.', parseIsoDate(MON), []);
  assert.ok(!t.some((x) => x.rule === 'weekday-of-week'), JSON.stringify(t));
});

test('an ordinal before a noun is no day', () => {
  for (const s of ['The office is on the 15th floor.', 'It came after the 3rd round of talks.']) {
    assert.equal(recognizeTimes(s, parseIsoDate(MON), []).filter((t) => t.rule === 'day-of-month').length, 0, s);
  }
});
