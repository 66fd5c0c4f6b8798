import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { addReaderOptions, readerOptions, type ReaderCliOptions } from '../../ingest/cli-options.js';
import { write } from '../../output/export/write.js';
import { addWorkerOptions, workerOptions, type WorkerCliOptions } from '../../workers/cli-options.js';
import { checkDate, reportFailure, warningLine } from '../report.js';

interface ExtractOptions extends ReaderCliOptions, WorkerCliOptions {
  published?: string;
  out?: string;
  tokens?: boolean;
}

export function registerExtract(program: Command): void {
  const cmd = program
    .command('extract')
    .description('run the pipeline and write one newsgraph/1 JSON record per document (JSON Lines)')
    .argument('[inputs...]', 'files, directories, URLs, or - for stdin', ['-'])
    .option('--published <date>', 'publication date (YYYY-MM-DD) for documents that have none')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--tokens', 'include the token layer');
  addWorkerOptions(addReaderOptions(cmd)).action(async (inputs: string[], o: ExtractOptions) => {
    const published = checkDate('--published', o.published);
    const read = readerOptions(o);
    // Loaded on use: readers and stages pull in parsers and models that other commands never need.
    const [{ expandInputs }, { runBatch }, { WorkerPool }] = await Promise.all([
      import('../../ingest/sources.js'), import('../../workers/batch.js'), import('../../workers/pool.js'),
    ]);
    const out = o.out ? createWriteStream(o.out) : process.stdout;
    let failed = 0;
    const pool = new WorkerPool(workerOptions(o));
    try {
      const batch = { pool, read, ...(published ? { published } : {}), record: { tokens: !!o.tokens } };
      for await (const e of runBatch(expandInputs(inputs), batch)) {
        if (e.kind === 'failed') {
          failed++;
          reportFailure(e.source, e.error);
        } else if (e.kind === 'extracted') {
          if (e.note) process.stderr.write(warningLine(e.source, e.note) + '\n');
          const language = e.record.diagnostics.find((d) => d.rule === 'language.unsupported');
          if (language) process.stderr.write(warningLine(e.source, language.message) + '\n');
          await write(out, JSON.stringify(e.record) + '\n');
        }
      }
    } finally {
      await pool.close();
    }
    if (out !== process.stdout) await new Promise<void>((r) => out.end(() => r()));
    process.exitCode = failed ? 1 : 0;
  });
}
