import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Command } from 'commander';
import { EXPORT_FORMATS, exportFormat } from '../../output/export/formats.js';
import { DB_HELP, DEFAULT_DB, openStore } from '../../store/open.js';
import { UsageError } from '../report.js';

export function registerExport(program: Command): void {
  program
    .command('export')
    .description('write everything stored, in one format')
    .requiredOption('--format <name>', `output format: ${[...EXPORT_FORMATS.keys()].join(', ')}`)
    .option('--db <path>', DB_HELP, DEFAULT_DB)
    .option('--out <file>', 'write to a file instead of stdout')
    .action(async (o: { db: string; format: string; out?: string }) => {
      const format = exportFormat(o.format);
      if (!format) throw new UsageError(`unknown export format "${o.format}" (expected one of ${[...EXPORT_FORMATS.keys()].join(', ')})`);
      const store = openStore(o.db, { mustExist: true });
      const out: Writable = o.out ? createWriteStream(o.out) : process.stdout;
      try {
        const n = await format.write(store.export(), out);
        if (o.out) process.stderr.write(`exported ${n} documents to ${o.out}\n`);
      } finally {
        await store.close();
        if (out !== process.stdout) await new Promise<void>((r) => out.end(() => r()));
      }
    });
}
