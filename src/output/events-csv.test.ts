import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dateOf } from './event-rows.js';
import { EVENT_CSV_COLUMNS, eventsCsvFormat } from './events-csv.js';
import { eventRecord, records, sink } from './export-fixture.js';

test('one ACLED-like row per event: date precision, actors by name, place with coordinates, fatalities', async () => {
  const r = eventRecord('Gunmen of [Red Cell|ORG|rc] killed <14|14> villagers in [Doma|GPE|doma] {on 3 May 2019|2019-05-03}. [Red Cell|ORG|rc] denied carrying out the attack on [the Mountain Guard|ORG|mg].', { published: '2019-05-05', outlet: 'Daily Post' });
  const { out, text } = sink();
  const n = await eventsCsvFormat.write(records(r), out);
  assert.equal(n, 1);
  const lines = text().trim().split('\r\n');
  assert.equal(lines[0], EVENT_CSV_COLUMNS.join(','));
  const rows = lines.slice(1).map((l) => l.split(','));
  const col = (row: string[], c: (typeof EVENT_CSV_COLUMNS)[number]) => row[EVENT_CSV_COLUMNS.indexOf(c)];
  const kill = rows.find((x) => col(x, 'event_type') === 'killing')!;
  assert.deepEqual([col(kill, 'event_date'), col(kill, 'time_precision'), col(kill, 'actor1'), col(kill, 'location'), col(kill, 'latitude'), col(kill, 'fatalities'), col(kill, 'plover')],
    ['2019-05-03', '1', 'Red Cell', 'Doma', '34', '14', 'ASSAULT']);
  const denied = rows.find((x) => col(x, 'event_type') === 'attack')!;
  assert.deepEqual([col(denied, 'actor2'), col(denied, 'negated'), col(denied, 'event_date'), col(denied, 'time_precision')], ['the Mountain Guard', '1', '2019-05-05', '3']);
});

test('TIMEX values map to ACLED precision', () => {
  assert.deepEqual(dateOf('2017-W29', '2017-07-24'), { date: '2017-W29', precision: 2 });
  assert.deepEqual(dateOf('2016-SU', '2017-07-24'), { date: '2016-SU', precision: 3 });
  assert.deepEqual(dateOf('PRESENT_REF', '2017-07-24'), { date: '2017-07-24', precision: 2 });
  assert.deepEqual(dateOf(undefined, ''), { date: '', precision: 3 });
});
