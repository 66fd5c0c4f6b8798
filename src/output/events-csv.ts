import { eventLayer } from '../layers/events.js';
import { exportColumns } from '../layers/spec.js';
import { csvLine } from './export/csv.js';
import { lineFormat } from './export/line-format.js';
import { eventRows, type EventRow } from './event-rows.js';

/** ACLED-like columns, one row per event, as the events layer declares them. */
const COLUMNS = exportColumns(eventLayer, 'csv');
export const EVENT_CSV_COLUMNS: readonly string[] = COLUMNS.map((c) => c.name);

export function eventCsvRow(x: EventRow): string {
  return csvLine(COLUMNS.map((c) => c.value(x)));
}

export const eventsCsvFormat = lineFormat({
  name: 'events-csv',
  description: 'one row per event: date and precision, type, actors, place and coordinates, fatalities, source, evidence',
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  header: csvLine(EVENT_CSV_COLUMNS),
  lines: (r) => eventRows(r).map(eventCsvRow),
});
