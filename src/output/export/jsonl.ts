import { lineFormat } from './line-format.js';

/** The stored newsgraph/1 records, one per line: the same shape `extract` writes. */
export const jsonlFormat = lineFormat({
  name: 'jsonl',
  description: 'newsgraph/1 records, one JSON object per line',
  mediaType: 'application/x-ndjson',
  extension: 'jsonl',
  lines: (r) => [JSON.stringify(r) + '\n'],
});
