import { csvLine } from './export/csv.js';
import { lineFormat } from './export/line-format.js';
import { eventRows, type EventRow } from './event-rows.js';

/** ACLED-like columns, one row per event. */
export const EVENT_CSV_COLUMNS = [
  'event_id', 'doc_id', 'event_date', 'time_precision', 'event_type', 'plover', 'actor1', 'actor2',
  'location', 'geonameid', 'country', 'latitude', 'longitude', 'fatalities', 'quantities',
  'claimed', 'negated', 'hedged', 'source', 'outlet', 'published', 'url', 'evidence', 'evidence_start', 'evidence_end',
] as const;

export function eventCsvRow(x: EventRow): string {
  const cells = [
    x.id, x.docId, x.date, x.precision, x.type, x.plover, x.actor, x.target,
    x.placeName, x.place?.geonameId, x.place?.country, x.place?.lat, x.place?.lon, x.fatalities, x.quantities,
    x.claimed ? 1 : 0, x.negated ? 1 : 0, x.hedged ? 1 : 0, x.source, x.outlet, x.published, x.url, x.evidence, x.start, x.end,
  ];
  return csvLine(cells);
}

export const eventsCsvFormat = lineFormat({
  name: 'events-csv',
  description: 'one row per event: date and precision, type, actors, place and coordinates, fatalities, source, evidence',
  mediaType: 'text/csv; charset=utf-8',
  extension: 'csv',
  header: csvLine(EVENT_CSV_COLUMNS),
  lines: (r) => eventRows(r).map(eventCsvRow),
});
