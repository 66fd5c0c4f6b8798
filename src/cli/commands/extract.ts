import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { addReaderOptions, readerOptions, type ReaderCliOptions } from '../../ingest/cli-options.js';
import { write } from '../../output/export/write.js';
import { checkDate, reportFailure, warningLine } from '../report.js';

interface ExtractOptions extends ReaderCliOptions {
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
  addReaderOptions(cmd).action(async (inputs: string[], o: ExtractOptions) => {
    const published = checkDate('--published', o.published);
    const read = readerOptions(o);
    // Loaded on use: readers and stages pull in parsers and models that other commands never need.
    const [{ readInputs }, { runPipeline, toDoc }] = await Promise.all([import('../../ingest/read.js'), import('../run-pipeline.js')]);
    const out = o.out ? createWriteStream(o.out) : process.stdout;
    let failed = 0;
    for await (const item of readInputs(inputs, read)) {
      if (!item.ok) {
        failed++;
        reportFailure(item.source, item.error);
        continue;
      }
      if (item.note) process.stderr.write(warningLine(item.source, item.note) + '\n');
      const record = runPipeline(toDoc(item.doc, { published }), { tokens: o.tokens });
      const language = record.diagnostics.find((d) => d.rule === 'language.unsupported');
      if (language) process.stderr.write(warningLine(item.source, language.message) + '\n');
      await write(out, JSON.stringify(record) + '\n');
    }
    if (out !== process.stdout) await new Promise<void>((r) => out.end(() => r()));
    process.exitCode = failed ? 1 : 0;
  });
}
