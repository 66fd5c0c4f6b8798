import type { Writable } from 'node:stream';
import type { NewsRecord } from '../record.js';
import { csvFormat } from './csv.js';
import { eventsCsvFormat } from '../events-csv.js';
import { geojsonFormat } from '../geojson.js';
import { jsonlFormat } from './jsonl.js';
import { mentionsCsvFormat, quotesCsvFormat } from '../span-rows-csv.js';

/**
 * An export format turns stored records into a byte stream. New formats (GeoJSON of places,
 * an events CSV) are one module each, added to EXPORT_FORMATS; the CLI and the API list them from here.
 */
export interface ExportFormat {
  readonly name: string;
  readonly description: string;
  readonly mediaType: string;
  readonly extension: string;
  /** Writes every record; resolves to the number of documents written. */
  write(records: AsyncIterable<NewsRecord>, out: Writable): Promise<number>;
}

export const EXPORT_FORMATS: ReadonlyMap<string, ExportFormat> = new Map(
  [jsonlFormat, csvFormat, geojsonFormat, eventsCsvFormat, mentionsCsvFormat, quotesCsvFormat].map((f) => [f.name, f]),
);

export function exportFormat(name: string): ExportFormat | undefined {
  return EXPORT_FORMATS.get(name.toLowerCase());
}
