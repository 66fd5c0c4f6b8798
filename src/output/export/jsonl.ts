import type { ExportFormat } from './formats.js';
import { write } from './write.js';

/** The stored newsgraph/1 records, one per line: the same shape `extract` writes. */
export const jsonlFormat: ExportFormat = {
  name: 'jsonl',
  description: 'newsgraph/1 records, one JSON object per line',
  mediaType: 'application/x-ndjson',
  extension: 'jsonl',
  async write(records, out) {
    let n = 0;
    for await (const r of records) {
      await write(out, JSON.stringify(r) + '\n');
      n++;
    }
    return n;
  },
};
