import type { NewsRecord } from '../record.js';
import type { ExportFormat } from './formats.js';
import { write } from './write.js';

/** A format written line by line: an optional header, then the lines of each record in turn. */
export function lineFormat(spec: Omit<ExportFormat, 'write'> & { header?: string; lines(r: NewsRecord): Iterable<string> }): ExportFormat {
  const { header, lines, ...meta } = spec;
  return {
    ...meta,
    async write(records, out) {
      if (header !== undefined) await write(out, header);
      let n = 0;
      for await (const r of records) {
        for (const line of lines(r)) await write(out, line);
        n++;
      }
      return n;
    },
  };
}
