import { test } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, addMonths, easter, fmtWeek, isoWeek, nthWeekday, parseIsoDate, weekday } from './calendar.js';

test('ISO weeks at year boundaries', () => {
  assert.deepEqual(isoWeek({ y: 2017, m: 7, d: 17 }), { year: 2017, week: 29 });
  // 1 January 2016 is a Friday: it belongs to the last week of 2015 (53 weeks).
  assert.deepEqual(isoWeek({ y: 2016, m: 1, d: 1 }), { year: 2015, week: 53 });
  // 31 December 2018 is a Monday: week 1 of 2019.
  assert.deepEqual(isoWeek({ y: 2018, m: 12, d: 31 }), { year: 2019, week: 1 });
  assert.equal(fmtWeek({ y: 2021, m: 1, d: 3 }), '2020-W53');
  assert.equal(fmtWeek({ y: 2000, m: 2, d: 16 }), '2000-W07');
});

test('date arithmetic crosses months, years and leap days', () => {
  assert.deepEqual(addDays({ y: 2017, m: 1, d: 1 }, -1), { y: 2016, m: 12, d: 31 });
  assert.deepEqual(addDays({ y: 2016, m: 2, d: 28 }, 1), { y: 2016, m: 2, d: 29 });
  assert.deepEqual(addMonths({ y: 2017, m: 1, d: 31 }, -1), { y: 2016, m: 12, d: 31 });
  assert.deepEqual(addMonths({ y: 2017, m: 3, d: 31 }, -1), { y: 2017, m: 2, d: 28 });
  assert.equal(weekday({ y: 2017, m: 7, d: 24 }), 1);
});

test('publication dates parse strictly', () => {
  assert.deepEqual(parseIsoDate('2017-07-24T10:00:00Z'), { y: 2017, m: 7, d: 24 });
  assert.equal(parseIsoDate('2017-02-30'), undefined);
  assert.equal(parseIsoDate('July 2017'), undefined);
  assert.equal(parseIsoDate(undefined), undefined);
});

test('movable holidays', () => {
  assert.deepEqual(easter(2019), { y: 2019, m: 4, d: 21 });
  assert.deepEqual(nthWeekday(1999, 11, 4, 4), { y: 1999, m: 11, d: 25 });
});
