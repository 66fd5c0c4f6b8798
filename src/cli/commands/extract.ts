import { createWriteStream } from 'node:fs';
import type { Command } from 'commander';
import { Doc } from '../../core/doc.js';
import { defaultPipeline } from '../../pipeline/default.js';
import { readInputs } from '../../ingest/read.js';
import { toRecord } from '../../output/record.js';
import type { Format } from '../../ingest/types.js';

export function registerExtract(program: Command): void {
  program
    .command('extract')
    .description('run the pipeline and write one newsgraph/1 JSON record per document (JSON Lines)')
    .argument('[inputs...]', 'files, directories, URLs, or - for stdin', ['-'])
    .option('--from <format>', 'force the input format')
    .option('--published <date>', 'publication date (YYYY-MM-DD) for documents that have none')
    .option('--out <file>', 'write to a file instead of stdout')
    .option('--tokens', 'include the token layer')
    .action(async (inputs: string[], o: { from?: Format; published?: string; out?: string; tokens?: boolean }) => {
      const out = o.out ? createWriteStream(o.out) : process.stdout;
      const pipeline = defaultPipeline();
      let failed = 0;
      for await (const item of readInputs(inputs, { from: o.from })) {
        if (!item.ok) {
          failed++;
          process.stderr.write(`newsgraph: ${item.source}: ${item.error}\n`);
          continue;
        }
        const meta = item.doc.meta.published || !o.published ? item.doc.meta : { ...item.doc.meta, published: o.published };
        const doc = Doc.create(item.doc.text, meta, item.doc.id);
        const result = pipeline.run(doc, { published: meta.published });
        out.write(JSON.stringify(toRecord(result, { tokens: o.tokens })) + '\n');
      }
      if (out !== process.stdout) await new Promise<void>((r) => (out as NodeJS.WritableStream).end(() => r()));
      process.exitCode = failed ? 1 : 0;
    });
}
