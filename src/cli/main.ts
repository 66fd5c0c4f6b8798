#!/usr/bin/env node
import { readFileSync } from 'node:fs';
import { Command } from 'commander';
import { NewsgraphError } from '../core/errors.js';
import { registerClaims } from './commands/claims.js';
import { registerEntities } from './commands/entities.js';
import { registerEval } from './commands/eval.js';
import { registerExport } from './commands/export.js';
import { registerExtract } from './commands/extract.js';
import { registerIngest } from './commands/ingest.js';
import { registerEnqueue, registerQueue, registerWorker } from './commands/queue.js';
import { registerQuotes } from './commands/quotes.js';
import { registerStories } from './commands/stories.js';
import { registerReprocess } from './commands/reprocess.js';
import { registerSearch } from './commands/search.js';
import { registerServe } from './commands/serve.js';
import { registerShow } from './commands/show.js';
import { oneLine, UsageError } from './report.js';

const program = new Command();
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
program.name('newsgraph').version(version).description('Turn news articles into a sourced, searchable knowledge base.');
registerExtract(program);
registerIngest(program);
registerEnqueue(program);
registerWorker(program);
registerQueue(program);
registerReprocess(program);
registerSearch(program);
registerShow(program);
registerExport(program);
registerQuotes(program);
registerStories(program);
registerEntities(program);
registerClaims(program);
registerServe(program);
registerEval(program);

try {
  await program.parseAsync(process.argv);
} catch (err) {
  // User errors are one line; a stack trace only for bugs, and only when asked for.
  const known = err instanceof NewsgraphError || err instanceof UsageError;
  const message = err instanceof Error ? err.message : String(err);
  process.stderr.write(`newsgraph: ${oneLine(message)}\n`);
  if (!known && process.env.NEWSGRAPH_DEBUG && err instanceof Error) process.stderr.write(`${err.stack}\n`);
  process.exitCode = err instanceof UsageError ? 2 : 1;
}
